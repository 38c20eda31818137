"""The steering-group report: made in the background, audited, in Swedish or English; the
PDF's text read back says what the follow-up page says."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from samverka.activities import activity_years
from samverka.activities.models import Activity, Session
from samverka.activities.services import attendance_record_bulk
from samverka.audit.models import AuditAction, AuditEvent
from samverka.followup.models import EvidenceNote
from samverka.followup.tests.conftest import plan_indicator
from samverka.jobs.models import Job
from samverka.participants.models import Household, Participant


@pytest.fixture
def plan(world, goal, library):
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Läxhjälp",
        focus_area=2,
        type="leisure",
        starts_on=date(2025, 1, 1),
    )
    session = Session.objects.create(activity=activity, date=date(2025, 3, 1))
    activity_years.refresh([activity.pk])  # a session made here, not by the services
    household = Household.objects.create(collaboration=world.kalmar)
    people = [
        Participant.objects.create(collaboration=world.kalmar, household=household)
        for _ in range(7)
    ]
    with attendance_record_bulk(by=None) as attendance:
        attendance.add(session.pk, [p.pk for p in people])
    plan_indicator(
        goal, library["FU-ATT-01"], period_kind="year", baseline_value=5, target_value=12
    )
    plan_indicator(goal, library["FU-ATT-03"], period_kind="year")  # none: no data
    EvidenceNote.objects.create(
        collaboration=world.kalmar, goal=goal, period="2025", kind="story", text="Fler kom i mars."
    )
    return goal


def _made(client, world, **data):
    response = client.post(
        reverse("followup:report", args=[world.kalmar.code]),
        {"period": "2025", "language": "sv", "format": "pdf", **data},
    )
    assert response.status_code == 302
    job = Job.objects.latest("pk")
    assert response["Location"] == reverse("jobs:detail", args=[job.code])
    return b"".join(client.get(reverse("jobs:download", args=[job.code])).streaming_content)


def _pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_reads_back_with_the_figures_of_the_page(world, login_as, plan):
    client = login_as(world.kalmar_ngo)
    page = client.get(reverse("followup:plan", args=[world.kalmar.code]))
    rows = [r for g in page.context["goals"] for r in g.indicators]
    on_page = {r.definition.name: {v.period.key: v.text for v in r.values} for r in rows}
    assert on_page["Unika deltagare"]["2025"] == "7"
    text = _pdf_text(_made(client, world))
    assert "Barn i fokus Kalmar" in text
    assert "Fler familjer deltar" in text
    assert "Unika deltagare" in text and on_page["Unika deltagare"]["2025"] in text
    assert "på väg" in text  # 7 is above the baseline 5, below the target 12
    assert "uppgift saknas" in text  # the guardians' indicator has no data
    assert "Fler kom i mars." in text
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT, detail="steering-group report PDF 2025"
    ).exists()


def test_the_report_in_english(world, login_as, plan):
    text = _pdf_text(_made(login_as(world.kalmar_kommun), world, language="en"))
    assert "Unique participants" in text and "Steering-group report" in text
    assert "on the way" in text


def test_the_workbook_has_the_same_figures(world, login_as, plan):
    content = _made(login_as(world.kalmar_ngo), world, format="xlsx")
    workbook = load_workbook(io.BytesIO(content))
    rows = list(workbook["Indikatorer"].iter_rows(values_only=True))
    assert rows[1][:4] == ("Fler familjer deltar", "Unika deltagare", "Antal", "7")
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT, detail="steering-group report XLSX 2025"
    ).exists()


@pytest.mark.parametrize("persona", ["kalmar_ledare", "kalmar_partner_user", "forskare"])
def test_who_may_not_make_the_report(world, login_as, plan, persona):
    client = login_as(getattr(world, persona))
    url = reverse("followup:report", args=[world.kalmar.code])
    assert client.get(url).status_code == 403
    assert (
        client.post(url, {"period": "2025", "language": "sv", "format": "pdf"}).status_code == 403
    )
    assert login_as(world.boden_ngo).post(url, {"period": "2025"}).status_code == 404
    assert not Job.objects.exists()
