import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from samverka.accounts.models import Membership, User
from samverka.orgs.models import Collaboration
from samverka.orgs.selectors import collaborations_for_user

DOCUMENTED_LOGINS = [
    "nationell",
    "kalmar.ngo",
    "kalmar.kommun",
    "kalmar.ledare",
    "boden.ngo",
    "boden.kommun",
    "forskare",
]


@pytest.fixture
def seeded(db, settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    return capsys.readouterr().out


def test_seed_demo_prints_the_logins_and_password(seeded):
    for username in DOCUMENTED_LOGINS:
        assert username in seeded
    assert "samverka-demo-2026" in seeded


def test_seed_demo_is_idempotent(seeded):
    counts = (Collaboration.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("seed_demo")
    assert counts == (
        Collaboration.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )


def test_seed_demo_gives_each_of_the_nine_municipalities_a_collaboration(seeded):
    codes = set(Collaboration.objects.values_list("municipality__code", flat=True))
    assert {"2582", "2482", "1962", "2084", "0136", "1485", "1290", "0880", "1463"} <= codes
    for collaboration in Collaboration.objects.filter(name__startswith="Barn i fokus"):
        assert collaboration.partners.count() >= 4
        assert collaboration.memberships.count() >= 2


def test_each_demo_login_sees_exactly_its_own_collaborations(seeded):
    def towns(username):
        user = User.objects.get(username=username)
        return {c.municipality.name for c in collaborations_for_user(user)}

    assert towns("kalmar.ngo") == {"Kalmar"}
    assert towns("kalmar.ledare") == {"Kalmar"}
    assert towns("boden.kommun") == {"Boden"}
    assert len(towns("nationell")) == 9
    assert len(towns("forskare")) == 9


def test_seed_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")


def test_demo_password_logs_in(seeded, client):
    response = client.post(
        reverse("accounts:login"), {"username": "kalmar.ngo", "password": "samverka-demo-2026"}
    )
    assert response.status_code == 302


def test_demo_totp_prints_the_national_leads_current_code(seeded, capsys, client):
    call_command("demo_totp", "nationell")
    code = capsys.readouterr().out.strip()
    assert len(code) == 6 and code.isdigit()
    client.post(
        reverse("accounts:login"), {"username": "nationell", "password": "samverka-demo-2026"}
    )
    response = client.post(reverse("accounts:verify"), {"token": code})
    assert response.status_code == 302
    assert client.get(reverse("orgs:municipalities")).status_code == 200


def test_demo_audit_trail_has_history_for_kalmar(seeded):
    from samverka.audit.models import AuditEvent

    kalmar = Collaboration.objects.get(name="Barn i fokus Kalmar")
    events = AuditEvent.objects.filter(collaboration_code=kalmar.code)
    assert events.filter(actor_username="kalmar.ngo", action="update").exists()
    before = AuditEvent.objects.count()
    call_command("seed_demo")
    assert AuditEvent.objects.count() == before  # idempotent here too
