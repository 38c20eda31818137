"""Scoped reads of background work."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from samverka.jobs import services
from samverka.jobs.models import Job
from samverka.orgs.decorators import national_access
from samverka.orgs.selectors import collaboration_access


def own_job(user, job_code: str) -> Job:
    """`user`'s own job, while they may still open what it was made from (404 otherwise: a job
    of a collaboration they have left, or of national figures after losing the national role)."""
    job = get_object_or_404(
        Job.objects.select_related("collaboration"), code=job_code, requested_by=user
    )
    if job.kind in services.ACCESS:
        if not services.ACCESS[job.kind](job, user):
            raise Http404
    elif job.collaboration is not None:
        collaboration_access(user, job.collaboration.code)
    elif national_access(user) is None:
        raise Http404
    return job
