"""Research projects: ethical approval, period, researchers and the collaborations included.

A project is national (it belongs to no collaboration); what it may read comes from its
inclusions, each asked for by a researcher and approved by the collaboration's coordinator or
the national lead. An inclusion is never edited after its decision: revoking ends it, and a new
request is a new row, so the history of who approved and revoked what stays.
"""

import secrets
import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib import crypto
from samverka.lib.fields import CodeField

ethics_reference_validator = RegexValidator(
    r"^(19|20)\d{2}-\d{4,6}(-\d{2})?$",
    _(
        "Write the registration number as the Swedish Ethical Review Authority gives it, "
        "for example 2025-01234-01."
    ),
)


class DataKind(models.TextChoices):
    """What a project asks the collaborations for (each inclusion approves all of it)."""

    REGISTER = "register", _("Pseudonymised participant data (attendance, age band, gender)")
    SURVEY_ANSWERS = "survey_answers", _("Survey answers of participants with survey consent")
    FREE_TEXT = "free_text", _("Free-text survey answers, without codes or names")


def new_pseudonym_key() -> str:
    """A per-project secret for the keyed hash of pseudonyms, stored encrypted."""
    return crypto.encrypt(secrets.token_hex(32))


class ResearchProject(models.Model):
    code = CodeField()
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(
        _("purpose"), help_text=_("What the study asks and what the material is used for.")
    )
    ethics_reference = models.CharField(
        _("ethical approval, registration number"),
        max_length=20,
        validators=[ethics_reference_validator],
        help_text=_("The Swedish Ethical Review Authority's registration number (dnr)."),
    )
    ethics_approved_on = models.DateField(_("ethical approval, date"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    data_requested = models.JSONField(_("data asked for"), default=list, blank=True)
    # Keyed hash of pseudonyms (datasets): one secret per project, so a person's pseudonym is
    # stable within the project and cannot be linked across projects. Encrypted (lib/crypto;
    # named `*_encrypted` so the key check of `manage.py check` and the record of processing
    # see it).
    pseudonym_key_encrypted = models.TextField(default=new_pseudonym_key, editable=False)
    guid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("research project")
        verbose_name_plural = _("research projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="research_project_period"
            ),
        ]

    def __str__(self):
        return self.title

    def is_active(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.starts_on <= day <= self.ends_on

    @property
    def state(self) -> str:
        today = timezone.localdate()
        if today < self.starts_on:
            return "planned"
        return "ended" if today > self.ends_on else "active"

    def asks_for(self, kind: str) -> bool:
        return kind in (self.data_requested or [])

    def data_labels(self) -> list[str]:
        return [DataKind(k).label for k in self.data_requested or [] if k in DataKind.values]

    def pseudonym_secret(self) -> bytes:
        return bytes.fromhex(crypto.decrypt(self.pseudonym_key_encrypted))


class ProjectResearcherQuerySet(models.QuerySet):
    def active(self):
        return self.filter(removed_at__isnull=True)


class ProjectResearcher(models.Model):
    """A researcher in a project. Removed, never deleted, so the access log stays readable."""

    code = CodeField()
    project = models.ForeignKey(
        ResearchProject, on_delete=models.CASCADE, related_name="researchers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="research_projects"
    )
    lead = models.BooleanField(_("lead researcher"), default=False)
    guid = models.UUIDField(default=uuid.uuid4, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ProjectResearcherQuerySet.as_manager()

    class Meta:
        ordering = ["-lead", "user__first_name", "user__last_name"]
        verbose_name = _("project researcher")
        verbose_name_plural = _("project researchers")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user"],
                condition=Q(removed_at__isnull=True),
                name="research_researcher_once",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.project}"


class InclusionStatus(models.TextChoices):
    REQUESTED = "requested", _("Asked for, waiting")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    REVOKED = "revoked", _("Revoked")
    WITHDRAWN = "withdrawn", _("Withdrawn by the researchers")

    @classmethod
    def current(cls):
        return [cls.REQUESTED, cls.APPROVED]


class Inclusion(models.Model):
    """One collaboration's part in a project, decided by its coordinator or the national lead.

    Not a tenant model (samverka/lib/tests/test_scoping.py): like memberships, inclusions
    decide the scope a project's pages run in (samverka/research/access.py)."""

    code = CodeField()
    project = models.ForeignKey(
        ResearchProject, on_delete=models.CASCADE, related_name="inclusions"
    )
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="research_inclusions"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InclusionStatus.choices,
        default=InclusionStatus.REQUESTED,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["collaboration__municipality__name", "-requested_at"]
        verbose_name = _("inclusion in a research project")
        verbose_name_plural = _("inclusions in research projects")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "collaboration"],
                condition=Q(status__in=["requested", "approved"]),
                name="research_inclusion_one_current",
            ),
        ]

    def __str__(self):
        return f"{self.collaboration} in {self.project}: {self.status}"

    @property
    def is_approved(self) -> bool:
        return self.status == InclusionStatus.APPROVED

    @property
    def is_requested(self) -> bool:
        return self.status == InclusionStatus.REQUESTED


class ProjectMemo(models.Model):
    """A memo about the project as a whole (memos on codes, sources and codings live there)."""

    code = CodeField()
    project = models.ForeignKey(ResearchProject, on_delete=models.CASCADE, related_name="memos")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("memo"))
    guid = models.UUIDField(default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("memo")
        verbose_name_plural = _("memos")
        constraints = [
            models.UniqueConstraint(fields=["project", "guid"], name="research_memo_guid_once"),
        ]

    def __str__(self):
        return self.title
