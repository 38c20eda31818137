"""The national survey results are counted in the database: their figures equal a count done the
simple way, respondent by respondent over the answers, and the page's queries do not grow with
the answers."""

import random
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_collaboration
from samverka.lib.disclosure import TOTAL
from samverka.surveys.instruments.models import DONT_KNOW, ItemType
from samverka.surveys.instruments.services.versions import instrument_copy, version_publish
from samverka.surveys.respond.models import Answer, Response
from samverka.surveys.results.items import ANSWERED, NO_ANSWER
from samverka.surveys.results.selectors import national_results
from samverka.surveys.tests.factories import make_response, make_round, make_version

pytestmark = pytest.mark.django_db


def _answers(rng: random.Random) -> dict:
    """A respondent's answers: some items skipped, "don't know" now and then, several options."""
    answers = {}
    if rng.random() < 0.9:
        answers["T-NET-01"] = rng.choice(["1", "2", "3", "4", "5", "5", "4", DONT_KNOW])
    if rng.random() < 0.8:
        answers["T-NET-02"] = rng.choice(["1", "2", "3", "4", "5"])
    if rng.random() < 0.85:
        answers["T-NET-03"] = rng.choice(["yes", "no"])
        if answers["T-NET-03"] == "yes" and rng.random() < 0.8:
            answers["T-NET-04"] = rng.choice(["part", "full"])
    if rng.random() < 0.7:
        answers["T-ABT-01"] = rng.sample(["school", "library", "sport"], rng.randint(1, 3))
    if rng.random() < 0.75:
        answers["T-ABT-02"] = rng.randint(16, 70)
    if rng.random() < 0.4:
        answers["T-ABT-03"] = rng.choice(["Bra", "Mer fika", "Tack"])
    return answers


@pytest.fixture
def answered(world):
    """A built-in survey answered in five municipalities (one also through a copy), with drafts
    and responses sent before the period that do not count."""
    builtin = make_version(name="Inbyggd föräldraenkät")
    copy = instrument_copy(version=builtin, by=None, collaboration=world.kalmar, name="Kopia")
    copy_version = version_publish(version=copy.latest_version(), by=None)
    # Kalmar's copy made a yes/no question multiple choice: counted respondent by respondent.
    copy_version.items.filter(item_id="T-NET-03").update(type=ItemType.MULTIPLE)
    rng = random.Random(7)
    collaborations = [world.kalmar, world.boden]
    for code, town in (("1290", "Kristianstad"), ("2482", "Skellefteå"), ("1962", "Norberg")):
        collaborations.append(make_collaboration(code, town)[0])
    sizes = [40, 25, 12, 30, 3]
    for collaboration, size in zip(collaborations, sizes, strict=True):
        rounds = [make_round(collaboration, builtin)]
        if collaboration == world.kalmar:
            rounds.append(make_round(collaboration, copy_version))
        for index in range(size):
            make_response(rounds[index % len(rounds)], _answers(rng))
        make_response(rounds[0], _answers(rng), submitted=False)
    old = make_response(make_round(world.boden, builtin), {"T-NET-01": "1"})
    Response.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=800))
    return builtin.instrument


def _simple_counts(instrument, start, end, breakdown):
    """(item id, value, group) -> respondents, counted response by response."""
    own = Q(round__version__instrument=instrument)
    copies = Q(round__version__instrument__copied_from__instrument=instrument)
    responses = (Response.objects.filter(own | copies, submitted_at__isnull=False)).select_related(
        "round__collaboration__municipality"
    )
    items = list(instrument.published_version().items.all())
    counts = Counter()
    numbers = Counter()
    for response in responses:
        if not start <= timezone.localdate(response.submitted_at) <= end:
            continue
        group = breakdown.key_of(response.round.collaboration.municipality.code)
        given = {}
        for answer in Answer.objects.filter(response=response).select_related("item"):
            given.setdefault(answer.item.item_id, []).append(answer)
        for item in items:
            mine = given.get(item.item_id, [])
            if item.type == ItemType.MULTIPLE:
                values = [a.value for a in mine] or [NO_ANSWER]
            elif item.type == ItemType.NUMBER:
                values = ["number" if mine else NO_ANSWER]
                if mine:
                    numbers[(item.item_id, mine[0].number, group)] += 1
            elif item.type == ItemType.TEXT:
                values = [ANSWERED if mine and mine[0].text.strip() else NO_ANSWER]
            else:
                values = [mine[0].value if mine else NO_ANSWER]
            for value in values:
                for key in (group, TOTAL):
                    counts[(item.item_id, value, key)] += 1
    return counts, numbers


def test_national_figures_equal_a_simple_count_of_the_answers(world, answered):
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    results = national_results(answered, start=start, end=today)
    assert results.n == 110
    breakdown = results.breakdown("municipality")
    assert breakdown is not None and breakdown.merged  # Norberg's 3 go into "other"
    counts, numbers = _simple_counts(answered, start, today, breakdown)
    groups = [TOTAL, *[g.key for g in breakdown.groups]]
    for item in results.items:
        assert item.dims == ["municipality"], item.item_id
        for group in groups:
            for row in item.rows:
                cell = item.cube[(row.value, group)]
                if item.kind == "number" and not row.is_no_answer:
                    expected = sum(
                        n
                        for (item_id, number, g), n in numbers.items()
                        if item_id == item.item_id
                        and (g == group or group == TOTAL)
                        and row.value == _bin_label(item, number)
                    )
                else:
                    expected = counts[(item.item_id, row.value, group)]
                assert cell == expected, (item.item_id, row.value, group)
        if item.kind == "number":
            given = sorted(
                number
                for (item_id, number, _g), n in numbers.items()
                for _ in range(n)
                if item_id == item.item_id
            )
            assert sorted(item.numbers[(None, TOTAL)]) == given


def _bin_label(item, number):
    return next(label for label, low, high in item.bins if low <= number <= high)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("persona", ["nationell", "forskare"])
def test_the_national_page_makes_as_many_queries_whatever_the_answers(
    world, login_as, answered, persona
):
    client = login_as(getattr(world, persona))
    today = timezone.localdate()
    url = (
        reverse("surveys:national_results")
        + f"?instrument={answered.key}&start={today.replace(month=1, day=1)}&end={today}"
        + "&by=municipality"
    )
    _queries(client, url)  # the session, the second factor and the like settle first
    before = _queries(client, url)
    assert before > 10  # the page's own queries are counted
    rng = random.Random(8)
    collaboration, _partner = make_collaboration("0136", "Haninge")
    round_ = make_round(collaboration, answered.published_version())
    for _ in range(20):
        make_response(round_, _answers(rng))
    assert _queries(client, url) == before
