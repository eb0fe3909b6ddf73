"""The one door user text passes through on its way to a page.

``render_markdown`` turns a member's Markdown into HTML with markdown-it-py
(raw HTML off, bare URLs linkified) and then cleans it with bleach against an
allowlist of tags, attributes and URL schemes. Every link gets
``rel="nofollow ugc noopener"``. Posts are rendered once, at write time, and the
result is stored beside the source; templates show stored HTML only through
``as_markup``, so no other user text is ever marked safe.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

import bleach
from bleach.html5lib_shim import Filter
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody",
    "td", "th", "thead", "tr", "ul",
})
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"
_LANGUAGE_CLASS = re.compile(r"^language-[a-z0-9+#_-]{1,30}$")


_BROWSER_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def safe_href(value: str) -> bool:
    """An absolute http(s)/mailto URL, or a same-site path or fragment.

    Decodes entities and drops the control and space characters browsers skip
    (``&Tab;``, ``\x01`` ...) before deciding, so that no spelling of
    ``javascript:`` or ``data:`` gets through, even one bleach reads as a path.
    """
    url = _BROWSER_IGNORED.sub("", html.unescape(value))
    if "\\" in url:
        return False
    if url.lower().startswith(("http://", "https://", "mailto:")):
        return True
    return url.startswith("#") or (url.startswith("/") and not url.startswith("//"))


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if tag == "a":
        return name == "title" or (name == "href" and safe_href(value))
    if tag == "abbr":
        return name == "title"
    if tag == "code":
        return name == "class" and bool(_LANGUAGE_CLASS.match(value))
    if tag == "ol":
        return name == "start" and value.isdigit()
    return False


class _LinkRelFilter(Filter):
    """Give every surviving link the same ``rel``, whatever the input said."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a":
                attrs = dict(token.get("data") or {})
                attrs[(None, "rel")] = LINK_REL
                token["data"] = attrs
            yield token


@lru_cache(maxsize=1)
def _cleaner() -> bleach.Cleaner:
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=_allowed_attribute,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[_LinkRelFilter],
    )


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
    md.enable(["linkify", "strikethrough", "table"])
    # Images would let a post load third-party content into readers' browsers;
    # ![alt](url) stays visible as text with a link instead.
    md.disable("image")
    # Headings inside a post must not outrank the page's own headings.
    md.add_render_rule("heading_open", _render_heading_open)
    md.add_render_rule("heading_close", _render_heading_close)
    return md


def _post_heading_tag(tag: str) -> str:
    level = int(tag[1])
    return f"h{min(6, level + 2)}"


def _render_heading_open(self, tokens, idx, options, env):
    return f"<{_post_heading_tag(tokens[idx].tag)}>"


def _render_heading_close(self, tokens, idx, options, env):
    return f"</{_post_heading_tag(tokens[idx].tag)}>\n"


def clean_html(html: str) -> str:
    """Sanitize an HTML fragment against the allowlist. Idempotent."""
    return _cleaner().clean(html)


def render_markdown(source: str) -> str:
    """Render member Markdown to sanitized HTML, ready to store."""
    return clean_html(_markdown().render(source))


def as_markup(stored_html: str | None) -> Markup:
    """Mark HTML produced by ``render_markdown`` safe for a template.

    Only fields written by this module (``*_html`` columns) may pass here.
    """
    return Markup(stored_html or "")


def quote_markdown(source: str, author_name: str) -> str:
    """Markdown that quotes ``source`` in a reply, attributed to its author."""
    lines = source.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in lines)
    return f"> **{author_name}** wrote:\n>\n{quoted}\n\n"


def plain_text(source: str, limit: int = 200) -> str:
    """A short plain-text excerpt of Markdown, for lists and link previews."""
    text = re.sub(r"[`*_>#\[\]()!~|-]+", " ", source)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
