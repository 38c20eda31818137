"""CPU per request of the survey respondent's flow, against the bare view, in one process.

The load test (bench/load.py) measures throughput on a machine it shares with locust and with
whatever else runs; this measures what one request costs the server, which the load does not
change: it replays respondents' flows (the locust flow of bench/locustfile.py: open the link,
choose a language, every page read and saved, the send page, sending, the thank-you page)
and requests of the bare view through Django's WSGI handler, in the same process, and prints
the median CPU time (`time.process_time`) and the queries of each kind of request.

    bash scripts/with-postgres.sh .venv/bin/python -m bench.respond_cpu [FLOWS]

It prepares its database as the load test does (migrate, small synthetic data, `load.py
setup`) with the load test's settings (DEBUG off, bench.settings), in the database of
DATABASE_URL, which must be a throwaway one. Never timings in tests: this is a tool.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from urllib.parse import urlencode, urlsplit

from bench.load import ROOT

SETTINGS = {
    "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-not-for-production-0"),
    "DEBUG": "0",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_COOKIES": "0",
    "SECURE_HSTS_SECONDS": "0",
    "ALLOWED_HOSTS": "127.0.0.1",
    "STATIC_MANIFEST": "0",
    "PROXY_COUNT": "1",
    "PYTHONWARNINGS": "ignore:No directory at",
}


def _prepare(env: dict) -> str:
    python = sys.executable
    migrate = [python, "manage.py", "migrate", "--noinput", "-v0"]
    subprocess.run(migrate, cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [python, "manage.py", "seed_synthetic", "--force", "--quiet", "--municipalities=9",
         "--participants=1000", "--weeks=8"],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    setup = subprocess.run(  # noqa: S603
        [python, "-m", "bench.load", "setup"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(setup.stdout.strip().splitlines()[-1])["link"]


class Replay:
    def __init__(self, link: str):
        from django.core.handlers.wsgi import WSGIHandler

        self.app = WSGIHandler()
        self.link = link
        self.cpu: dict[str, list[float]] = defaultdict(list)
        self.queries: dict[str, list[int]] = defaultdict(list)
        self.counting = False

    def call(self, method: str, url: str, data: dict | None = None):
        parts = urlsplit(url)
        body = urlencode(data, doseq=True).encode() if data is not None else b""
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": parts.path,
            "QUERY_STRING": parts.query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_X_FORWARDED_FOR": "10.0.0.1",  # as nginx passes it (PROXY_COUNT=1)
            "HTTP_ACCEPT_LANGUAGE": "sv,en;q=0.8",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        if data is not None:
            environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
            environ["CONTENT_LENGTH"] = str(len(body))
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)

        result = self.app(environ, start_response)
        content = b"".join(result)
        result.close()
        return answer["status"], answer["headers"], content

    def timed(self, kind: str, method: str, url: str, data: dict | None = None):
        if self.counting:
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                answer = self.call(method, url, data)
            self.queries[kind].append(len(queries))
            return answer
        started = time.process_time()
        answer = self.call(method, url, data)
        self.cpu[kind].append(time.process_time() - started)
        return answer

    def flow(self) -> None:
        from bench.forms import read_form

        start = f"/s/{self.link}/"
        _, _, page = self.timed("open the link", "GET", start)
        data = read_form(page.decode())
        data["language"] = ["sv"]
        status, headers, _ = self.timed("choose a language", "POST", start, data)
        assert status == 302, status
        location = headers["Location"]
        for _step in range(40):
            if "/done/" in location:
                self.timed("thank-you page", "GET", location)
                return
            send = location.rstrip("/").endswith("send")
            status, _, page = self.timed("send page" if send else "page", "GET", location)
            assert status == 200, (status, location)
            data = read_form(page.decode())
            data["go"] = ["send" if send else "next"]
            kind = "send (POST)" if send else "save a page (POST)"
            status, headers, _ = self.timed(kind, "POST", location, data)
            assert status == 302, (status, location)
            location = headers["Location"]
        raise RuntimeError("too many steps")

    def bare(self) -> None:
        self.timed("bare view", "GET", "/bench/bare/")


def main(flows: int) -> None:
    env = {**os.environ, **SETTINGS}
    link = _prepare(env)
    os.environ.update(SETTINGS)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    replay = Replay(link)
    for _ in range(3):  # warm: the memos, prepared statements, kept connection
        replay.flow()
    replay.counting = True  # the queries of a warm flow
    replay.flow()
    replay.bare()
    replay.counting = False
    replay.cpu.clear()
    for _ in range(flows):
        replay.flow()
        for _ in range(20):
            replay.bare()
    survey = [t for kind, times in replay.cpu.items() if kind != "bare view" for t in times]
    print(f"{'request':22}{'count':>7}{'median CPU':>13}{'queries':>9}")
    for kind, times in replay.cpu.items():
        print(
            f"{kind:22}{len(times):>7}{statistics.median(times) * 1000:>10.2f} ms"
            f"{replay.queries[kind][0]:>9}"
        )
    print(
        f"survey: {len(survey) / flows:.0f} requests per flow, mean CPU per request "
        f"{statistics.mean(survey) * 1000:.2f} ms; bare view "
        f"{statistics.mean(replay.cpu['bare view']) * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
