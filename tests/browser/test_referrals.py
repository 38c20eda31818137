"""Referrals on a phone: the coordinator records a referral in a few taps, and the actor map
renders its network (cytoscape) beside the table without a CSP violation."""

import pytest
from playwright.sync_api import expect

from samverka.orgs.models import Organisation, OrganisationKind
from samverka.referrals.models import ActorRelation, Referral, Service
from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser


def test_coordinator_records_a_referral_and_sees_the_map(page, live_world, log_in, csp_reports):
    world = live_world
    school = Organisation.objects.create(
        name="Kalmar kommun, grundskolan",
        kind=OrganisationKind.SCHOOL,
        municipality=world.kalmar.municipality,
    )
    Service.objects.create(organisation=school, name="Skolkurator", need_categories=["school"])
    ActorRelation.objects.create(
        collaboration=world.kalmar,
        from_organisation=world.kalmar.lead_organisation,
        to_organisation=school,
        kind="refers",
        contact_role="Rektor",
    )
    log_in(world.kalmar_ngo)
    assert page.viewport_size == PHONE

    page.goto(f"/c/{world.kalmar.code}/referrals/new/")
    page.locator("#id_need_category").select_option("school")
    page.locator("#id_organisation").select_option(label="Kalmar kommun, grundskolan")
    page.locator("#id_consent_to_share").check()
    with page.expect_navigation():
        page.locator("main").get_by_role(
            "button", name=either("Spara lotsningen", "Save referral")
        ).click()
    referral = Referral.objects.get()
    assert referral.organisation == school and referral.consent_to_share
    expect(page.locator("#shared")).to_contain_text("Kalmar kommun, grundskolan")

    page.goto(f"/c/{world.kalmar.code}/actors/map/")
    expect(page.locator("#actor-map canvas").first).to_be_attached()
    expect(page.locator("#actor-map")).to_have_attribute("data-nodes", "3")
    expect(page.locator("#relations-table")).to_contain_text("Rektor")
    assert csp_reports == []
