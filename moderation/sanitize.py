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
from markdown_it.token import Token
from markupsafe import Markup

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6",
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
        return name == "title" or (name == "href" and safe_href(value)) or (name == "class" and value == "mention")
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
    md.core.ruler.push("mentions", _link_mentions)
    return md


# @name (a username: letters, digits, _ . -), not inside a word or an email address.
MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9_][A-Za-z0-9_.-]{1,31})")
# Where a mention links: the member's profile (the app's /u/<username>).
MENTION_URL = "/u/{}"


# The attribution line ``quote_markdown`` writes: "> **name** wrote:" (one line, bounded: linear).
QUOTED = re.compile(r"^> \*\*([A-Za-z0-9_][A-Za-z0-9_.-]{1,31})\*\* wrote:[ \t\r]*$", re.MULTILINE)


def quoted_names(source: str) -> list[str]:
    """The usernames whose posts ``source`` quotes (the lines ``quote_markdown`` writes)."""
    return list(dict.fromkeys(QUOTED.findall(source or "")))


def mentioned_names(source: str) -> list[str]:
    """The usernames @mentioned in ``source``, as written (trailing . and - dropped)."""
    return [name for name in (m.rstrip(".-") for m in MENTION.findall(source or "")) if len(name) >= 2]


def _mention_tokens(text: str) -> list[Token]:
    out, pos = [], 0
    for match in MENTION.finditer(text):
        name = match.group(1).rstrip(".-")
        if len(name) < 2:
            continue
        start, end = match.start(), match.start() + 1 + len(name)
        if start > pos:
            out.append(Token("text", "", 0, content=text[pos:start]))
        link = Token("link_open", "a", 1, attrs={"href": MENTION_URL.format(name), "class": "mention"})
        out += [link, Token("text", "", 0, content="@" + name), Token("link_close", "a", -1)]
        pos = end
    if pos < len(text):
        out.append(Token("text", "", 0, content=text[pos:]))
    return out


def _link_mentions(state) -> None:
    """Turn @name in plain text (not in code or an existing link) into a link to the profile."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children, depth = [], 0
        for token in block.children:
            depth += token.type == "link_open"
            depth -= token.type == "link_close"
            if token.type == "text" and not depth and "@" in token.content:
                children += _mention_tokens(token.content)
            else:
                children.append(token)
        block.children = children


def _post_heading_tag(tag: str, offset: int = 2) -> str:
    level = int(tag[1])
    return f"h{min(6, max(2, level + offset))}"


def _render_heading_open(self, tokens, idx, options, env):
    return f"<{_post_heading_tag(tokens[idx].tag, env.get('heading_offset', 2))}>"


def _render_heading_close(self, tokens, idx, options, env):
    return f"</{_post_heading_tag(tokens[idx].tag, env.get('heading_offset', 2))}>\n"


def clean_html(html: str) -> str:
    """Sanitize an HTML fragment against the allowlist. Idempotent."""
    return _cleaner().clean(html)


def render_markdown(source: str, *, heading_offset: int = 2) -> str:
    """Render member Markdown to sanitized HTML, ready to store.

    Headings move down ``heading_offset`` levels (``#`` becomes ``h3`` in a post),
    never above ``h2``: a page's own ``h1`` stays the only one. A whole page of
    text under its own title (the site's policy pages) uses ``heading_offset=0``.
    """
    return clean_html(_markdown().render(source, {"heading_offset": heading_offset}))


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
