"""Survey submission throughput: 200 concurrent respondents (locust) against gunicorn on loopback.

In its own database: small synthetic data, the built-in instruments, an open parent-survey
round. gunicorn serves the app (plus the bench's bare view) on 127.0.0.1; locust runs the
respondents for BENCH_LOAD_SECONDS (default 60), then the same number of users against the
bare view. Reported: requests per second, errors, completed flows, and submissions stored in
the database (a completed flow that is not stored is a lost submission).

    BENCH_USERS=200  BENCH_LOAD_SECONDS=60  BENCH_WORKERS=4
"""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "bench_load"


@dataclass
class LoadResult:
    text: str
    data: dict


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _locust(user_class: str, *, host: str, users: int, seconds: int, env: dict, tmp: Path):
    prefix = tmp / user_class
    log = tmp / f"{user_class}.log"
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "-u",
        str(users),
        "-r",
        str(max(1, users // 4)),
        "-t",
        f"{seconds}s",
        "--host",
        host,
        "--csv",
        str(prefix),
        "--only-summary",
        "--stop-timeout",
        "30",
        "--loglevel",
        "WARNING",
        user_class,
    ]
    env = {**env, "BENCH_REQUEST_LOG": str(log)}
    subprocess.run(command, cwd=ROOT, env=env, check=False)  # noqa: S603 (exit 1 on any failure)
    logged = log.read_text().splitlines() if log.exists() else []
    tokens = [line.split(" ", 1)[1] for line in logged if line.startswith("token ")]
    lines = Counter(line for line in logged if not line.startswith("token "))
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = {(row["Type"], row["Name"]): row for row in csv.DictReader(handle)}
    total = rows.get(("", "Aggregated"), {})
    flows = rows.get(("FLOW", "survey sent"), {})
    requests = sum(n for line, n in lines.items() if not line.endswith("FLOW"))
    return {
        "requests": requests,
        "failures": sum(
            n for line, n in lines.items() if line.startswith("fail") and not line.endswith("FLOW")
        ),
        "requests_per_second": float(total.get("Requests/s", 0) or 0)
        - float(flows.get("Requests/s", 0) or 0),
        "median_ms": float(total.get("Median Response Time", 0) or 0),
        "p95_ms": float(total.get("95%", 0) or 0),
        "flows": lines["ok FLOW"],
        "tokens": tokens,
        "flow_failures": lines["fail FLOW"],
    }


def run(*, base: str) -> LoadResult:
    from bench.pg import PG_SETTINGS, database_url, psql

    users = int(os.environ.get("BENCH_USERS", "200"))
    seconds = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
    workers = int(os.environ.get("BENCH_WORKERS", "4"))
    psql(base, f'DROP DATABASE IF EXISTS "{DATABASE}"')
    psql(base, f'CREATE DATABASE "{DATABASE}"')
    for setting in PG_SETTINGS:
        psql(base, f'ALTER DATABASE "{DATABASE}" SET {setting}')
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(base, DATABASE),
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "0",  # no collectstatic for a throwaway server
        "DEBUG": "0",
    }
    python = sys.executable
    print("\n== survey load test: preparing a database with an open survey round", flush=True)
    migrate = [python, "manage.py", "migrate", "--noinput", "-v0"]
    subprocess.run(migrate, cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [
            python,
            "manage.py",
            "seed_synthetic",
            "--force",
            "--quiet",
            "--municipalities=9",
            "--participants=1000",
            "--weeks=8",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    link = (
        subprocess.run(  # noqa: S603
            [python, "-m", "bench.load", "setup"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    gunicorn = subprocess.Popen(  # noqa: S603
        [
            str(Path(python).parent / "gunicorn"),
            "bench.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    host = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{host}/healthz", timeout=2) as answer:  # noqa: S310
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not answer /healthz")
        locust_env = {**env, "BENCH_SURVEY_LINK": link}
        with tempfile.TemporaryDirectory(prefix="samverka-locust-") as tmp:
            print(
                f"== {users} respondents for {seconds} s against gunicorn ({workers} workers)",
                flush=True,
            )
            survey = _locust(
                "SurveyRespondent",
                host=host,
                users=users,
                seconds=seconds,
                env=locust_env,
                tmp=Path(tmp),
            )
            print(f"== {users} users for {seconds} s against the bare view", flush=True)
            bare = _locust(
                "BareView", host=host, users=users, seconds=seconds, env=locust_env, tmp=Path(tmp)
            )
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
    with tempfile.NamedTemporaryFile("w", suffix=".tokens", delete=False) as handle:
        handle.write("\n".join(survey.pop("tokens")))
    counted = subprocess.run(  # noqa: S603
        [python, "-m", "bench.load", "count", link, handle.name],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    Path(handle.name).unlink()
    stored, confirmed = int(counted[-2]), int(counted[-1])
    psql(base, f'DROP DATABASE "{DATABASE}"')
    # A flow the server confirmed (redirect to the thank-you page) whose answer is not stored
    # is lost. Answers sent while locust stopped are stored without a confirmed flow.
    lost = survey["flows"] - confirmed
    data = {
        "users": users,
        "seconds": seconds,
        "workers": workers,
        "survey": survey,
        "bare": bare,
        "stored": stored,
        "confirmed_stored": confirmed,
        "lost": lost,
    }
    ratio = (
        survey["requests_per_second"] / bare["requests_per_second"]
        if bare["requests_per_second"]
        else 0
    )
    errors = survey["failures"] + survey["flow_failures"]
    lines = [
        f"Survey submissions: {users} concurrent users, {seconds} s each, "
        f"gunicorn with {workers} workers on 127.0.0.1",
        f"{'':34}{'survey flow':>14}{'bare view':>14}",
        f"{'requests per second':34}{survey['requests_per_second']:>14.1f}"
        f"{bare['requests_per_second']:>14.1f}",
        f"{'median response time':34}{survey['median_ms']:>11.0f} ms{bare['median_ms']:>11.0f} ms",
        f"{'95th percentile':34}{survey['p95_ms']:>11.0f} ms{bare['p95_ms']:>11.0f} ms",
        f"{'errors (failed requests)':34}{survey['failures']:>14}{bare['failures']:>14}",
        f"{'completed survey flows':34}{survey['flows']:>14}",
        f"{'  of them stored in the database':34}{confirmed:>14}",
        f"{'all submissions stored (incl. late)':34}{stored:>14}",
        f"{'lost submissions':34}{lost:>14}",
        f"{'throughput survey / bare view':34}{ratio:>13.2f}×",
        f"{'met   ' if errors == 0 else 'MISSED'} 0 errors under load",
        f"{'met   ' if lost == 0 else 'MISSED'} 0 lost submissions",
    ]
    return LoadResult("\n".join(lines), data)


def _setup() -> None:
    """In the load database: the built-in instruments and an open round; print its link code."""
    from datetime import timedelta

    from django.utils import timezone

    from samverka.demo.synthetic import synthetic_collaborations
    from samverka.surveys.builtin.install import install_builtin_instruments
    from samverka.surveys.models import InstrumentKind
    from samverka.surveys.rounds.selectors import general_link
    from samverka.surveys.rounds.services import round_create

    versions = install_builtin_instruments()
    version = next(v for v in versions.values() if v.instrument.kind == InstrumentKind.PARENT)
    today = timezone.localdate()
    round_ = round_create(
        collaboration=synthetic_collaborations().order_by("pk").first(),
        version=version,
        title="Bench: föräldraenkät",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
        languages=["sv"],
        by=None,
    )
    print(general_link(round_).code)


def _count(link_code: str, tokens_file: str) -> None:
    """Print the submissions stored for the link, and how many of the confirmed tokens."""
    from samverka.surveys.models import Response

    tokens = [t for t in Path(tokens_file).read_text().split() if t]
    sent = Response.objects.filter(link__code=link_code, submitted_at__isnull=False)
    print(sent.count(), sent.filter(token__in=tokens).count())


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverka.settings")
    import django

    django.setup()
    from samverka.lib.scoping import national_scope

    with national_scope():  # the bench's own setup and count, across its synthetic data
        if sys.argv[1] == "setup":
            _setup()
        elif sys.argv[1] == "count":
            _count(sys.argv[2], sys.argv[3])
