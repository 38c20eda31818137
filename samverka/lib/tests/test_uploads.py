"""Uploads are recognised by content, limited in size while they arrive, and zip-checked."""

import io
import zipfile

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, override_settings

from samverka.lib.uploads import (
    GeneratedName,
    RefusedUploadsMixin,
    UploadField,
    UploadRefused,
    check_upload,
    file_fields,
)


def _zip(members, first=None, compress=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compress) as archive:
        if first:
            archive.writestr(first[0], first[1], compress_type=zipfile.ZIP_STORED)
        for name, content in members:
            archive.writestr(name, content)
    return out.getvalue()


DOCX = _zip(
    [("[Content_Types].xml", "<x/>"), ("_rels/.rels", "<x/>"), ("word/document.xml", "<x/>")]
)
ODT = _zip([("content.xml", "<x/>")], first=("mimetype", "application/vnd.oasis.opendocument.text"))
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"
EXE = b"MZ\x90\x00" + b"\x00" * 200
HTML = b"<!doctype html><html><script>alert(1)</script></html>"


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("avtal.pdf", PDF, "pdf"), ("metod.docx", DOCX, "docx"), ("protokoll.odt", ODT, "odt")],
)
def test_documents_are_recognised_by_their_content(name, content, kind):
    assert (
        check_upload(upload(name, content), kinds=["pdf", "docx", "odt"], max_bytes=10**6).name
        == kind
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("program.pdf", EXE), ("sida.docx", HTML), ("bild.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 32)],
)
def test_a_file_renamed_to_look_allowed_is_refused_with_the_reason(name, content):
    with pytest.raises(UploadRefused) as refused:
        check_upload(upload(name, content), kinds=["pdf", "docx"], max_bytes=10**6)
    assert "PDF" in str(refused.value.message)


def test_a_zip_bomb_and_member_names_with_path_parts_are_refused():
    bomb = _zip([("[Content_Types].xml", "<x/>"), ("word/document.xml", "0" * 30_000_000)])
    with pytest.raises(UploadRefused, match="zip"):
        check_upload(upload("a.docx", bomb), kinds=["docx"], max_bytes=10**8)
    escaping = _zip([("[Content_Types].xml", "<x/>"), ("word/../../etc/passwd", "x")])
    with pytest.raises(UploadRefused):
        check_upload(upload("b.docx", escaping), kinds=["docx"], max_bytes=10**6)


def test_plain_text_must_be_utf8_without_nul_bytes():
    assert (
        check_upload(upload("intervju.txt", "Hej då".encode()), kinds=["txt"], max_bytes=100).name
        == "txt"
    )
    with pytest.raises(UploadRefused):
        check_upload(upload("x.txt", "Hej".encode("utf-16")), kinds=["txt"], max_bytes=100)
    with pytest.raises(UploadRefused):
        check_upload(upload("x.txt", b"Hej\xe5"), kinds=["txt"], max_bytes=100)


def test_the_forms_own_limit_and_an_empty_file_are_refused():
    with pytest.raises(UploadRefused, match="MB"):
        check_upload(upload("a.pdf", PDF + b"0" * 2048), kinds=["pdf"], max_bytes=1024)
    with pytest.raises(UploadRefused):
        check_upload(upload("a.pdf", b""), kinds=["pdf"], max_bytes=1024)


def test_the_stored_name_is_generated_and_the_given_name_kept_only_as_data():
    checked = upload("../../etc/<avtal>.pdf", PDF)
    checked.kind = check_upload(checked, kinds=["pdf"], max_bytes=10**6)
    fields = file_fields(checked)
    assert fields["original_name"] == "avtal.pdf"
    assert fields["content_type"] == "application/pdf" and fields["size"] == len(PDF)

    class Stored:
        content_type = "application/pdf"

    name = GeneratedName("documents")(Stored(), "../../etc/<avtal>.pdf")
    assert name.startswith("documents/") and name.endswith(".pdf") and "avtal" not in name


class DocumentForm(RefusedUploadsMixin, forms.Form):
    file = UploadField(kinds=["pdf"])


@override_settings(UPLOAD_MAX_BYTES=4096)
def test_a_file_over_the_limit_is_not_stored_and_the_form_says_why():
    big = SimpleUploadedFile("stor.pdf", PDF + b"0" * 20_000)
    request = RequestFactory().post("/", {"file": big, "title": "x"})
    assert "file" not in request.FILES  # the handler stopped storing it
    assert request.POST["title"] == "x"
    form = DocumentForm(request.POST, request.FILES, request=request)
    assert not form.is_valid()
    assert "MB" in form.errors["file"][0]
