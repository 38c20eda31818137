"""A project's codes: a tree with colours, copied from the built-in codebook or made anew."""

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField

colour_validator = RegexValidator(
    r"^#[0-9A-Fa-f]{6}$", _("Give the colour as #RRGGBB, for example #1D5C63.")
)


class Code(models.Model):
    """One code (a concept) in a project's codebook. `guid` is its REFI-QDA identity, kept
    through export and import; `builtin_key` says which built-in concept it was copied from."""

    code = CodeField()
    project = models.ForeignKey(
        "research.ResearchProject", on_delete=models.CASCADE, related_name="codes"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("under"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    colour = models.CharField(
        _("colour"), max_length=7, default="#1D5C63", validators=[colour_validator]
    )
    codable = models.BooleanField(
        _("can be used for coding"),
        default=True,
        help_text=_("Turn off for a heading that only groups other codes."),
    )
    memo = models.TextField(_("memo"), blank=True)
    position = models.PositiveIntegerField(default=0)
    builtin_key = models.SlugField(max_length=60, blank=True)
    guid = models.UUIDField(default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("code")
        verbose_name_plural = _("codes")
        constraints = [
            models.UniqueConstraint(fields=["project", "guid"], name="research_code_guid_once"),
            models.UniqueConstraint(
                fields=["project", "parent", "name"], name="research_code_name_once"
            ),
            models.UniqueConstraint(
                fields=["project", "name"],
                condition=Q(parent__isnull=True),
                name="research_code_root_name_once",
            ),
        ]

    def __str__(self):
        return self.name
