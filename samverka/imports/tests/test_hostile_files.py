"""Files an attacker or an unlucky spreadsheet makes: each gets a clear message in the user's
language, never a server error, and large lists are read and imported as background work."""

from datetime import date

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverka.activities.models import Attendance
from samverka.imports import jobs
from samverka.imports.models import PendingImport
from samverka.jobs.models import Job, JobStatus
from samverka.lib.tests import hostile_files
from samverka.participants.models import Participant

HEADER = ["datum", "aktivitet", "deltagarkod", "födelseår", "kön", "tredjelandsmedborgare"]
ROWS = [
    [HEADER, ["2025-03-14", "Cykelverkstad", "AB23", "2015", "flicka", "ja"]],
]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def post(client, world, data: bytes, name="närvaro.xlsx"):
    return client.post(
        reverse("imports:upload", args=[world.kalmar.code]),
        {"file": SimpleUploadedFile(name, data)},
    )


HOSTILE = {
    "broken sheet XML": (hostile_files.broken_sheet, "kunde inte läsas som en Excel-arbetsbok"),
    "billion laughs": (hostile_files.billion_laughs, "XML som Samverka inte läser"),
    "external entity": (hostile_files.external_entity, "XML som Samverka inte läser"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_malformed_or_hostile_workbook_gets_a_message_and_nothing_is_kept(kind, world, login_as):
    make, swedish = HOSTILE[kind]
    response = post(login_as(world.kalmar_ngo), world, make(ROWS[0]))
    assert response.status_code == 200
    assert swedish in response.content.decode()
    assert "root:" not in response.content.decode()
    assert not PendingImport.objects.exists()


def test_the_message_is_in_the_users_language(world, login_as):
    client = login_as(world.kalmar_ngo)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    response = post(client, world, hostile_files.billion_laughs(ROWS[0]))
    assert "contains XML that Samverka does not read" in response.content.decode()


def test_a_csv_cell_with_a_nul_byte_is_refused_with_its_line(world, login_as):
    """On PostgreSQL a NUL in the stored rows answered 500."""
    text = "datum;aktivitet;deltagarkod\n2025-03-14;Cykel\x00verkstad;AB23\n"
    response = post(login_as(world.kalmar_ngo), world, text.encode(), name="närvaro.csv")
    assert response.status_code == 200
    assert "Rad 2 innehåller ett NUL-tecken" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_sheet_that_claims_16384_columns_and_20001_rows_is_read_as_the_list_it_is(
    world, login_as
):
    data = hostile_files.huge_dimension(HEADER, [ROWS[0][1], ROWS[0][1]])
    response = post(login_as(world.kalmar_ngo), world, data)
    pending = PendingImport.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(pending.code + "/") or pending.code in response["Location"]
    assert len(pending.rows) == 2


def test_a_large_file_is_read_in_the_background_and_then_previewed(world, login_as, monkeypatch):
    monkeypatch.setattr(jobs, "BACKGROUND_BYTES", 100)
    client = login_as(world.kalmar_ngo)
    response = post(client, world, hostile_files.workbook_bytes(ROWS[0]))
    job = Job.objects.get(kind="imports.read")
    assert response["Location"] == reverse("jobs:detail", args=[job.code])
    pending = PendingImport.objects.get()
    assert pending.rows == [[2, {**pending.rows[0][1]}]] and not pending.upload
    page = client.get(response["Location"])
    assert page.status_code == 302
    assert page["Location"] == reverse("imports:preview", args=[world.kalmar.code, pending.code])
    assert client.get(page["Location"]).status_code == 200


def test_a_large_broken_file_read_in_the_background_says_why_and_keeps_nothing(
    world, login_as, monkeypatch
):
    monkeypatch.setattr(jobs, "BACKGROUND_BYTES", 100)
    client = login_as(world.kalmar_ngo)
    response = post(client, world, hostile_files.external_entity(ROWS[0]))
    job = Job.objects.get(kind="imports.read")
    assert job.status == JobStatus.FAILED
    assert "XML som Samverka inte läser" in client.get(response["Location"]).content.decode()
    assert not PendingImport.objects.exists()


def test_a_long_list_is_imported_in_the_background_with_its_summary(
    world, login_as, monkeypatch, cykel
):
    monkeypatch.setattr(jobs, "BACKGROUND_ROWS", 1)
    client = login_as(world.kalmar_ngo)
    text = (
        "datum;aktivitet;deltagarkod;födelseår\n"
        "2025-03-14;Cykelverkstad;AB23;2015\n2025-03-21;Cykelverkstad;AB23;2015\n"
    )
    post(client, world, text.encode(), name="närvaro.csv")
    pending = PendingImport.objects.get()
    response = client.post(reverse("imports:preview", args=[world.kalmar.code, pending.code]))
    job = Job.objects.get(kind="imports.run")
    assert response["Location"] == reverse("jobs:detail", args=[job.code])
    assert job.status == JobStatus.DONE
    page = client.get(response["Location"]).content.decode()
    assert "Listan är importerad" in page
    assert Attendance.objects.filter(participant__code="AB23").count() == 2
    assert Participant.objects.get(code="AB23").birth_year == 2015
    assert {s.date for s in cykel.sessions.all()} == {date(2025, 3, 14), date(2025, 3, 21)}
