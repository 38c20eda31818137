import csv
import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samverka.audit.models import AuditEvent
from samverka.orgs.models import Organisation, OrganisationKind
from samverka.participants.models import Household, Participant
from samverka.referrals import selectors, services
from samverka.referrals.models import ActorRelation, Referral, ReferralStatus, Service

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(world):
    school = Organisation.objects.create(
        name="Kalmar grundskola",
        kind=OrganisationKind.SCHOOL,
        municipality=world.kalmar.municipality,
    )
    counsellor = Service.objects.create(
        organisation=school, name="Skolkurator", need_categories=["school", "parenting"]
    )
    return school, counsellor


def url(name, world, **kwargs):
    return reverse(f"referrals:{name}", kwargs={"code": world.kalmar.code, **kwargs})


def test_coordinator_records_a_referral_by_household_code(world, login_as, actors):
    school, counsellor = actors
    household = Household.objects.create(collaboration=world.kalmar)
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("create", world),
        {
            "person_code": household.code,
            "need_category": "school",
            "organisation": school.pk,
            "service": counsellor.pk,
            "consent_to_share": "on",
            "status": "contacted",
            "follow_up_on": "",
        },
    )
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert referral.household == household and referral.created_by == world.kalmar_ngo
    assert referral.consent_recorded_at is not None
    assert AuditEvent.objects.filter(object_code=referral.code, action="create").exists()
    page = client.get(url("detail", world, referral_code=referral.code)).content.decode()
    assert "samtycke registrerat" in page


def test_participant_code_of_another_collaboration_is_refused(world, login_as):
    other = Participant.objects.create(
        collaboration=world.boden, household=Household.objects.create(collaboration=world.boden)
    )
    client = login_as(world.kalmar_ledare)
    response = client.post(
        url("create", world),
        {"person_code": other.code, "need_category": "housing", "status": "suggested"},
    )
    assert response.status_code == 200
    assert not Referral.objects.exists()


def test_consent_rule(world, login_as, actors):
    school, _ = actors
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("create", world),
        {"need_category": "school", "organisation": school.pk, "status": "contacted"},
    )
    assert response.status_code == 200 and not Referral.objects.exists()
    client.post(
        url("create", world),
        {"need_category": "school", "organisation": school.pk, "status": "suggested"},
    )
    referral = Referral.objects.get()
    page = client.get(url("detail", world, referral_code=referral.code)).content.decode()
    assert "Ingenting delas" in page
    with pytest.raises(ValidationError):
        services.referral_update(
            referral=referral, status=ReferralStatus.CONNECTED, by=world.kalmar_ngo
        )


def test_status_change_is_audited(world, login_as, actors):
    school, _ = actors
    referral = Referral.objects.create(
        collaboration=world.kalmar, need_category="school", organisation=school, date=date.today()
    )
    client = login_as(world.kalmar_kommun)
    response = client.post(
        url("detail", world, referral_code=referral.code),
        {
            "need_category": "school",
            "organisation": school.pk,
            "status": "declined",
            "outcome_note": "Familjen ville vänta.",
        },
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "declined"
    assert AuditEvent.objects.filter(object_code=referral.code, action="update").exists()


def test_gap_counting_and_export_with_disclosure_control(world, login_as, actors):
    school, _ = actors
    day = date(2025, 3, 1)
    for _ in range(6):
        Referral.objects.create(collaboration=world.kalmar, need_category="housing", date=day)
    for _ in range(2):
        Referral.objects.create(
            collaboration=world.kalmar,
            need_category="school",
            organisation=school,
            status="not_helped",
            date=day,
        )
    Referral.objects.create(
        collaboration=world.kalmar, need_category="school", organisation=school, date=day
    )
    rows = {r["need"].value: r for r in selectors.gap_rows(world.kalmar)}
    assert set(rows) == {"housing", "school"}
    assert rows["school"]["failed_referrals"] is None  # 2 is hidden
    client = login_as(world.kalmar_kommun)
    response = client.get(url("gaps_export", world))
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    assert lines[0] == ["need_category", "period", "raised_without_actor", "failed_referrals"]
    assert [line[:2] for line in lines[1:]] == [["school", "2025-H1"], ["housing", "2025-H1"]]
    assert lines[1][2:] == ["0", ".."]
    assert ">..<" in client.get(url("gaps", world)).content.decode()


def test_coverage_shows_needs_nobody_covers(world, login_as, actors):
    _actors, rows = selectors.coverage(world.kalmar)
    covered = {r["need"].value for r in rows if r["covered"]}
    assert covered == {"school", "parenting"}
    page = login_as(world.kalmar_kommun).get(url("coverage", world)).content.decode()
    assert "Ingen täcker detta" in page and "Kalmar grundskola" in page


def test_municipal_contact_manages_services_and_relations(world, login_as, actors):
    school, counsellor = actors
    client = login_as(world.kalmar_kommun)
    response = client.post(
        url("service_create", world),
        {"organisation": school.pk, "name": "Läxhjälp", "need_categories": ["school"]},
    )
    assert response.status_code == 302
    assert Service.objects.filter(name="Läxhjälp", need_categories=["school"]).exists()
    response = client.post(
        url("service_edit", world, service_code=counsellor.code),
        {"organisation": school.pk, "name": "Kurator", "need_categories": ["health"]},
    )
    assert response.status_code == 302
    response = client.post(
        url("relations", world),
        {
            "from_organisation": world.kalmar.lead_organisation.pk,
            "kind": "refers",
            "to_organisation": school.pk,
            "contact_role": "Skolkurator",
        },
    )
    assert response.status_code == 302
    relation = ActorRelation.objects.get()
    page = client.get(url("map", world)).content.decode()
    assert 'id="actor-map-data"' in page and relation.to_organisation.code in page
    assert AuditEvent.objects.filter(object_code=relation.code, action="create").exists()


def test_only_organisations_of_the_municipality_can_be_chosen(world, login_as):
    boden_school = Organisation.objects.create(
        name="Boden skola", kind=OrganisationKind.SCHOOL, municipality=world.boden.municipality
    )
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("service_create", world), {"organisation": boden_school.pk, "name": "X"}
    )
    assert response.status_code == 200 and not Service.objects.exists()


@pytest.mark.parametrize(
    "name", ["directory", "map", "coverage", "list", "create", "gaps", "gaps_export"]
)
def test_partner_is_refused(world, login_as, name):
    assert login_as(world.kalmar_partner_user).get(url(name, world)).status_code == 403


@pytest.mark.parametrize("name", ["service_create", "relations"])
def test_activity_leader_cannot_manage_actors(world, login_as, name):
    client = login_as(world.kalmar_ledare)
    assert client.post(url(name, world), {}).status_code == 403
    assert client.get(url("gaps", world)).status_code == 403


def test_researcher_sees_only_aggregated_gaps(world, login_as):
    client = login_as(world.forskare)
    assert client.get(url("gaps", world)).status_code == 200
    assert client.get(url("list", world)).status_code == 403
    assert client.get(url("map", world)).status_code == 403


def test_activity_leader_sees_only_own_referrals(world, login_as):
    theirs = Referral.objects.create(
        collaboration=world.kalmar, need_category="economy", date=date.today()
    )
    client = login_as(world.kalmar_ledare)
    response = client.get(url("detail", world, referral_code=theirs.code))
    assert response.status_code == 404


def test_foreign_collaboration_gets_404(world, login_as):
    referral = Referral.objects.create(
        collaboration=world.kalmar, need_category="economy", date=date.today()
    )
    client = login_as(world.boden_ngo)
    assert client.get(url("detail", world, referral_code=referral.code)).status_code == 404
    own = reverse(
        "referrals:detail", kwargs={"code": world.boden.code, "referral_code": referral.code}
    )
    assert client.get(own).status_code == 404


def test_overview_panel_lists_due_follow_ups_and_gaps(world, login_as):
    today = timezone.localdate()
    Referral.objects.create(
        collaboration=world.kalmar,
        need_category="housing",
        date=today,
        created_by=world.kalmar_ngo,
        follow_up_on=today - timedelta(days=1),
    )
    page = (
        login_as(world.kalmar_ngo)
        .get(reverse("orgs:collaboration", args=[world.kalmar.code]))
        .content.decode()
    )
    assert "Uppföljningar att göra" in page and "Försenad" in page and "utan aktör" in page


def test_list_filters_by_status(world, login_as):
    Referral.objects.create(
        collaboration=world.kalmar, need_category="housing", date=date.today(), status="declined"
    )
    Referral.objects.create(collaboration=world.kalmar, need_category="economy", date=date.today())
    page = login_as(world.kalmar_ngo).get(url("list", world) + "?status=declined").content.decode()
    assert "Boende" in page and "Ekonomi" not in page
