"""Leader reflections: after a session, its leaders write what worked, what to change and
whether they need support. Read by the session's leaders and the coordinator; a request for
support stays on the coordinator's overview until it is answered."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class Reflection(models.Model):
    code = CodeField()
    session = models.ForeignKey(
        "activities.Session", on_delete=models.CASCADE, related_name="reflections"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    what_worked = models.TextField(_("What worked?"), blank=True)
    what_to_change = models.TextField(_("What would you change?"), blank=True)
    needs_support = models.BooleanField(_("I would like support"), default=False)
    support_request = models.TextField(_("What support?"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("session__activity__collaboration")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "author"], name="knowledge_reflection_once_per_leader"
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def waiting_for_support(self) -> bool:
        return self.needs_support and self.answered_at is None
