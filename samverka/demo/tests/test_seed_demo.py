"""seed_demo builds the demo world. Seeding takes seconds, so each test seeds at most twice."""

import random

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from samverka.accounts.models import Membership, User
from samverka.activities.models import Activity, Attendance, Session
from samverka.audit.models import AuditEvent
from samverka.orgs.models import Collaboration
from samverka.orgs.selectors import collaborations_for_user
from samverka.participants.models import (
    ConsentEntry,
    Identity,
    Participant,
    new_participant_code,
)

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


@pytest.fixture
def seeded(db, settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    return capsys.readouterr().out


def towns(username):
    user = User.objects.get(username=username)
    return {c.municipality.name for c in collaborations_for_user(user)}


def test_seed_demo_builds_the_documented_world(seeded, client, capsys):
    for username in DOCUMENTED_LOGINS:
        assert username in seeded
    assert "samverka-demo-2026" in seeded

    codes = set(Collaboration.objects.values_list("municipality__code", flat=True))
    assert codes >= PROGRAMME
    for collaboration in Collaboration.objects.filter(name__startswith="Barn i fokus"):
        assert collaboration.partners.count() >= 4
        assert collaboration.memberships.count() >= 2
        areas = set(collaboration.activities.values_list("focus_area", flat=True))
        assert areas == {1, 2, 3}
        assert collaboration.participants.filter(role="child").exists()
        assert collaboration.participants.filter(role="guardian").exists()

    # Each demo login sees exactly its own collaborations.
    assert towns("kalmar.ngo") == {"Kalmar"}
    assert towns("kalmar.ledare") == {"Kalmar"}
    assert towns("boden.kommun") == {"Boden"}
    assert len(towns("nationell")) == 9
    assert len(towns("forskare")) == 9

    # A term of weekly sessions with attendance, consent and a session today in Kalmar.
    kalmar = Collaboration.objects.get(name="Barn i fokus Kalmar")
    club = Activity.objects.get(collaboration=kalmar, name="Fritidsklubben")
    # Sixteen weeks, less school breaks and public holidays.
    assert club.sessions.count() >= 10
    assert Attendance.objects.filter(session__activity=club).count() > 50
    ledare = User.objects.get(username="kalmar.ledare")
    from django.utils import timezone

    from samverka.activities.calendar import public_holiday

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


def test_seed_demo_is_idempotent(seeded):
    def counts():
        return (
            Collaboration.objects.count(),
            User.objects.count(),
            Membership.objects.count(),
            Participant.objects.count(),
            Attendance.objects.count(),
            ConsentEntry.objects.count(),
            AuditEvent.objects.count(),
        )

    before = counts()
    call_command("seed_demo")
    assert counts() == before


def test_seed_demo_draws_again_when_a_participant_code_is_taken(db, settings, monkeypatch):
    # Every other draw repeats a code drawn before: in the same batch or already stored.
    rng, drawn = random.Random(7), []

    def colliding():
        if drawn and rng.random() < 0.5:
            return rng.choice(drawn)
        drawn.append(new_participant_code())
        return drawn[-1]

    monkeypatch.setattr("samverka.demo.activities.new_participant_code", colliding)
    settings.DEBUG = True
    call_command("seed_demo")
    codes = list(Participant.objects.values_list("code", flat=True))
    assert len(codes) > 100 and len(set(codes)) == len(codes)


def test_seed_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
