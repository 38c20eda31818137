"""A person's background work: its progress, then its file."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from samverka.jobs import services
from samverka.jobs.models import Job, JobStatus
from samverka.lib.uploads import serve_file
from samverka.orgs.decorators import national_access
from samverka.orgs.selectors import collaboration_access


def _own_job(request, job_code: str) -> Job:
    """The person's own job, while they may still open what it was made from."""
    job = get_object_or_404(
        Job.objects.select_related("collaboration"), code=job_code, requested_by=request.user
    )
    if job.kind in services.ACCESS:
        if not services.ACCESS[job.kind](job, request.user):
            raise Http404
    elif job.collaboration is not None:
        collaboration_access(request.user, job.collaboration.code)  # 404 once they left
    elif national_access(request.user) is None:
        raise Http404
    return job


@login_required
@require_GET
def detail(request, job_code):
    job = _own_job(request, job_code)
    if job.status == JobStatus.DONE and job.result_url and not job.file and not job.message:
        # work whose result is a page: go on to it (htmx polling follows the header)
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = job.result_url
            return response
        return redirect(job.result_url)
    template = "jobs/_status.html" if request.headers.get("HX-Request") else "jobs/detail.html"
    return render(request, template, {"job": job, "statuses": JobStatus})


@login_required
@require_GET
def download(request, job_code):
    job = _own_job(request, job_code)
    if job.status != JobStatus.DONE or not job.file:
        raise Http404
    services.job_downloaded(job=job, by=request.user)
    return serve_file(job)
