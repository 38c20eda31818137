"""Tests of background work; `job_download` follows a page that started a job to its file."""

from dataclasses import dataclass
from urllib.parse import urlparse

from django.urls import resolve, reverse


@dataclass
class Downloaded:
    content: bytes
    filename: str
    content_type: str


def job_download(client, response) -> Downloaded:
    """The file of the job `response` (a redirect to the job's page) started, downloaded as the
    person would from that page (jobs run at once in tests)."""
    assert response.status_code == 302, response.status_code
    target = resolve(urlparse(response["Location"]).path)
    assert target.view_name == "jobs:detail", response["Location"]
    file = client.get(reverse("jobs:download", args=[target.kwargs["job_code"]]))
    assert file.status_code == 200, file.status_code
    disposition = file.get("Content-Disposition", "")
    name = disposition.split("filename=", 1)[-1].strip('"') if "filename=" in disposition else ""
    return Downloaded(b"".join(file.streaming_content), name, file["Content-Type"])
