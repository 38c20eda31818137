"""A file to download: what a service makes (content, type, name) and the response that sends it."""

from dataclasses import dataclass

from django.http import HttpResponse


@dataclass(frozen=True)
class Download:
    content: bytes
    content_type: str
    filename: str


def attachment(download: Download) -> HttpResponse:
    """The file as an attachment, never kept in a cache (exports hold collaboration data)."""
    response = HttpResponse(download.content, content_type=download.content_type)
    response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    response["Cache-Control"] = "no-store"
    return response
