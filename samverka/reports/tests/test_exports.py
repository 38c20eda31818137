"""CSV and XLSX exports of the funder count, and their audit events."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samverka.audit.models import AuditAction, AuditEvent

YEAR_2025 = {"from": "2025-01-01", "to": "2025-12-31"}
HEADER = "municipality_code,age_band,gender,third_country_national,participants"


@pytest.fixture
def with_headcounts(kalmar_figures, data):
    data.headcount(data.session(date(2025, 6, 3), activity="Sommarfest"), "18-64", "female", 12)
    return kalmar_figures


def collaboration_export(world):
    return reverse("reports:funder_export", args=[world.kalmar.code])


def test_collaboration_csv_is_controlled_and_holds_its_municipality_only(
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
    assert lines[1:] == ["0880,6-12,female,yes,<5", "0880,6-12,male,yes,<5"]


def test_collaboration_export_is_controlled_even_for_the_national_lead(
    login_as, world, kalmar_figures
):
    response = login_as(world.nationell).post(
        collaboration_export(world), {**YEAR_2025, "format": "csv"}
    )
    assert "0880,6-12,male,yes,<5" in response.content.decode()


def test_every_export_is_in_the_audit_trail(login_as, world, kalmar_figures):
    login_as(world.forskare).post(collaboration_export(world), {**YEAR_2025, "format": "xlsx"})
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.actor == world.forskare
    assert event.collaboration_code == world.kalmar.code
    assert "xlsx" in event.detail
    assert "disclosure-controlled" in event.detail


def test_collaboration_xlsx_has_participants_headcounts_and_focus_areas(
    login_as, world, with_headcounts
):
    response = login_as(world.kalmar_ngo).post(
        collaboration_export(world), {**YEAR_2025, "format": "xlsx"}
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["participants", "headcounts", "focus_areas", "about"]
    participants = list(book["participants"].values)
    assert participants[0] == tuple(HEADER.split(","))
    assert participants[1:] == [
        ("0880", "6-12", "female", "yes", "<5"),
        ("0880", "6-12", "male", "yes", "<5"),
    ]
    assert list(book["headcounts"].values) == [
        ("municipality_code", "age_band", "gender", "headcount"),
        ("0880", "6-12", "male", 9),
        ("0880", "18-64", "female", 12),
    ]
    focus = list(book["focus_areas"].values)
    assert focus[0] == (
        "municipality_code",
        "focus_area",
        "focus_area_name",
        "sessions",
        "activities",
    )
    assert focus[1][0:2] == ("0880", 2)
    assert focus[1][3:] == (2, 2)


def test_national_export_is_exact_unless_controlled_is_ticked(login_as, world, kalmar_figures):
    client = login_as(world.nationell)
    url = reverse("reports:national_funder_export")
    exact = client.post(url, {**YEAR_2025, "format": "csv"})
    assert exact.content.decode().splitlines() == [
        HEADER,
        "0880,6-12,female,yes,6",
        "0880,6-12,male,yes,2",
        "2582,18-64,female,no,7",
    ]
    assert "all-2025-01-01-2025-12-31-exact.csv" in exact["Content-Disposition"]
    shared = client.post(url, {**YEAR_2025, "format": "csv", "controlled": "on"})
    assert "0880,6-12,male,yes,<5" in shared.content.decode()
    events = AuditEvent.objects.filter(action=AuditAction.EXPORT).order_by("id")
    assert [("exact" in e.detail, "controlled" in e.detail) for e in events] == [
        (True, False),
        (False, True),
    ]


def test_national_export_of_one_municipality(login_as, world, kalmar_figures):
    response = login_as(world.nationell).post(
        reverse("reports:national_funder_export"),
        {**YEAR_2025, "format": "xlsx", "municipality": "2582"},
    )
    book = load_workbook(io.BytesIO(response.content))
    assert [row[0] for row in list(book["participants"].values)[1:]] == ["2582"]


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
