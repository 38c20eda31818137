"""Background work: started by a view, run in its scope, downloaded by its requester only."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samverka.activities.models import Activity
from samverka.audit.models import AuditAction, AuditEvent
from samverka.jobs import services
from samverka.jobs.models import Job, JobStatus


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@services.producer("test.activity_names")
def activity_names(job, progress):
    progress(50, "halfway")
    # Runs in the job's scope: only its collaboration's rows are seen, without a filter.
    names = ", ".join(Activity.objects.order_by("name").values_list("name", flat=True))
    return services.Output(names.encode(), "names.txt", "text/plain; charset=utf-8")


@services.producer("test.broken")
def broken(job, progress):
    raise RuntimeError("boom")


def _activity(collaboration, name):
    Activity.objects.create(
        collaboration=collaboration, name=name, focus_area=2, type="leisure", starts_on="2025-01-01"
    )


def test_a_job_runs_in_its_collaborations_scope_and_its_file_is_downloaded_once_audited(
    world, login_as
):
    _activity(world.kalmar, "Läxhjälp")
    _activity(world.boden, "Cykelverkstad")
    job = services.job_start(
        kind="test.activity_names",
        title="Namn",
        params={},
        by=world.kalmar_ngo,
        collaboration=world.kalmar,
    )
    job.refresh_from_db()
    assert (job.status, job.progress) == (JobStatus.DONE, 100)
    client = login_as(world.kalmar_ngo)
    page = client.get(reverse("jobs:detail", args=[job.code]))
    assert reverse("jobs:download", args=[job.code]) in page.content.decode()
    response = client.get(reverse("jobs:download", args=[job.code]))
    assert b"".join(response.streaming_content) == "Läxhjälp".encode()
    assert response["Content-Disposition"].startswith("attachment")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_code=job.code).exists()


def test_only_the_requester_who_may_still_open_the_collaboration_reaches_the_job(world, login_as):
    job = services.job_start(
        kind="test.activity_names",
        title="x",
        params={},
        by=world.kalmar_ngo,
        collaboration=world.kalmar,
    )
    for other in (world.kalmar_kommun, world.boden_ngo, world.nationell):
        client = login_as(other)
        assert client.get(reverse("jobs:detail", args=[job.code])).status_code == 404
        assert client.get(reverse("jobs:download", args=[job.code])).status_code == 404
    world.kalmar.memberships.filter(user=world.kalmar_ngo).update(ended_at=timezone.now())
    client = login_as(world.kalmar_ngo)
    assert client.get(reverse("jobs:download", args=[job.code])).status_code == 404


def test_a_failing_job_says_so_and_offers_no_file(world, login_as):
    job = services.job_start(
        kind="test.broken", title="x", params={}, by=world.kalmar_ngo, collaboration=world.kalmar
    )
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    client = login_as(world.kalmar_ngo)
    assert "Försök igen" in client.get(reverse("jobs:detail", args=[job.code])).content.decode()
    assert client.get(reverse("jobs:download", args=[job.code])).status_code == 404


def test_a_waiting_job_shows_its_progress_and_polls(world, login_as):
    job = Job.objects.create(
        kind="test.activity_names",
        title="x",
        requested_by=world.kalmar_ngo,
        progress=40,
        collaboration=world.kalmar,
        status=JobStatus.RUNNING,
    )
    body = login_as(world.kalmar_ngo).get(reverse("jobs:detail", args=[job.code])).content.decode()
    assert 'value="40"' in body and "hx-trigger" in body and 'http-equiv="refresh"' in body


def test_old_jobs_and_their_files_are_purged(world):
    job = services.job_start(
        kind="test.activity_names",
        title="x",
        params={},
        by=world.kalmar_ngo,
        collaboration=world.kalmar,
    )
    job.refresh_from_db()
    path = job.file.path
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(days=30))
    call_command("purge_jobs", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Job.objects.exists()
    import os

    assert not os.path.exists(path)
