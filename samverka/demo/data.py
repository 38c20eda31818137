"""Invented demo data. No real person appears here.

Later features extend `seed` with their own demo content.
"""

from base64 import b32encode
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverka.accounts.models import User
from samverka.accounts.roles import NationalRole, Role
from samverka.accounts.services import membership_add
from samverka.audit.models import AuditAction, AuditEvent
from samverka.audit.services import audit_record
from samverka.orgs.models import Collaboration, Municipality, Organisation, OrganisationKind, Phase

# Each feature adds `samverka.demo.<feature>.seed`, called with {municipality code: collaboration}.
FEATURE_SEEDERS: list[str] = [
    "samverka.demo.activities.seed",
    "samverka.demo.assessment.seed",
    "samverka.demo.referrals.seed",
    "samverka.demo.surveys.seed",
    "samverka.demo.children.seed",
    "samverka.demo.knowledge.seed",
    "samverka.demo.memory.seed",
    "samverka.demo.research.seed",
    "samverka.demo.followup.seed",
]

DEMO_PASSWORD = "samverka-demo-2026"
# Published demo key for the national lead's authenticator (never use in production).
DEMO_TOTP_KEY_HEX = b"samverka-demo-key-01".hex()
DEMO_TOTP_KEY_BASE32 = b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()


def demo_period(phase: str, today: date | None = None) -> dict[str, date]:
    """A collaboration's period that runs through today, as its phase says: one in initiation
    began this term, one in implementation began in 2023 (the story of the model's demo data)
    and runs to the end of next year, one in transition ends within a few months."""
    today = today or timezone.localdate()
    begun = min(date(2023, 1, 1), today - timedelta(days=700))
    if phase == Phase.INITIATION:
        return {"starts_on": today - timedelta(days=120), "ends_on": date(today.year + 2, 12, 31)}
    if phase == Phase.TRANSITION:
        return {"starts_on": begun, "ends_on": today + timedelta(days=120)}
    return {"starts_on": begun, "ends_on": date(today.year + 1, 12, 31)}


# (code, slug, phase) – the nine municipalities of the programme.
PROGRAMME = [
    ("2582", "boden", Phase.IMPLEMENTATION),
    ("2482", "skelleftea", Phase.IMPLEMENTATION),
    ("1962", "norberg", Phase.TRANSITION),
    ("2084", "avesta", Phase.IMPLEMENTATION),
    ("0136", "haninge", Phase.INITIATION),
    ("1485", "uddevalla", Phase.IMPLEMENTATION),
    ("1290", "kristianstad", Phase.TRANSITION),
    ("0880", "kalmar", Phase.IMPLEMENTATION),
    ("1463", "mark", Phase.IMPLEMENTATION),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    first_name: str
    last_name: str
    description: str
    national_role: str = ""
    municipality: str = ""
    role: str = ""


# The documented demo logins, then one coordinator and one municipal contact per
# other municipality so that every collaboration has people in it.
DEMO_LOGINS = [
    DemoLogin(
        "nationell",
        "Karin",
        "Westholm",
        "national lead, all municipalities (2FA)",
        national_role=NationalRole.NATIONAL_LEAD,
    ),
    DemoLogin(
        "kalmar.ngo",
        "Amira",
        "Lindgren",
        "coordinator, Kalmar",
        municipality="0880",
        role=Role.COORDINATOR,
    ),
    DemoLogin(
        "kalmar.kommun",
        "Johan",
        "Ekström",
        "municipal contact, Kalmar",
        municipality="0880",
        role=Role.MUNICIPAL_CONTACT,
    ),
    DemoLogin(
        "kalmar.ledare",
        "Hassan",
        "Nordin",
        "activity leader, Kalmar",
        municipality="0880",
        role=Role.ACTIVITY_LEADER,
    ),
    DemoLogin(
        "boden.ngo",
        "Liv",
        "Strandberg",
        "coordinator, Boden",
        municipality="2582",
        role=Role.COORDINATOR,
    ),
    DemoLogin(
        "boden.kommun",
        "Mikael",
        "Forsberg",
        "municipal contact, Boden",
        municipality="2582",
        role=Role.MUNICIPAL_CONTACT,
    ),
    DemoLogin(
        "forskare",
        "Elin",
        "Bergqvist",
        "researcher, all municipalities",
        national_role=NationalRole.RESEARCHER,
    ),
]

OTHER_PEOPLE = {
    "2482": [("Sofia", "Lundmark"), ("Peter", "Holmgren")],
    "1962": [("Nadia", "Eriksson"), ("Anders", "Wikström")],
    "2084": [("Fatima", "Dahl"), ("Lars", "Björk")],
    "0136": [("Yasmin", "Holm"), ("Erik", "Sjöberg")],
    "1485": [("Maryam", "Olausson"), ("Per", "Kjellberg")],
    "1290": [("Hodan", "Nilsson"), ("Magnus", "Persson")],
    "1463": [("Rania", "Andersson"), ("Tomas", "Fredriksson")],
}

GOAL = (
    "Nyanlända barn 6–12 år och deras familjer har en meningsfull fritid, känner sig "
    "trygga i samhället och får rätt stöd i tid. Kommunen och civilsamhället arbetar "
    "tillsammans utifrån barnets rättigheter."
)
IDEA = (
    "Civilsamhället når familjer som kommunens ordinarie verksamhet inte når, bygger tillit "
    "och lotsar vidare. Kommunen bidrar med lokaler, kunskap om välfärdssystemet och "
    "förankring i förvaltningarna."
)


def _org(name, kind, municipality=None, parent=None) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        name=name, municipality=municipality, defaults={"kind": kind, "parent": parent}
    )
    return org


def _user(username, first, last, national_role="") -> User:
    user, _ = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@demo.samverka.invalid",
            "national_role": national_role,
        },
    )
    user.first_name, user.last_name, user.national_role = first, last, national_role
    user.set_password(DEMO_PASSWORD)
    user.is_active = True
    user.save()
    return user


def _member(user, collaboration, role, organisation):
    membership_add(
        user=user, collaboration=collaboration, role=role, organisation=organisation, by=None
    )


@transaction.atomic
def seed() -> dict[str, Collaboration]:
    """Create or refresh the demo world. Safe to run again: nothing is duplicated."""
    national_ngo = _org("Barnkraft", OrganisationKind.CSO)
    collaborations: dict[str, Collaboration] = {}
    for code, _slug, phase in PROGRAMME:
        municipality = Municipality.objects.get(code=code)
        city = municipality.name
        lead = _org(f"Barnkraft {city}", OrganisationKind.CSO, municipality, national_ngo)
        partners = [
            _org(
                f"{city} kommun, socialförvaltningen",
                OrganisationKind.SOCIAL_SERVICES,
                municipality,
            ),
            _org(f"{city} kommun, grundskolan", OrganisationKind.SCHOOL, municipality),
            _org(f"Stadsbiblioteket {city}", OrganisationKind.LIBRARY, municipality),
            _org(f"Idrottsföreningen Framåt {city}", OrganisationKind.ASSOCIATION, municipality),
        ]
        if code in {"0880", "2582", "1962"}:
            partners.append(_org(f"{city} kommun, SFI", OrganisationKind.SFI, municipality))
            partners.append(
                _org(
                    f"{city} kommun, integrationsenheten",
                    OrganisationKind.INTEGRATION,
                    municipality,
                )
            )
        collaboration, created = Collaboration.objects.get_or_create(
            municipality=municipality,
            name=f"Barn i fokus {city}",
            defaults={
                "lead_organisation": lead,
                **demo_period(phase),
                "phase": phase,
                "shared_goal_picture": GOAL,
                "collaboration_idea": IDEA,
            },
        )
        collaboration.partners.add(*partners)
        if created:
            audit_record(
                actor=None, action=AuditAction.CREATE, obj=collaboration, detail="seed_demo"
            )
        collaborations[code] = collaboration

    # Kalmar's collaboration builds on an earlier one: the string of pearls.
    kalmar = collaborations["0880"]
    earlier, _ = Collaboration.objects.get_or_create(
        municipality=kalmar.municipality,
        name="Familjeträffar Kalmar",
        defaults={
            "lead_organisation": kalmar.lead_organisation,
            "starts_on": date(2019, 9, 1),
            "ends_on": date(2021, 12, 31),
            "phase": Phase.TRANSITION,
            "shared_goal_picture": "Föräldrar som är nya i Sverige möts, stärks och hittar vägar in i samhället.",
            "collaboration_idea": "Föräldraträffar varje vecka i biblioteket, med tolk och barnpassning.",
        },
    )
    if kalmar.builds_on_id is None:
        kalmar.builds_on = earlier
        kalmar.save(update_fields=["builds_on"])

    for login in DEMO_LOGINS:
        user = _user(login.username, login.first_name, login.last_name, login.national_role)
        if login.role:
            collaboration = collaborations[login.municipality]
            organisation = (
                collaboration.lead_organisation
                if login.role in {Role.COORDINATOR, Role.ACTIVITY_LEADER}
                else collaboration.partners.filter(kind=OrganisationKind.SOCIAL_SERVICES).first()
            )
            _member(user, collaboration, login.role, organisation)
    kalmar_ngo = User.objects.get(username="kalmar.ngo")
    _member(kalmar_ngo, earlier, Role.COORDINATOR, kalmar.lead_organisation)

    for code, people in OTHER_PEOPLE.items():
        collaboration = collaborations[code]
        slug = next(s for c, s, _ in PROGRAMME if c == code)
        (f1, l1), (f2, l2) = people
        _member(
            _user(f"{slug}.ngo", f1, l1),
            collaboration,
            Role.COORDINATOR,
            collaboration.lead_organisation,
        )
        _member(
            _user(f"{slug}.kommun", f2, l2),
            collaboration,
            Role.MUNICIPAL_CONTACT,
            collaboration.partners.filter(kind=OrganisationKind.SOCIAL_SERVICES).first(),
        )

    # A little history in Kalmar's audit trail, as a coordinator's first weeks leave it.
    if not AuditEvent.objects.filter(actor=kalmar_ngo).exists():
        audit_record(actor=kalmar_ngo, action=AuditAction.LOGIN, obj=kalmar_ngo)
        audit_record(
            actor=kalmar_ngo,
            action=AuditAction.UPDATE,
            obj=kalmar,
            fields=["shared_goal_picture", "collaboration_idea"],
        )
        audit_record(
            actor=kalmar_ngo,
            action=AuditAction.UPDATE,
            obj=kalmar,
            fields=["partners"],
            detail=f"+{kalmar.partners.filter(kind=OrganisationKind.LIBRARY).first().code}",
        )

    # Every national role uses a second factor; the demo's share the published demo key.
    for national in User.objects.filter(username__in=["nationell", "forskare"]):
        device, _ = TOTPDevice.objects.get_or_create(
            user=national,
            name="demo authenticator",
            defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True},
        )
        if device.key != DEMO_TOTP_KEY_HEX or not device.confirmed:
            device.key, device.confirmed = DEMO_TOTP_KEY_HEX, True
            device.save()
    for path in FEATURE_SEEDERS:
        import_string(path)(collaborations)
    return collaborations
