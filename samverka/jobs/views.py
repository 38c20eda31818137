"""A person's background work: its progress, then its file."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from samverka.jobs import services
from samverka.jobs.models import JobStatus
from samverka.jobs.selectors import own_job
from samverka.lib.uploads import serve_file


@login_required
@require_GET
def detail(request, job_code):
    job = own_job(request.user, job_code)
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
    job = own_job(request.user, job_code)
    if job.status != JobStatus.DONE or not job.file:
        raise Http404
    services.job_downloaded(job=job, by=request.user)
    return serve_file(job)
