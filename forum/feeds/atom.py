"""Writing an Atom document (RFC 4287) from plain data, with ElementTree.

The XML is built as a tree, never by pasting strings, so titles and names are
escaped by construction; characters XML 1.0 cannot carry are dropped first
(one pass of a character class, linear time). Entry content is the stored,
sanitized HTML, carried as escaped text (``type="html"``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from xml.etree import ElementTree as ET

ATOM_NS = "http://www.w3.org/2005/Atom"
MIMETYPE = "application/atom+xml"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class Entry:
    id: str
    title: str
    link: str
    published: datetime
    updated: datetime
    author: str
    content_html: str = ""
    summary: str = ""


@dataclass
class Feed:
    id: str
    title: str
    link: str          # the HTML page the feed belongs to
    self_link: str     # the feed itself
    updated: datetime
    subtitle: str = ""
    entries: list[Entry] = field(default_factory=list)


def _text(value: str) -> str:
    return _NOT_XML.sub("", value or "")


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _child(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _text(text)
    return element


def render(feed: Feed) -> bytes:
    """The feed as a UTF-8 Atom document."""
    root = ET.Element("feed", {"xmlns": ATOM_NS})
    _child(root, "id", feed.id)
    _child(root, "title", feed.title)
    if feed.subtitle:
        _child(root, "subtitle", feed.subtitle)
    _child(root, "updated", _stamp(feed.updated))
    _child(root, "link", rel="alternate", type="text/html", href=feed.link)
    _child(root, "link", rel="self", type=MIMETYPE, href=feed.self_link)
    for entry in feed.entries:
        element = _child(root, "entry")
        _child(element, "id", entry.id)
        _child(element, "title", entry.title)
        _child(element, "link", rel="alternate", type="text/html", href=entry.link)
        _child(element, "published", _stamp(entry.published))
        _child(element, "updated", _stamp(entry.updated))
        _child(_child(element, "author"), "name", entry.author)
        if entry.summary:
            _child(element, "summary", entry.summary)
        if entry.content_html:
            _child(element, "content", entry.content_html, type="html")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
