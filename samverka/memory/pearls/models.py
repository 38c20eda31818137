"""Drafts taken over from an earlier collaboration in the string of pearls.

"Take over" copies the earlier collaboration's goal picture, routines and chosen activities into
the new collaboration as drafts. A draft changes nothing until someone reviews it and adopts it
(edited to today's situation), which writes the goal picture, the routine or a new activity; or
discards it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class DraftKind(models.TextChoices):
    GOAL = "goal", _("Goal picture and collaboration idea")
    ROUTINE = "routine", _("Routine")
    ACTIVITY = "activity", _("Activity")


class DraftStatus(models.TextChoices):
    DRAFT = "draft", _("Draft to review")
    ADOPTED = "adopted", _("Adopted")
    DISCARDED = "discarded", _("Discarded")


class Draft(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="memory_drafts"
    )
    source = models.ForeignKey(
        "orgs.Collaboration",
        verbose_name=_("taken over from"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What was copied: "goal", "routine:<element>" or "activity:<activity code>".
    source_key = models.CharField(max_length=40)
    kind = models.CharField(_("kind"), max_length=20, choices=DraftKind.choices)
    title = models.CharField(_("title"), max_length=200)
    content = models.JSONField(default=dict)
    status = models.CharField(
        _("status"), max_length=20, choices=DraftStatus.choices, default=DraftStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # The code of what adopting it made (an activity), for a link.
    result_code = models.CharField(max_length=12, blank=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["status", "kind", "title"]
        verbose_name = _("draft taken over")
        verbose_name_plural = _("drafts taken over")
        constraints = [
            # Taking over twice refreshes the one draft instead of piling up copies.
            models.UniqueConstraint(
                fields=["collaboration", "source", "source_key"], name="draft_once_per_source"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == DraftStatus.DRAFT

    @property
    def future_label(self) -> str:
        """What became of a drafted activity in the earlier collaboration."""
        from samverka.memory.continuation.models import Future

        future = self.content.get("future", "")
        return str(Future(future).label) if future in Future.values else ""
