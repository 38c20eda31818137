import subprocess
import sys
from importlib import import_module

from django.conf import settings

from samverka.jobs.services import PRODUCERS

SCRIPT = (
    "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'samverka.settings'); "
    "django.setup(); from samverka.jobs.services import PRODUCERS; "
    "print(' '.join(sorted(PRODUCERS)))"
)


def test_the_worker_knows_every_kind_of_job_without_loading_a_page():
    """`manage.py db_worker` loads no URLconf: every producer must be registered at start-up
    (each app's `jobs` module), or a job started on a page fails in the worker."""
    import_module(settings.ROOT_URLCONF)  # what the pages register, as in the web process
    in_web = {kind for kind in PRODUCERS if not kind.startswith("test.")}  # the tests own
    printed = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        env={"SECRET_KEY": "x" * 50, "DEBUG": "1", "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    assert "reports.national_funder" in in_web
    assert set(printed) == in_web
