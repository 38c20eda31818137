"""Participants: the only room in Samverka that holds anything about a person's identity.

Stored: a pseudonymous code, household, role, birth year (never a date), gender,
third-country-national status and preferred language. Names and phone numbers are optional,
encrypted, in a separate table. There are deliberately no fields for personal identity
numbers, exact dates of birth, ethnicity, religion or health.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib import crypto
from samverka.lib.codes import ALPHABET
from samverka.lib.fields import CodeField
from samverka.lib.languages import native_name
from samverka.lib.scoping import tenant_manager

PARTICIPANT_CODE_LENGTH = 6


def new_participant_code() -> str:
    """Six characters without look-alikes, e.g. K7F3QX: easy to read aloud and write on a card."""
    return "".join(secrets.choice(ALPHABET) for _ in range(PARTICIPANT_CODE_LENGTH))


class ParticipantRole(models.TextChoices):
    CHILD = "child", _("Child")
    GUARDIAN = "guardian", _("Guardian")


class Gender(models.TextChoices):
    FEMALE = "female", _("Girl/woman")
    MALE = "male", _("Boy/man")
    OTHER = "other", _("Other")
    NOT_STATED = "not_stated", _("Not stated")


class ThirdCountryNational(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Unknown")


class Language(models.TextChoices):
    """A person's preferred language: one of the family languages (`lib.languages`), named in
    itself, or another. Easy Swedish is a way of writing Swedish for those learning it, not a
    language a person prefers, so it is not offered here."""

    SWEDISH = "sv", native_name("sv")
    ARABIC = "ar", native_name("ar")
    DARI = "prs", native_name("prs")
    SOMALI = "so", native_name("so")
    TIGRINYA = "ti", native_name("ti")
    UKRAINIAN = "uk", native_name("uk")
    ENGLISH = "en", native_name("en")
    OTHER = "other", _("Other language")


class Household(models.Model):
    code = CodeField(max_length=8)
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="households"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["code"]
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self):
        return self.code

    def audit_reference(self) -> str:
        return AuditPseudonym.of(self)


class ParticipantQuerySet(models.QuerySet):
    def with_consent(self, purpose: str):
        """Participants whose latest entry for `purpose` in the consent ledger is 'given'
        (read from ConsentState, which the ledger's writers keep in step)."""
        return self.filter(consent_states__purpose=purpose, consent_states__given=True)


class Participant(models.Model):
    code = models.CharField(
        _("participant code"),
        max_length=8,
        unique=True,
        default=new_participant_code,
        editable=False,
    )
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="participants"
    )
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        on_delete=models.PROTECT,
        related_name="members",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=ParticipantRole.choices, default=ParticipantRole.CHILD
    )
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender.choices, default=Gender.NOT_STATED
    )
    third_country_national = models.CharField(
        _("citizen of a country outside the EU"),
        max_length=8,
        choices=ThirdCountryNational.choices,
        default=ThirdCountryNational.UNKNOWN,
    )
    language = models.CharField(
        _("preferred language"), max_length=8, choices=Language.choices, default=Language.SWEDISH
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("collaboration", ParticipantQuerySet)

    class Meta:
        ordering = ["household__code", "role", "code"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        indexes = [
            # The attendance page lists the first others of a collaboration by code.
            models.Index(fields=["collaboration", "code"], name="participant_code_in_collab"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True)
                | (Q(birth_year__gte=1900) & Q(birth_year__lte=2100)),
                name="participant_birth_year_plausible",
            ),
        ]

    def __str__(self):
        return self.code

    def audit_reference(self) -> str:
        """What the audit trail calls this person (see AuditPseudonym)."""
        return AuditPseudonym.of(self)

    def age_on(self, day) -> int | None:
        return None if self.birth_year is None else day.year - self.birth_year

    def consent_state(self) -> dict[str, "ConsentEntry | None"]:
        """The latest ledger entry for each purpose (None: never asked)."""
        state: dict[str, ConsentEntry | None] = dict.fromkeys(ConsentPurpose.values)
        for entry in self.consents.order_by("given_at", "id"):
            state[entry.purpose] = entry
        return state

    def has_consent(self, purpose: str) -> bool:
        return self.consent_states.filter(purpose=purpose, given=True).exists()


class Identity(models.Model):
    """Optional name and phone number, encrypted, for coordinators only (every read is
    audited); and an optional display name — a first name or nickname chosen with the
    family — encrypted too, shown on attendance tiles to the leaders of activities the person
    attends and to coordinators (`selectors.display_names`), never in exports, reports,
    researcher views or the audit trail's values."""

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="identity"
    )
    name_encrypted = models.TextField(blank=True)
    phone_encrypted = models.TextField(blank=True)
    display_name_encrypted = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = tenant_manager("participant__collaboration")

    class Meta:
        verbose_name = _("identity")
        verbose_name_plural = _("identities")

    def __str__(self):
        return f"identity of {self.participant_id}"

    @property
    def name(self) -> str:
        return crypto.decrypt(self.name_encrypted)

    @property
    def phone(self) -> str:
        return crypto.decrypt(self.phone_encrypted)

    @property
    def display_name(self) -> str:
        return crypto.decrypt(self.display_name_encrypted)

    def set(self, *, name: str, phone: str) -> None:
        self.name_encrypted = crypto.encrypt(name.strip())
        self.phone_encrypted = crypto.encrypt(phone.strip())


class ConsentPurpose(models.TextChoices):
    FUNDER_REPORTING = "funder_reporting", _("Funder reporting")
    SURVEYS = "surveys", _("Surveys")
    PHOTOS = "photos", _("Photos and media")
    CONTACT = "contact", _("Contact")


class ConsentGivenBy(models.TextChoices):
    SELF = "self", _("The person")
    GUARDIAN = "guardian", _("A guardian")


class ConsentMethod(models.TextChoices):
    VERBAL = "verbal", _("Verbally")
    WRITTEN = "written", _("In writing")
    # A signed paper form, or a paper list brought in by the import.
    PAPER_IMPORT = "paper", _("On paper")


# --- Who may answer for whom: the one consent rule (the form, the quick-add and the import) ---


def own_consent_age() -> int:
    """From this age (by birth year, as age bands count it) a person may answer for
    themselves; Swedish law sets 13 for information-society services (setting
    CONSENT_OWN_AGE)."""
    return settings.CONSENT_OWN_AGE


def may_answer_themselves(*, role: str, birth_year: int | None, on) -> bool:
    """Whether the person may give or refuse consent themselves on `on` (a date).

    A child with an unknown birth year may not: nobody can tell they are old enough. An
    adult (a guardian) with an unknown birth year may.
    """
    if birth_year is None:
        return role != ParticipantRole.CHILD
    return on.year - birth_year >= own_consent_age()


def consent_giver_default(*, role: str, birth_year: int | None, on) -> str:
    """Who answers unless told otherwise: a guardian for a child, the person for an adult
    old enough to answer."""
    if role == ParticipantRole.CHILD or not may_answer_themselves(
        role=role, birth_year=birth_year, on=on
    ):
        return ConsentGivenBy.GUARDIAN
    return ConsentGivenBy.SELF


def consent_giver_problem(*, role: str, birth_year: int | None, given_by: str, on) -> str | None:
    """Why `given_by` may not answer for this person (None: they may)."""
    if given_by == ConsentGivenBy.SELF and not may_answer_themselves(
        role=role, birth_year=birth_year, on=on
    ):
        if birth_year is None:
            return _(
                "A child whose birth year is not known cannot answer for themselves: "
                "a guardian answers."
            )
        return _(
            "Below the age of %(age)s a person cannot answer for themselves: a guardian answers."
        ) % {"age": own_consent_age()}
    return None


def consent_answer_word(given: bool, given_before: bool) -> str:
    """What an entry of the ledger means: a "no" is a withdrawal only after a "yes"."""
    if given:
        return "given"
    return "withdrawn" if given_before else "not given"


class ConsentEntry(models.Model):
    """One line of the consent ledger. Entries are added, never changed."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    given = models.BooleanField(
        _("given"), help_text=_("No means not given, or withdrawn after a yes.")
    )
    given_at = models.DateTimeField(_("when"), default=timezone.now)
    given_by = models.CharField(
        _("by whom"), max_length=10, choices=ConsentGivenBy.choices, default=ConsentGivenBy.SELF
    )
    guardian = models.ForeignKey(
        Participant,
        verbose_name=_("guardian"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consents_given_for_others",
    )
    method = models.CharField(
        _("how"), max_length=10, choices=ConsentMethod.choices, default=ConsentMethod.VERBAL
    )
    notice_version = models.CharField(_("notice version"), max_length=20, blank=True)
    notice_language = models.CharField(_("notice language"), max_length=10, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("participant__collaboration")

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name = _("consent entry")
        verbose_name_plural = _("consent ledger")
        indexes = [
            # The latest entry per participant and purpose (consent_state's refresh and
            # rebuild) straight from the index, without sorting each participant's entries.
            models.Index(
                fields=["participant", "purpose", "-given_at", "-id"],
                name="consent_latest_per_purpose",
            ),
        ]

    def __str__(self):
        return f"{self.participant_id} {self.purpose} {self.given}"

    def answer_label(self) -> str:
        """Given, not given or withdrawn (`answers` sets `given_before` on ledger rows)."""
        word = consent_answer_word(self.given, getattr(self, "given_before", False))
        return {
            "given": _("Given"),
            "withdrawn": _("Withdrawn"),
            "not given": _("Not given"),
        }[word]

    @staticmethod
    def answers(entries) -> list["ConsentEntry"]:
        """The entries (any order) with `given_before`: whether an earlier entry of the same
        purpose said yes, so that a first "no" reads as not given, never as withdrawn."""
        entries = list(entries)
        seen_yes: set[str] = set()
        for entry in sorted(entries, key=lambda e: (e.given_at, e.id)):
            entry.given_before = entry.purpose in seen_yes
            if entry.given:
                seen_yes.add(entry.purpose)
        return entries


class ConsentState(models.Model):
    """The latest ledger entry per participant and purpose: given or not.

    Derived from the ledger (latest by `given_at`, then `id`), never edited by itself: the
    ledger's writers (`consent_record` and its bulk variant `consent_record_bulk`) keep it in
    step, and `rebuild_report_tables` rebuilds it. Lets the funder count find who consents with one
    indexed read instead of ranking the whole ledger (README, Performance).
    """

    # No index of its own: consent_state_once (participant, purpose) serves lookups by participant.
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="consent_states", db_index=False
    )
    purpose = models.CharField(max_length=20, choices=ConsentPurpose.choices)
    given = models.BooleanField()

    objects = tenant_manager("participant__collaboration")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "purpose"], name="consent_state_once"),
        ]
        indexes = [
            models.Index(fields=["purpose", "given", "participant"], name="consent_state_scan"),
        ]

    def __str__(self):
        return f"{self.participant_id} {self.purpose} {self.given}"


def new_pseudonym(prefix: str) -> str:
    return prefix + "".join(secrets.choice(ALPHABET) for _ in range(16))


class AuditPseudonym(models.Model):
    """How the audit trail names a participant or a household: a random pseudonym, never the
    code. The trail is append-only and hash-chained, so what it says cannot be changed later;
    instead it never holds the code at all. While the person is registered this row links the
    pseudonym to them (the trail page shows their code); erasing them deletes it (cascade), and
    what remains in the trail — 'participant p-…, created, consent changed, viewed' — no longer
    leads to anyone: the pseudonym was drawn at random, so nothing derives it from the code.
    """

    pseudonym = models.CharField(max_length=24, unique=True)
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="+"
    )
    participant = models.OneToOneField(
        Participant, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    household = models.OneToOneField(
        Household, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    objects = tenant_manager("collaboration")

    class Meta:
        verbose_name = _("audit pseudonym")
        verbose_name_plural = _("audit pseudonyms")
        constraints = [
            models.CheckConstraint(
                condition=Q(participant__isnull=True) ^ Q(household__isnull=True),
                name="audit_pseudonym_of_one",
            ),
        ]

    def __str__(self):
        return self.pseudonym

    @classmethod
    def of(cls, obj: "Participant | Household") -> str:
        field = "participant" if isinstance(obj, Participant) else "household"
        found = cls.objects.filter(**{field: obj}).values_list("pseudonym", flat=True).first()
        if found:
            return found
        return cls.objects.create(
            pseudonym=new_pseudonym("p-" if field == "participant" else "h-"),
            collaboration_id=obj.collaboration_id,
            **{field: obj},
        ).pseudonym
