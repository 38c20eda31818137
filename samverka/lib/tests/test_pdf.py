"""Printed documents come from HTML templates; their text can be read back."""

import io

import pytest
from django.template import engines
from pypdf import PdfReader

from samverka.lib.pdf import FetchRefused, _static_file, pdf_response, render_pdf


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_a_template_becomes_a_pdf_whose_text_reads_back_in_swedish_and_arabic(tmp_path, settings):
    (tmp_path / "doc.html").write_text(
        '{% extends "pdf/base.html" %}{% block content %}<h1>Lärdomar från Kalmar</h1>'
        '<p dir="rtl" lang="ar">مرحبا بكم</p>{% endblock %}',
        encoding="utf-8",
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    engines._templates = None
    content = render_pdf("doc.html", {})
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    assert "Lärdomar från Kalmar" in text
    assert "مرحبا" in text or "ﻣﺮﺣﺒﺎ" in text  # presentation forms after shaping


def test_documents_fetch_nothing_from_the_network():
    with pytest.raises(FetchRefused):
        _static_file("https://tracker.example/pixel.png")
    with pytest.raises(FetchRefused):
        _static_file("http://samverka.invalid/static/../settings.py")
    assert _static_file("http://samverka.invalid/static/css/print-pdf.css").name == "print-pdf.css"


def test_a_pdf_is_downloaded_under_a_plain_name():
    response = pdf_response(b"%PDF-1.7", "dossier Kalmar 2025.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="dossierKalmar2025.pdf"'
