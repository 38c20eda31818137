"""Locust users for `make bench`: survey respondents, the bare view under the same load, and
coordinators on the attendance page.

    locust -f bench/locustfile.py --headless -u 200 -r 50 -t 60s --host http://127.0.0.1:PORT \
        SurveyRespondent        # or BareView, AttendancePage
BENCH_SURVEY_LINK names the survey link code (/s/<code>/); AttendancePage logs in as
BENCH_USERNAME / BENCH_PASSWORD and reads BENCH_ATTENDANCE_URL. Each respondent chooses a
language, answers every page the way a person would (the first offered answer, a number in range, a
word of text), sends, and starts again. Every completed flow is counted as a request of type
FLOW, and its response token is logged, so the bench can check that the answer of every flow
the server confirmed is stored in the database.
"""

import os
import re
import time

from locust import HttpUser, between, events, task

from bench.forms import read_form

LINK = os.environ.get("BENCH_SURVEY_LINK", "")
ATTENDANCE = os.environ.get("BENCH_ATTENDANCE_URL", "")
# Every request and completed flow, one line each ("ok GET 1733170000.123", "fail FLOW ...", with
# the time it ended): locust's CSV can be written before the last flows finish, the bench
# compares flows with the database, and it counts requests per second over the load's own
# seconds (bench/load.py, `_locust`).
LOG = os.environ.get("BENCH_REQUEST_LOG", "")
MAX_STEPS = 40
_turn = 0  # the next of BENCH_SESSIONS to hand out


@events.request.add_listener
def _log(request_type, name, response_time, response_length, exception=None, **kwargs):
    if LOG:
        with open(LOG, "a") as log:
            log.write(f"{'fail' if exception else 'ok'} {request_type} {time.time():.3f}\n")


class SurveyRespondent(HttpUser):
    wait_time = between(0, 0.2)

    @task
    def answer_the_survey(self):
        started = time.perf_counter()
        self.client.cookies.clear()
        start = f"/s/{LINK}/"
        with self.client.get(start, name="/s/[code]/ language", catch_response=True) as page:
            if page.status_code != 200:
                page.failure(f"language page {page.status_code}")
                return
            data = read_form(page.text)
        language = "sv"
        data["language"] = [language]
        with self.client.post(
            start, data=data, name="/s/[code]/ start", allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"start answered {answer.status_code}")
                return
            location = answer.headers["Location"]
        token = location.strip("/").split("/")[2]  # /s/<code>/<token>/<page>/
        for _step in range(MAX_STEPS):
            if "/done/" in location:
                if LOG:  # the bench checks that every confirmed flow's answer is stored
                    with open(LOG, "a") as log:
                        log.write(f"token {token}\n")
                self.environment.events.request.fire(
                    request_type="FLOW",
                    name="survey sent",
                    response_time=(time.perf_counter() - started) * 1000,
                    response_length=0,
                    exception=None,
                    context={},
                )
                self.client.get(location, name="/s/[code]/done/")
                return
            label = (
                "/s/[code]/[token]/send/"
                if location.rstrip("/").endswith("send")
                else ("/s/[code]/[token]/[page]/")
            )
            with self.client.get(location, name=label, catch_response=True) as page:
                if page.status_code != 200:
                    page.failure(f"{label} answered {page.status_code}")
                    return
                data = read_form(page.text)
            data["go"] = ["send" if "send" in label else "next"]
            with self.client.post(
                location, data=data, name=label, allow_redirects=False, catch_response=True
            ) as answer:
                if answer.status_code != 302:
                    errors = re.findall(r'class="r-error[^"]*"[^>]*>([^<]+)', answer.text)
                    answer.failure(f"{label} answered {answer.status_code} {errors[:1]}")
                    return
                location = answer.headers["Location"]
        self.environment.events.request.fire(
            request_type="FLOW",
            name="survey sent",
            response_time=0,
            response_length=0,
            exception=RuntimeError("too many steps"),
            context={},
        )


class BareView(HttpUser):
    """The same number of users, each hitting the bench's bare view (authentication only)."""

    wait_time = between(0, 0.2)

    @task
    def bare(self):
        self.client.get("/bench/bare/", name="/bench/bare/")


class AttendancePage(HttpUser):
    """Coordinators reading the attendance page of one session through nginx, so any instance
    may serve any request: with the sessions the bench's setup opened (BENCH_SESSIONS), else
    each logs in first."""

    wait_time = between(0, 0.2)

    def on_start(self):
        global _turn
        sessions = [s for s in os.environ.get("BENCH_SESSIONS", "").split(",") if s]
        if sessions:  # sessions the bench's setup opened (in the database, like any login)
            _turn += 1
            self.client.cookies.set("sessionid", sessions[_turn % len(sessions)])
            return
        login = os.environ.get("BENCH_LOGIN_URL", "/login/")
        with self.client.get(login, name="login page", catch_response=True) as page:
            form = read_form(page.text, containing="username")
        form["username"] = [os.environ.get("BENCH_USERNAME", "")]
        form["password"] = [os.environ.get("BENCH_PASSWORD", "")]
        with self.client.post(
            login,
            data=form,
            name="log in",
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"login answered {answer.status_code}")

    @task
    def attendance(self):
        with self.client.get(
            ATTENDANCE, name="attendance page", allow_redirects=False, catch_response=True
        ) as page:
            if page.status_code != 200:
                page.failure(f"attendance page answered {page.status_code}")
