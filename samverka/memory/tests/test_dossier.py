"""The transition dossier: one page built from what is recorded, its PDF and its ZIP of parts,
made in the background and audited."""

import csv
import io
import zipfile
from datetime import date

from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from samverka.assessment.models import (
    Dilemma,
    LearningDecision,
    LearningSession,
    OperationalRoutine,
)
from samverka.audit.models import AuditAction, AuditEvent
from samverka.jobs.models import Job, JobStatus
from samverka.memory.continuation.models import Continuation
from samverka.memory.documents.models import Agreement, Document
from samverka.memory.dossier.selectors import dossier_for, followup_results
from samverka.memory.handovers.models import Handover, HandoverContact
from samverka.memory.lessons.models import Lesson
from samverka.memory.tests.factories import PDF, activity, membership
from samverka.referrals.models import Referral


def pdf_text(content: bytes) -> str:
    """The PDF's text with whitespace normalised (table cells wrap their lines)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def _record_everything(world):
    kalmar = world.kalmar
    kalmar.shared_goal_picture = "Barnen har en meningsfull fritid."
    kalmar.save()
    OperationalRoutine.objects.create(
        collaboration=kalmar,
        element="information",
        description="Sms-listan och affischer på fem språk.",
        key_person=membership(kalmar, world.kalmar_ledare),
        backup_person=membership(kalmar, world.kalmar_ngo),
    )
    bikes = activity(kalmar, "Cykelverkstad")
    activity(kalmar, "Öppen familjeträff", focus_area=2, type="meeting_place")
    Continuation.objects.create(
        activity=bikes,
        future="other_funding",
        funding="Föreningsbidrag 2026",
        decided_on=date(2025, 10, 2),
    )
    Lesson.objects.create(
        collaboration=kalmar,
        title='=HYPERLINK("http://x") tolk från start',
        learned="Föräldrarna kom tillbaka.",
    )
    session = LearningSession.objects.create(
        collaboration=kalmar, held_on=date(2025, 4, 1), other_participants="Styrgruppen"
    )
    LearningDecision.objects.create(session=session, text="Bjuda in skolan till styrgruppen")
    Dilemma.objects.create(
        collaboration=kalmar,
        kind="equal_vs_needs",
        occurred_on=date(2025, 3, 1),
        situation="Lägret räckte inte till alla.",
    )
    for _ in range(6):
        Referral.objects.create(
            collaboration=kalmar, need_category="housing", date=date(2025, 3, 1)
        )
    document = Document(
        collaboration=kalmar,
        kind="method",
        title="Metodbeskrivning läxhjälp",
        original_name="metod läxhjälp.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256="0" * 64,
    )
    document.file.save("x.pdf", ContentFile(PDF), save=False)
    document.save()
    Agreement.objects.create(
        collaboration=kalmar,
        form="iop",
        parties="Kalmar kommun och Barnkraft",
        signed_on=date(2023, 1, 1),
    )
    handover = Handover.objects.create(
        collaboration=kalmar,
        reason="leaving",
        leaving=membership(kalmar, world.kalmar_ledare),
        held="Nyckeln till idrottshallen.",
    )
    HandoverContact.objects.create(handover=handover, role="Rektor", route="Via expeditionen")


def test_the_dossier_page_is_built_from_what_is_recorded(world, login_as):
    _record_everything(world)
    body = (
        login_as(world.kalmar_ledare)
        .get(reverse("memory:dossier", args=[world.kalmar.code]))
        .content.decode()
    )
    for expected in (
        "Barnen har en meningsfull fritid.",
        "Idéburet offentligt partnerskap (IOP)",
        "Sms-listan och affischer på fem språk.",
        "Kalmar bibliotek",
        "Fortsätter med annan finansiering",
        "Föreningsbidrag 2026",
        "1 av 2 aktiviteter har en beslutad framtid.",
        "tolk från start",
        "Bjuda in skolan till styrgruppen",
        "Lägret räckte inte till alla.",
        "Boende",  # the referral gap, disclosure-controlled
        "Metodbeskrivning läxhjälp",
        "Nyckeln till idrottshallen.",
        "Rektor",
    ):
        assert expected in body, expected
    assert "Uppföljningsresultat" not in body  # no follow-up results exist yet


def test_the_dossier_pdf_is_made_in_the_background_and_reads_back(world, login_as):
    _record_everything(world)
    client = login_as(world.kalmar_ngo)
    response = client.post(reverse("memory:dossier_pdf", args=[world.kalmar.code]))
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:detail", args=[job.code])
    assert job.status == JobStatus.DONE and job.original_name.endswith(".pdf")
    content = b"".join(client.get(reverse("jobs:download", args=[job.code])).streaming_content)
    text = pdf_text(content)
    for expected in (
        "Överlämningsdokumentation",
        "Barn i fokus Kalmar",
        "Cykelverkstad",
        "Föreningsbidrag 2026",
        "Bjuda in skolan",
        "Nyckeln till idrottshallen",
    ):
        assert expected in text, expected
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT, detail="transition dossier PDF", actor_username="kalmar.ngo"
    ).exists()


def test_the_zip_holds_each_part_as_csv_and_xlsx_and_the_documents(world, login_as):
    _record_everything(world)
    client = login_as(world.kalmar_kommun)
    client.post(reverse("memory:dossier_zip", args=[world.kalmar.code]))
    job = Job.objects.get()
    content = b"".join(client.get(reverse("jobs:download", args=[job.code])).streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = archive.namelist()
    assert any(n.endswith("aktiviteter.csv") for n in names)
    assert any(n.endswith(".xlsx") for n in names)
    assert "dokument/01-metod läxhjälp.pdf" in names
    assert archive.read("dokument/01-metod läxhjälp.pdf") == PDF
    lessons = next(n for n in names if n.endswith("lardomar.csv"))
    rows = list(csv.reader(io.StringIO(archive.read(lessons).decode("utf-8-sig")), delimiter=";"))
    assert rows[1][0].startswith("'=HYPERLINK")  # formula-looking text is neutralised
    workbook = load_workbook(
        io.BytesIO(archive.read(next(n for n in names if n.endswith(".xlsx"))))
    )
    assert "Aktiviteter" in workbook.sheetnames and "Överlämningar" in workbook.sheetnames
    gaps = next(n for n in names if n.endswith("glapp-i-lotsningen.csv"))
    assert "Boende;6;0" in archive.read(gaps).decode("utf-8-sig")
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT, detail="transition dossier ZIP"
    ).exists()


def test_follow_up_results_come_from_the_follow_up_plan(world):
    from samverka.followup.library import install_builtin_indicators
    from samverka.followup.models import Goal, IndicatorDefinition, ManualValue, PlanIndicator

    assert followup_results(world.kalmar) == []  # no plan yet: the section is left out
    install_builtin_indicators()
    goal = Goal.objects.create(collaboration=world.kalmar, title="Fler föräldrar", level="families")
    indicator = PlanIndicator.objects.create(
        goal=goal,
        definition=IndicatorDefinition.objects.get(builtin_id="FU-MAN-01"),
        period_kind="year",
        baseline_period="2025",
        target_value=10,
    )
    ManualValue.objects.create(indicator=indicator, period="2025", value=12, source_note="SCB")
    (result,) = dossier_for(world.kalmar).followup
    assert (result.value, result.period) == ("12", "2025")
    assert result.note.startswith("Fler föräldrar")


def test_who_may_read_and_export_the_dossier(world, login_as):
    page = reverse("memory:dossier", args=[world.kalmar.code])
    assert login_as(world.kalmar_partner_user).get(page).status_code == 403
    assert login_as(world.forskare).get(page).status_code == 403
    assert login_as(world.nationell).get(page).status_code == 200
    client = login_as(world.boden_ngo)
    assert client.get(page).status_code == 404
    assert client.post(reverse("memory:dossier_pdf", args=[world.kalmar.code])).status_code == 404
    assert not Job.objects.exists()
