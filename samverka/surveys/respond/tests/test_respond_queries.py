"""A respondent's request path stays small: the number of queries of each step of the built-in
parent survey, for the second respondent of a process (the survey's structure is built once per
process and version). Counts, never timings; `make bench` measures the time (bench/load.py)."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.forms import read_form
from samverka import settings as project_settings
from samverka.surveys.builtin.install import install_builtin_instruments
from samverka.surveys.instruments.models import ItemAudio
from samverka.surveys.instruments.services.recordings import audio_delete, audio_save
from samverka.surveys.models import InstrumentKind
from samverka.surveys.respond.models import Response
from samverka.surveys.rounds.selectors import general_link
from samverka.surveys.rounds.services import round_create

# Queries per step. Pages addressed by the link code alone check the guessing counter first.
# A draft's page (its token proves the link was found: no counter): the response with its
# link, round, version and answers so far (on its own row) in one query. Saving a page adds
# one UPDATE that merges the page's answers into the draft's row, only while it is unsent and
# its round open (no lock, no transaction). Sending locks the draft, claims it with a
# conditional UPDATE, writes its answers as Answer rows in one INSERT, and adds the audit
# record (the chain's newest hash, the INSERT), inside a savepoint pair here since the test
# runs in a transaction.
STEPS = {
    "language page": 2,  # the guessing counter (the shared cache, in the database); the link
    "choose language": 5,  # the counter, the link; savepoint, INSERT the draft, release
    "page": 1,
    "save page": 2,
    "send page": 1,
    "send": 9 + (connection.vendor == "postgresql"),  # + the audit chain's advisory lock
    "thank you": 2,  # the counter, the link
}


@pytest.fixture(autouse=True)
def _database_cache(settings):
    """Production's cache (in the database: a query), where the suite keeps it in memory."""
    settings.CACHES = project_settings.CACHES


@pytest.fixture
def parent_round(world):
    versions = install_builtin_instruments()
    version = next(v for v in versions.values() if v.instrument.kind == InstrumentKind.PARENT)
    today = timezone.localdate()
    return round_create(
        collaboration=world.kalmar,
        version=version,
        title="Föräldraenkät",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
        languages=["sv", "ar"],
        by=None,
    )


def answer_the_survey(client, code: str, language: str = "sv") -> dict[str, list[int]]:
    """One respondent through every page as the bench's respondents do; queries per step."""
    counts: dict[str, list[int]] = {}

    def step(name, method, url, data=None):
        with CaptureQueriesContext(connection) as queries:
            answer = getattr(client, method)(url, data) if data else getattr(client, method)(url)
        counts.setdefault(name, []).append(len(queries))
        return answer

    client.cookies.clear()
    page = step("language page", "get", f"/s/{code}/")
    assert page.status_code == 200
    data = {**read_form(page.content.decode()), "language": [language]}
    location = step("choose language", "post", f"/s/{code}/", data)["Location"]
    for _ in range(40):
        if "/done/" in location:
            assert step("thank you", "get", location).status_code == 200
            return counts
        sending = location.rstrip("/").endswith("send")
        page = step("send page" if sending else "page", "get", location)
        assert page.status_code == 200
        data = {**read_form(page.content.decode()), "go": ["send" if sending else "next"]}
        answer = step("send" if sending else "save page", "post", location, data)
        assert answer.status_code == 302, answer.content.decode()[:2000]
        location = answer["Location"]
    raise AssertionError("the survey did not end")


def test_each_step_of_a_respondents_path_takes_a_fixed_small_number_of_queries(
    client, parent_round
):
    code = general_link(parent_round).code
    answer_the_survey(client, code)  # the first respondent of this process builds the survey
    counts = answer_the_survey(client, code)
    assert {name: max(n) for name, n in counts.items()} == STEPS
    assert {name: min(n) for name, n in counts.items()} == STEPS  # the same on every page
    assert Response.objects.filter(submitted_at__isnull=False).count() == 2


def test_a_recording_added_or_removed_shows_on_the_next_page_without_a_query_to_notice_it(
    client, world, parent_round, tmp_path, settings
):
    """The survey kept in memory is keyed by the version's `recordings_changed_at`, which the
    recording services set: a new or removed recording is on the next page drawn."""
    settings.MEDIA_ROOT = tmp_path
    code = general_link(parent_round).code
    answer_the_survey(client, code, "ar")
    item = parent_round.version.items.order_by("section__position", "position").first()
    upload = ContentFile(b"OggS-test-recording", name="fraga.ogg")
    audio = audio_save(item=item, by=None, language="ar", upload=upload, content_type="audio/ogg")

    def first_page(language):
        client.cookies.clear()
        started = client.post(f"/s/{code}/", {"language": language})
        return client.get(started["Location"]).content.decode()

    assert "<audio" in first_page("ar")
    assert "<audio" not in first_page("sv")
    audio_delete(audio=ItemAudio.objects.get(pk=audio.pk), by=None)
    assert "<audio" not in first_page("ar")
