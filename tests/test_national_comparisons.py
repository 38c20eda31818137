"""Every national comparison, for every role: the national lead and national researchers read
them (researchers always disclosure-controlled), a researcher by membership sees only their own
collaborations, everyone else gets 404 and anonymous visitors the login page."""

from datetime import date

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import make_user
from samverka.accounts.models import Membership
from samverka.accounts.roles import Role
from samverka.assessment.models import BoundarySpanner
from samverka.jobs.tests import job_download
from samverka.referrals.models import Referral
from samverka.reports.tests.conftest import Data

PAGES = [
    "assessment:national",
    "surveys:national_results",
    "reports:national_funder",
    "referrals:national_gaps",
    "referrals:national_gaps_export",
    "followup:national",
]
YEAR_2025 = {"from": "2025-01-01", "to": "2025-12-31"}


@pytest.fixture
def scoped_researcher(world):
    """A researcher by membership in Kalmar only (no national role)."""
    user = make_user("forskare.kalmar")
    Membership.objects.create(user=user, collaboration=world.kalmar, role=Role.RESEARCHER)
    TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


@pytest.fixture
def gaps(world):
    """Two needs raised without an actor in Kalmar, seven in Boden (2025)."""
    for _ in range(2):
        Referral.objects.create(
            collaboration=world.kalmar, need_category="housing", date=date(2025, 3, 1)
        )
    for _ in range(7):
        Referral.objects.create(
            collaboration=world.boden, need_category="housing", date=date(2025, 4, 1)
        )


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("persona", ["nationell", "forskare"])
def test_national_staff_read_every_comparison(login_as, world, name, persona):
    response = login_as(getattr(world, persona)).get(reverse(name))
    assert response.status_code == 200


@pytest.mark.parametrize("name", PAGES)
def test_a_researcher_by_membership_reads_every_comparison(login_as, scoped_researcher, name):
    assert login_as(scoped_researcher).get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(
    "persona",
    ["kalmar_ngo", "kalmar_kommun", "kalmar_ledare", "kalmar_partner_user", "boden_ngo"],
)
def test_members_of_collaborations_get_404(login_as, world, name, persona):
    assert login_as(getattr(world, persona)).get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_the_login(client, world, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_collaboration_model_names_no_one_for_researchers(login_as, world):
    """The national lead reads the person-dependence warnings with names; researchers by kind."""
    member = make_user("brobyggare")
    membership = Membership.objects.create(
        user=member, collaboration=world.kalmar, role=Role.MUNICIPAL_CONTACT
    )
    BoundarySpanner.objects.create(
        collaboration=world.kalmar, membership=membership, ended_on=date(2020, 1, 1)
    )
    page = reverse("assessment:national")
    lead = login_as(world.nationell).get(page).content.decode()
    assert "Brobyggare" in lead
    researcher = login_as(world.forskare).get(page)
    assert "Brobyggare" not in researcher.content.decode()
    kalmar = next(t for t in researcher.context["table"] if t["row"].collaboration == world.kalmar)
    assert len(kalmar["warnings"]) == 1


def test_a_researcher_by_membership_compares_only_their_collaborations(
    login_as, world, scoped_researcher
):
    page = login_as(scoped_researcher).get(reverse("assessment:national"))
    names = [t["row"].collaboration for t in page.context["table"]]
    assert names == [world.kalmar]
    assert world.boden.name not in page.content.decode()


def test_the_researcher_always_reads_the_funder_count_disclosure_controlled(login_as, world):
    data = Data(world)
    session = data.session(date(2025, 3, 4))
    data.group(6, session, gender="female")
    data.group(2, session, gender="male")
    client = login_as(world.forskare)
    response = client.get(reverse("reports:national_funder"), YEAR_2025)
    assert response.context["controlled"]
    assert response.context["report"].participant_count(municipality="0880", gender="male") is None
    assert "Show exact figures" not in response.content.decode()
    export = job_download(
        client,
        client.post(reverse("reports:national_funder_export"), {**YEAR_2025, "format": "csv"}),
    )
    rows = export.content.decode().splitlines()
    assert any(row.endswith(",..") for row in rows)  # the hidden mark, never "<5"
    assert not any(row.endswith(",2") for row in rows)


def test_the_researcher_by_membership_counts_only_their_collaborations(
    login_as, world, scoped_researcher
):
    data = Data(world)
    data.group(6, data.session(date(2025, 3, 4)))
    boden = data.session(date(2025, 3, 5), world.boden, activity="Läxhjälp")
    data.group(9, boden, world.boden)
    response = login_as(scoped_researcher).get(reverse("reports:national_funder"), YEAR_2025)
    report = response.context["report"]
    assert report.participant_count() == 6
    assert [m for m, _n in response.context["form"].fields["municipality"].choices][1:] == ["0880"]


def test_referral_gaps_compare_municipalities_through_the_disclosure_control(login_as, world, gaps):
    response = login_as(world.nationell).get(reverse("referrals:national_gaps"), {"year": 2025})
    housing = next(r for r in response.context["rows"] if r["need"].value == "housing")
    places = [code for code, _name in response.context["municipalities"]]
    cells = dict(zip(places, housing["cells"], strict=True))
    assert cells["0880"][0] == ".."  # two in Kalmar: hidden
    assert cells["2582"][0] != "7"  # Boden's 7 would give Kalmar's 2 away with the total
    assert housing["total"][0] == "9"


def test_referral_gaps_export_is_the_same_controlled_cube(login_as, world, gaps):
    response = login_as(world.forskare).get(reverse("referrals:national_gaps_export"))
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("need_category,municipality_code")
    kalmar = next(line for line in lines if line.startswith("housing,0880"))
    assert kalmar.endswith("..,0")


def test_a_researcher_by_membership_sees_only_their_gaps(login_as, world, gaps, scoped_researcher):
    response = login_as(scoped_researcher).get(reverse("referrals:national_gaps"))
    assert [code for code, _ in response.context["municipalities"]] == ["0880"]


def test_researchers_find_the_comparisons_from_the_menu(login_as, world):
    client = login_as(world.forskare)
    assert reverse("orgs:national_home") in client.get(reverse("home")).content.decode()
    html = client.get(reverse("orgs:national_home")).content.decode()
    for name in ["research:home", *PAGES[:4], "followup:national"]:
        assert reverse(name) in html
