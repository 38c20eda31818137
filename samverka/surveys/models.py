"""Surveys: the models of every room, where Django and the migrations look for them.

- `instruments.models`: instruments, versions, sections, items, options, recordings;
- survey rounds with public links, and anonymous responses (below, until they move to their rooms).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.codes import new_code, new_token
from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager
from samverka.surveys.instruments.models import (  # noqa: F401
    CHOICE_TYPES,
    DONT_KNOW,
    SCALE_TYPES,
    Instrument,
    InstrumentKind,
    InstrumentVersion,
    Item,
    ItemAudio,
    ItemRole,
    ItemType,
    Option,
    Section,
    TranslationStatus,
    VersionStatus,
    audio_path,
)


def new_public_code() -> str:
    """Six characters, easy to type from a poster: /s/K7F3QX."""
    return new_code(6)


class Round(models.Model):
    """One period of asking, in one collaboration, with one published instrument version."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="survey_rounds"
    )
    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    title = models.CharField(_("name"), max_length=200)
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_rounds",
    )
    session = models.ForeignKey(
        "activities.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_rounds",
    )
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    languages = models.JSONField(_("languages"), default=list)
    closed_at = models.DateTimeField(_("closed early"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-opens_on", "-id"]
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="survey_round_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.title

    def is_open(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.closed_at is None and self.opens_on <= day <= self.closes_on

    @property
    def state(self) -> str:
        today = timezone.localdate()
        if self.closed_at is not None or today > self.closes_on:
            return "closed"
        if today < self.opens_on:
            return "planned"
        return "open"


class RespondentLink(models.Model):
    """A public link /s/<code>. Each round has one general link; partner rounds also one per
    partner organisation, so answers are known to come from that organisation."""

    code = models.CharField(
        _("code"), max_length=12, unique=True, editable=False, default=new_public_code
    )
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="links")
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_links",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("round__collaboration")

    class Meta:
        ordering = ["round", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="survey_link_one_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["round"],
                condition=Q(organisation__isnull=True),
                name="survey_link_one_general",
            ),
        ]

    def __str__(self):
        return self.code


class Response(models.Model):
    """One respondent's answers. Created when the language is chosen (a draft, addressed by an
    unguessable token in the URL, no cookie or login), submitted once at the end."""

    token = models.CharField(max_length=64, unique=True, editable=False, default=new_token)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="responses")
    link = models.ForeignKey(
        RespondentLink, null=True, on_delete=models.SET_NULL, related_name="responses"
    )
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="responses"
    )
    language = models.CharField(_("language"), max_length=10)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
        help_text=_("For partner surveys answered through an organisation's link."),
    )
    # Linked only when the respondent gave their code and has survey consent in the ledger.
    participant = models.ForeignKey(
        "participants.Participant",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    activity = models.ForeignKey(
        "activities.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    age_band = models.CharField(_("age band"), max_length=10, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)

    objects = tenant_manager("round__collaboration")

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["round", "submitted_at"], name="survey_resp_round_sub")]

    def __str__(self):
        return f"{self.round_id}:{self.pk}"


class Answer(models.Model):
    """One answer to one item. A multiple-choice item has one row per chosen option."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="answers")
    value = models.CharField(max_length=40, blank=True)  # option value, or "" for number/text
    number = models.IntegerField(null=True, blank=True)
    text = models.CharField(max_length=1000, blank=True)

    objects = tenant_manager("response__round__collaboration")

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "item", "value"], name="survey_answer_unique"
            ),
        ]
        indexes = [models.Index(fields=["item", "value"], name="survey_answer_item_value")]

    def __str__(self):
        return f"{self.response_id}:{self.item_id}={self.value}"
