"""What the demo shows, feature by feature, on one seeded demo.

Seeding the whole demo takes seconds, so the demo is seeded once for this module (and test
worker; see `module_rows` in the root conftest) and each test reads it inside a savepoint. One
test seeds it again and checks that no table gains or loses a row.
"""

import io
import zipfile
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from conftest import module_rows
from samverka.accounts.models import User
from samverka.activities.calendar import in_break, public_holiday
from samverka.activities.models import Activity, Attendance, AttendanceYear, Headcount, Session
from samverka.assessment.boundary_spanners.selectors import dependence_warnings
from samverka.assessment.instrument import Quadrant
from samverka.assessment.models import AssessmentRound, Dilemma
from samverka.assessment.results.selectors import journey_for, round_results
from samverka.audit.models import AuditEvent
from samverka.children.models import ChildRightsCheck, Consultation, Incident, Poster, RiskAnalysis
from samverka.children.poster.selectors import language_state
from samverka.children.rights_check.selectors import asked_decisions
from samverka.demo.data import PROGRAMME as STORY
from samverka.followup.models import EvidenceNote, Goal, PlanIndicator
from samverka.followup.sources import OK
from samverka.jobs.models import Job
from samverka.lib.disclosure import TOTAL
from samverka.memory.continuation.selectors import futures_for
from samverka.memory.models import Lesson
from samverka.memory.pearls.selectors import inheritance_for
from samverka.memory.tests.test_dossier import pdf_text
from samverka.orgs.models import Collaboration, Phase
from samverka.orgs.selectors import collaborations_for_user
from samverka.participants.models import ConsentEntry, ConsentState, Identity, Participant
from samverka.referrals import selectors as referrals
from samverka.referrals.models import ReferralStatus
from samverka.reports.funder import funder_report
from samverka.reports.tests.test_report_tables import assert_in_step
from samverka.research.models import Coding, ResearchProject, Source, SourceKind
from samverka.surveys.instruments.models import InstrumentKind
from samverka.surveys.rounds.models import Round

DOCUMENTED_LOGINS = [
    "nationell",
    "kalmar.ngo",
    "kalmar.kommun",
    "kalmar.ledare",
    "boden.ngo",
    "boden.kommun",
    "forskare",
]
PROGRAMME = {"2582", "2482", "1962", "2084", "0136", "1485", "1290", "0880", "1463"}


def _seed():
    out = io.StringIO()
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=out)
    return out.getvalue()


demo = module_rows(_seed)


@pytest.fixture
def seeded(db, demo, settings):
    """What seed_demo printed; the demo's rows are in the database."""
    settings.DEBUG = True
    return demo


def collaboration(town):
    return Collaboration.objects.get(name=f"Barn i fokus {town}")


def towns(username):
    user = User.objects.get(username=username)
    return {c.municipality.name for c in collaborations_for_user(user)}


# The whole demo ------------------------------------------------------------------------------


def test_seeding_again_adds_and_removes_no_row_in_any_table(seeded):
    def counts():
        return {model._meta.label: model.objects.count() for model in apps.get_models()}

    before = counts()
    call_command("seed_demo")
    after = counts()
    assert {k: (before[k], after[k]) for k in before if before[k] != after[k]} == {}


def test_seed_demo_builds_the_documented_world(seeded, client, capsys):
    for username in DOCUMENTED_LOGINS:
        assert username in seeded
    assert "samverka-demo-2026" in seeded

    codes = set(Collaboration.objects.values_list("municipality__code", flat=True))
    assert codes >= PROGRAMME
    for each in Collaboration.objects.filter(name__startswith="Barn i fokus"):
        assert each.partners.count() >= 4
        assert each.memberships.count() >= 2
        areas = set(each.activities.values_list("focus_area", flat=True))
        assert areas == {1, 2, 3}
        assert each.participants.filter(role="child").exists()
        assert each.participants.filter(role="guardian").exists()

    # Each demo login sees exactly its own collaborations.
    assert towns("kalmar.ngo") == {"Kalmar"}
    assert towns("kalmar.ledare") == {"Kalmar"}
    assert towns("boden.kommun") == {"Boden"}
    assert len(towns("nationell")) == 9
    assert len(towns("forskare")) == 9

    # A term of weekly sessions with attendance, consent and a session today in Kalmar.
    kalmar = collaboration("Kalmar")
    club = Activity.objects.get(collaboration=kalmar, name="Fritidsklubben")
    # Sixteen weeks, less school breaks and public holidays.
    assert club.sessions.count() >= 10
    assert Attendance.objects.filter(session__activity=club).count() > 50
    ledare = User.objects.get(username="kalmar.ledare")
    assert public_holiday(timezone.localdate()) or (
        Session.objects.filter(activity__leaders=ledare, date=timezone.localdate()).exists()
    )
    assert ConsentEntry.objects.filter(given=False, purpose="photos").exists()
    assert Identity.objects.filter(participant__collaboration=kalmar).exists()
    assert Participant.objects.with_consent("funder_reporting").count() > 100

    # The audit trail has a little history in Kalmar.
    assert AuditEvent.objects.filter(
        collaboration_code=kalmar.code, actor_username="kalmar.ngo", action="update"
    ).exists()

    # The documented password works, and demo_totp lets the national lead in.
    response = client.post(
        reverse("accounts:login"), {"username": "kalmar.ngo", "password": "samverka-demo-2026"}
    )
    assert response.status_code == 302
    client.post(reverse("accounts:logout"))
    call_command("demo_totp", "nationell")
    code = capsys.readouterr().out.strip()
    assert len(code) == 6 and code.isdigit()
    client.post(
        reverse("accounts:login"), {"username": "nationell", "password": "samverka-demo-2026"}
    )
    assert client.post(reverse("accounts:verify"), {"token": code}).status_code == 302
    assert client.get(reverse("orgs:municipalities")).status_code == 200


def test_the_demo_tells_a_true_story_about_today(seeded):
    """Periods run through today, rounds are open or closed as their dates say, no weekly
    session falls on a public holiday or a listed break, and the anonymous headcounts differ
    from place to place."""
    today = timezone.localdate()
    phases = {code: phase for code, _slug, phase in STORY}
    for each in Collaboration.objects.filter(name__startswith="Barn i fokus"):
        assert each.starts_on <= today <= each.ends_on, each
        phase = phases[each.municipality.code]  # as the story begins
        if phase == Phase.TRANSITION:
            assert each.ends_on <= today + timedelta(days=183)
        if phase == Phase.INITIATION:
            assert each.starts_on >= today - timedelta(days=365)

    for survey_round in Round.objects.all():
        assert survey_round.opens_on <= survey_round.closes_on
        if survey_round.state == "open":
            assert survey_round.opens_on <= today <= survey_round.closes_on
    for assessment_round in AssessmentRound.objects.all():
        assert timezone.localdate(assessment_round.opened_at) <= today
        if assessment_round.closed_at:
            assert timezone.localdate(assessment_round.closed_at) <= today

    # No session on a public holiday or in a listed break; Kalmar's club meets today.
    sessions = Session.objects.select_related("activity")
    for session in sessions:
        assert public_holiday(session.date) is None, session
        assert not in_break(session.activity.breaks, session.date), session
    assert any(s.activity.breaks for s in sessions)
    assert (
        public_holiday(today)
        or sessions.filter(
            date=today,
            activity__name="Fritidsklubben",
            activity__collaboration__municipality__code="0880",
        ).exists()
    )

    totals = {}
    for cell in Headcount.objects.all():
        totals[cell.session_id] = totals.get(cell.session_id, 0) + cell.count
    assert len(set(totals.values())) > 3


# The collaboration model (assessment) --------------------------------------------------------


def test_kalmar_moves_over_three_rounds_with_both_sides_shown(seeded):
    journey = journey_for(collaboration("Kalmar"))
    assert [r.round.number for r in journey.results] == [1, 2, 3]
    municipality = [p.quadrant for _, p in journey.path("municipality")]
    assert municipality[0] != Quadrant.STABLE and municipality[-1] == Quadrant.STABLE
    assert len(journey.path("civil_society")) == 3
    latest = journey.results[-1]
    assert latest.totals["municipality"] >= 3 and latest.totals["civil_society"] >= 3
    assert latest.level_points  # every group is large enough to show levels
    assert latest.differences  # topics for a joint conversation
    first = journey.results[0]
    assert first.notes  # one level on the civil-society side was too small the first time


def test_boden_warns_about_person_dependence_and_has_an_open_round(seeded):
    boden = collaboration("Boden")
    kinds = {w.kind for w in dependence_warnings(boden)}
    assert kinds == {"spanner_left", "one_person", "no_backup_no_handover"}  # + samverka/memory
    assert boden.assessment_rounds.filter(closed_at__isnull=True).count() == 1
    assert dependence_warnings(collaboration("Kalmar")) == []


def test_collaborations_are_in_different_phases_with_history(seeded):
    phases = {c.municipality.name: c.phase for c in Collaboration.objects.all()}
    assert {"initiation", "implementation", "transition"} <= set(phases.values())
    norberg = collaboration("Norberg")
    assert list(norberg.phase_changes.values_list("to_phase", flat=True)) == [
        "transition",
        "implementation",
    ]
    assert round_results(norberg.assessment_rounds.get()).points
    kristianstad = collaboration("Kristianstad")
    warning_kinds = {w["kind"] for w in kristianstad.phase_changes.get().warnings}
    assert "no_working_methods" in warning_kinds
    assert Dilemma.objects.filter(collaboration=collaboration("Kalmar")).count() == 4


# Children's participation, posters, risks and incidents ----------------------------------------


def test_the_demo_shows_every_part_of_childrens_participation(seeded):
    kalmar = collaboration("Kalmar")
    told = set(
        Consultation.objects.filter(collaboration=kalmar).values_list("told_back_on", flat=True)
    )
    assert None in told and len(told) > 1  # with and without feedback given
    poster = Poster.objects.get(collaboration=kalmar)
    assert poster.ordered_languages() == ["sv", "ar"] and language_state(poster, "ar") == "draft"
    states = {a.state for a in RiskAnalysis.objects.filter(activity__collaboration=kalmar)}
    assert states == {"current", "expired"}
    incident = Incident.objects.get(collaboration=kalmar)
    assert incident.follow_up_on and incident.follow_up_by
    check = ChildRightsCheck.objects.get(collaboration=collaboration("Boden"))
    assert check.to_phase == "transition" and check.subject == "phase_change"
    assert any(a.kind == "activity_end" for a in asked_decisions([kalmar]))


# Follow-up -----------------------------------------------------------------------------------


def test_every_demo_collaboration_has_a_plan_over_three_levels_with_a_dashboard(
    seeded, client, login_as
):
    for each in Collaboration.objects.filter(name__startswith="Barn i fokus"):
        goals = Goal.objects.filter(collaboration=each)
        assert 3 <= goals.count() <= 5
        assert set(goals.values_list("level", flat=True)) == {"families", "staff", "society"}
        indicators = PlanIndicator.objects.filter(goal__collaboration=each)
        assert 8 <= indicators.count() <= 12
        assert all(i.baseline_period and i.target_value is not None for i in indicators)
        assert EvidenceNote.objects.filter(collaboration=each).exists()

    kalmar = collaboration("Kalmar")
    login_as(User.objects.get(username="kalmar.ngo"))
    response = client.get(reverse("followup:plan", args=[kalmar.code]))
    assert response.status_code == 200
    rows = [r for g in response.context["goals"] for r in g.indicators]
    assert sum(1 for r in rows if r.latest and r.latest.value.state == OK) >= 4
    assert any(r.chart for r in rows)


# Organisational memory -----------------------------------------------------------------------


def test_the_demo_shows_the_string_of_pearls_and_its_dossier_reads_back(seeded, client, login_as):
    """Kalmar inherits from its earlier collaboration, several towns share lessons, Boden is in
    transition with one undecided activity, and the dossier PDF reads back."""
    kalmar, boden = collaboration("Kalmar"), collaboration("Boden")
    earlier = kalmar.builds_on

    inherited = inheritance_for(kalmar)[0]
    assert inherited.pearl == earlier
    assert len(inherited.lessons) >= 3 and len(inherited.documented_routines) >= 3
    assert {c.get_future_display() for c in inherited.continued} == {
        "Fortsätter i ordinarie verksamhet",
        "Fortsätter med annan finansiering",
        "Överlämnad till en annan organisation",
    }
    assert inherited.open_decisions

    towns_sharing = set(
        Lesson.objects.filter(shared_at__isnull=False).values_list(
            "collaboration__municipality__name", flat=True
        )
    )
    assert len(towns_sharing) >= 5 and {"Kalmar", "Boden"} <= towns_sharing

    assert boden.phase == Phase.TRANSITION
    assert boden.phase_changes.filter(to_phase=Phase.TRANSITION).exists()
    undecided = [row.activity.name for row in futures_for(boden) if not row.is_decided]
    assert undecided == ["Cykelverkstad"]

    login_as(User.objects.get(username="kalmar.ngo"))
    assert "Överlämningar till dig" in client.get(reverse("home")).content.decode()
    client.post(reverse("memory:dossier_pdf", args=[earlier.code]))
    job = Job.objects.get(collaboration=earlier)
    text = pdf_text(
        b"".join(client.get(reverse("jobs:download", args=[job.code])).streaming_content)
    )
    for expected in (
        "Familjeträffar Kalmar",
        "Föräldraträffar på biblioteket",
        "Fortsätter i ordinarie verksamhet",
        "Tolk från första träffen",
        "Idéburet offentligt partnerskap",
        "Metodbeskrivning",
        "Bibliotekschef",
    ):
        assert expected in text, expected


# Referrals -----------------------------------------------------------------------------------


def test_demo_has_an_actor_map_all_statuses_and_a_visible_gap(seeded):
    for town in ("Kalmar", "Boden"):
        each = collaboration(town)
        statuses = set(each.referrals.values_list("status", flat=True))
        assert statuses == set(ReferralStatus.values)
        _actors, rows = referrals.coverage(each)
        assert any(not row["covered"] for row in rows)
        gaps = {row["need"].value: row for row in referrals.gap_totals(each)}
        assert "legal" in gaps and each.referrals.filter(organisation=None).count() >= 6


# Research ------------------------------------------------------------------------------------


def test_the_demo_researcher_has_a_coded_project_and_a_dataset_to_export(seeded, client, login_as):
    project = ResearchProject.objects.get()
    assert project.inclusions.filter(status="approved").count() == 3
    transcripts = Source.objects.filter(project=project, kind=SourceKind.TRANSCRIPT)
    assert transcripts.count() == 2
    assert Coding.objects.filter(source__in=transcripts).count() >= 15
    used = set(
        Coding.objects.filter(source__project=project).values_list("code__builtin_key", flat=True)
    )
    assert used >= {"value-emotional", "value-social", "boundary-spanner", "phase-transition"}
    dataset = project.datasets.get()
    assert dataset.survey_rounds.exists()

    login_as(User.objects.get(username="forskare"))
    response = client.post(reverse("research:dataset_export", args=[project.code, dataset.code]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "data.sav" in archive.namelist()


# Surveys -------------------------------------------------------------------------------------


def test_demo_has_open_and_closed_rounds_with_answers_in_every_collaboration(seeded):
    collaborations = Collaboration.objects.filter(name__startswith="Barn i fokus")
    assert collaborations.count() >= 9
    for each in collaborations:
        rounds = each.survey_rounds.select_related("version__instrument")
        parent = [r for r in rounds if r.version.instrument.kind == InstrumentKind.PARENT]
        assert {r.state for r in parent} >= {"open", "closed"}
        for round_ in parent:
            submitted = round_.responses.filter(submitted_at__isnull=False)
            assert submitted.count() >= 5
            assert len(set(submitted.values_list("language", flat=True))) >= 3
            assert round_.version.instrument.builtin
        partner = [r for r in rounds if r.version.instrument.kind == InstrumentKind.PARTNER]
        assert partner
        answered = partner[0].responses.exclude(organisation=None)
        assert answered.values("organisation").distinct().count() >= 2
        assert partner[0].links.exclude(organisation=None).count() >= 2


# Reports -------------------------------------------------------------------------------------


def test_the_demo_leaves_the_report_tables_in_step(seeded):
    assert AttendanceYear.objects.exists()
    assert ConsentState.objects.exists()
    assert_in_step()


def test_the_demo_collaborations_shareable_figures_keep_the_total_and_most_margins(seeded):
    """A collaboration of about 30 participants: protecting only the published tables keeps
    the total and most margins (protecting every margin of the 4-D cube hid most of them)."""
    kalmar = Collaboration.objects.get(municipality__code="0880", name="Barn i fokus Kalmar")
    days = Session.objects.filter(activity__collaboration=kalmar).order_by("date")
    period = {"start": days.first().date, "end": days.last().date}
    exact = funder_report(**period, controlled=False, collaborations=[kalmar.pk])
    shared = funder_report(**period, controlled=True, collaborations=[kalmar.pk])
    total = exact.participant_count(municipality="0880")
    assert 20 <= total <= 80, total
    assert shared.participant_count(municipality="0880") == total  # the total survives
    names = ("age_band", "gender", "third_country_national")
    dims = dict(zip(names, exact.participant_dims[1:], strict=True))
    crossed = {"age_band": "gender", "gender": "age_band"}  # the published age × gender table

    def small_inside(dimension, value) -> bool:
        """Whether a published cell of this margin's own table is 1-4 (needs a partner)."""
        other = crossed.get(dimension)
        return other is not None and any(
            1 <= exact.participant_count(municipality="0880", **{dimension: value, other: w}) <= 4
            for w in dims[other]
        )

    for dimension, values in dims.items():
        true = {v: exact.participant_count(municipality="0880", **{dimension: v}) for v in values}
        shown = {v: shared.participant_count(municipality="0880", **{dimension: v}) for v in values}
        small = [v for v in values if 1 <= true[v] <= 4]
        big_hidden = [
            v
            for v in values
            if true[v] >= 5 and shown[v] is None and not small_inside(dimension, v)
        ]
        # A margin of five or more is hidden only as the one partner a small margin needs, or
        # as a partner of a small cell of its own row or column in the age × gender table.
        assert len(big_hidden) <= (1 if small else 0), (dimension, true, shown)
        assert all(shown[v] in (None, true[v]) for v in values)
    survived = [
        shared.participant_count(municipality="0880", **{d: v})
        for d, values in zip(
            ("age_band", "gender", "third_country_national"),
            exact.participant_dims[1:],
            strict=True,
        )
        for v in values
        if exact.participant_count(municipality="0880", **{d: v}) >= 5
    ]
    assert sum(value is not None for value in survived) * 3 >= len(survived) * 2  # most
    # Only the published tables are in the cube: no cell crosses third-country status with
    # age or gender.
    assert not [k for k in shared.participants if k[3] != TOTAL and (k[1], k[2]) != (TOTAL,) * 2]
