"""Survey submission throughput and the attendance page under load, on two gunicorn
instances behind nginx, on one PostgreSQL (locust, loopback only).

In its own database: small synthetic data, the built-in instruments, an open parent-survey
round with a recording, and a coordinator of the largest synthetic collaboration. Two gunicorn
instances (BENCH_INSTANCES, each with BENCH_WORKERS / instances workers) serve the app (plus the
bench's bare view) on 127.0.0.1 behind nginx (Debian's package, run as a child process with its
own configuration; without nginx, one instance is measured directly and the report says so).
Before the load, what must not live in one process is checked across the instances: a session
opened on one is valid on the other, survey-link guesses counted on one block on the other
(the shared cache), and a file stored by another process is served by both (uploads).
locust then runs the respondents for BENCH_LOAD_SECONDS (default 60), the same number of users
against the bare view, and logged-in coordinators on the attendance page. Reported: requests
per second, errors, completed flows, and submissions stored in the database (a completed flow
that is not stored is a lost submission).

    BENCH_USERS=200  BENCH_LOAD_SECONDS=60  BENCH_WORKERS=4  BENCH_INSTANCES=2
"""

from __future__ import annotations

import csv
import http.cookiejar
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "bench_load"
BENCH_USER = "bench.coordinator"  # as bench/measure.py
SESSIONS = 50  # logged-in sessions the coordinators under load take turns with


@dataclass
class LoadResult:
    text: str
    data: dict


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _number(text) -> float:
    """A figure of locust's CSV; "N/A" (too few requests for a percentile) counts as 0."""
    try:
        return float(text or 0)
    except ValueError:
        return 0.0


def _per_second(events: list[list[str]], seconds: int) -> float:
    """Requests (not flows) that ended within the load's `seconds`, from the first request on,
    per second. Locust's own figure divides by its whole run, which includes the stop timeout in
    which the last respondents finish their flows with the server no longer saturated (up to 30
    s more for the survey, next to nothing for the bare view), so it understated the survey."""
    ended = sorted(float(at) for _, kind, at in events if kind != "FLOW")
    if not ended:
        return 0.0
    window = min(seconds, ended[-1] - ended[0]) or 1.0
    return sum(1 for at in ended if at <= ended[0] + window) / window


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
    events = [line.split(" ") for line in logged if not line.startswith("token ")]
    lines = Counter(f"{outcome} {kind}" for outcome, kind, _ in events)
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = {(row["Type"], row["Name"]): row for row in csv.DictReader(handle)}
    total = rows.get(("", "Aggregated"), {})
    requests = sum(n for line, n in lines.items() if not line.endswith("FLOW"))
    return {
        "requests": requests,
        "failures": sum(
            n for line, n in lines.items() if line.startswith("fail") and not line.endswith("FLOW")
        ),
        "requests_per_second": _per_second(events, seconds),
        # Locust's own figure, printed beside ours so runs before 2026-12-02 stay comparable.
        "locust_requests_per_second": _number(total.get("Requests/s")),
        "median_ms": _number(total.get("Median Response Time")),
        "p95_ms": _number(total.get("95%")),
        "flows": lines["ok FLOW"],
        "tokens": tokens,
        "flow_failures": lines["fail FLOW"],
    }


NGINX_CONFIG = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 2048; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    client_body_buffer_size 64k;
    proxy_buffers 32 16k;
    proxy_max_temp_file_size 0;
    upstream samverka {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://samverka;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
    }}
}}
"""


def _wait_for(host: str, process: subprocess.Popen) -> None:
    for _ in range(150):
        if process.poll() is not None:
            raise RuntimeError(f"{host} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{host}/healthz", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{host} did not answer /healthz")


def _start_cluster(*, env: dict, tmp: Path, instances: int, workers: int):
    """`instances` gunicorns, and nginx in front when there is one: (host, instance hosts,
    processes, whether nginx is in front)."""
    python = sys.executable
    processes, hosts = [], []
    per_instance = max(1, workers // instances)
    for _ in range(instances):
        port = _free_port()
        command = [
            str(Path(python).parent / "gunicorn"),
            "bench.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(per_instance),
            "--log-level",
            "warning",
        ]
        processes.append(subprocess.Popen(command, cwd=ROOT, env=env))  # noqa: S603
        hosts.append(f"http://127.0.0.1:{port}")
    for host, process in zip(hosts, processes, strict=True):
        _wait_for(host, process)
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not nginx or instances < 2:
        return hosts[0], hosts, processes, False
    port = _free_port()
    servers = "\n".join(f"        server {h.removeprefix('http://')};" for h in hosts)
    config = tmp / "nginx.conf"
    config.write_text(NGINX_CONFIG.format(tmp=tmp, servers=servers, port=port))
    process = subprocess.Popen(  # noqa: S603
        [nginx, "-c", str(config), "-p", str(tmp), "-g", "daemon off;"], cwd=tmp
    )
    processes.append(process)
    host = f"http://127.0.0.1:{port}"
    _wait_for(host, process)
    return host, hosts, processes, True


def _stop(processes) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _opener():
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def _status(opener, url: str, data: dict | None = None, headers: dict | None = None):
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
    try:
        with opener.open(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _shared_state(hosts: list[str], setup: dict) -> dict:
    """What one process does, the other sees: session, cache counter, stored file."""
    from bench.forms import read_form

    one, other = hosts[0], hosts[-1]
    checks = {}
    # A session opened on one instance is valid on the other.
    browser = _opener()
    _, page = _status(browser, f"{one}{setup['login']}")
    form = read_form(page.decode(), containing="username")
    form.update(username=[setup["username"]], password=[setup["password"]])
    logged_in, _ = _status(browser, f"{one}{setup['login']}", form)
    attendance, _ = _status(browser, f"{other}{setup['attendance']}")
    checks["session"] = logged_in == 302 and attendance == 200

    # Survey-link guesses counted on one instance make the address wait on the other (the
    # shared cache); the bench's address is given as nginx would (PROXY_COUNT=1).
    guesser = {"X-Forwarded-For": "192.0.2.77"}
    for _ in range(int(os.environ.get("SURVEY_LINK_FAILURES", "20"))):
        _status(_opener(), f"{one}/s/ZZZZZZ/", headers=guesser)
    blocked, _ = _status(_opener(), f"{other}/s/{setup['link']}/", headers=guesser)
    welcome, _ = _status(_opener(), f"{other}/s/{setup['link']}/")
    checks["cache"] = blocked == 429 and welcome == 200
    # A file stored by another process (the setup's recording, under MEDIA_ROOT) is served by
    # each instance.
    files = [_status(_opener(), f"{host}{setup['audio']}") for host in (one, other)]
    checks["uploads"] = all(code == 200 for code, _ in files) and files[0][1] == files[1][1]
    return checks


def run(*, base: str) -> LoadResult:
    from bench.pg import PG_SETTINGS, database_url, psql

    users = int(os.environ.get("BENCH_USERS", "200"))
    seconds = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
    workers = int(os.environ.get("BENCH_WORKERS", "4"))
    instances = int(os.environ.get("BENCH_INSTANCES", "2"))
    psql(base, f'DROP DATABASE IF EXISTS "{DATABASE}"')
    psql(base, f'CREATE DATABASE "{DATABASE}"')
    for setting in PG_SETTINGS:
        psql(base, f'ALTER DATABASE "{DATABASE}" SET {setting}')
    with tempfile.TemporaryDirectory(prefix="samverka-load-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "media").mkdir()
        env = {
            **os.environ,
            "DATABASE_URL": database_url(base, DATABASE),
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_MANIFEST": "0",  # no collectstatic for a throwaway server
            "DEBUG": "0",
            "PROXY_COUNT": "1",  # behind nginx, as in production
            "MEDIA_ROOT": str(tmp / "media"),  # one directory for every instance
        }
        env.pop("DATABASE_REPLICA_URL", None)
        result = _run(
            env=env, tmp=tmp, users=users, seconds=seconds, workers=workers, instances=instances
        )
    psql(base, f'DROP DATABASE "{DATABASE}"')
    return result


def run_sqlite() -> LoadResult:
    """The same flow on `make run`'s embedded database (issue 14.7): a parent meeting of
    BENCH_SQLITE_USERS (default 50) respondents on one gunicorn over one SQLite file in WAL mode
    with its busy timeout and immediate transactions — 0 errors and 0 lost expected."""
    users = int(os.environ.get("BENCH_SQLITE_USERS", "50"))
    seconds = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
    workers = int(os.environ.get("BENCH_WORKERS", "4"))
    with tempfile.TemporaryDirectory(prefix="samverka-load-sqlite-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "media").mkdir()
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp / 'load.sqlite3'}",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_MANIFEST": "0",
            "DEBUG": "0",
            "PROXY_COUNT": "0",
            "MEDIA_ROOT": str(tmp / "media"),
        }
        env.pop("DATABASE_REPLICA_URL", None)
        return _run(
            env=env,
            tmp=tmp,
            users=users,
            seconds=seconds,
            workers=workers,
            instances=1,
            database="one SQLite file (WAL, make run's settings)",
        )


def _run(*, env, tmp, users, seconds, workers, instances, database="one PostgreSQL") -> LoadResult:
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
    setup = json.loads(
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
    link = setup["link"]
    host, hosts, processes, behind_nginx = _start_cluster(
        env=env, tmp=tmp, instances=instances, workers=workers
    )
    try:
        shared = _shared_state(hosts, setup) if len(hosts) > 1 else {}
        locust_env = {
            **env,
            "BENCH_SURVEY_LINK": link,
            "BENCH_ATTENDANCE_URL": setup["attendance"],
            "BENCH_USERNAME": setup["username"],
            "BENCH_PASSWORD": setup["password"],
            "BENCH_LOGIN_URL": setup["login"],
            "BENCH_SESSIONS": ",".join(setup["sessions"]),
        }
        where = (
            f"{len(hosts)} gunicorn instances behind nginx"
            if behind_nginx
            else "one gunicorn instance" + ("" if instances < 2 else " (nginx is not installed)")
        )
        print(f"== {users} respondents for {seconds} s against {where}", flush=True)
        survey = _locust(
            "SurveyRespondent", host=host, users=users, seconds=seconds, env=locust_env, tmp=tmp
        )
        print(f"== {users} users for {seconds} s against the bare view", flush=True)
        bare = _locust("BareView", host=host, users=users, seconds=seconds, env=locust_env, tmp=tmp)
        print(f"== {users} coordinators for {seconds} s on the attendance page", flush=True)
        attendance = _locust(
            "AttendancePage", host=host, users=users, seconds=seconds, env=locust_env, tmp=tmp
        )
    finally:
        _stop(processes)
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
    for result in (bare, attendance):
        result.pop("tokens")
    stored, confirmed = int(counted[-2]), int(counted[-1])
    # A flow the server confirmed (redirect to the thank-you page) whose answer is not stored
    # is lost. Answers sent while locust stopped are stored without a confirmed flow.
    lost = survey["flows"] - confirmed
    data = {
        "users": users,
        "seconds": seconds,
        "workers": workers,
        "instances": len(hosts),
        "behind_nginx": behind_nginx,
        "shared": shared,
        "survey": survey,
        "bare": bare,
        "attendance": attendance,
        "stored": stored,
        "confirmed_stored": confirmed,
        "lost": lost,
    }
    ratio = (
        survey["requests_per_second"] / bare["requests_per_second"]
        if bare["requests_per_second"]
        else 0
    )
    data["ratio"] = ratio
    locust_ratio = (
        survey["locust_requests_per_second"] / bare["locust_requests_per_second"]
        if bare["locust_requests_per_second"]
        else 0
    )
    errors = survey["failures"] + survey["flow_failures"]
    yes = {True: "yes", False: "NO"}
    lines = [
        f"Under load: {users} concurrent users, {seconds} s each, {where} "
        f"({workers} workers in all) on {database}, 127.0.0.1",
    ]
    if shared:
        lines += [
            f"{'session opened on one, valid on the other':44}{yes[shared['session']]:>6}",
            f"{'guess counter of one blocks on the other':44}{yes[shared['cache']]:>6}",
            f"{'stored file served by each instance':44}{yes[shared['uploads']]:>6}",
        ]
    lines += [
        f"{'':34}{'survey flow':>14}{'bare view':>14}{'attendance':>14}",
        f"{'requests per second':34}{survey['requests_per_second']:>14.1f}"
        f"{bare['requests_per_second']:>14.1f}{attendance['requests_per_second']:>14.1f}",
        f"{'  locust: requests over its whole run':34}"
        f"{survey['locust_requests_per_second']:>14.1f}{bare['locust_requests_per_second']:>14.1f}"
        f"{attendance['locust_requests_per_second']:>14.1f}",
        f"{'median response time':34}{survey['median_ms']:>11.0f} ms{bare['median_ms']:>11.0f} ms"
        f"{attendance['median_ms']:>11.0f} ms",
        f"{'95th percentile':34}{survey['p95_ms']:>11.0f} ms{bare['p95_ms']:>11.0f} ms"
        f"{attendance['p95_ms']:>11.0f} ms",
        f"{'errors (failed requests)':34}{survey['failures']:>14}{bare['failures']:>14}"
        f"{attendance['failures']:>14}",
        f"{'completed survey flows':34}{survey['flows']:>14}",
        f"{'  of them stored in the database':34}{confirmed:>14}",
        f"{'all submissions stored (incl. late)':34}{stored:>14}",
        f"{'lost submissions':34}{lost:>14}",
        f"{'throughput survey / bare view':34}{ratio:>13.2f}×",
        f"{'  by locust: survey / bare view':34}{locust_ratio:>13.2f}×",
        f"{'met   ' if ratio >= 0.5 else 'MISSED'} survey ≥ 0.5× the bare view's requests/s",
        f"{'met   ' if errors == 0 else 'MISSED'} 0 errors under load (survey)",
        f"{'met   ' if attendance['failures'] == 0 else 'MISSED'} 0 errors under load "
        "(attendance page)",
        f"{'met   ' if lost == 0 else 'MISSED'} 0 lost submissions",
    ]
    if shared:
        lines.append(
            f"{'met   ' if all(shared.values()) else 'MISSED'} no state in a process "
            "(sessions, cache, uploads shared)"
        )
    return LoadResult("\n".join(lines), data)


def _setup() -> None:
    """In the load database: the built-in instruments, an open round with a recording, and a
    coordinator with a password; print what the load needs as one line of JSON."""
    import json as _json
    import secrets
    from datetime import timedelta

    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from bench.measure import bench_client, probe_session
    from samverka.accounts.models import User
    from samverka.demo.synthetic import synthetic_collaborations
    from samverka.surveys.builtin.install import install_builtin_instruments
    from samverka.surveys.instruments.services.recordings import audio_save
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
    item = version.items.order_by("section__position", "position").first()
    recording = ContentFile(b"OggS-bench-recording", name="bench.ogg")
    audio_save(item=item, by=None, language="sv", upload=recording, content_type="audio/ogg")
    link = general_link(round_).code
    collaboration, session, _ = probe_session()
    bench_client(collaboration)  # the bench's coordinator, a member of that collaboration
    password = secrets.token_urlsafe(16)
    user = User.objects.get(username=BENCH_USER)
    user.set_password(password)
    user.save(update_fields=["password"])
    # Sessions for the coordinators under load (stored in the database like any login's):
    # 200 logins would measure the password hasher, about a second of CPU each, not the page.
    sessions = []
    for _ in range(SESSIONS):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    print(
        _json.dumps(
            {
                "link": link,
                "audio": reverse("surveys:respond_audio", args=[link, item.item_id, "sv"]),
                "attendance": reverse(
                    "activities:attendance", args=[collaboration.code, session.code]
                ),
                "login": reverse("accounts:login"),
                "username": BENCH_USER,
                "password": password,
                "sessions": sessions,
            }
        )
    )


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
