"""The record of processing (GDPR art. 30) and the facts a DPIA needs, read from this
installation: its settings, its models and its rows. Nothing here is prose about what Samverka
is supposed to do; every fact names where it comes from (`source`), so the data protection
officer can check it, and a change of a setting or a model changes the page.

    record = processing_record(collaboration=access.collaboration)   # one collaboration
    record = processing_record()                                      # the whole installation

Runs inside the view's tenant scope: counts of tenant rows are limited by the scope; rows that
are not tenant rows (memberships, the audit trail, research inclusions) are filtered here.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverka.accounts.roles import CAPABILITIES, MEMBERSHIP_ROLES, Capability, Role
from samverka.lib import crypto, disclosure

ADULT_AGE = 18

# Why each room that holds personal data processes it (art. 30(1)(b)). Keyed by app label:
# `personal_data_models()` finds the rooms, and tests/test_record.py fails for a room that holds
# personal data without a purpose here, so a new room cannot slip past the record.
PURPOSES = {
    "accounts": gettext_lazy(
        "Logins, roles and invitations of the staff and partners who use Samverka."
    ),
    "participants": gettext_lazy(
        "Registering participants pseudonymously, their consent and their rights, for the "
        "activities and the funder's count."
    ),
    "activities": gettext_lazy(
        "Attendance at activities, for planning, follow-up and the funder's count."
    ),
    "referrals": gettext_lazy("Referring families onwards (lotsning) and finding gaps."),
    "surveys": gettext_lazy("Participant and partner surveys for follow-up."),
    "imports": gettext_lazy("Reading attendance lists kept on paper or in Excel."),
    "knowledge": gettext_lazy(
        "The volunteer roster: contact details and the criminal-records extract seen."
    ),
    "audit": gettext_lazy(
        "The audit trail: who read, changed or exported personal data, and when."
    ),
    "research": gettext_lazy(
        "Research projects with ethical approval, on pseudonymised and aggregated data."
    ),
}

# Models that hold personal data without the marks personal_data_models() looks for.
ALSO_PERSONAL = {
    # Names the person who acted (username) on every entry.
    "audit.AuditEvent",
}

# What each capability that reaches personal data lets a role see (art. 30(1)(d): recipients).
DATA_CAPABILITIES = {
    Capability.VIEW_IDENTITIES: gettext_lazy("names and phone numbers"),
    Capability.VIEW_PARTICIPANT_DATA: gettext_lazy("the participant register (pseudonymous)"),
    Capability.VIEW_PSEUDONYMISED: gettext_lazy("pseudonymised data"),
    Capability.VIEW_EXACT_FUNDER_FIGURES: gettext_lazy("exact figures of the funder count"),
    Capability.VIEW_AGGREGATES: gettext_lazy("aggregated figures"),
    Capability.VIEW_SURVEY_FREE_TEXT: gettext_lazy("free-text survey answers"),
    Capability.VIEW_INCIDENTS: gettext_lazy("incident reports in detail"),
    Capability.RECORD_REFERRALS: gettext_lazy("referrals of participants"),
    Capability.VIEW_AUDIT: gettext_lazy("the audit trail"),
    Capability.RUN_RESEARCH_PROJECTS: gettext_lazy(
        "pseudonymised datasets of approved research projects"
    ),
}


@dataclass
class Fact:
    label: str
    value: str
    source: str = ""


@dataclass
class DataModel:
    """One table that holds personal data."""

    app: str
    name: str
    label: str  # app_label.Model, the source
    fields: list[str]
    encrypted: list[str] = field(default_factory=list)


@dataclass
class Record:
    scope: str  # the collaboration's name or "" for the whole installation
    made_at: object
    controllers: list[Fact]
    purposes: list[Fact]
    consent_purposes: list[Fact]
    people: list[Fact]
    data: list[DataModel]
    recipients: list[Fact]
    research: list[Fact]
    processors: list[Fact]
    retention: list[Fact]
    security: list[Fact]
    children: list[Fact]
    consent: list[Fact]
    encryption: list[Fact]
    disclosure: list[Fact]
    audit: list[Fact]

    def record_sections(self) -> list[tuple[str, str, list[Fact]]]:
        """Art. 30's parts after the tables of data: (anchor, heading, facts)."""
        return [
            ("recipients", _("Who may see what (recipients)"), self.recipients),
            ("research", _("Research projects with approved access"), self.research),
            ("processors", _("Where the data is kept and sent"), self.processors),
            ("retention", _("How long data is kept"), self.retention),
            ("security", _("Security measures"), self.security),
        ]

    def dpia_sections(self) -> list[tuple[str, str, list[Fact]]]:
        """The facts an impact assessment (DPIA) needs."""
        return [
            ("children", _("Children's data"), self.children),
            ("consent", _("Consent ledger"), self.consent),
            ("encryption", _("Encryption"), self.encryption),
            ("disclosure", _("Disclosure control"), self.disclosure),
            ("audit", _("Audit trail"), self.audit),
        ]


# -- the walk over the models ---------------------------------------------------------------


def _person_models() -> set:
    return {
        apps.get_model("participants", "Participant"),
        apps.get_model("participants", "Household"),
        apps.get_model(settings.AUTH_USER_MODEL),
    }


def _is_personal(model, people: set) -> bool:
    if model in people or model._meta.label in ALSO_PERSONAL:
        return True
    for f in model._meta.concrete_fields:
        if f.name.endswith("_encrypted") or isinstance(f, models.EmailField):
            return True
        if f.is_relation and f.related_model in people - {apps.get_model(settings.AUTH_USER_MODEL)}:
            return True
    return False


def _field_label(f) -> str:
    if f.name.endswith("_encrypted"):
        return _("%(field)s (encrypted)") % {"field": crypto.encrypted_field_words(f.name)}
    # A verbose name Django made from the field's name is not marked for translation; the
    # catalogue may still know the words ("participant").
    return _(str(f.verbose_name))


def personal_data_models() -> list[DataModel]:
    """Every table of this installation that holds personal data: the people themselves
    (participants, households, users), every table that points at a participant or a household,
    every table with an encrypted field or an e-mail address, and ALSO_PERSONAL."""
    people = _person_models()
    found = []
    for model in apps.get_models():
        if not _is_personal(model, people):
            continue
        shown = [
            f
            for f in model._meta.concrete_fields
            if not f.primary_key
            and f.name not in {"password", "chain_hash", "token_hash"}
            and not (f.is_relation and f.related_model._meta.label == "orgs.Collaboration")
        ]
        found.append(
            DataModel(
                app=model._meta.app_label,
                name=str(model._meta.verbose_name_plural).capitalize(),
                label=model._meta.label,
                fields=[_field_label(f) for f in shown],
                encrypted=[f.name for f in shown if f.name.endswith("_encrypted")],
            )
        )
    return sorted(found, key=lambda m: (m.app, m.label))


# -- the sections ----------------------------------------------------------------------------


def _collaborations(collaboration):
    Collaboration = apps.get_model("orgs", "Collaboration")
    queryset = Collaboration.objects.select_related("municipality", "lead_organisation")
    if collaboration is not None:
        queryset = queryset.filter(pk=collaboration.pk)
    return queryset.prefetch_related("partners").order_by("name")


def _controllers(collaboration) -> list[Fact]:
    facts = []
    for c in _collaborations(collaboration):
        partners = ", ".join(sorted(p.name for p in c.partners.all())) or "–"
        facts.append(
            Fact(
                c.name,
                _("%(organisation)s and %(municipality)s municipality; partners: %(partners)s")
                % {
                    "organisation": c.lead_organisation.name,
                    "municipality": c.municipality.name,
                    "partners": partners,
                },
                "orgs.Collaboration",
            )
        )
    return facts


def _purposes(data: list[DataModel]) -> list[Fact]:
    rooms = sorted({m.app for m in data})
    return [
        Fact(
            str(apps.get_app_config(room).verbose_name),
            str(PURPOSES.get(room, _("No purpose recorded for this room."))),
            f"INSTALLED_APPS: {apps.get_app_config(room).name}",
        )
        for room in rooms
    ]


def _consent_purposes() -> list[Fact]:
    from samverka.participants.models import ConsentPurpose, ConsentState

    given = Counter(
        ConsentState.objects.filter(given=True).values_list("purpose", flat=True).iterator()
    )
    return [
        Fact(
            str(label),
            _("%(count)s participants have consented now") % {"count": given[value]},
            "participants.ConsentPurpose",
        )
        for value, label in ConsentPurpose.choices
    ]


def _members(collaboration):
    Membership = apps.get_model("accounts", "Membership")
    memberships = Membership.objects.active()
    if collaboration is not None:
        memberships = memberships.filter(collaboration=collaboration)
    return Counter(memberships.values_list("role", flat=True))


def _people(collaboration, today: date) -> list[Fact]:
    from samverka.participants.models import Household, Identity, Participant, ParticipantRole

    roles = Counter(Participant.objects.values_list("role", flat=True))
    facts = [
        Fact(str(label).capitalize(), str(roles[value]), "participants.Participant.role")
        for value, label in ParticipantRole.choices
    ]
    facts.append(Fact(_("Households"), str(Household.objects.count()), "participants.Household"))
    with_identity = Identity.objects.exclude(name_encrypted="", phone_encrypted="").count()
    facts.append(
        Fact(
            _("Participants with a stored name or phone number"),
            str(with_identity),
            "participants.Identity",
        )
    )
    members = _members(collaboration)
    for role in MEMBERSHIP_ROLES:
        facts.append(
            Fact(
                _("Users: %(role)s") % {"role": role.label},
                str(members[role.value]),
                "accounts.Membership.role",
            )
        )
    if collaboration is None:
        User = apps.get_model(settings.AUTH_USER_MODEL)
        national = Counter(
            User.objects.exclude(national_role="").values_list("national_role", flat=True)
        )
        for value, count in sorted(national.items()):
            facts.append(
                Fact(
                    _("Users with a national role: %(role)s") % {"role": Role(value).label},
                    str(count),
                    "accounts.User.national_role",
                )
            )
    if apps.is_installed("samverka.knowledge"):
        Volunteer = apps.get_model("knowledge", "Volunteer")
        facts.append(Fact(_("Volunteers"), str(Volunteer.objects.count()), "knowledge.Volunteer"))
    if apps.is_installed("samverka.surveys"):
        Response = apps.get_model("surveys", "Response")
        responses = Response.objects.aggregate(
            linked=models.Count("pk", filter=models.Q(participant__isnull=False)),
            total=models.Count("pk"),
        )
        facts.append(
            Fact(
                _("Survey responses (linked to a participant)"),
                _("%(total)s (%(linked)s)") % responses,
                "surveys.Response.participant",
            )
        )
    return facts


def _recipients(collaboration) -> list[Fact]:
    members = _members(collaboration)
    facts = []
    roles = [Role.NATIONAL_LEAD, *MEMBERSHIP_ROLES]
    for role in roles:
        sees = [
            str(label)
            for capability, label in DATA_CAPABILITIES.items()
            if capability in CAPABILITIES.get(role, ())
        ]
        count = (
            ""
            if role == Role.NATIONAL_LEAD
            else " " + _("(%(n)s now)") % {"n": members[role.value]}
        )
        facts.append(
            Fact(
                f"{role.label}{count}",
                ", ".join(sees) if sees else _("no personal data"),
                "samverka/accounts/roles.py",
            )
        )
    return facts


def _research(collaboration) -> list[Fact]:
    if not apps.is_installed("samverka.research"):
        return []
    Inclusion = apps.get_model("research", "Inclusion")
    inclusions = Inclusion.objects.filter(status="approved").select_related(
        "project", "collaboration"
    )
    if collaboration is not None:
        inclusions = inclusions.filter(collaboration=collaboration)
    projects: dict = {}
    for inclusion in inclusions.order_by("project__title", "collaboration__name"):
        projects.setdefault(inclusion.project, []).append(inclusion.collaboration.name)
    return [
        Fact(
            project.title,
            _("ethical approval %(reference)s, %(starts)s–%(ends)s, data: %(data)s; %(whose)s")
            % {
                "reference": project.ethics_reference,
                "starts": project.starts_on.isoformat(),
                "ends": project.ends_on.isoformat(),
                "data": ", ".join(project.data_labels()) or "–",
                "whose": ", ".join(names),
            },
            "research.Inclusion",
        )
        for project, names in projects.items()
    ]


def _processors() -> list[Fact]:
    databases = []
    for alias, database in settings.DATABASES.items():
        engine = database["ENGINE"].rsplit(".", 1)[-1]
        host = database.get("HOST") or _("on this server")
        databases.append(f"{alias}: {engine}, {host}")
    mail = (
        settings.EMAIL_HOST
        if "smtp" in settings.EMAIL_BACKEND
        else _("none: e-mails are printed to the server's log")
    )
    return [
        Fact(_("Database"), "; ".join(databases), "DATABASES (DATABASE_URL)"),
        Fact(_("E-mail server (invitations)"), mail, "EMAIL_HOST"),
        Fact(_("Uploaded files"), str(settings.MEDIA_ROOT), "MEDIA_ROOT"),
    ]


def _retention(collaboration) -> list[Fact]:
    from samverka.participants.retention import due_for_erasure

    facts = [
        Fact(
            _("Participants"),
            _(
                "erased %(months)s months after their collaboration ended, unless seen since "
                "(manage.py apply_retention); %(due)s due now"
            )
            % {"months": settings.RETENTION_MONTHS, "due": due_for_erasure().count()},
            "RETENTION_MONTHS",
        ),
        Fact(
            _("Collaboration period"),
            "; ".join(
                f"{c.name}: {c.starts_on.isoformat()}–{c.ends_on.isoformat() if c.ends_on else '…'}"
                for c in _collaborations(collaboration)
            )
            or "–",
            "orgs.Collaboration.ends_on",
        ),
        Fact(
            _("Background work and its files"),
            _("%(days)s days") % {"days": settings.JOB_FILE_DAYS},
            "JOB_FILE_DAYS",
        ),
        Fact(
            _("Invitation links"),
            _("%(days)s days") % {"days": settings.INVITATION_VALID_DAYS},
            "INVITATION_VALID_DAYS",
        ),
    ]
    if apps.is_installed("samverka.imports"):
        from samverka.imports.models import PENDING_IMPORT_LIFETIME

        hours = int(PENDING_IMPORT_LIFETIME.total_seconds() // 3600)
        facts.append(
            Fact(
                _("Uploaded lists never confirmed"),
                _("%(hours)s hours") % {"hours": hours},
                "imports.models.PENDING_IMPORT_LIFETIME",
            )
        )
    if apps.is_installed("samverka.surveys"):
        from samverka.surveys.respond.services import PURGE_DAYS

        facts.append(
            Fact(
                _("Survey answers never sent"),
                _("%(days)s days") % {"days": PURGE_DAYS},
                "surveys.respond.services.PURGE_DAYS",
            )
        )
    if apps.is_installed("samverka.knowledge"):
        facts.append(
            Fact(
                _("Volunteer's criminal-records extract"),
                _("counts as current for %(months)s months")
                % {"months": settings.CRIMINAL_RECORD_CHECK_MONTHS},
                "CRIMINAL_RECORD_CHECK_MONTHS",
            )
        )
    facts.append(
        Fact(
            _("Audit trail"),
            _("kept, append-only; erased participants remain only under a random pseudonym"),
            "participants.AuditPseudonym",
        )
    )
    return facts


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def _security() -> list[Fact]:
    User = apps.get_model(settings.AUTH_USER_MODEL)
    min_length = next(
        (
            v.get("OPTIONS", {}).get("min_length", 8)
            for v in settings.AUTH_PASSWORD_VALIDATORS
            if v["NAME"].endswith("MinimumLengthValidator")
        ),
        None,
    )
    hasher = settings.PASSWORD_HASHERS[0].rsplit(".", 1)[-1].removesuffix("PasswordHasher")
    from django_otp.plugins.otp_totp.models import TOTPDevice

    national = User.objects.exclude(national_role="")
    national_with_device = national.filter(
        pk__in=TOTPDevice.objects.filter(confirmed=True).values("user")
    ).count()
    return [
        Fact(
            _("Passwords"),
            _("stored as %(hasher)s hashes, at least %(n)s characters")
            % {"hasher": hasher, "n": min_length or "–"},
            "PASSWORD_HASHERS, AUTH_PASSWORD_VALIDATORS",
        ),
        Fact(
            _("Second factor"),
            _(
                "required for every national role and administrator; "
                "%(with)s of %(all)s people with a national role have one"
            )
            % {"with": national_with_device, "all": national.count()},
            "accounts.User.requires_two_factor",
        ),
        Fact(
            _("Login lockout"),
            _("after %(n)s failed logins, for %(minutes)s minutes")
            % {
                "n": settings.AXES_FAILURE_LIMIT,
                "minutes": round(settings.AXES_COOLOFF_TIME * 60),
            },
            "LOGIN_FAILURE_LIMIT, LOGIN_LOCKOUT_MINUTES",
        ),
        Fact(
            _("Sessions end"),
            _("after %(idle)s minutes idle, %(absolute)s hours after login")
            % {
                "idle": settings.SESSION_IDLE_SECONDS // 60,
                "absolute": settings.SESSION_ABSOLUTE_SECONDS // 3600,
            },
            "SESSION_IDLE_SECONDS, SESSION_ABSOLUTE_SECONDS",
        ),
        Fact(
            _("HTTPS only"),
            _("%(redirect)s; HSTS %(hsts)s seconds; secure cookies: %(cookies)s")
            % {
                "redirect": _yes(settings.SECURE_SSL_REDIRECT),
                "hsts": settings.SECURE_HSTS_SECONDS,
                "cookies": _yes(settings.SESSION_COOKIE_SECURE),
            },
            "SECURE_SSL_REDIRECT, SECURE_HSTS_SECONDS, SECURE_COOKIES",
        ),
        Fact(
            _("Survey links guessed"),
            _("an address waits after %(n)s failed look-ups within %(minutes)s minutes")
            % {
                "n": settings.SURVEY_LINK_FAILURES,
                "minutes": settings.SURVEY_LINK_LOCKOUT_MINUTES,
            },
            "SURVEY_LINK_FAILURES, SURVEY_LINK_LOCKOUT_MINUTES",
        ),
        Fact(
            _("Debug mode"),
            _yes(settings.DEBUG),
            "DEBUG",
        ),
    ]


def _children(today: date) -> list[Fact]:
    from samverka.participants.models import Participant, ParticipantRole

    participants = Participant.objects.all()
    facts = [
        Fact(
            _("Registered as children"),
            str(participants.filter(role=ParticipantRole.CHILD).count()),
            "participants.Participant.role",
        ),
        Fact(
            _("Younger than %(age)s by birth year") % {"age": ADULT_AGE},
            str(participants.filter(birth_year__gt=today.year - ADULT_AGE).count()),
            "participants.Participant.birth_year",
        ),
        Fact(
            _("Birth year not known"),
            str(participants.filter(birth_year__isnull=True).count()),
            "participants.Participant.birth_year",
        ),
    ]
    own_age = getattr(settings, "CONSENT_OWN_AGE", None)
    if own_age is not None:
        facts.append(
            Fact(
                _("Consent given by the person themselves"),
                _("from %(age)s years by birth year; for younger children, by a guardian")
                % {"age": own_age},
                "CONSENT_OWN_AGE",
            )
        )
    if apps.is_installed("samverka.children"):
        Consultation = apps.get_model("children", "Consultation")
        facts.append(
            Fact(
                _("Consultations with children (free text checked for codes)"),
                str(Consultation.objects.count()),
                "children.Consultation",
            )
        )
    return facts


def _consent() -> list[Fact]:
    from samverka.participants.models import ConsentEntry, ConsentGivenBy, ConsentMethod

    entries = ConsentEntry.objects.all()
    by = Counter(entries.values_list("given_by", flat=True))
    how = Counter(entries.values_list("method", flat=True))
    return [
        Fact(
            _("Entries in the consent ledger (added, never changed)"),
            str(sum(by.values())),
            "participants.ConsentEntry",
        ),
        Fact(
            _("Given by"),
            ", ".join(f"{label}: {by[value]}" for value, label in ConsentGivenBy.choices),
            "participants.ConsentEntry.given_by",
        ),
        Fact(
            _("How"),
            ", ".join(f"{label}: {how[value]}" for value, label in ConsentMethod.choices),
            "participants.ConsentEntry.method",
        ),
    ]


def _encryption() -> list[Fact]:
    fields = [f"{model._meta.label}.{name}" for model, name in crypto.encrypted_fields()]
    keys = len(settings.FIELD_ENCRYPTION_KEYS)
    return [
        Fact(
            _("Encrypted fields"),
            ", ".join(fields) or "–",
            "samverka/lib/crypto.py: encrypted_fields()",
        ),
        Fact(
            _("Keys"),
            _("%(n)s key(s) in FIELD_ENCRYPTION_KEYS") % {"n": keys}
            if keys
            else _("derived from SECRET_KEY: set FIELD_ENCRYPTION_KEYS in production"),
            "FIELD_ENCRYPTION_KEYS",
        ),
    ]


def _disclosure() -> list[Fact]:
    exact = [
        str(role.label)
        for role in [Role.NATIONAL_LEAD, *MEMBERSHIP_ROLES]
        if Capability.VIEW_EXACT_FUNDER_FIGURES in CAPABILITIES.get(role, ())
        or Capability.VIEW_PARTICIPANT_DATA in CAPABILITIES.get(role, ())
    ]
    return [
        Fact(
            _("Smallest count shown in shared figures"),
            str(disclosure.THRESHOLD),
            "samverka/lib/disclosure.py: THRESHOLD",
        ),
        Fact(
            _("A hidden figure reads"),
            disclosure.display(None),
            "samverka/lib/disclosure.py: display()",
        ),
        Fact(
            _("Exact figures of their own collaboration"),
            ", ".join(exact),
            "samverka/accounts/roles.py",
        ),
    ]


def _audit(collaboration) -> list[Fact]:
    from samverka.audit.models import AuditAction, AuditEvent

    events = AuditEvent.objects.all()
    if collaboration is not None:
        events = events.filter(collaboration_code=collaboration.code)
    actions = Counter(events.values_list("action", flat=True))
    first = events.order_by("at").values_list("at", flat=True).first()
    return [
        Fact(
            _("Entries"),
            str(sum(actions.values())),
            "audit.AuditEvent",
        ),
        Fact(
            _("Since"),
            timezone.localtime(first).date().isoformat() if first else "–",
            "audit.AuditEvent.at",
        ),
        *(
            Fact(str(label), str(actions[value]), "audit.AuditEvent.action")
            for value, label in AuditAction.choices
            if value in {AuditAction.VIEW, AuditAction.EXPORT, AuditAction.DELETE}
        ),
        Fact(
            _("Tamper evidence"),
            _("each entry is hash-chained to the one before (manage.py audit_verify)"),
            "audit.AuditEvent.chain_hash",
        ),
    ]


def processing_record(*, collaboration=None) -> Record:
    today = timezone.localdate()
    data = personal_data_models()
    return Record(
        scope=collaboration.name if collaboration is not None else "",
        made_at=timezone.localtime(),
        controllers=_controllers(collaboration),
        purposes=_purposes(data),
        consent_purposes=_consent_purposes(),
        people=_people(collaboration, today),
        data=data,
        recipients=_recipients(collaboration),
        research=_research(collaboration),
        processors=_processors(),
        retention=_retention(collaboration),
        security=_security(),
        children=_children(today),
        consent=_consent(),
        encryption=_encryption(),
        disclosure=_disclosure(),
        audit=_audit(collaboration),
    )
