from datetime import date

from samverka.orgs.models import Organisation, OrganisationKind
from samverka.referrals.models import ActorRelation, Referral, Service

SCOPES = {
    "referrals:directory": "collaboration",
    "referrals:service_create": "collaboration",
    "referrals:service_edit": "collaboration",
    "referrals:relations": "collaboration",
    "referrals:map": "collaboration",
    "referrals:coverage": "collaboration",
    "referrals:list": "collaboration",
    "referrals:create": "collaboration",
    "referrals:detail": "collaboration",
    "referrals:gaps": "collaboration",
    "referrals:gaps_export": "collaboration",
    "referrals:national_gaps": "national",
    "referrals:national_gaps_export": "national",
}


def url_arguments(world):
    school = Organisation.objects.create(
        name="Kalmar grundskola",
        kind=OrganisationKind.SCHOOL,
        municipality=world.kalmar.municipality,
    )
    service = Service.objects.create(
        organisation=school, name="Skolkurator", need_categories=["school"]
    )
    ActorRelation.objects.create(
        collaboration=world.kalmar,
        from_organisation=world.kalmar.lead_organisation,
        to_organisation=school,
        kind="refers",
    )
    referral = Referral.objects.create(
        collaboration=world.kalmar, need_category="school", service=service, date=date(2025, 3, 1)
    )
    return {"service_code": service.code, "referral_code": referral.code}


# The exports registry (tests/test_export_injection.py). The collaboration's gaps CSV carries
# need codes, half-years and controlled counts; the national one municipality names (kept by
# national staff). `plant` also names the services, so a future column with them is walked too.
EXPORTS = {
    "referrals:gaps_export": {"method": "get", "persona": "kalmar_ngo", "texts": False},
    "referrals:national_gaps_export": {"method": "get", "data": {}, "persona": "nationell"},
}


def plant(world, text: str) -> None:
    Service.objects.filter(organisation__municipality=world.kalmar.municipality).update(name=text)
    municipality = world.kalmar.municipality
    municipality.name = text
    municipality.save(update_fields=["name"])
