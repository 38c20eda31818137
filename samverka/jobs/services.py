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
from django.utils import timezone
from django_tasks import task

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.jobs.models import Job, JobStatus
from samverka.lib.scoping import collaboration_scope, national_scope

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Output:
    content: bytes
    filename: str
    content_type: str


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
        params=params,
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
    try:
        with scope:
            output = PRODUCERS[job.kind](job, _progress(job))
    except Exception:
        logger.exception("background job %s (%s) failed", job.code, job.kind)
        Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, finished_at=timezone.now())
        return
    job.refresh_from_db()
    job.content_type = output.content_type
    job.original_name = output.filename
    job.file.save(output.filename, ContentFile(output.content), save=False)
    job.status, job.progress, job.finished_at = JobStatus.DONE, 100, timezone.now()
    job.save(
        update_fields=["content_type", "original_name", "file", "status", "progress", "finished_at"]
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
