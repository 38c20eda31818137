"""Handovers between people: writing one, the successor's start page, what is due, and the
person-dependence warnings they clear."""

from django.urls import reverse
from django.utils import timezone

from samverka.accounts.models import Membership
from samverka.assessment.models import OperationalRoutine
from samverka.audit.models import AuditAction, AuditEvent
from samverka.memory.handovers.models import Handover
from samverka.memory.tests.factories import membership


def _contacts(*rows, total=3):
    data = {"contacts-TOTAL_FORMS": str(total), "contacts-INITIAL_FORMS": "0"}
    for index, (role, organisation, route) in enumerate(rows):
        data[f"contacts-{index}-role"] = role
        data[f"contacts-{index}-organisation"] = organisation or ""
        data[f"contacts-{index}-route"] = route
    return data


def test_the_leaving_person_writes_a_handover_the_successor_reads_it_from_the_start_page(
    world, login_as
):
    leaving = membership(world.kalmar, world.kalmar_ledare)
    successor = membership(world.kalmar, world.kalmar_ngo)
    client = login_as(world.kalmar_ledare)
    response = client.post(
        reverse("memory:handover_create", args=[world.kalmar.code]),
        {
            "leaving": leaving.pk,
            "reason": "leaving",
            "successor": successor.pk,
            "held": "Fritidsklubben på tisdagar och nyckeln till idrottshallen.",
            "open_matters": "Hallen är inte bokad för våren.",
            **_contacts(
                ("Rektor", world.kalmar_partner.pk, "Via skolans expedition"),
                ("Fritidsledare", None, ""),
            ),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    handover = Handover.objects.get()
    assert handover.written_by == world.kalmar_ledare and handover.read_at is None
    assert [c.role for c in handover.contacts.all()] == ["Rektor", "Fritidsledare"]
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_code=handover.code).exists()

    start = login_as(world.kalmar_ngo)
    home = start.get(reverse("home")).content.decode()
    detail = reverse("memory:handover", args=[world.kalmar.code, handover.code])
    assert "Överlämningar till dig" in home and detail in home
    page = start.get(detail).content.decode()
    assert "nyckeln till idrottshallen" in page and "Via skolans expedition" in page
    start.post(reverse("memory:handover_read", args=[world.kalmar.code, handover.code]))
    handover.refresh_from_db()
    assert handover.read_at is not None
    assert detail not in start.get(reverse("home")).content.decode()


def test_only_the_successor_marks_the_note_read(world, login_as):
    handover = Handover.objects.create(
        collaboration=world.kalmar,
        reason="leaving",
        leaving=membership(world.kalmar, world.kalmar_ledare),
        successor=membership(world.kalmar, world.kalmar_ngo),
        held="x",
    )
    url = reverse("memory:handover_read", args=[world.kalmar.code, handover.code])
    assert login_as(world.kalmar_kommun).post(url).status_code == 403
    handover.refresh_from_db()
    assert handover.read_at is None


def test_a_successor_with_few_rights_reads_their_own_note_but_not_the_others(world, login_as):
    partner = membership(world.kalmar, world.kalmar_partner_user)
    mine = Handover.objects.create(
        collaboration=world.kalmar,
        reason="leaving",
        leaving=membership(world.kalmar, world.kalmar_ledare),
        successor=partner,
        held="Kontakten med föreningen.",
    )
    other = Handover.objects.create(
        collaboration=world.kalmar,
        reason="leaving",
        leaving=membership(world.kalmar, world.kalmar_ledare),
        held="Annat.",
    )
    client = login_as(world.kalmar_partner_user)
    assert (
        client.get(reverse("memory:handover", args=[world.kalmar.code, mine.code])).status_code
        == 200
    )
    assert (
        client.get(reverse("memory:handover", args=[world.kalmar.code, other.code])).status_code
        == 403
    )
    assert client.get(reverse("memory:handovers", args=[world.kalmar.code])).status_code == 403
    home = client.get(reverse("home")).content.decode()
    assert reverse("memory:handover", args=[world.kalmar.code, mine.code]) in home
    assert reverse("memory:handover", args=[world.kalmar.code, other.code]) not in home


def test_an_activity_leader_writes_only_their_own_handover(world, login_as):
    someone_else = membership(world.kalmar, world.kalmar_kommun)
    response = login_as(world.kalmar_ledare).post(
        reverse("memory:handover_create", args=[world.kalmar.code]),
        {"leaving": someone_else.pk, "reason": "leaving", "held": "x", **_contacts()},
    )
    assert response.status_code == 200 and "leaving" in response.context["form"].errors
    assert not Handover.objects.exists()


def test_a_handover_to_oneself_or_without_what_was_held_is_refused(world, login_as):
    me = membership(world.kalmar, world.kalmar_ngo)
    client = login_as(world.kalmar_ngo)
    url = reverse("memory:handover_create", args=[world.kalmar.code])
    response = client.post(
        url, {"leaving": me.pk, "reason": "leaving", "successor": me.pk, "held": "x", **_contacts()}
    )
    assert "successor" in response.context["form"].errors
    response = client.post(url, {"leaving": me.pk, "reason": "leaving", "held": "", **_contacts()})
    assert "held" in response.context["form"].errors
    response = client.post(
        url,
        {"leaving": me.pk, "reason": "leaving", "held": "x", **_contacts(("", None, "växeln"))},
    )
    assert response.status_code == 200  # a contact row without a role
    assert not Handover.objects.exists()


def test_the_coordinator_sees_who_left_without_a_handover_and_writes_it_for_them(world, login_as):
    leaver = membership(world.kalmar, world.kalmar_ledare)
    Membership.objects.filter(pk=leaver.pk).update(ended_at=timezone.now())
    client = login_as(world.kalmar_ngo)
    listing = reverse("memory:handovers", args=[world.kalmar.code])
    page = client.get(listing).content.decode()
    assert "har slutat utan överlämningsanteckning" in page
    assert f"leaving={leaver.code}" in page
    form = client.get(
        reverse("memory:handover_create", args=[world.kalmar.code]), {"leaving": leaver.code}
    )
    assert form.context["form"].initial["leaving"] == leaver
    client.post(
        reverse("memory:handover_create", args=[world.kalmar.code]),
        {"leaving": leaver.pk, "reason": "leaving", "held": "Läxhjälpen.", **_contacts()},
    )
    assert Handover.objects.get().leaving == leaver
    assert "har slutat utan överlämningsanteckning" not in client.get(listing).content.decode()


def test_a_key_person_with_no_backup_and_no_handover_is_a_person_dependence_warning(
    world, login_as
):
    key = membership(world.kalmar, world.kalmar_ledare)
    routine = OperationalRoutine.objects.create(
        collaboration=world.kalmar, element="information", description="Sms-listan.", key_person=key
    )
    client = login_as(world.kalmar_ngo)
    model = reverse("assessment:model", args=[world.kalmar.code])
    warning = "vilar på Kalmar Testsson, utan ersättare och utan överlämningsanteckning"
    assert warning in client.get(model).content.decode()
    Handover.objects.create(
        collaboration=world.kalmar, reason="routine", leaving=key, routine=routine, held="Listan."
    )
    assert warning not in client.get(model).content.decode()


def test_a_backup_person_clears_the_warning(world, login_as):
    key = membership(world.kalmar, world.kalmar_ledare)
    routine = OperationalRoutine.objects.create(
        collaboration=world.kalmar, element="information", description="Sms-listan.", key_person=key
    )
    client = login_as(world.kalmar_ngo)
    model = reverse("assessment:model", args=[world.kalmar.code])
    assert "utan ersättare" in client.get(model).content.decode()
    routine.backup_person = membership(world.kalmar, world.kalmar_ngo)
    routine.save()
    assert "utan ersättare" not in client.get(model).content.decode()


def test_a_changed_successor_has_not_read_the_note(world, login_as):
    leaving = membership(world.kalmar, world.kalmar_ledare)
    handover = Handover.objects.create(
        collaboration=world.kalmar,
        reason="leaving",
        leaving=leaving,
        successor=membership(world.kalmar, world.kalmar_ngo),
        held="x",
        read_at=timezone.now(),
        written_by=world.kalmar_ledare,
    )
    login_as(world.kalmar_ledare).post(
        reverse("memory:handover_edit", args=[world.kalmar.code, handover.code]),
        {
            "leaving": leaving.pk,
            "reason": "leaving",
            "successor": membership(world.kalmar, world.kalmar_kommun).pk,
            "held": "x",
            **_contacts(),
        },
    )
    handover.refresh_from_db()
    assert handover.successor.user == world.kalmar_kommun and handover.read_at is None


def test_another_collaboration_cannot_reach_a_handover(world, login_as):
    handover = Handover.objects.create(
        collaboration=world.kalmar,
        reason="leaving",
        leaving=membership(world.kalmar, world.kalmar_ledare),
        held="x",
    )
    client = login_as(world.boden_ngo)
    assert (
        client.get(reverse("memory:handover", args=[world.kalmar.code, handover.code])).status_code
        == 404
    )
    own_code = reverse("memory:handover", args=[world.boden.code, handover.code])
    assert client.get(own_code).status_code == 404
    delete = reverse("memory:handover_delete", args=[world.boden.code, handover.code])
    assert client.post(delete).status_code == 404
    assert Handover.objects.exists()
    assert "Överlämningar till dig" not in client.get(reverse("home")).content.decode()
