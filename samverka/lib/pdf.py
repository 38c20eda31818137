"""Printed documents: PDF from an HTML template, through WeasyPrint.

    content = render_pdf("followup/report_pdf.html", context)
    return pdf_response(content, "steering-group-report.pdf")

A PDF template extends `pdf/base.html` (A4, the Noto fonts Debian installs, right-to-left where
the language asks for it, page numbers). Nothing is fetched from the network: images and
stylesheets come from the project's static files only (a data: URL or `/static/...`), so a
document never leaks a family's data to a third party and renders the same offline. Tests read
the text back with pypdf.
"""

import mimetypes
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse
from django.template.loader import render_to_string

PDF_TYPE = "application/pdf"


class FetchRefused(ValueError):
    pass


def _static_file(url: str) -> Path:
    """The static file a `/static/...` URL names; anything else is refused."""
    marker = "/static/"
    if url.startswith("data:") or marker not in url:
        raise FetchRefused(url)
    try:
        found = finders.find(url.split(marker, 1)[1].split("?", 1)[0])
    except SuspiciousFileOperation as outside:
        raise FetchRefused(url) from outside
    if not found:
        raise FetchRefused(url)
    return Path(found)


def _fetcher():
    """WeasyPrint's URL fetcher, limited to data: URLs and the project's static files."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = _static_file(url)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    return StaticOnly(allowed_protocols=("data", "http"), allow_redirects=False)


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """The PDF of an HTML template (which should extend pdf/base.html)."""
    from weasyprint import HTML  # imported late: it loads Pango, which only PDFs need

    html = render_to_string(template_name, context, request=request)
    document = HTML(string=html, base_url="http://samverka.invalid/", url_fetcher=_fetcher())
    return document.write_pdf()


def pdf_response(content: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=PDF_TYPE)
    safe = "".join(c for c in filename if c.isalnum() or c in "-_.") or "document.pdf"
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
