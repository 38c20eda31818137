"""CSV and XLSX exports of the funder count, and their audit events."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samverka.audit.models import AuditAction, AuditEvent
from samverka.jobs.tests import job_download

YEAR_2025 = {"from": "2025-01-01", "to": "2025-12-31"}
HEADER = "municipality_code,age_band,gender,third_country_national,participants"


@pytest.fixture
def with_headcounts(kalmar_figures, data):
    data.headcount(data.session(date(2025, 6, 3), activity="Sommarfest"), "18-64", "female", 12)
    return kalmar_figures


def collaboration_export(world):
    return reverse("reports:funder_export", args=[world.kalmar.code])


SHARED_KALMAR = [
    "0880,6-12,female,total,..",
    "0880,6-12,male,total,..",
    "0880,6-12,total,total,8",
    "0880,total,female,total,..",
    "0880,total,male,total,..",
    "0880,total,total,yes,8",
    "0880,total,total,total,8",
]


def test_the_shareable_csv_is_controlled_and_holds_the_collaboration_only(
    login_as, world, kalmar_figures
):
    response = login_as(world.kalmar_kommun).post(
        collaboration_export(world), {**YEAR_2025, "format": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "funder-report-0880-2025-01-01-2025-12-31-shared.csv" in response["Content-Disposition"]
    lines = response.content.decode().splitlines()
    assert lines[0] == HEADER
    assert lines[1:] == SHARED_KALMAR


def test_the_csv_for_excel_has_semicolons_and_a_byte_order_mark(login_as, world, kalmar_figures):
    response = login_as(world.kalmar_ngo).post(
        collaboration_export(world), {**YEAR_2025, "format": "csv_excel"}
    )
    assert response.content.startswith("\ufeff".encode())
    assert "shared-excel.csv" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == HEADER.replace(",", ";")
    assert lines[1:] == [line.replace(",", ";") for line in SHARED_KALMAR]


def test_the_shareable_export_is_controlled_even_for_the_national_lead(
    login_as, world, kalmar_figures
):
    response = login_as(world.nationell).post(
        collaboration_export(world), {**YEAR_2025, "format": "csv"}
    )
    assert "0880,6-12,male,total,.." in response.content.decode()


@pytest.mark.parametrize("persona", ["kalmar_ngo", "kalmar_kommun"])
def test_who_sees_the_register_may_also_download_the_exact_figures(
    login_as, world, kalmar_figures, persona
):
    response = login_as(getattr(world, persona)).post(
        collaboration_export(world), {**YEAR_2025, "format": "csv", "exact": "on"}
    )
    assert "exact.csv" in response["Content-Disposition"]
    assert response.content.decode().splitlines()[1:] == [
        "0880,6-12,female,yes,6",
        "0880,6-12,male,yes,2",
    ]
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert "exact" in event.detail


def test_a_researcher_asking_for_exact_figures_gets_the_shareable_file(
    login_as, world, kalmar_figures
):
    response = login_as(world.forskare).post(
        collaboration_export(world), {**YEAR_2025, "format": "csv", "exact": "on"}
    )
    assert "shared.csv" in response["Content-Disposition"]
    assert response.content.decode().splitlines()[1:] == SHARED_KALMAR


def test_every_export_is_in_the_audit_trail(login_as, world, kalmar_figures):
    login_as(world.forskare).post(collaboration_export(world), {**YEAR_2025, "format": "xlsx"})
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.actor == world.forskare
    assert event.collaboration_code == world.kalmar.code
    assert "xlsx" in event.detail
    assert "disclosure-controlled" in event.detail


def test_the_shareable_xlsx_speaks_swedish_in_a_swedish_session(login_as, world, with_headcounts):
    response = login_as(world.kalmar_ngo).post(
        collaboration_export(world), {**YEAR_2025, "format": "xlsx"}
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Deltagare",
        "Anonyma deltagarräkningar",
        "Insatsområden",
        "Om filen",
    ]
    participants = list(book["Deltagare"].values)
    assert participants[0] == (
        "Kommunkod",
        "Kommun",
        "Åldersgrupp",
        "Kön",
        "Tredjelandsmedborgare",
        "Deltagare",
    )
    assert participants[1] == ("0880", "Kalmar", "6–12", "Flicka/kvinna", "Totalt", "..")
    assert ("0880", "Kalmar", "Totalt", "Totalt", "Ja", 8) in participants
    assert ("0880", "Kalmar", "Totalt", "Totalt", "Totalt", 8) in participants
    assert list(book["Anonyma deltagarräkningar"].values)[1:] == [
        ("0880", "Kalmar", "6–12", "Pojke/man", 9),
        ("0880", "Kalmar", "18–64", "Flicka/kvinna", 12),
    ]
    focus = list(book["Insatsområden"].values)
    assert focus[0][2:] == ("Insatsområde", "Genomförda tillfällen", "Aktiviteter")
    assert focus[1][3:] == (2, 2)
    about = dict(row[:2] for row in book["Om filen"].values)
    assert (about["Kommun"], about["Kommunkod"]) == ("Kalmar", "0880")
    assert about["Samverkan"] == world.kalmar.name  # the collaboration's own figures
    assert "”..”" in about["Anmärkning"] or "“..”" in about["Anmärkning"]


def test_the_xlsx_speaks_english_in_an_english_session(login_as, world, kalmar_figures):
    from django.conf import settings

    client = login_as(world.kalmar_ngo)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(collaboration_export(world), {**YEAR_2025, "format": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Participants",
        "Anonymous headcounts",
        "Focus areas",
        "About this file",
    ]
    participants = list(book["Participants"].values)
    assert participants[0][2:] == ("Age group", "Gender", "Third-country national", "Participants")
    assert participants[1][2:] == ("6–12", "Girl/woman", "Total", "..")


def test_national_export_is_exact_unless_controlled_is_ticked(login_as, world, kalmar_figures):
    client = login_as(world.nationell)
    url = reverse("reports:national_funder_export")
    exact = job_download(client, client.post(url, {**YEAR_2025, "format": "csv"}))
    assert exact.content.decode().splitlines() == [
        HEADER,
        "0880,6-12,female,yes,6",
        "0880,6-12,male,yes,2",
        "2582,18-64,female,no,7",
    ]
    assert exact.filename.endswith("all-2025-01-01-2025-12-31-exact.csv")
    shared = job_download(
        client, client.post(url, {**YEAR_2025, "format": "csv", "controlled": "on"})
    )
    assert "0880,6-12,male,total,.." in shared.content.decode()
    events = AuditEvent.objects.filter(
        action=AuditAction.EXPORT, detail__startswith="funder report"
    ).order_by("id")
    assert [("exact" in e.detail, "controlled" in e.detail) for e in events] == [
        (True, False),
        (False, True),
    ]


def test_national_export_of_one_municipality(login_as, world, kalmar_figures):
    client = login_as(world.nationell)
    response = job_download(
        client,
        client.post(
            reverse("reports:national_funder_export"),
            {**YEAR_2025, "format": "xlsx", "municipality": "2582"},
        ),
    )
    book = load_workbook(io.BytesIO(response.content))
    assert [row[0] for row in list(book["Deltagare"].values)[1:]] == ["2582"]


def test_exports_answer_only_posts(login_as, world):
    client = login_as(world.nationell)
    assert client.get(collaboration_export(world)).status_code == 405
    assert client.get(reverse("reports:national_funder_export")).status_code == 405


def test_an_export_with_a_bad_period_is_refused_with_a_message(login_as, world):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        collaboration_export(world), {"from": "2025-12-31", "to": "2025-01-01", "format": "csv"}
    )
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()
    response = client.post(collaboration_export(world), {**YEAR_2025, "format": "pdf"})
    assert response.status_code == 302
