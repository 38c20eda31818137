"""The formal ground and the document archive: uploads recognised by content, generated names,
scoped and audited downloads, files deleted with their record."""

import io
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from samverka.audit.models import AuditAction, AuditEvent
from samverka.memory.documents.models import Agreement, Document
from samverka.memory.tests.factories import PDF

EXE = b"MZ\x90\x00" + b"\x00" * 400
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def _upload(client, world, name, content, **extra):
    return client.post(
        reverse("memory:document_upload", args=[world.kalmar.code]),
        {
            "upload": SimpleUploadedFile(name, content),
            "kind": "method",
            "title": extra.pop("title", "Metodbeskrivning"),
            **extra,
        },
    )


def test_a_pdf_is_stored_under_a_generated_name_and_downloaded_through_the_scoped_view(
    world, login_as, settings
):
    client = login_as(world.kalmar_ngo)
    response = _upload(client, world, "../../etc/<metod> föräldraträffar.pdf", PDF)
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.original_name == "metod föräldraträffar.pdf"
    assert document.file.name.startswith("documents/") and document.file.name.endswith(".pdf")
    assert "metod" not in document.file.name and ".." not in document.file.name
    assert Path(settings.MEDIA_ROOT, document.file.name).read_bytes() == PDF
    assert (document.content_type, document.size) == ("application/pdf", len(PDF))

    listing = client.get(reverse("memory:documents", args=[world.kalmar.code])).content.decode()
    download = reverse("memory:document_download", args=[world.kalmar.code, document.code])
    assert download in listing and settings.MEDIA_URL + document.file.name not in listing
    reader = login_as(world.kalmar_ledare)
    response = reader.get(download)
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT,
        object_code=document.code,
        actor_username="kalmar.ledare",
        collaboration_code=world.kalmar.code,
    ).exists()


def test_office_documents_are_recognised_by_their_content(world, login_as):
    response = _upload(login_as(world.kalmar_kommun), world, "metod", _docx(), title="")
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name.endswith(".docx") and document.title == "metod"
    assert document.original_name == "metod.docx"


def _stored(settings) -> set[Path]:
    return set(Path(settings.MEDIA_ROOT).glob("documents/**/*.*"))


@pytest.mark.parametrize(("name", "content"), [("avtal.pdf", EXE), ("protokoll.docx", HTML)])
def test_a_file_whose_content_is_not_its_name_is_refused_and_nothing_is_stored(
    world, login_as, settings, name, content
):
    before = _stored(settings)
    response = _upload(login_as(world.kalmar_ngo), world, name, content)
    assert response.status_code == 200
    assert "Den här filtypen tas inte emot" in str(response.context["form"].errors["upload"])
    assert not Document.objects.exists()
    assert _stored(settings) == before


def test_an_image_named_pdf_is_stored_as_the_image_it_is(world, login_as):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    assert _upload(login_as(world.kalmar_ngo), world, "bild.pdf", png).status_code == 302
    document = Document.objects.get()
    assert document.content_type == "image/png" and document.file.name.endswith(".png")
    assert document.original_name == "bild.png"


def test_a_file_over_20_mb_is_refused_before_it_is_read_whole(world, login_as, settings):
    big = PDF + b"0" * (20 * 1024 * 1024 + 1)
    response = _upload(login_as(world.kalmar_ngo), world, "rapport.pdf", big)
    assert response.status_code == 200
    assert "större än 20 MB" in str(response.context["form"].errors["upload"])
    assert not Document.objects.exists()


def test_a_document_of_another_collaboration_answers_404(world, login_as):
    _upload(login_as(world.kalmar_ngo), world, "protokoll.pdf", PDF)
    document = Document.objects.get()
    client = login_as(world.boden_ngo)
    for url in (
        reverse("memory:document_download", args=[world.kalmar.code, document.code]),
        reverse("memory:document_download", args=[world.boden.code, document.code]),
        reverse("memory:document_edit", args=[world.boden.code, document.code]),
    ):
        assert client.get(url).status_code == 404
    assert (
        client.post(
            reverse("memory:document_delete", args=[world.boden.code, document.code])
        ).status_code
        == 404
    )
    assert Document.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_the_file_is_deleted_with_its_record(
    world, login_as, settings, django_capture_on_commit_callbacks
):
    client = login_as(world.kalmar_ngo)
    _upload(client, world, "protokoll.pdf", PDF)
    document = Document.objects.get()
    path = Path(settings.MEDIA_ROOT, document.file.name)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("memory:document_delete", args=[world.kalmar.code, document.code]))
    assert not Document.objects.exists() and not path.exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, object_code=document.code).exists()


def test_who_may_keep_the_archive(world, login_as):
    upload = reverse("memory:document_upload", args=[world.kalmar.code])
    listing = reverse("memory:documents", args=[world.kalmar.code])
    assert login_as(world.kalmar_ledare).get(listing).status_code == 200
    assert login_as(world.kalmar_ledare).get(upload).status_code == 403
    assert _upload(login_as(world.kalmar_ledare), world, "a.pdf", PDF).status_code == 403
    assert login_as(world.kalmar_partner_user).get(listing).status_code == 403
    assert login_as(world.forskare).get(listing).status_code == 403
    assert not Document.objects.exists()


def test_the_formal_ground_is_recorded_with_its_dates(world, login_as):
    client = login_as(world.kalmar_kommun)
    url = reverse("memory:agreement_create", args=[world.kalmar.code])
    response = client.post(
        url, {"form": "iop", "valid_from": "2025-01-01", "valid_until": "2024-12-31"}
    )
    assert "valid_until" in response.context["form"].errors
    response = client.post(url, {"form": "grant"})
    assert "signed_on" in response.context["form"].errors
    assert not Agreement.objects.exists()
    client.post(
        url,
        {
            "form": "iop",
            "parties": "Kalmar kommun och Barnkraft Kalmar",
            "signed_on": "2022-12-01",
            "valid_from": "2023-01-01",
            "valid_until": "2025-12-31",
        },
    )
    client.post(url, {"form": "none"})
    assert sorted(Agreement.objects.values_list("form", flat=True)) == ["iop", "none"]
    page = client.get(reverse("memory:documents", args=[world.kalmar.code])).content.decode()
    assert "Idéburet offentligt partnerskap (IOP)" in page
    assert "Ingen skriftlig överenskommelse" in page


def test_an_agreement_cannot_point_at_another_collaborations_document(world, login_as):
    _upload(login_as(world.kalmar_ngo), world, "iop.pdf", PDF)
    kalmar_document = Document.objects.get()
    response = login_as(world.boden_ngo).post(
        reverse("memory:agreement_create", args=[world.boden.code]),
        {"form": "iop", "signed_on": "2024-01-01", "document": kalmar_document.pk},
    )
    assert "document" in response.context["form"].errors
    assert not Agreement.objects.exists()


def test_after_a_restore_missing_files_and_files_without_a_record_are_found(
    world, login_as, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = login_as(world.kalmar_ngo)
    _upload(client, world, "kept.pdf", PDF)
    _upload(client, world, "lost.pdf", PDF, title="Förlorad")
    lost = Document.objects.get(title="Förlorad")
    Path(tmp_path, lost.file.name).unlink()
    orphan = Path(tmp_path, "documents", "2026", "left-over.pdf")
    orphan.write_bytes(PDF)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("check_document_files", stdout=out)
    assert f"missing file: {lost.file.name} (document {lost.code})" in out.getvalue()
    assert "file without a record: documents/2026/left-over.pdf" in out.getvalue()
    with pytest.raises(CommandError):  # the missing file still differs
        call_command("check_document_files", "--delete-orphans", stdout=StringIO())
    assert not orphan.exists()
    lost.delete()
    call_command("check_document_files", stdout=out)  # no error: they belong together
