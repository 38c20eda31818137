"""Markdown written in the knowledge bank, rendered to HTML that is safe to show.

Two kept libraries, never hand-written filtering: markdown-it-py turns CommonMark (with
tables) into HTML with raw HTML switched off, and nh3 (the Rust `ammonia` sanitiser) then keeps
only the tags and attributes below, only http(s) and mailto links, and drops every `style`,
event handler and `<script>`/`<iframe>` whatever the first step let through.
"""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_RENDERER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_RENDERER.enable("table")
_RENDERER.enable("strikethrough")

ALLOWED_TAGS = {
    "a",
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitise(html: str) -> str:
    """HTML reduced to the allowed tags, attributes and link schemes (nh3)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_markdown(text: str) -> SafeString:
    """Markdown → sanitised HTML, safe to put in a template as it is.

    Headings start at level 2 (the page's own title is the h1): `# Title` becomes an h2.
    """
    html = _RENDERER.render(text or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return mark_safe(sanitise(html))  # sanitised by nh3 just above
