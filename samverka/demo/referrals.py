"""Demo actor map, services, relations and referrals for Kalmar and Boden (invented data).

Idempotent: services and relations are looked up by name, and referrals are only added to a
collaboration that has none yet. Legal and migration advice is deliberately left uncovered,
and housing referrals fail, so that the gaps show.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from samverka.accounts.models import User
from samverka.orgs.models import Organisation, OrganisationKind
from samverka.referrals.models import ActorRelation, Referral, ReferralStatus, Service

CODES = ["0880", "2582"]

# (organisation name pattern, kind, service name, needs, languages, how to get there, contact)
SERVICES = [
    (
        "{city} kommun, grundskolan",
        OrganisationKind.SCHOOL,
        "Elevhälsa och skolkurator",
        ["school", "parenting"],
        "svenska, arabiska (tolk)",
        "Via skolans expedition",
        "Ring skolans expedition",
    ),
    (
        "{city} kommun, socialförvaltningen",
        OrganisationKind.SOCIAL_SERVICES,
        "Familjestöd och försörjningsstöd",
        ["social", "economy", "child_protection"],
        "svenska, tolk vid behov",
        "Stadshuset, entréplan",
        "Kommunens växel, be om mottagningen",
    ),
    (
        "{city} kommun, SFI",
        OrganisationKind.SFI,
        "SFI och vägledning till arbete",
        ["work"],
        "svenska",
        "Vuxenutbildningens hus",
        "Anmälan via kommunens webb",
    ),
    (
        "Stadsbiblioteket {city}",
        OrganisationKind.LIBRARY,
        "Språkcafé och läxhjälp",
        ["leisure", "school"],
        "svenska, arabiska, somaliska",
        "Centrum, nära busstationen",
        "Kom förbi på öppettider",
    ),
    (
        "Idrottsföreningen Framåt {city}",
        OrganisationKind.ASSOCIATION,
        "Prova-på-träning för barn",
        ["leisure"],
        "svenska",
        "Idrottsplatsen",
        "Ledaren på plats",
    ),
    (
        "Region, vårdcentralen {city}",
        OrganisationKind.AGENCY,
        "Barnhälsovård och tandvård",
        ["health"],
        "svenska, tolk",
        "Vårdcentralen i centrum",
        "1177 eller vårdcentralens telefon",
    ),
]

RELATIONS = [
    ("Barnkraft {city}", "refers", "{city} kommun, socialförvaltningen", "Familjebehandlare"),
    ("Barnkraft {city}", "collaborates", "{city} kommun, grundskolan", "Rektor"),
    ("Stadsbiblioteket {city}", "hosts", "Barnkraft {city}", "Bibliotekarie"),
    ("{city} kommun, integrationsenheten", "funds", "Barnkraft {city}", "Integrationsstrateg"),
    ("Barnkraft {city}", "refers", "Idrottsföreningen Framåt {city}", "Föreningsledare"),
    ("Barnkraft {city}", "refers", "Region, vårdcentralen {city}", "BVC-sjuksköterska"),
]

# (need, service name or None for "no actor found", status, days ago)
REFERRALS = [
    ("school", "Elevhälsa och skolkurator", ReferralStatus.CONNECTED, 60),
    ("leisure", "Prova-på-träning för barn", ReferralStatus.CONNECTED, 45),
    ("economy", "Familjestöd och försörjningsstöd", ReferralStatus.CONTACTED, 20),
    ("work", "SFI och vägledning till arbete", ReferralStatus.SUGGESTED, 3),
    ("health", "Barnhälsovård och tandvård", ReferralStatus.DECLINED, 30),
    ("social", "Familjestöd och försörjningsstöd", ReferralStatus.NOT_HELPED, 40),
    ("legal", None, ReferralStatus.SUGGESTED, 50),
    ("legal", None, ReferralStatus.SUGGESTED, 35),
    ("legal", None, ReferralStatus.SUGGESTED, 25),
    ("legal", None, ReferralStatus.SUGGESTED, 15),
    ("legal", None, ReferralStatus.SUGGESTED, 10),
    ("legal", None, ReferralStatus.SUGGESTED, 5),
    ("housing", None, ReferralStatus.SUGGESTED, 12),
]


def _org(name, kind, municipality):
    organisation, _ = Organisation.objects.get_or_create(
        name=name, municipality=municipality, defaults={"kind": kind}
    )
    return organisation


@transaction.atomic
def seed(collaborations) -> None:
    today = timezone.localdate()
    for code in CODES:
        collaboration = collaborations.get(code)
        if collaboration is None:
            continue
        municipality = collaboration.municipality
        city = municipality.name
        services = {}
        for pattern, kind, name, needs, languages, route, contact in SERVICES:
            organisation = _org(pattern.format(city=city), kind, municipality)
            service, _ = Service.objects.get_or_create(
                organisation=organisation,
                name=name,
                defaults={
                    "description": name,
                    "need_categories": needs,
                    "target_groups": "Barn och föräldrar",
                    "languages": languages,
                    "how_to_get_there": route,
                    "contact_route": contact,
                },
            )
            services[name] = service
        for source, kind, target, role in RELATIONS:
            ActorRelation.objects.get_or_create(
                collaboration=collaboration,
                from_organisation=_org(
                    source.format(city=city), OrganisationKind.CSO, municipality
                ),
                to_organisation=_org(
                    target.format(city=city), OrganisationKind.MUNICIPAL_OTHER, municipality
                ),
                kind=kind,
                defaults={"since": date(2023, 3, 1), "contact_role": role},
            )
        if collaboration.referrals.exists():
            continue
        coordinator = (
            User.objects.filter(
                memberships__collaboration=collaboration, memberships__role="coordinator"
            )
            .order_by("id")
            .first()
        )
        households = list(collaboration.households.all()[:6])
        for index, (need, service_name, status, days) in enumerate(REFERRALS):
            service = services.get(service_name) if service_name else None
            shared = service is not None and status != ReferralStatus.SUGGESTED
            Referral.objects.create(
                collaboration=collaboration,
                household=households[index % len(households)] if households else None,
                need_category=need,
                service=service,
                organisation=service.organisation if service else None,
                date=today - timedelta(days=days),
                created_by=coordinator,
                consent_to_share=shared,
                consent_recorded_at=timezone.now() if shared else None,
                status=status,
                outcome_note="Påhittad demonotering." if status != "suggested" else "",
                follow_up_on=today if status in {"suggested", "contacted"} and service else None,
            )
