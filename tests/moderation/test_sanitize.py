"""The sanitizer: Markdown in, safe HTML out, whatever a member types."""
import re
from pathlib import Path

import pytest

from moderation.sanitize import LINK_REL, clean_html, quote_markdown, render_markdown

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<div onmouseover=\"alert(1)\">hover</div>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
    "<a href=\"jav&#x61;script:alert(1)\">click</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\"java\tscript:alert(1)\">tab</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
    "<a href=\"vbscript:msgbox(1)\">vb</a>",
    "<svg onload=alert(1)><circle r=10 /></svg>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<b onclick=alert(1)>bold</b>",
    "<p style=\"background:url(javascript:alert(1))\">css</p>",
    "<scr<script>ipt>alert(1)</script>",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok",
    "<img src=\"x\" onerror=\"alert(1)\"",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
]

DANGEROUS = re.compile(r"<\s*(script|img|svg|iframe|style|math|noscript)|\son\w+\s*=|javascript:|vbscript:|data:",
                       re.IGNORECASE)


def _tags_and_attrs(html: str) -> str:
    """Only the markup of ``html`` (text between tags removed)."""
    return " ".join(re.findall(r"<[^>]*>", html))


@pytest.mark.parametrize("payload", HOSTILE)
def test_raw_html_in_markdown_is_shown_as_text_never_as_markup(payload):
    html = render_markdown(payload)
    assert not DANGEROUS.search(_tags_and_attrs(html)), html


@pytest.mark.parametrize("payload", HOSTILE)
def test_clean_html_removes_dangerous_markup(payload):
    html = clean_html(payload)
    assert not DANGEROUS.search(_tags_and_attrs(html)), html


@pytest.mark.parametrize("payload", HOSTILE + ["**bold** and [a link](https://example.org)", "<b>unclosed"])
def test_cleaning_is_idempotent(payload):
    once = clean_html(payload)
    assert clean_html(once) == once


@pytest.mark.parametrize("link", [
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](jav&#x61;script:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "[click](vbscript:msgbox)",
    "<javascript:alert(1)>",
])
def test_markdown_links_with_unsafe_schemes_do_not_become_links(link):
    html = render_markdown(link)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert all(h.startswith(("http:", "https:", "mailto:")) for h in hrefs), html


def test_links_get_nofollow_ugc_noopener_and_bare_urls_are_linkified():
    html = render_markdown("See https://www.nhs.uk/conditions/ and [the ADA](https://diabetes.org).")
    assert html.count(f'rel="{LINK_REL}"') == 2
    assert 'href="https://www.nhs.uk/conditions/"' in html
    assert 'href="https://diabetes.org"' in html


def test_existing_rel_is_replaced_not_trusted():
    html = clean_html('<a href="https://x.example" rel="opener">x</a>')
    assert f'rel="{LINK_REL}"' in html and "opener\"" not in html.replace("noopener", "")


def test_markdown_formatting_survives():
    html = render_markdown("# Heading\n\n**bold** *em* `code`\n\n- one\n- two\n\n> quoted\n\n1. first")
    for fragment in ("<h3>Heading</h3>", "<strong>bold</strong>", "<em>em</em>", "<code>code</code>",
                     "<li>one</li>", "<blockquote>", "<ol>"):
        assert fragment in html


def test_unclosed_tags_cannot_swallow_the_page():
    html = clean_html("<b><i>unclosed <table><tr><td>cell")
    assert html.count("<b>") == html.count("</b>")
    assert html.count("<i>") == html.count("</i>")


def test_images_are_not_loaded_from_posts():
    html = render_markdown("![tracking pixel](https://evil.example/p.gif)")
    assert "<img" not in html


def test_quote_markdown_quotes_every_line_and_names_the_author():
    quoted = quote_markdown("First line\n\nSecond line", "alice")
    assert quoted.startswith("> **alice** wrote:")
    assert "> First line" in quoted and "> Second line" in quoted
    assert "<blockquote>" in render_markdown(quoted)


def test_no_template_marks_user_text_safe_except_through_the_sanitizer():
    """Only the ``sanitized`` filter (moderation.sanitize.as_markup) may emit raw HTML."""
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        if "|safe" in text.replace(" ", "") or "Markup(" in text or "autoescape false" in text:
            offenders.append(str(path))
        for match in re.finditer(r"\{\{\s*([^}|]+)\|\s*sanitized", text):
            assert match.group(1).strip().endswith("_html"), f"{path}: sanitized used on {match.group(1)}"
    assert offenders == []
