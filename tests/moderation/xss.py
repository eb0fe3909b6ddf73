"""The XSS corpus and a checker that reads a page the way a browser's parser would."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

VECTORS_FILE = Path(__file__).parent / "data" / "xss_vectors.txt"
ACTIVE_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "frame",
    "frameset",
    "base",
    "svg",
    "math",
    "style",
    "applet",
    "template",
    "noscript",
    "xmp",
    "isindex",
    "img",
    "video",
    "audio",
    "image",
}
URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "xlink:href",
    "srcdoc",
    "content",
}
BAD_URL = re.compile(r"^(?:javascript|vbscript|livescript|data):", re.IGNORECASE)
IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def load_vectors() -> list[str]:
    return [line for line in VECTORS_FILE.read_text(encoding="utf-8").split("\n") if line.strip()]


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        attrs = [(name.lower(), value or "") for name, value in attrs]
        values = dict(attrs)
        own = (tag in ("script", "img") and values.get("src", "").startswith("/static/")) or (
            # the site's own drawings: dashboard charts, generated avatars, pill drawings
            tag == "svg" and values.get("class") in ("bar-chart", "avatar", "pill-drawing")
        ) or (tag == "img" and values.get("class") == "avatar" and re.fullmatch(
            r"/avatars/[0-9a-f]{64}\.webp", values.get("src", "")) is not None)
        if tag in ACTIVE_TAGS and not own:
            self.problems.append(f"<{tag}> {attrs}")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self.problems.append(f"<meta http-equiv> {attrs}")
        feed = values.get("rel") == "alternate" and values.get("type") == "application/atom+xml" and re.fullmatch(
            r"/[A-Za-z0-9/_.-]*feed\.atom", values.get("href", "")) is not None
        if tag == "link" and not values.get("href", "").startswith("/static/") and not feed:
            self.problems.append(f"<link> {attrs}")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRS and BAD_URL.match(IGNORED.sub("", value)):
                self.problems.append(f"<{tag} {name}={value!r}>")


def active_content(html: str) -> list[str]:
    """Every tag or attribute in ``html`` that could run script; empty when the page is safe."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.problems
