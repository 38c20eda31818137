from samverka.jobs.models import Job

SCOPES = {
    "jobs:detail": "own",
    "jobs:download": "own",
}


def url_arguments(world):
    job = Job.objects.create(kind="test", title="Test", requested_by=world.kalmar_ngo)
    return {"job_code": job.code}
