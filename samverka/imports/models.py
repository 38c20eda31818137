"""Imports of attendance lists kept in Excel or CSV before Samverka.

A PendingImport holds the rows of an uploaded file between the preview and the
confirmation, for one person in one collaboration and for one day at most (a large file
itself only while background work reads it). An
ImportedHousehold remembers which household a label in a file stands for, so
that a later import finds the same household; the label itself is never stored,
only a keyed digest of it (labels are often family names).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager
from samverka.lib.uploads import GeneratedName

PENDING_IMPORT_LIFETIME = timedelta(days=1)


class PendingImportQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(
            used_at__isnull=True, created_at__gte=timezone.now() - PENDING_IMPORT_LIFETIME
        )

    def expired(self):
        return self.filter(created_at__lt=timezone.now() - PENDING_IMPORT_LIFETIME)


class PendingImport(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="pending_imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    # [[line, {column: value}], ...] with the canonical column names; empty cells left out.
    rows = models.JSONField(default=list, blank=True)
    ignored_columns = models.JSONField(default=list, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)
    # A large file waits here while background work reads it (samverka/imports/jobs.py); it is
    # deleted as soon as it is read, and with the pending import.
    upload = models.FileField(upload_to=GeneratedName("imports"), blank=True, max_length=200)

    objects = tenant_manager("collaboration", PendingImportQuerySet)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pending import")
        verbose_name_plural = _("pending imports")

    def __str__(self):
        return f"{self.code} {self.filename}"


class ImportedHousehold(models.Model):
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="+"
    )
    label_digest = models.CharField(max_length=64)
    household = models.ForeignKey(
        "participants.Household", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        verbose_name = _("imported household label")
        verbose_name_plural = _("imported household labels")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "label_digest"],
                name="imported_household_label_once_per_collaboration",
            ),
        ]

    def __str__(self):
        return f"{self.collaboration_id} {self.label_digest[:8]} → {self.household_id}"
