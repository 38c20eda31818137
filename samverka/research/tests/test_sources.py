"""A project's material: uploads (text, DOCX, ODT) with their refusals, free-text survey answers
without codes or names, coding of selections (with and without JavaScript), retrieval per code,
co-occurrence, and what a revoked inclusion withholds."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverka.participants.services import participant_create
from samverka.research.projects.models import DataKind, InclusionStatus
from samverka.research.projects.services import inclusion_revoke
from samverka.research.sources.models import Coding, Source, SourceKind
from samverka.research.tests.conftest import TRANSCRIPT, add_source, code, new_project
from samverka.surveys.tests.factories import make_response, make_round


def upload(client, project, file, collaboration, **extra):
    return client.post(
        reverse("research:source_upload", args=[project.code]),
        {"file": file, "kind": "transcript", "collaboration": collaboration.pk, **extra},
    )


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def docx_file(paragraphs, name="intervju.docx"):
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Roll"
    table.cell(0, 1).text = "Samordnare"
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def odt_file(paragraphs, name="faltanteckningar.odt"):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Fältanteckningar"))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def test_a_plain_text_transcript_is_uploaded_with_line_breaks_as_newlines(login_as, world, project):
    client = login_as(world.forskare)
    file = SimpleUploadedFile(
        "intervju.txt", ("\ufeff" + TRANSCRIPT.replace("\n", "\r\n")).encode()
    )
    response = upload(client, project, file, world.kalmar, name="Intervju 1")
    source = Source.objects.get(project=project)
    assert response["Location"] == reverse("research:source", args=[project.code, source.code])
    assert source.text == TRANSCRIPT
    assert (source.collaboration, source.kind, source.original_name) == (
        world.kalmar,
        SourceKind.TRANSCRIPT,
        "intervju.txt",
    )
    assert len(source.sha256) == 64


def test_docx_and_odt_give_their_text(login_as, world, project):
    client = login_as(world.forskare)
    upload(client, project, docx_file(["Första stycket.", "Andra stycket."]), world.kalmar)
    upload(client, project, odt_file(["Vi möttes i parken.", "Barnen cyklade."]), world.boden)
    texts = {s.original_name: s.text for s in Source.objects.filter(project=project)}
    assert texts["intervju.docx"] == "Första stycket.\nAndra stycket.\nRoll\tSamordnare"
    assert texts["faltanteckningar.odt"] == "Fältanteckningar\nVi möttes i parken.\nBarnen cyklade."


@pytest.mark.parametrize(
    "file,reason",
    [
        (SimpleUploadedFile("x.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n"), "not accepted"),
        (SimpleUploadedFile("x.docx", b"MZ\x90\x00\x03" + b"\x00" * 200), "not accepted"),
        (SimpleUploadedFile("x.txt", "hej".encode("utf-16")), "UTF-8"),
        (SimpleUploadedFile("x.txt", b""), "empty"),
    ],
)
def test_other_files_are_refused_with_the_reason(login_as, world, project, file, reason):
    response = upload(english(login_as(world.forskare)), project, file, world.kalmar)
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not Source.objects.filter(project=project).exists()


def test_a_file_over_10_mb_is_refused(login_as, world, project):
    big = SimpleUploadedFile("stor.txt", b"a" * (10 * 1024 * 1024 + 1))
    response = upload(english(login_as(world.forskare)), project, big, world.kalmar)
    assert response.status_code == 400
    assert "larger than 10 MB" in response.content.decode()
    assert not Source.objects.exists()


def test_a_zip_bomb_dressed_as_docx_is_refused(login_as, world, project):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (60 * 1024 * 1024))
    bomb = SimpleUploadedFile("bomb.docx", out.getvalue())
    response = upload(english(login_as(world.forskare)), project, bomb, world.kalmar)
    assert response.status_code == 400
    assert not Source.objects.exists()


def test_a_document_with_entities_is_refused(login_as, world, project):
    import docx

    document = docx.Document()
    document.add_paragraph("Hej")
    out = io.BytesIO()
    document.save(out)
    parts = {}
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as original:
        for name in original.namelist():
            parts[name] = original.read(name)
    parts["word/document.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + parts["word/document.xml"]
    )
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    file = SimpleUploadedFile("entiteter.docx", rebuilt.getvalue())
    response = upload(english(login_as(world.forskare)), project, file, world.kalmar)
    assert response.status_code == 400
    assert "could not be read safely" in response.content.decode()


def test_a_transcript_with_a_participant_code_is_refused(login_as, world, project):
    child = participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2016,
        gender="female",
        third_country_national="yes",
        language="ar",
    )
    file = SimpleUploadedFile("x.txt", f"Barnet {child.code} berättade.".encode())
    response = upload(english(login_as(world.forskare)), project, file, world.kalmar)
    assert response.status_code == 400
    assert "Researchers never see participant codes" in response.content.decode()
    assert not Source.objects.exists()


def test_material_can_only_come_from_an_included_collaboration(login_as, world):
    project = new_project(world)
    client = login_as(world.forskare)
    file = SimpleUploadedFile("x.txt", b"Hej")
    assert upload(client, project, file, world.kalmar).status_code == 400
    assert not Source.objects.exists()


@pytest.fixture
def free_text_round(world):
    """Six answers in Kalmar, one naming a child and giving her code."""
    child = participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2016,
        gender="female",
        third_country_national="yes",
        language="ar",
        name="Amina Hassan",
    )
    survey_round = make_round(world.kalmar, title="Föräldraenkät våren")
    for text in ["Bra träffar.", "Mer läxhjälp.", "Tack!", "Fler utflykter.", "Bra personal."]:
        make_response(survey_round, {"T-ABT-03": text})
    make_response(survey_round, {"T-ABT-03": f"Amina ({child.code}) tycker om cykelverkstaden."})
    return survey_round, child


def test_free_text_answers_come_without_codes_or_names(login_as, world, project, free_text_round):
    survey_round, child = free_text_round
    client = login_as(world.forskare)
    response = client.post(
        reverse("research:survey_pull", args=[project.code]), {"survey_round": survey_round.pk}
    )
    source = Source.objects.get(project=project, kind=SourceKind.SURVEY_ANSWERS)
    assert response.status_code == 302
    assert "Mer läxhjälp." in source.text
    assert "[namn] ([kod]) tycker om cykelverkstaden." in source.text
    assert child.code not in source.text and "Amina" not in source.text
    page = client.get(reverse("research:source", args=[project.code, source.code]))
    assert child.code not in page.content.decode()


def test_a_round_with_fewer_than_five_answers_is_not_shared(login_as, world, project):
    survey_round = make_round(world.kalmar)
    for text in ["Ett.", "Två."]:
        make_response(survey_round, {"T-ABT-03": text})
    response = english(login_as(world.forskare)).post(
        reverse("research:survey_pull", args=[project.code]), {"survey_round": survey_round.pk}
    )
    assert response.status_code == 400
    assert "fewer than 5 answers" in response.content.decode()


def test_free_text_needs_a_project_that_asks_for_it(login_as, world, free_text_round):
    from samverka.research.tests.conftest import include

    project = new_project(world, asks=[DataKind.REGISTER])
    include(project, world.kalmar, by=world.forskare, approver=world.kalmar_ngo)
    survey_round, _ = free_text_round
    response = login_as(world.forskare).post(
        reverse("research:survey_pull", args=[project.code]), {"survey_round": survey_round.pk}
    )
    assert response.status_code == 400
    assert not Source.objects.exists()


def test_a_round_of_a_collaboration_not_included_cannot_be_pulled(login_as, world):
    from samverka.research.tests.conftest import include

    project = new_project(world)
    include(project, world.boden, by=world.forskare, approver=world.boden_ngo)
    survey_round = make_round(world.kalmar)
    for n in range(6):
        make_response(survey_round, {"T-ABT-03": f"Svar {n}"})
    response = login_as(world.forskare).post(
        reverse("research:survey_pull", args=[project.code]), {"survey_round": survey_round.pk}
    )
    assert response.status_code == 400
    assert not Source.objects.exists()


def test_a_selection_is_coded_by_its_offsets(login_as, world, project):
    source = add_source(project, world.kalmar)
    trust = code(project, "value-emotional")
    start = TRANSCRIPT.index("Föräldrarna")
    end = len(TRANSCRIPT)
    client = login_as(world.forskare)
    response = client.post(
        reverse("research:coding_add", args=[project.code, source.code]),
        {
            "code": trust.pk,
            "start": start,
            "end": end,
            "quote": TRANSCRIPT[start:end],
            "memo": "Tillit",
        },
    )
    assert response.status_code == 302
    coding = Coding.objects.get(source=source)
    assert (coding.code, coding.start, coding.end, coding.memo) == (trust, start, end, "Tillit")
    assert coding.excerpt == "Föräldrarna började lita på socialtjänsten, de kände sig sedda."


def test_without_javascript_the_pasted_passage_is_found(login_as, world, project):
    source = add_source(project, world.kalmar)
    client = login_as(world.forskare)
    client.post(
        reverse("research:coding_add", args=[project.code, source.code]),
        {"code": code(project, "operational-relationships").pk, "quote": "Vi", "occurrence": 2},
    )
    coding = Coding.objects.get(source=source)
    second = TRANSCRIPT.index("Vi", TRANSCRIPT.index("Vi") + 1)
    assert (coding.start, coding.end) == (second, second + 2)


@pytest.mark.parametrize(
    "data,reason",
    [
        ({"quote": "Det här står inte i texten"}, "was not found"),
        ({"start": 5, "end": 99999}, "outside the text"),
        ({"quote": ""}, "Select a passage"),
    ],
)
def test_bad_selections_are_refused_with_the_reason(login_as, world, project, data, reason):
    source = add_source(project, world.kalmar)
    client = english(login_as(world.forskare))
    response = client.post(
        reverse("research:coding_add", args=[project.code, source.code]),
        {"code": code(project, "value-social").pk, **data},
    )
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not Coding.objects.exists()


def test_a_heading_code_is_not_used_for_coding(login_as, world, project):
    source = add_source(project, world.kalmar)
    response = english(login_as(world.forskare)).post(
        reverse("research:coding_add", args=[project.code, source.code]),
        {"code": code(project, "added-values").pk, "start": 0, "end": 5},
    )
    assert response.status_code == 400
    assert not Coding.objects.exists()


def test_the_page_shows_every_character_once_with_the_coded_runs(login_as, world, project):
    source = add_source(project, world.kalmar)
    Coding.objects.create(source=source, code=code(project, "value-emotional"), start=5, end=40)
    Coding.objects.create(source=source, code=code(project, "value-social"), start=20, end=60)
    page = login_as(world.forskare).get(
        reverse("research:source", args=[project.code, source.code])
    )
    paragraphs = page.context["paragraphs"]
    rebuilt = "\n".join("".join(r.text for r in p.runs) for p in paragraphs)
    assert rebuilt == source.text
    multi = [r for p in paragraphs for r in p.runs if r.multi]
    assert "".join(r.text for r in multi) == source.text[20:40]
    html = page.content.decode()
    assert 'class="coded' in html and "<script" in html and "coding.js" in html


def test_a_right_to_left_source_is_shown_right_to_left(login_as, world, project):
    text = "قالت الأم إنها تشعر بالثقة الآن.\nنحن نلتقي كل أسبوع."
    file = SimpleUploadedFile("مقابلة.txt", text.encode())
    client = login_as(world.forskare)
    upload(client, project, file, world.kalmar, name="Intervju på arabiska")
    source = Source.objects.get(project=project)
    assert source.direction == "rtl"
    html = client.get(reverse("research:source", args=[project.code, source.code])).content
    assert b'id="source-text" dir="rtl"' in html


def test_reading_a_source_is_in_the_access_log(login_as, world, project):
    source = add_source(project, world.kalmar)
    login_as(world.forskare).get(reverse("research:source", args=[project.code, source.code]))
    from samverka.audit.models import AuditEvent

    event = AuditEvent.objects.get(detail=f"research {project.code}: source read")
    assert (event.object_code, event.collaboration_code) == (source.code, world.kalmar.code)


def test_all_segments_of_a_code_with_counts_per_municipality(login_as, world, project):
    kalmar = add_source(project, world.kalmar)
    boden = add_source(project, world.boden, name="Intervju 2")
    trust = code(project, "value-emotional")
    for source, start in [(kalmar, 0), (kalmar, 70), (boden, 0)]:
        Coding.objects.create(source=source, code=trust, start=start, end=start + 10)
    page = login_as(world.forskare).get(
        reverse("research:code_segments", args=[project.code, trust.code])
    )
    assert page.context["found"].per_municipality == [("Boden", 1, 1), ("Kalmar", 2, 1)]
    assert len(page.context["found"].codings) == 3


def test_the_segments_export_as_a_spreadsheet(login_as, world, project):
    from openpyxl import load_workbook

    source = add_source(project, world.kalmar)
    trust = code(project, "value-emotional")
    Coding.objects.create(source=source, code=trust, start=0, end=11, memo="=1+1")
    response = login_as(world.forskare).get(
        reverse("research:code_segments_export", args=[project.code, trust.code]),
        {"format": "xlsx"},
    )
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.values)
    assert rows[1][5] == "Intervjuare"
    assert rows[1][6] == "'=1+1"  # formula-looking text neutralised by lib/exports
    csv = login_as(world.forskare).get(
        reverse("research:code_segments_export", args=[project.code, trust.code]), {"format": "csv"}
    )
    assert csv["Content-Type"].startswith("text/csv")


def test_codes_that_overlap_are_counted_in_the_co_occurrence_table(login_as, world, project):
    source = add_source(project, world.kalmar)
    trust, social, idea = (
        code(project, "value-emotional"),
        code(project, "value-social"),
        code(project, "strategic-idea"),
    )
    Coding.objects.create(source=source, code=trust, start=0, end=30)
    Coding.objects.create(source=source, code=social, start=20, end=50)
    Coding.objects.create(source=source, code=idea, start=60, end=70)
    page = login_as(world.forskare).get(
        reverse("research:cooccurrence", args=[project.code]),
        {"codes": [trust.pk, social.pk, idea.pk]},
    )
    rows = {c.builtin_key: cells for c, cells in page.context["rows"]}
    assert rows["value-emotional"] == [1, 1, 0]
    assert rows["value-social"] == [1, 1, 0]
    assert rows["strategic-idea"] == [0, 0, 1]


def test_revoking_an_inclusion_withholds_its_sources_and_codings(login_as, world, project):
    kalmar = add_source(project, world.kalmar)
    boden = add_source(project, world.boden, name="Intervju i Boden")
    trust = code(project, "value-emotional")
    Coding.objects.create(source=kalmar, code=trust, start=0, end=10)
    Coding.objects.create(source=boden, code=trust, start=0, end=10)
    inclusion = project.inclusions.get(collaboration=world.kalmar)
    inclusion_revoke(inclusion=inclusion, by=world.kalmar_ngo)
    assert inclusion.__class__.objects.get(pk=inclusion.pk).status == InclusionStatus.REVOKED
    client = login_as(world.forskare)
    listing = client.get(reverse("research:sources", args=[project.code])).content.decode()
    assert "Intervju i Boden" in listing and kalmar.name + "<" not in listing
    url = reverse("research:source", args=[project.code, kalmar.code])
    assert client.get(url).status_code == 404
    segments = client.get(reverse("research:code_segments", args=[project.code, trust.code]))
    assert [c.source for c in segments.context["found"].codings] == [boden]


def test_another_projects_researcher_never_reads_the_material(
    login_as, world, project, other_researcher
):
    source = add_source(project, world.boden)
    client = login_as(other_researcher)  # a researcher in Boden, but not in this project
    for url in [
        reverse("research:source", args=[project.code, source.code]),
        reverse("research:sources", args=[project.code]),
        reverse("research:project", args=[project.code]),
    ]:
        assert client.get(url).status_code == 404
    # Nor can a source of this project be reached through the researcher's own project.
    own = new_project(world, by=other_researcher, title="Eget")
    url = reverse("research:source", args=[own.code, source.code])
    assert client.get(url).status_code == 404


def test_a_researcher_without_a_second_factor_is_asked_to_set_one_up(client, world, project):
    from conftest import make_user
    from samverka.accounts.models import Membership
    from samverka.research.projects.services import researcher_add

    user = make_user("ny.forskare")
    Membership.objects.create(user=user, collaboration=world.boden, role="researcher")
    researcher_add(project=project, user=user, by=world.forskare)
    client.force_login(user)
    response = client.get(reverse("research:sources", args=[project.code]))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:two_factor_setup")
