"""A project's qualitative material and its coding.

Every source comes from one of the project's included collaborations, so it is a tenant row of
that collaboration: a project's pages run in the scope of exactly its approved inclusions, and
revoking an inclusion withholds the collaboration's sources (and their codings) from every page
and the next export. The text is plain text (line breaks as \\n); codings are character
offsets on it, counted in Unicode code points as the REFI-QDA standard does.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class SourceKind(models.TextChoices):
    TRANSCRIPT = "transcript", _("Interview transcript")
    FIELD_NOTE = "field_note", _("Field notes")
    SURVEY_ANSWERS = "survey_answers", _("Free-text survey answers")
    IMPORTED = "imported", _("Imported text")


class Direction(models.TextChoices):
    AUTO = "auto", _("Automatic")
    LTR = "ltr", _("Left to right")
    RTL = "rtl", _("Right to left")


class Source(models.Model):
    code = CodeField()
    project = models.ForeignKey(
        "research.ResearchProject", on_delete=models.CASCADE, related_name="sources"
    )
    collaboration = models.ForeignKey(
        "orgs.Collaboration",
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        related_name="research_sources",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    name = models.CharField(_("name"), max_length=200)
    text = models.TextField()
    direction = models.CharField(
        _("text direction"), max_length=4, choices=Direction.choices, default=Direction.AUTO
    )
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    survey_round = models.ForeignKey(
        "surveys.Round", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    memo = models.TextField(_("memo"), blank=True)
    guid = models.UUIDField(default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(fields=["project", "guid"], name="research_source_guid_once"),
        ]

    def __str__(self):
        return self.name

    @property
    def length(self) -> int:
        return len(self.text)


class Coding(models.Model):
    """A code on a text selection [start, end) of a source. A selection coded with several
    codes is several rows with the same `selection_guid` (REFI-QDA: one PlainTextSelection with
    several Codings)."""

    ref = CodeField()
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="codings")
    code = models.ForeignKey(
        "research.Code", verbose_name=_("code"), on_delete=models.CASCADE, related_name="codings"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    memo = models.TextField(_("memo"), blank=True)
    selection_guid = models.UUIDField(default=uuid.uuid4, editable=False)
    guid = models.UUIDField(default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = tenant_manager("source__collaboration")

    class Meta:
        ordering = ["source", "start", "end", "id"]
        verbose_name = _("coding")
        verbose_name_plural = _("codings")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="research_coding_span"),
            models.UniqueConstraint(
                fields=["source", "code", "start", "end"], name="research_coding_once"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.start}-{self.end}"

    @property
    def excerpt(self) -> str:
        return self.source.text[self.start : self.end]
