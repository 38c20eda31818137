"""What continues, per activity: the record, its rules, who may change it, and where it shows."""

from datetime import date

import pytest
from django.urls import reverse

from samverka.audit.models import AuditAction, AuditEvent
from samverka.memory.continuation.models import Continuation
from samverka.memory.continuation.selectors import in_last_months, months_before
from samverka.memory.tests.factories import activity
from samverka.orgs.models import Organisation, OrganisationKind, Phase


def _url(world, act):
    return reverse("memory:continuation_edit", args=[world.kalmar.code, act.code])


def test_a_coordinator_records_that_an_activity_continues_in_ordinary_operations(world, login_as):
    club = activity(world.kalmar, "Cykelverkstad")
    client = login_as(world.kalmar_ngo)
    response = client.post(
        _url(world, club),
        {
            "future": "ordinary",
            "owner": world.kalmar_partner.pk,
            "decided_on": "2025-10-02",
            "decided_in": "steering_group",
            "note": "Biblioteket tar över.",
        },
    )
    assert response.status_code == 302
    record = Continuation.objects.get(activity=club)
    assert (record.future, record.owner, record.decided_on) == (
        "ordinary",
        world.kalmar_partner,
        date(2025, 10, 2),
    )
    assert record.updated_by == world.kalmar_ngo
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_code=record.code, collaboration_code=world.kalmar.code
    ).exists()
    page = client.get(reverse("memory:continuation", args=[world.kalmar.code])).content.decode()
    assert "Fortsätter i ordinarie verksamhet" in page and "Kalmar bibliotek" in page
    assert "1 av 1 aktiviteter har en beslutad framtid" in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"future": "ends"}, "decided_on", "Skriv när det beslutades."),
        ({"future": "ordinary", "decided_on": "2025-10-02"}, "owner", "driver aktiviteten vidare"),
        ({"future": "other_funding", "decided_on": "2025-10-02"}, "funding", "finansiering"),
    ],
)
def test_a_decision_without_its_date_owner_or_funding_is_refused_and_nothing_is_saved(
    world, login_as, data, field, message
):
    club = activity(world.kalmar)
    response = login_as(world.kalmar_kommun).post(_url(world, club), data)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert not Continuation.objects.exists()


def test_handed_over_means_to_another_organisation_than_the_lead(world, login_as):
    club = activity(world.kalmar)
    response = login_as(world.kalmar_ngo).post(
        _url(world, club),
        {
            "future": "handed_over",
            "owner": world.kalmar.lead_organisation.pk,
            "decided_on": "2025-10-02",
        },
    )
    assert "annan organisation" in str(response.context["form"].errors["owner"])
    assert not Continuation.objects.exists()


def test_an_organisation_of_another_municipality_cannot_become_the_owner(world, login_as):
    club = activity(world.kalmar)
    response = login_as(world.kalmar_ngo).post(
        _url(world, club),
        {"future": "ordinary", "owner": world.boden_partner.pk, "decided_on": "2025-10-02"},
    )
    assert "owner" in response.context["form"].errors
    assert not Continuation.objects.exists()


def test_back_to_undecided_forgets_the_date_and_forum_of_a_decision(world, login_as):
    club = activity(world.kalmar)
    client = login_as(world.kalmar_ngo)
    client.post(_url(world, club), {"future": "ends", "decided_on": "2025-10-02"})
    client.post(_url(world, club), {"future": "undecided", "decided_on": "2025-10-02"})
    record = Continuation.objects.get()
    assert (record.future, record.decided_on, record.decided_in) == ("undecided", None, "")


def test_who_may_see_and_change_what_continues(world, login_as):
    club = activity(world.kalmar)
    list_url = reverse("memory:continuation", args=[world.kalmar.code])
    assert login_as(world.kalmar_ledare).get(list_url).status_code == 200
    assert login_as(world.kalmar_ledare).get(_url(world, club)).status_code == 403
    assert login_as(world.kalmar_partner_user).get(list_url).status_code == 403
    assert login_as(world.forskare).get(list_url).status_code == 403
    # Another collaboration's coordinator: 404, through its own code too.
    boden = login_as(world.boden_ngo)
    assert boden.post(_url(world, club), {"future": "ends"}).status_code == 404
    foreign = reverse("memory:continuation_edit", args=[world.boden.code, club.code])
    assert boden.post(foreign, {"future": "ends", "decided_on": "2025-01-01"}).status_code == 404
    assert not Continuation.objects.exists()


def test_the_overview_lists_undecided_activities_in_the_transition_phase(world, login_as):
    decided = activity(world.kalmar, "Föräldragruppen", focus_area=3, type="parent_group")
    activity(world.kalmar, "Cykelverkstad")
    Continuation.objects.create(activity=decided, future="ends", decided_on=date(2025, 9, 1))
    world.kalmar.ends_on = None
    world.kalmar.save()
    client = login_as(world.kalmar_ngo)
    overview = reverse("orgs:collaboration", args=[world.kalmar.code])
    body = client.get(overview).content.decode()
    assert "saknar beslutad framtid" not in body
    assert "1 av 2 aktiviteter har en beslutad framtid" in body
    world.kalmar.phase = Phase.TRANSITION
    world.kalmar.save()
    body = client.get(overview).content.decode()
    assert "1 aktivitet saknar beslutad framtid" in body
    assert reverse("memory:continuation_edit", args=[world.kalmar.code, decided.code]) not in body


def test_the_overview_lists_undecided_activities_in_the_last_six_months(world, login_as):
    activity(world.kalmar, "Cykelverkstad")
    world.kalmar.ends_on = date.today().replace(day=1)
    world.kalmar.save()
    body = (
        login_as(world.kalmar_kommun)
        .get(reverse("orgs:collaboration", args=[world.kalmar.code]))
        .content.decode()
    )
    assert "1 aktivitet saknar beslutad framtid" in body and "Cykelverkstad" in body


def test_the_last_six_months_are_counted_in_calendar_months():
    assert months_before(date(2025, 12, 31), 6) == date(2025, 6, 30)
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2025, 3, 15), 6) == date(2024, 9, 15)

    class Collab:
        ends_on = date(2025, 12, 31)

    assert not in_last_months(Collab, date(2025, 6, 29))
    assert in_last_months(Collab, date(2025, 6, 30))
    assert in_last_months(Collab, date(2026, 2, 1))  # ended: still due


def test_the_transition_checklist_reads_the_share_of_activities_with_a_decided_future(
    world, login_as
):
    first = activity(world.kalmar, "Föräldragruppen", focus_area=3, type="parent_group")
    activity(world.kalmar, "Cykelverkstad")
    library = Organisation.objects.create(
        name="Kalmar kulturförvaltning",
        kind=OrganisationKind.LEISURE,
        municipality=world.kalmar.municipality,
    )
    Continuation.objects.create(
        activity=first, future="ordinary", owner=library, decided_on=date(2025, 9, 1)
    )
    body = (
        login_as(world.kalmar_ngo)
        .get(reverse("assessment:model", args=[world.kalmar.code]))
        .content.decode()
    )
    assert "1 av 2 aktiviteter har en beslutad framtid (50 %)." in body
    assert "1 aktivitet fortsätter i ordinarie verksamhet." in body
