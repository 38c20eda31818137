"""Locust users for `make bench`: survey respondents, and the bare view under the same load.

    locust -f bench/locustfile.py --headless -u 200 -r 50 -t 60s --host http://127.0.0.1:PORT \
        SurveyRespondent        # or BareView
BENCH_SURVEY_LINK names the survey link code (/s/<code>/). Each respondent chooses a language,
answers every page the way a person would (the first offered answer, a number in range, a
word of text), sends, and starts again. Every completed flow is counted as a request of type
FLOW, and its response token is logged, so the bench can check that the answer of every flow
the server confirmed is stored in the database.
"""

import os
import re
import time
from html.parser import HTMLParser

from locust import HttpUser, between, events, task

LINK = os.environ.get("BENCH_SURVEY_LINK", "")
# Every request and completed flow, one line each ("ok GET", "fail FLOW", ...): locust's CSV
# can be written before the last flows finish, and the bench compares flows with the database.
LOG = os.environ.get("BENCH_REQUEST_LOG", "")
MAX_STEPS = 40


@events.request.add_listener
def _log(request_type, name, response_time, response_length, exception=None, **kwargs):
    if LOG:
        with open(LOG, "a") as log:
            log.write(f"{'fail' if exception else 'ok'} {request_type}\n")


class FormReader(HTMLParser):
    """The first POST form of a page: its fields, as a person would fill them in."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.done = False
        self.fields: dict[str, list[str]] = {}
        self.choices: dict[str, list[str]] = {}
        self.multi: set[str] = set()
        self.text: list[str] = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.done:
            return
        if tag == "form" and a.get("method", "").lower() == "post":
            self.in_form = True
        if not self.in_form:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind == "hidden":
                self.fields[name] = [a.get("value", "")]
            elif kind in ("radio", "checkbox"):
                self.choices.setdefault(name, []).append(a.get("value", "on"))
                if kind == "checkbox":
                    self.multi.add(name)
            elif kind == "number":
                low = a.get("min") or "1"
                self.fields[name] = [str(max(int(float(low)), 1))]
            elif kind not in ("submit", "button"):
                self.text.append(name)
        elif tag == "textarea" and name:
            self.text.append(name)
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and a.get("value"):
            self.choices.setdefault(self._select, []).append(a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True

    def data(self) -> dict:
        data = dict(self.fields)
        for name, values in self.choices.items():
            data[name] = [values[0]]
        for name in self.text:
            data.setdefault(name, ["Bra"])
        return data


def read_form(html: str) -> dict:
    reader = FormReader()
    reader.feed(html)
    return reader.data()


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
