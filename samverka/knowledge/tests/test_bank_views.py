"""The knowledge bank: every member reads, the national lead and named editors write; versions
are kept; public items are readable without login; attachments follow the upload rules."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import make_user
from samverka.audit.models import AuditEvent
from samverka.knowledge.bank import services
from samverka.knowledge.bank.models import BankEditor, Item, ItemTranslation
from samverka.knowledge.tests.conftest import make_item

pytestmark = pytest.mark.django_db

NEW_ITEM = {
    "kind": "theme_material",
    "title": "Skolan i Sverige",
    "summary": "Hur skolan fungerar.",
    "body": "## Frågor\n- Vad vet ni om skoldagen?",
    "change_note": "",
    "theme_category": "school_work_language",
    "focus_areas": ["3"],
    "target_groups": ["guardians"],
    "age_groups": ["6-9"],
    "keywords": "skola, lärare",
}


@pytest.fixture
def editor(world):
    user = make_user("redaktor")
    BankEditor.objects.create(user=user, named_by=world.nationell)
    return user


@pytest.mark.parametrize(
    "persona", ["kalmar_ngo", "kalmar_ledare", "kalmar_partner_user", "forskare", "boden_kommun"]
)
def test_every_member_reads_the_bank_and_a_published_item(client, world, login_as, persona):
    item = make_item(title="Fritidsklubb")
    login_as(getattr(world, persona))
    listing = client.get("/knowledge/")
    assert listing.status_code == 200 and "Fritidsklubb" in listing.content.decode()
    page = client.get(f"/knowledge/{item.code}/")
    assert page.status_code == 200 and "Så gör vi." in page.content.decode()


def test_a_person_without_any_membership_gets_404(client):
    loner = make_user("ensam")
    client.force_login(loner)
    assert client.get("/knowledge/").status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    item = make_item()
    response = client.get(f"/knowledge/{item.code}/")
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["kalmar_ngo", "kalmar_ledare", "forskare"])
def test_readers_cannot_write(client, world, login_as, persona):
    item = make_item()
    login_as(getattr(world, persona))
    assert client.get("/knowledge/new/").status_code == 403
    assert client.post("/knowledge/new/", NEW_ITEM).status_code == 403
    assert (
        client.post(f"/knowledge/{item.code}/edit/", {**NEW_ITEM, "action": "publish"}).status_code
        == 403
    )
    assert not Item.objects.filter(title="Skolan i Sverige").exists()


def test_readers_do_not_see_unpublished_items(client, world, login_as):
    draft = make_item(title="Utkast om läxhjälp", publish=False)
    login_as(world.kalmar_ngo)
    assert "Utkast om läxhjälp" not in client.get("/knowledge/").content.decode()
    assert client.get(f"/knowledge/{draft.code}/").status_code == 404


def test_a_named_editor_creates_and_publishes_an_item(client, editor):
    client.force_login(editor)
    response = client.post("/knowledge/new/", {**NEW_ITEM, "action": "publish"})
    item = Item.objects.get(title="Skolan i Sverige")
    assert response.status_code == 302
    assert item.current.number == 1 and item.current.is_published
    assert item.theme_category == "school_work_language" and item.focus_areas == [3]
    assert AuditEvent.objects.filter(object_code=item.code, action="create").exists()


def test_theme_material_needs_a_category(client, editor):
    client.force_login(editor)
    response = client.post(
        "/knowledge/new/", {**NEW_ITEM, "theme_category": "", "action": "publish"}
    )
    assert response.status_code == 200
    assert not Item.objects.exists()
    assert (
        "kategori" in response.content.decode().lower()
        or "category" in response.content.decode().lower()
    )


def test_the_national_lead_writes_without_being_named(client, world, login_as):
    login_as(world.nationell)
    client.post("/knowledge/new/", {**NEW_ITEM, "action": "draft"})
    item = Item.objects.get()
    assert item.current is None  # a draft until published
    client.post(f"/knowledge/{item.code}/publish/")
    item.refresh_from_db()
    assert item.current.number == 1


def test_editing_a_published_item_keeps_the_version_and_shows_what_changed(
    client, world, editor, login_as
):
    item = make_item(title="Cykelverkstad", body="Laga cyklar.\nÖva på skolgården.")
    first = item.current
    client.force_login(editor)
    client.post(
        f"/knowledge/{item.code}/edit/",
        {
            "kind": "method",
            "title": "Cykelverkstad",
            "summary": item.summary,
            "body": "Laga cyklar tillsammans.\nÖva på skolgården.",
            "change_note": "Tydligare",
            "action": "draft",
        },
    )
    item.refresh_from_db()
    first.refresh_from_db()
    assert item.current == first and first.body == "Laga cyklar.\nÖva på skolgården."
    assert item.versions.count() == 2
    # Readers still see version 1 until the draft is published.
    login_as(world.kalmar_ledare)
    assert "Laga cyklar tillsammans" not in client.get(f"/knowledge/{item.code}/").content.decode()
    client.force_login(editor)
    client.post(f"/knowledge/{item.code}/publish/")
    login_as(world.kalmar_ledare)
    page = client.get(f"/knowledge/{item.code}/").content.decode()
    assert "Laga cyklar tillsammans." in page
    assert re.search(r"<ins>\s*tillsammans\s*</ins>", page)
    version_page = client.get(f"/knowledge/{item.code}/versions/2/").content.decode()
    assert "Tydligare" in version_page and "<ins>" in version_page
    assert client.get(f"/knowledge/{item.code}/versions/1/").status_code == 200


def test_search_finds_words_in_the_text_and_filters_narrow_by_tags(client, world, login_as):
    make_item(title="Föräldragrupp", body="Träffas varje vecka med tolk.", focus_areas=[3])
    make_item(title="Cykelverkstad", body="Laga cyklar.", focus_areas=[2])
    make_item(kind="theme_material", title="Vården", body="Ring 1177.", theme_category="health")
    login_as(world.kalmar_ngo)
    page = client.get("/knowledge/", {"q": "tolk"}).content.decode()
    assert "Föräldragrupp" in page and "Cykelverkstad" not in page
    page = client.get("/knowledge/", {"focus_area": "2"}).content.decode()
    assert "Cykelverkstad" in page and "Föräldragrupp" not in page
    page = client.get("/knowledge/", {"category": "health"}).content.decode()
    assert "Vården" in page and "Cykelverkstad" not in page


def test_a_public_item_is_readable_without_login_at_its_stable_address(client):
    item = make_item(title="Öppen familjedag", is_public=True)
    services.item_update(
        item=item, title="Öppen familjedag", summary="", body="Ny text.", publish=True, by=None
    )
    response = client.get(f"/knowledge/public/{item.code}/")
    assert response.status_code == 200
    assert "Ny text." in response.content.decode()


def test_an_item_not_marked_public_is_404_without_login(client):
    item = make_item(title="Internt metodkort")
    assert client.get(f"/knowledge/public/{item.code}/").status_code == 404
    draft = make_item(title="Opublicerat", publish=False, is_public=True)
    assert client.get(f"/knowledge/public/{draft.code}/").status_code == 404


def _pdf():
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_an_editor_attaches_a_pdf_and_readers_download_it(
    client, world, editor, login_as, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    item = make_item()
    client.force_login(editor)
    response = client.post(
        f"/knowledge/{item.code}/files/new/",
        {"title": "Blankett", "language": "sv", "file": SimpleUploadedFile("blankett.pdf", _pdf())},
    )
    assert response.status_code == 302
    attachment = item.attachments.get()
    assert (
        attachment.original_name == "blankett.pdf" and attachment.content_type == "application/pdf"
    )
    assert not attachment.file.name.endswith("blankett.pdf")  # a generated name
    login_as(world.kalmar_ledare)
    download = client.get(f"/knowledge/{item.code}/files/{attachment.code}/")
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"
    client.force_login(editor)
    client.post(f"/knowledge/{item.code}/files/{attachment.code}/delete/")
    assert not item.attachments.exists()
    assert not (tmp_path / attachment.file.name).exists()


def test_a_file_that_fails_the_upload_rules_is_refused_with_the_reason(
    client, editor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    item = make_item()
    client.force_login(editor)
    html = SimpleUploadedFile("broschyr.pdf", b"<html><script>alert(1)</script></html>")
    response = client.post(
        f"/knowledge/{item.code}/files/new/", {"title": "X", "language": "sv", "file": html}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "PDF" in text  # "This file type is not accepted. Accepted: PDF, …"
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("word/document.xml", "0" * 50_000_000)
    response = client.post(
        f"/knowledge/{item.code}/files/new/",
        {"title": "X", "language": "sv", "file": SimpleUploadedFile("a.docx", bomb.getvalue())},
    )
    assert response.status_code == 400
    assert not item.attachments.exists()


def test_an_editor_adds_a_translation_with_its_status_and_readers_switch_language(
    client, world, editor, login_as
):
    item = make_item(kind="theme_material", title="Barnkonventionen", theme_category="child_rights")
    client.force_login(editor)
    client.post(
        f"/knowledge/{item.code}/translations/ar/",
        {"title": "اتفاقية حقوق الطفل", "summary": "", "body": "نص", "status": "draft"},
    )
    translation = ItemTranslation.objects.get(item=item, language="ar")
    assert translation.status == "draft" and translation.source_version == 1
    login_as(world.kalmar_ngo)
    page = client.get(f"/knowledge/{item.code}/", {"lang": "ar"}).content.decode()
    assert "اتفاقية حقوق الطفل" in page and 'dir="rtl"' in page
    # A new published version marks the translation as outdated.
    services.item_update(
        item=item, title="Barnkonventionen", summary="", body="Ny", publish=True, by=None
    )
    translation.refresh_from_db()
    assert translation.outdated()


def test_a_translation_language_outside_the_family_languages_is_404(client, editor):
    item = make_item()
    client.force_login(editor)
    assert client.get(f"/knowledge/{item.code}/translations/xx/").status_code == 404


def test_the_national_lead_names_and_removes_editors(client, world, login_as):
    login_as(world.nationell)
    client.post("/knowledge/editors/", {"username": "kalmar.ledare"})
    assert BankEditor.objects.filter(user=world.kalmar_ledare).exists()
    client.force_login(world.kalmar_ledare)
    assert client.get("/knowledge/new/").status_code == 200
    login_as(world.nationell)
    client.post("/knowledge/editors/", {"remove": "kalmar.ledare"})
    assert not BankEditor.objects.exists()
    response = client.post("/knowledge/editors/", {"username": "finns-inte"})
    assert response.status_code == 200 and not BankEditor.objects.exists()


def test_a_coordinator_cannot_name_editors(client, world, login_as):
    login_as(world.kalmar_ngo)
    assert client.post("/knowledge/editors/", {"username": "kalmar.ngo"}).status_code == 404
    assert not BankEditor.objects.exists()


def test_a_participant_code_in_a_bank_text_is_refused_with_the_reason(client, world, editor):
    from samverka.participants.services import participant_create

    child = participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2016,
        gender="female",
        third_country_national="yes",
        language="ar",
    )
    client.force_login(editor)
    response = client.post(
        "/knowledge/new/", {**NEW_ITEM, "body": f"Som {child.code} sa", "action": "publish"}
    )
    assert response.status_code == 200 and child.code in response.content.decode()
    assert not Item.objects.exists()
