"""Issue 13.12: the phase checklist marks items done from Samverka's own data where it holds
the evidence (joint activities held, routines with key persons, self-assessment rounds and
learning sessions, partners registered), and shows which evidence it used."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from samverka.accounts.models import Membership
from samverka.activities.models import Activity, ActivityType, FocusArea, Session
from samverka.assessment.checklists.selectors import checklist_of, checklist_proof
from samverka.assessment.instrument import OPERATIONAL_ELEMENTS
from samverka.assessment.models import LearningSession, OperationalRoutine
from samverka.assessment.rounds import services as rounds
from samverka.orgs.models import Phase


def _rows(world, phase):
    return {row.item.id: row for row in checklist_of(world.kalmar, phase).rows}


def test_joint_activities_held_mark_the_item_done_with_the_sessions_counted(world):
    assert "impl_activities" not in checklist_proof(world.kalmar)
    club = Activity.objects.create(
        collaboration=world.kalmar,
        name="Läxhjälp",
        focus_area=FocusArea.LEISURE,
        type=ActivityType.LEISURE,
        starts_on=date(2025, 1, 7),
    )
    today = timezone.localdate()
    Session.objects.create(activity=club, date=today - timedelta(days=7))
    assert "impl_activities" not in checklist_proof(world.kalmar)  # not run with a partner
    club.partners.add(world.kalmar_partner)
    Session.objects.create(activity=club, date=today - timedelta(days=14))
    Session.objects.create(activity=club, date=today - timedelta(days=21), cancelled=True)
    Session.objects.create(activity=club, date=today + timedelta(days=7))  # not held yet
    row = _rows(world, Phase.IMPLEMENTATION)["impl_activities"]
    assert row.done and not row.ticked
    assert "2" in row.proof and "1" in row.proof


def test_routines_count_only_when_each_has_a_key_person_and_a_backup(world):
    key = Membership.objects.get(user=world.kalmar_ngo)
    backup = Membership.objects.get(user=world.kalmar_kommun)
    for element in OPERATIONAL_ELEMENTS:
        OperationalRoutine.objects.create(
            collaboration=world.kalmar, element=element.key, description="Varje tisdag."
        )
    assert "impl_routines" not in checklist_proof(world.kalmar)
    OperationalRoutine.objects.update(key_person=key, backup_person=backup)
    assert str(len(OPERATIONAL_ELEMENTS)) in checklist_proof(world.kalmar)["impl_routines"]


def test_learning_needs_a_closed_round_and_a_learning_session(world):
    round = rounds.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    LearningSession.objects.create(collaboration=world.kalmar, held_on=timezone.localdate())
    assert "impl_learning" not in checklist_proof(world.kalmar)  # the round is still open
    rounds.round_close(round=round, by=world.kalmar_ngo)
    assert _rows(world, Phase.IMPLEMENTATION)["impl_learning"].done


def test_the_model_page_shows_the_evidence_used(world, login_as):
    page = login_as(world.kalmar_ngo).get(reverse("assessment:model", args=[world.kalmar.code]))
    initiation = page.context["checklists"][0]
    actors = next(row for row in initiation.rows if row.item.id == "init_actors")
    assert actors.done and actors.proof  # Kalmar has its library as a partner
    body = page.content.decode()
    assert "Klart enligt Samverkas uppgifter" in body
    assert actors.proof in body
    assert initiation.done == 1  # nothing ticked by hand
