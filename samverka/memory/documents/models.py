"""The collaboration's formal ground (its agreements) and its document archive.

Documents are stored under MEDIA_ROOT with generated names (samverka/lib/uploads.py) and served
only through the collaboration's scoped download view, each download audited. The service that
deletes a document deletes its file.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager
from samverka.lib.uploads import GeneratedName, StoredFile


class AgreementForm(models.TextChoices):
    IOP = "iop", _("Idea-based public partnership (IOP)")
    GRANT = "grant", _("Grant")
    PROCUREMENT = "procurement", _("Procurement")
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
    NONE = "none", _("No written agreement")


class DocumentKind(models.TextChoices):
    AGREEMENT = "agreement", _("Agreement")
    MINUTES = "minutes", _("Steering-group minutes")
    METHOD = "method", _("Method description")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other document")


class Document(StoredFile):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the next team will find in it.")
    )
    dated_on = models.DateField(
        _("date of the document"), null=True, blank=True, help_text=_("For minutes: the meeting.")
    )
    file = models.FileField(upload_to=GeneratedName("documents"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["kind", "-dated_on", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class Agreement(models.Model):
    """One agreement the collaboration rests on (or the record that there is none)."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="agreements"
    )
    form = models.CharField(_("agreement form"), max_length=20, choices=AgreementForm.choices)
    parties = models.CharField(
        _("between"),
        max_length=300,
        blank=True,
        help_text=_("For example: the municipality's social services committee and Barnkraft."),
    )
    signed_on = models.DateField(_("signed or decided on"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    document = models.ForeignKey(
        Document,
        verbose_name=_("the agreement in the archive"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("What it covers, conditions, how it can be renewed.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-valid_from", "-signed_on", "created_at"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                name="agreement_valid_until_after_from",
            ),
        ]

    def __str__(self):
        return self.get_form_display()
