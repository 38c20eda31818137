"""Starting background work, running it in the worker, and handing over its file.

A feature registers what a kind of job makes:

    @producer("followup.report_pdf")
    def steering_report(job, progress) -> Output:
        progress(10, _("Reading the indicators"))
        ...
        return Output(content=pdf_bytes, filename="styrgrupp-2025.pdf", content_type=PDF_TYPE)

and its view starts it with `job_start(kind=..., title=..., params=..., by=..., collaboration=...)`
then redirects to the job's page (`jobs:detail`), which shows the progress and, when done, the
download. The producer runs in the worker (`manage.py db_worker`, django-tasks' database
backend; at once in tests) inside the job's collaboration scope, or the national scope for a
national job; it records its own audit entry like any export. Files are kept for
JOB_FILE_DAYS and removed by `manage.py purge_jobs`.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.jobs.models import Job, JobStatus
from samverka.lib.scoping import collaboration_scope, national_scope

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Output:
    """What a job made: a file (content, filename, content_type), or for work whose result is
    a page, `url` to go on to and a `summary` to show (with neither file nor summary the job's
    page goes straight on to `url`)."""

    content: bytes = b""
    filename: str = ""
    content_type: str = ""
    url: str = ""
    summary: str = ""


class JobRefused(Exception):
    """A producer's way to end a job with a message for the person (a file that cannot be
    read, a list that changed): the job fails and its page shows `message`."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


Progress = Callable[[int, str], None]
PRODUCERS: dict[str, Callable[[Job, Progress], Output]] = {}
# Who may still open a job of a kind whose work belongs to neither one collaboration nor the
# national pages (a research project's export): kind -> (job, user) -> bool.
ACCESS: dict[str, Callable[[Job, object], bool]] = {}


def producer(kind: str, *, may_open: Callable[[Job, object], bool] | None = None):
    """Register the function that makes a kind of job's file; `may_open` decides who may still
    open the job's page and file (default: its collaboration's members, or national staff)."""

    def register(function):
        PRODUCERS[kind] = function
        if may_open is not None:
            ACCESS[kind] = may_open
        return function

    return register


@transaction.atomic
def job_start(
    *, kind: str, title: str, params: dict, by, collaboration=None, back_url: str = ""
) -> Job:
    if kind not in PRODUCERS:
        raise KeyError(kind)
    job = Job.objects.create(
        kind=kind,
        title=title[:200],
        # the producer speaks the language of the person who asked (messages, file texts)
        params={"_language": translation.get_language() or settings.LANGUAGE_CODE, **params},
        collaboration=collaboration,
        requested_by=by,
        back_url=back_url[:300],
    )
    run_job.enqueue(job.pk)
    return job


def _progress(job: Job) -> Progress:
    def report(percent: int, step: str = "") -> None:
        Job.objects.filter(pk=job.pk).update(
            progress=max(0, min(99, percent)), step=str(step)[:200]
        )

    return report


@task()
def run_job(job_pk: int) -> None:
    """In the worker: make the job's file in its scope and store it."""
    job = Job.objects.select_related("collaboration", "requested_by").get(pk=job_pk)
    if job.status != JobStatus.QUEUED:
        return
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, started_at=timezone.now())
    scope = collaboration_scope(job.collaboration) if job.collaboration else national_scope()
    language = job.params.get("_language") or settings.LANGUAGE_CODE
    try:
        with scope, translation.override(language):
            output = PRODUCERS[job.kind](job, _progress(job))
    except JobRefused as refused:
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, message=refused.message, finished_at=timezone.now()
        )
        return
    except Exception:
        logger.exception("background job %s (%s) failed", job.code, job.kind)
        Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, finished_at=timezone.now())
        return
    job.refresh_from_db()
    job.content_type = output.content_type
    job.original_name = output.filename
    if output.filename:
        job.file.save(output.filename, ContentFile(output.content), save=False)
    job.result_url, job.message = output.url[:300], output.summary
    job.status, job.progress, job.finished_at = JobStatus.DONE, 100, timezone.now()
    job.save(
        update_fields=[
            "content_type",
            "original_name",
            "file",
            "result_url",
            "message",
            "status",
            "progress",
            "finished_at",
        ]
    )


@transaction.atomic
def job_downloaded(*, job: Job, by) -> None:
    audit_record(
        actor=by,
        action=AuditAction.EXPORT,
        obj=job,
        collaboration=job.collaboration,
        detail=job.kind,
    )


def jobs_purge(*, now=None) -> int:
    """Delete jobs (and their files) older than JOB_FILE_DAYS; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.JOB_FILE_DAYS)
    old = list(Job.objects.filter(created_at__lt=cutoff))
    for job in old:
        if job.file:
            job.file.delete(save=False)
        job.delete()
    return len(old)
