"""REFI-QDA 1.5: exports that validate against the published schemas, export → import gives
the same codes, sources and coded selections, and every malformed or unsafe file is refused
before anything is stored."""

import io
import zipfile
from pathlib import Path

import pytest
import xmlschema
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverka.research.codebook.models import Code
from samverka.research.refiqda import export, read
from samverka.research.sources.models import Coding, Source
from samverka.research.tests.conftest import add_source, code, include, new_project

SCHEMAS = Path(__file__).parent / "data" / "refi-qda"
PROJECT_SCHEMA = xmlschema.XMLSchema(SCHEMAS / "Project-mrt2019.xsd")
CODEBOOK_SCHEMA = xmlschema.XMLSchema(SCHEMAS / "Codebook-mrt2019.xsd")
ARABIC = "قالت الأم: نحن نثق بالمدرسة الآن.\r\nوالأطفال يلعبون معاً."


@pytest.fixture
def coded(world, project):
    """Two sources (one Arabic with CRLF line breaks), codings, memos on everything."""
    swedish = add_source(project, world.kalmar, by=world.forskare)
    arabic = add_source(project, world.boden, name="مقابلة", text=ARABIC.replace("\r\n", "\n"))
    arabic.memo = "Tolkad intervju."
    arabic.save()
    trust = code(project, "value-emotional")
    trust.memo = "Tillit i relationer."
    trust.save()
    social = code(project, "value-social")
    own = Code.objects.create(project=project, parent=social, name="Föreningsliv", colour="#B03A7A")
    Coding.objects.create(source=swedish, code=trust, start=0, end=11, memo="Början")
    first = Coding.objects.create(source=swedish, code=social, start=20, end=45)
    Coding.objects.create(
        source=swedish, code=own, start=20, end=45, selection_guid=first.selection_guid
    )
    Coding.objects.create(source=arabic, code=trust, start=10, end=30)
    project.memos.create(title="Första läsningen", text="Mycket om tillit.")
    return project


def download(client, name, project):
    response = client.get(reverse(f"research:{name}", args=[project.code]))
    assert response.status_code == 200
    return response.content


def test_the_project_export_validates_against_the_project_schema(login_as, world, coded):
    content = download(login_as(world.forskare), "qdpx_export", coded)
    archive = zipfile.ZipFile(io.BytesIO(content))
    qde = archive.read("project.qde")
    PROJECT_SCHEMA.validate(io.BytesIO(qde))
    names = archive.namelist()
    assert sum(name.startswith("sources/") and name.endswith(".txt") for name in names) == 2


def test_the_codebook_exports_validate_against_the_codebook_schema(login_as, world, coded):
    client = login_as(world.forskare)
    CODEBOOK_SCHEMA.validate(io.BytesIO(download(client, "qdc_export", coded)))
    builtin = client.get(reverse("research:builtin_qdc")).content
    CODEBOOK_SCHEMA.validate(io.BytesIO(builtin))
    assert "Funktionellt mervärde".encode() in builtin


def test_export_then_import_gives_the_same_codes_sources_and_selections(login_as, world, coded):
    client = login_as(world.forskare)
    content = download(client, "qdpx_export", coded)
    target = new_project(world, title="Kopia", builtin=False)
    include(target, world.kalmar, by=world.forskare, approver=world.kalmar_ngo)
    include(target, world.boden, by=world.forskare, approver=world.boden_ngo)
    response = client.post(
        reverse("research:qdpx_import", args=[target.code]),
        {"file": SimpleUploadedFile("p.qdpx", content), "collaboration": world.kalmar.pk},
    )
    assert response.status_code == 200, response.content[:400]

    def codes_of(project):
        return {
            (
                c.name,
                c.parent.name if c.parent else None,
                c.colour,
                c.description,
                c.codable,
                c.memo,
            )
            for c in project.codes.all()
        }

    def sources_of(project):
        return {
            (s.name, s.text, s.collaboration_id, s.memo)
            for s in Source.objects.filter(project=project)
        }

    def codings_of(project):
        return {
            (c.source.name, c.code.name, c.start, c.end, c.memo)
            for c in Coding.objects.filter(source__project=project)
        }

    assert codes_of(target) == codes_of(coded)
    assert sources_of(target) == sources_of(coded)
    assert codings_of(target) == codings_of(coded)
    assert list(target.memos.values_list("title", "text")) == [
        ("Första läsningen", "Mycket om tillit.")
    ]
    # Importing the same file again adds nothing.
    client.post(
        reverse("research:qdpx_import", args=[target.code]),
        {"file": SimpleUploadedFile("p.qdpx", content), "collaboration": world.kalmar.pk},
    )
    assert Source.objects.filter(project=target).count() == 2
    assert Coding.objects.filter(source__project=target).count() == 4


def test_a_codebook_import_adds_only_what_is_missing(login_as, world, coded):
    client = login_as(world.forskare)
    content = download(client, "qdc_export", coded)
    target = new_project(world, title="Tom", builtin=False)
    url = reverse("research:qdc_import", args=[target.code])
    client.post(url, {"file": SimpleUploadedFile("k.qdc", content)})
    assert target.codes.count() == coded.codes.count()
    client.post(url, {"file": SimpleUploadedFile("k.qdc", content)})
    assert target.codes.count() == coded.codes.count()


def qdpx(qde: bytes, sources: dict | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", qde)
        for name, data in (sources or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


GUIDS = [f"{i:08X}-1111-4111-8111-111111111111" for i in range(10)]


def project_xml(text_source: str, codes: str | None = None) -> bytes:
    codes = codes or f'<Code guid="{GUIDS[0]}" name="Tillit" isCodable="true" color="#112233"/>'
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="Annat verktyg" origin="QualCoder">'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook>"
        f"<Sources>{text_source}</Sources></Project>"
    ).encode()


def selection(start, end, code_guid=GUIDS[0]):
    return (
        f'<PlainTextSelection guid="{GUIDS[2]}" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{GUIDS[3]}"><CodeRef targetGUID="{code_guid}"/></Coding>'
        "</PlainTextSelection>"
    )


def source_xml(inner="", path=f"internal://{GUIDS[1]}.txt"):
    attributes = f'guid="{GUIDS[1]}" name="Intervju A" plainTextPath="{path}"'
    return f"<TextSource {attributes}>{inner}</TextSource>"


def post_project(client, project, content, language="en"):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.post(
        reverse("research:qdpx_import", args=[project.code]),
        {
            "file": SimpleUploadedFile("x.qdpx", content),
            "collaboration": project.inclusions.first().collaboration_id,
        },
    )


def test_a_file_from_another_tool_with_crlf_keeps_its_selections_on_the_same_characters(
    login_as, world, project
):
    text = "Rad ett.\r\nRad två handlar om tillit.\r\n"
    start = text.index("tillit")
    # The BOM is one code point in the file: the other tool counted from after it.
    content = qdpx(
        project_xml(source_xml(selection(start + 1, start + 7))),
        {f"sources/{GUIDS[1]}.txt": ("\ufeff" + text).encode()},
    )
    response = post_project(login_as(world.forskare), project, content)
    assert response.status_code == 200, response.content.decode()[:2000]
    coding = Coding.objects.get(source__project=project)
    assert coding.excerpt == "tillit"
    assert coding.source.text == "Rad ett.\nRad två handlar om tillit.\n"


def bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", b" " * (80 * 1024 * 1024))
    return out.getvalue()


def with_member(name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", project_xml(""))
        archive.writestr(name, b"x")
    return out.getvalue()


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><Project xmlns="urn:QDA-XML:project:1.0" '
    b'name="&lol2;"/>'
)


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"<Project/>", "not a ZIP"),
        (qdpx(b"", {})[:30], "not a ZIP"),
        (with_member("other.txt").replace(b"project.qde", b"projekt.qde"), "no project.qde"),
        (bomb(), "zip bomb"),
        (with_member("../../etc/passwd"), "unsafe names"),
        (with_member("sources/sub/a.txt"), "outside project.qde and the sources folder"),
        (qdpx(b"<Project"), "malformed"),
        (qdpx(LAUGHS), "entities or a document type"),
        (qdpx(b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>'), "not a REFI-QDA project"),
        (
            qdpx(
                project_xml(
                    source_xml(selection(0, 500)),
                ).replace(b"plainTextPath", b"x"),
                {},
            ),
            "no plain text",
        ),
        (
            qdpx(project_xml(source_xml(selection(2, 400))), {f"sources/{GUIDS[1]}.txt": b"kort"}),
            "outside its text",
        ),
        (
            qdpx(
                project_xml(source_xml(selection(0, 2, GUIDS[9]))),
                {f"sources/{GUIDS[1]}.txt": b"kort"},
            ),
            "not in the file",
        ),
        (
            qdpx(
                project_xml(source_xml(""), codes='<Code guid="nope" name="X" isCodable="true"/>')
            ),
            "not a GUID",
        ),
        (qdpx(project_xml(source_xml("", path="internal://../x.txt"))), "unsafe names"),
        (qdpx(project_xml(source_xml(""))), "missing from the file"),
    ],
    ids=[
        "xml-not-zip",
        "truncated-zip",
        "no-project-qde",
        "zip-bomb",
        "member-path-parts",
        "member-in-subfolder",
        "malformed-xml",
        "entities",
        "codebook-as-project",
        "no-plain-text",
        "selection-outside-text",
        "unknown-code",
        "bad-guid",
        "source-path-parts",
        "source-missing",
    ],
)
def test_bad_project_files_are_refused_and_nothing_is_stored(
    login_as, world, project, content, reason
):
    before = (project.codes.count(), Source.objects.count(), Coding.objects.count())
    response = post_project(login_as(world.forskare), project, content)
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert (project.codes.count(), Source.objects.count(), Coding.objects.count()) == before


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"hello", "malformed"),
        (b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>', "not a REFI-QDA codebook"),
        (
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
            b'<Code guid="1" name="x" isCodable="true"/></Codes></CodeBook>',
            "not a GUID",
        ),
        (LAUGHS.replace(b"Project", b"CodeBook"), "entities"),
    ],
    ids=["not-xml", "project-as-codebook", "bad-guid", "entities"],
)
def test_bad_codebook_files_are_refused(login_as, world, project, content, reason):
    before = project.codes.count()
    client = login_as(world.forskare)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(
        reverse("research:qdc_import", args=[project.code]),
        {"file": SimpleUploadedFile("x.qdc", content)},
    )
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert project.codes.count() == before


def test_what_samverka_does_not_keep_is_named(login_as, world, project):
    qde = project_xml(
        source_xml(selection(0, 3))
        + f'<PictureSource guid="{GUIDS[5]}" name="Teckning" path="internal://{GUIDS[5]}.png"/>'
    )
    content = qdpx(qde, {f"sources/{GUIDS[1]}.txt": b"Tillit", f"sources/{GUIDS[5]}.png": b"x"})
    response = post_project(login_as(world.forskare), project, content)
    assert response.status_code == 200
    assert "PictureSource Teckning" in response.content.decode()


def test_offsets_map_through_line_break_normalisation():
    text, where = read.normalise_with_offsets("a\r\nb\rc")
    assert text == "a\nb\nc"
    assert where == [0, 1, 1, 2, 3, 4, 5]


def test_the_export_counts_code_points_not_utf16_units(world, project):
    text = "Barn 😀 leker i parken."
    source = add_source(project, world.kalmar, text=text)
    start = text.index("leker")
    Coding.objects.create(
        source=source, code=code(project, "value-social"), start=start, end=start + 5
    )
    qde = export.project_qde(project, [source], list(Coding.objects.all()), [], [])
    assert f'startPosition="{start}"'.encode() in qde
    assert start == 7  # the emoji is one code point (two UTF-16 units)
