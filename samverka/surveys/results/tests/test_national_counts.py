"""The national survey results are counted in the database: their figures equal a count done the
simple way, respondent by respondent over the answers, and the page's queries do not grow with
the answers. Whole months are read from the kept counts of the responses folded in
(`respond.counts`), the rest from the answers: the figures are the same for any period, before
and after a fold, after a send, an erasure or a round's deletion."""

import random
from collections import Counter
from datetime import date, datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_collaboration
from samverka.lib.disclosure import TOTAL
from samverka.participants.models import Household, Participant
from samverka.participants.services import participant_erase
from samverka.surveys.instruments.models import DONT_KNOW, ItemType
from samverka.surveys.instruments.services.versions import instrument_copy, version_publish
from samverka.surveys.respond import counts
from samverka.surveys.respond.models import Answer, AnswerCount, ChooserCount, Response
from samverka.surveys.results.items import ANSWERED, NO_ANSWER
from samverka.surveys.results.selectors import national_results
from samverka.surveys.rounds.models import Round
from samverka.surveys.rounds.services import round_close
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
        if breakdown is None:
            group = TOTAL
        else:
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
                for key in {group, TOTAL}:
                    counts[(item.item_id, value, key)] += 1
    return counts, numbers


def _sent(instrument, start, end) -> int:
    own = Q(round__version__instrument=instrument)
    copies = Q(round__version__instrument__copied_from__instrument=instrument)
    return sum(
        start <= timezone.localdate(sent) <= end
        for sent in Response.objects.filter(own | copies, submitted_at__isnull=False).values_list(
            "submitted_at", flat=True
        )
    )


def test_national_figures_equal_a_simple_count_of_the_answers(world, answered):
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    results = national_results(answered, start=start, end=today)
    assert results.n == 110
    breakdown = results.breakdown("municipality")
    assert breakdown is not None and breakdown.merged  # Norberg's 3 go into "other"
    _assert_a_simple_count(answered, start, today, results)


def _assert_a_simple_count(instrument, start, end, results=None):
    """The national results of the period equal a count response by response."""
    results = results or national_results(instrument, start=start, end=end)
    assert results.n == _sent(instrument, start, end)
    if not results.enough:
        assert not results.items
        return
    breakdown = results.breakdown("municipality")
    counts, numbers = _simple_counts(instrument, start, end, breakdown)
    groups = [TOTAL, *[g.key for g in breakdown.groups]] if breakdown else [TOTAL]
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


@pytest.mark.parametrize("folded", [False, True])
@pytest.mark.parametrize("persona", ["nationell", "forskare"])
def test_the_national_page_makes_as_many_queries_whatever_the_answers(
    world, login_as, answered, persona, folded
):
    if folded:
        counts.fold()
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
    if folded:
        assert counts.fold() == 20
    assert _queries(client, url) == before


def _spread_over_months(rng: random.Random) -> None:
    """The sent responses of the last year moved over the last 130 days, some a minute before
    or after midnight (the kept months are those of the local time zone)."""
    today = timezone.localdate()
    recent = Response.objects.filter(submitted_at__gte=timezone.now() - timedelta(days=400))
    for pk in recent.values_list("pk", flat=True):
        day = today - timedelta(days=rng.randint(0, 130))
        midnight = timezone.make_aware(datetime.combine(day, time.min))
        moment = midnight + rng.choice(
            [timedelta(minutes=1), timedelta(hours=12), timedelta(days=1, minutes=-1)]
        )
        Response.objects.filter(pk=pk).update(submitted_at=min(moment, timezone.now()))


def _periods() -> list[tuple[date, date]]:
    """Whole months, part months at either end, mid-month to mid-month, a day, nothing."""
    today = timezone.localdate()
    first = (today - timedelta(days=90)).replace(day=1)
    last = (today - timedelta(days=31)).replace(day=1) - timedelta(days=1)
    return [
        (today - timedelta(days=140), today),
        (first, last),  # whole months only
        (first + timedelta(days=1), last),
        (first, last - timedelta(days=1)),
        (today - timedelta(days=100), today - timedelta(days=20)),
        (today - timedelta(days=45), today - timedelta(days=45)),
        (today + timedelta(days=1), today + timedelta(days=40)),
    ]


@pytest.mark.parametrize("folded", ["none", "some rounds", "all"])
def test_any_period_folded_or_not_equals_a_simple_count(world, answered, folded):
    _spread_over_months(random.Random(11))
    if folded == "some rounds":
        kalmar = Round.objects.filter(collaboration=world.kalmar).values_list("pk", flat=True)
        assert counts.fold(kalmar) > 0
    elif folded == "all":
        call_command("fold_survey_answers", stdout=StringIO())
        assert not Response.objects.filter(submitted_at__isnull=False, folded=False).exists()
    call_command("rebuild_report_tables", "--check", stdout=StringIO())
    for start, end in _periods():
        _assert_a_simple_count(answered, start, end)


def _send(client, round_) -> Response:
    """A respondent answers the round's survey through its pages and sends it."""
    link = round_.links.get(organisation__isnull=True)
    client.post(reverse("surveys:respond", args=[link.code]), {"language": "sv"})
    response = Response.objects.filter(round=round_).latest("id")
    pages = [
        {"a-T-NET-01": "4", "a-T-NET-02": "5", "a-T-NET-03": "yes", "a-T-NET-04": "full"},
        {"a-T-ABT-01": ["school", "library"], "a-T-ABT-02": "35", "a-T-ABT-03": "Bra."},
    ]
    for page, data in enumerate(pages, start=1):
        url = reverse("surveys:respond_page", args=[link.code, response.token, page])
        client.post(url, {**data, "go": "next"})
    finish = reverse("surveys:respond_finish", args=[link.code, response.token])
    client.post(finish, {"participant_code": "", "go": "send"})
    response.refresh_from_db()
    assert response.submitted_at is not None
    return response


def _kept() -> list[tuple]:
    return sorted(AnswerCount.objects.values_list("round_id", "item_id", "value", "number", "n"))


def test_sending_folding_erasing_and_deleting_keep_the_figures_and_the_kept_counts_true(
    world, answered, client
):
    today = timezone.localdate()
    year = (today.replace(month=1, day=1), today)
    month = (today.replace(day=1), today)
    counts.fold()
    call_command("rebuild_report_tables", "--check", stdout=StringIO())
    _assert_a_simple_count(answered, *year)
    # A send writes no kept count: its answers are read as they are until a fold.
    kept = _kept()
    round_ = make_round(world.boden, answered.published_version())
    sent = [_send(client, round_) for _ in range(3)]
    assert not any(response.folded for response in sent)
    assert _kept() == kept
    for period in (year, month):
        _assert_a_simple_count(answered, *period)
    call_command("rebuild_report_tables", "--check", stdout=StringIO())
    # Closing the round folds its responses in.
    round_close(round=round_, by=world.boden_ngo)
    assert all(r.folded for r in Response.objects.filter(pk__in=[r.pk for r in sent]))
    assert _kept() != kept
    call_command("rebuild_report_tables", "--check", stdout=StringIO())
    _assert_a_simple_count(answered, *year)
    # Erasing a participant whose response is linked leaves the response, anonymous.
    household = Household.objects.create(collaboration=world.kalmar)
    person = Participant.objects.create(
        collaboration=world.kalmar, household=household, role="guardian", birth_year=1985
    )
    kalmar_round = Round.objects.filter(collaboration=world.kalmar).first()
    linked = make_response(kalmar_round, _answers(random.Random(3)), participant=person)
    counts.fold()
    participant_erase(participant=person, by=world.kalmar_ngo)
    assert Response.objects.filter(pk=linked.pk, participant=None).exists()
    call_command("rebuild_report_tables", "--check", stdout=StringIO())
    _assert_a_simple_count(answered, *year)
    # Deleting a round takes its kept counts with its answers.
    round_.delete()
    assert not AnswerCount.objects.filter(round_id=round_.pk).exists()
    call_command("rebuild_report_tables", "--check", stdout=StringIO())
    for period in (year, month):
        _assert_a_simple_count(answered, *period)


def test_rebuild_report_tables_repairs_the_kept_counts(world, answered):
    counts.fold()
    AnswerCount.objects.filter(pk=AnswerCount.objects.order_by("pk").first().pk).update(n=99)
    ChooserCount.objects.all().delete()
    with pytest.raises(CommandError, match="survey-count rows"):
        call_command("rebuild_report_tables", "--check", stdout=StringIO())
    make_response(Round.objects.filter(collaboration=world.boden).first(), {"T-NET-01": "2"})
    call_command("rebuild_report_tables", stdout=StringIO())
    assert not Response.objects.filter(submitted_at__isnull=False, folded=False).exists()
    call_command("rebuild_report_tables", "--check", stdout=StringIO())
    today = timezone.localdate()
    _assert_a_simple_count(answered, today.replace(month=1, day=1), today)
