"""Markdown in the bank renders harmlessly: known XSS payloads are escaped or dropped by the
kept libraries (markdown-it-py with raw HTML off, then nh3)."""

from html.parser import HTMLParser

import pytest

from samverka.knowledge.markdown import ALLOWED_TAGS, render_markdown, sanitise
from samverka.knowledge.tests.conftest import make_item

PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="#" onclick="alert(1)">klick</a>',
    "[klicka här](javascript:alert(1))",
    "[klicka här](JaVaScRiPt:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://example.org"></iframe>',
    '<p style="position:fixed;top:0">överlägg</p>',
    '<svg onload="alert(1)"></svg>',
    "![bild](javascript:alert(1))",
    '<div onmouseover="alert(1)">text</div>',
]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize("payload", PAYLOADS)
def test_known_xss_payloads_render_harmlessly(payload):
    html = str(render_markdown(f"Text före\n\n{payload}\n\nText efter"))
    for tag, attrs in _tags(html):
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on") and name != "style", (tag, name)
            if name == "href":
                assert value.startswith(("http://", "https://", "mailto:")), value
    assert "Text före" in html and "Text efter" in html


def test_a_bank_item_page_shows_a_payload_as_text(client, world, login_as):
    item = make_item(body="<script>alert('x')</script> [x](javascript:alert(1))")
    login_as(world.kalmar_ledare)
    body = client.get(f"/knowledge/{item.code}/").content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert" in body
    assert 'href="javascript' not in body


@pytest.mark.parametrize(
    "html",
    [
        '<a href="javascript:alert(1)">x</a>',
        '<p style="color:red" onclick="x()">x</p>',
        "<script>alert(1)</script><iframe src=x></iframe>",
    ],
)
def test_the_sanitiser_itself_removes_what_markdown_might_let_through(html):
    cleaned = sanitise(html).lower()
    assert "javascript" not in cleaned
    assert "style" not in cleaned and "onclick" not in cleaned
    assert "<script" not in cleaned and "<iframe" not in cleaned


def test_ordinary_markdown_becomes_headings_lists_tables_and_safe_links():
    html = str(
        render_markdown(
            "# Rubrik\n\n- ett\n- två\n\n**fet** *kursiv*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
            "[Barnkonventionen](https://www.barnombudsmannen.se)"
        )
    )
    assert "<h2>Rubrik</h2>" in html  # the page's own title is the h1
    assert "<li>ett</li>" in html and "<strong>fet</strong>" in html and "<em>kursiv</em>" in html
    assert "<table>" in html and "<td>1</td>" in html
    assert 'href="https://www.barnombudsmannen.se"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
