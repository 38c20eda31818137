"""Boundary spanners and the person-dependence warnings."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from samverka.accounts.services import membership_end
from samverka.assessment.boundary_spanners.selectors import dependence_warnings
from samverka.assessment.models import BoundarySpanner, OperationalRoutine
from samverka.audit.models import AuditEvent


def url(name, world, *args):
    return reverse(f"assessment:{name}", args=[world.kalmar.code, *args])


def membership(world, user):
    return world.kalmar.memberships.get(user=user)


def test_a_boundary_spanner_is_added_edited_and_removed(world, login_as):
    client = login_as(world.kalmar_ngo)
    ledare = membership(world, world.kalmar_ledare)
    response = client.post(
        url("boundary_spanner_create", world),
        {
            "membership": ledare.pk,
            "name": "",
            "description": "Har arbetat på fritidsgården och är ledare i föreningen.",
            "organisations": [world.kalmar.lead_organisation.pk, world.kalmar_partner.pk],
        },
    )
    assert response.status_code == 302
    spanner = BoundarySpanner.objects.get()
    assert spanner.membership == ledare and spanner.organisations.count() == 2
    kommun = membership(world, world.kalmar_kommun)
    client.post(
        url("boundary_spanner_edit", world, spanner.code),
        {"membership": ledare.pk, "successor": kommun.pk, "organisations": []},
    )
    spanner.refresh_from_db()
    assert spanner.successor == kommun
    event = AuditEvent.objects.get(object_code=spanner.code, action="update")
    assert event.fields == ["description", "organisations", "successor"]
    client.post(url("boundary_spanner_delete", world, spanner.code))
    assert not BoundarySpanner.objects.exists()


def test_a_person_without_an_account_is_named_and_both_is_refused(world, login_as):
    client = login_as(world.kalmar_kommun)
    response = client.post(url("boundary_spanner_create", world), {"name": ""})
    assert response.context["form"].errors["membership"]
    ledare = membership(world, world.kalmar_ledare)
    response = client.post(
        url("boundary_spanner_create", world), {"name": "Nora", "membership": ledare.pk}
    )
    assert response.context["form"].errors["name"]
    client.post(url("boundary_spanner_create", world), {"name": "Nora Lindahl"})
    assert str(BoundarySpanner.objects.get()) == "Nora Lindahl"


def test_ending_a_spanners_membership_without_successor_warns_coordinator_and_national_lead(
    world, login_as
):
    ledare = membership(world, world.kalmar_ledare)
    spanner = BoundarySpanner.objects.create(collaboration=world.kalmar, membership=ledare)
    assert dependence_warnings(world.kalmar) == []
    membership_end(membership=ledare, by=world.kalmar_ngo)
    warnings = dependence_warnings(world.kalmar)
    assert [w.kind for w in warnings] == ["spanner_left"]
    assert warnings[0].spanner == spanner
    text = warnings[0].text
    # The coordinator sees it on the overview and on the boundary spanners page.
    client = login_as(world.kalmar_ngo)
    overview = client.get(reverse("orgs:collaboration", args=[world.kalmar.code]))
    assert text in overview.content.decode()
    assert text in client.get(url("boundary_spanners", world)).content.decode()
    # The national lead sees it in the comparison of all collaborations.
    page = login_as(world.nationell).get(reverse("assessment:national"))
    assert text in page.content.decode()
    # Naming a successor ends the warning.
    spanner.successor = membership(world, world.kalmar_kommun)
    spanner.save()
    assert dependence_warnings(world.kalmar) == []


def test_a_spanner_leaving_soon_without_successor_warns_ahead(world):
    BoundarySpanner.objects.create(
        collaboration=world.kalmar,
        name="Nora Lindahl",
        ended_on=timezone.localdate() + timedelta(days=30),
    )
    assert [w.kind for w in dependence_warnings(world.kalmar)] == ["spanner_leaving"]


def test_most_routines_on_one_person_warns_until_backups_are_named(world):
    ngo = membership(world, world.kalmar_ngo)
    kommun = membership(world, world.kalmar_kommun)
    for element in ("relationships", "coordination", "information"):
        OperationalRoutine.objects.create(
            collaboration=world.kalmar, element=element, description="x", key_person=ngo
        )
    OperationalRoutine.objects.create(
        collaboration=world.kalmar, element="adjustment", description="x", key_person=kommun
    )
    warnings = dependence_warnings(world.kalmar)
    # samverka/memory adds: key persons with no backup and no handover note, one per person.
    assert [w.kind for w in warnings] == ["one_person"] + ["no_backup_no_handover"] * 2
    assert str(world.kalmar_ngo) in warnings[0].text
    OperationalRoutine.objects.filter(element="relationships").update(backup_person=kommun)
    kinds = [w.kind for w in dependence_warnings(world.kalmar)]
    assert "one_person" not in kinds  # two of four is not most


def test_relations_count_with_routines(world):
    ngo = membership(world, world.kalmar_ngo)
    spanner = BoundarySpanner.objects.create(collaboration=world.kalmar, membership=ngo)
    spanner.organisations.set([world.kalmar.lead_organisation, world.kalmar_partner])
    OperationalRoutine.objects.create(
        collaboration=world.kalmar, element="information", description="x", key_person=ngo
    )
    kinds = [w.kind for w in dependence_warnings(world.kalmar)]
    assert kinds == ["one_person", "no_backup_no_handover"]  # the second from samverka/memory


def test_a_routine_whose_key_person_left_is_flagged(world):
    ledare = membership(world, world.kalmar_ledare)
    OperationalRoutine.objects.create(
        collaboration=world.kalmar, element="joint_activities", description="x", key_person=ledare
    )
    membership_end(membership=ledare, by=world.kalmar_ngo)
    assert [w.kind for w in dependence_warnings(world.kalmar)] == ["routine_orphaned"]


def test_activity_leaders_and_researchers_do_not_see_boundary_spanners(world, login_as):
    for user in (world.kalmar_ledare, world.forskare):
        assert login_as(user).get(url("boundary_spanners", world)).status_code == 403
