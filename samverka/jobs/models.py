"""Background work a person asked for: a long export or report, and its file when done."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.uploads import GeneratedName


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Working")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    """One piece of background work and its result. Reached only by the person who asked for
    it (and only while they may still open its collaboration): not a tenant model."""

    code = CodeField()
    kind = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    params = models.JSONField(default=dict)
    collaboration = models.ForeignKey(
        "orgs.Collaboration", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    step = models.CharField(max_length=200, blank=True)  # what it is doing now, in words
    back_url = models.CharField(max_length=300, blank=True)
    file = models.FileField(upload_to=GeneratedName("jobs"), blank=True, max_length=200)
    original_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    # Work whose result is a page rather than a file (reading an upload, an import): where to
    # go on when it is done, and a sentence for the person (also why it was refused).
    result_url = models.CharField(max_length=300, blank=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("background work")
        verbose_name_plural = _("background work")

    def __str__(self):
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in {JobStatus.DONE, JobStatus.FAILED}
