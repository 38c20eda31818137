"""A round's results, and a built-in instrument's national results, read from the database and
computed into controlled cubes (cached for a while); the free-text answers; rounds to compare."""

from __future__ import annotations

import operator
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import reduce

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samverka.lib import agebands
from samverka.orgs.models import Collaboration, Municipality
from samverka.surveys.instruments.models import (
    CHOICE_TYPES,
    DONT_KNOW,
    Instrument,
    Item,
    ItemType,
)
from samverka.surveys.instruments.texts import text
from samverka.surveys.respond import counts
from samverka.surveys.respond.counts import prefixed
from samverka.surveys.respond.models import (
    Answer,
    AnswerCount,
    ChooserCount,
    RespondentCount,
    Response,
)
from samverka.surveys.results.breakdowns import (
    DIMENSIONS,
    MIN_GROUP,
    NATIONAL_DIMENSIONS,
    NO_ACTIVITY,
    Breakdown,
    Respondent,
    breakdowns_for,
)
from samverka.surveys.results.items import (
    ANSWERED,
    KIND_MULTIPLE,
    KIND_NUMBER,
    KIND_TEXT,
    NO_ANSWER,
    ItemResult,
    Tally,
    item_kind,
    item_result_for,
    option_values,
    tally_of,
)
from samverka.surveys.rounds.models import Round

MEASURE_LABELS = {
    "networks": _("Social participation and networks"),
    "participation": _("Social participation"),
    "housing": _("Housing"),
    "wellbeing": _("Wellbeing"),
    "who5": _("Wellbeing (WHO-5)"),
    "agency": _("Agency and empowerment"),
    "empowerment": _("Agency and empowerment"),
    "trust": _("Trust in society's actors"),
    "society": _("Understanding of society"),
    "activity": _("How the activity felt"),
    "feedback": _("Feedback on the activity"),
    # The partner survey (samverka/surveys/builtin/partner): what changed, whether it lasts,
    # its effects, and the four added values of collaboration with civil society.
    "change": _("Changes in the organisation"),
    "sustainability": _("Whether the changes last"),
    "effects": _("Effects"),
    "functional": _("Functional added value"),
    "altruistic": _("Altruistic added value"),
    "emotional": _("Emotional added value"),
    "social": _("Social added value"),
    # The child survey and the activity feedback.
    "belonging": _("Belonging"),
    "friends": _("Friends"),
    "learning": _("Learning"),
    "safety": _("Safety"),
    "voice": _("Being listened to"),
}


def measure_label(slug: str) -> str:
    label = MEASURE_LABELS.get(slug)
    return str(label) if label else slug.replace("-", " ").replace("_", " ").capitalize()


@dataclass
class SectionResult:
    title: str
    items: list[ItemResult]


@dataclass
class RoundResults:
    round: Round | None  # None for national results over many rounds
    n: int  # submitted responses (true count; shown only when `enough`)
    language: str
    breakdowns: dict[str, Breakdown]
    dims: list[str]
    sections: list[SectionResult]
    computed_at: object = None
    sizes: dict = field(default_factory=dict)  # respondents per group, controlled
    # National results: the rounds with a response in the period, and their collaborations.
    rounds_answered: int = 0
    collaborations_answered: int = 0

    @property
    def enough(self) -> bool:
        return self.n >= MIN_GROUP

    @property
    def preliminary(self) -> bool:
        return self.round is not None and self.round.state != "closed"

    @property
    def items(self) -> list[ItemResult]:
        return [item for section in self.sections for item in section.items]

    def item(self, item_id: str) -> ItemResult | None:
        return next((i for i in self.items if i.item_id == item_id), None)

    def breakdown(self, dimension: str | None) -> Breakdown | None:
        """The breakdown to show, or None when there is none or it is not possible."""
        if not dimension:
            return None
        breakdown = self.breakdowns.get(dimension)
        return breakdown if breakdown is not None and breakdown.available else None

    def measures(self) -> list[MeasureSummary]:
        """A line per measure: the mean of its scale items' published shares agreeing."""
        by_measure: dict[str, list[ItemResult]] = defaultdict(list)
        for item in self.items:
            if item.measure and item.is_scale:
                by_measure[item.measure].append(item)
        summaries = []
        for slug, items in by_measure.items():
            shares = [s for s in (i.share_agreeing() for i in items) if s is not None]
            summaries.append(
                MeasureSummary(
                    slug=slug,
                    label=measure_label(slug),
                    items=len(items),
                    shown=len(shares),
                    mean_share=statistics.fmean(shares) if shares else None,
                    lowest=min(shares) if shares else None,
                    highest=max(shares) if shares else None,
                )
            )
        return summaries


@dataclass
class MeasureSummary:
    slug: str
    label: str
    items: int
    shown: int
    mean_share: float | None
    lowest: float | None
    highest: float | None


def _respondents(round_: Round) -> list[Respondent]:
    rows = round_.responses.filter(submitted_at__isnull=False).values_list(
        "pk", "language", "activity__code", "age_band"
    )
    return [
        Respondent(pk, language or "", activity or NO_ACTIVITY, age or agebands.UNKNOWN)
        for pk, language, activity, age in rows
    ]


def round_results(round_: Round, *, language: str = "sv") -> RoundResults:
    """Every item's controlled cube for a round (nothing when fewer than 5 have answered)."""
    respondents = _respondents(round_)
    version = round_.version
    sections = list(version.sections.order_by("position", "id"))
    results = RoundResults(
        round=round_,
        n=len(respondents),
        language=language,
        breakdowns={},
        dims=[],
        sections=[],
        computed_at=timezone.now(),
    )
    if not results.enough:
        results.sections = [SectionResult(text(s.title, language) or s.key, []) for s in sections]
        return results

    items = list(
        version.items.select_related("section")
        .prefetch_related("options")
        .order_by("section__position", "position", "id")
    )
    answers = _answers(round_, [r.pk for r in respondents])
    activity_names = dict(
        round_.collaboration.activities.filter(
            code__in={r.activity for r in respondents}
        ).values_list("code", "name")
    )
    _fill(
        results,
        sections,
        items,
        respondents,
        {item.pk: answers.get(item.pk, {}) for item in items},
        {"activity": activity_names},
        DIMENSIONS,
    )
    return results


def _fill(results, sections, items, respondents, answers, names, dimensions) -> None:
    """Breakdowns, the respondents cube and every item's cube, into `results`.

    `answers` maps item pk -> response pk -> [(value, number, text)], or item pk -> the
    item's `Tally` already counted.
    """
    language = results.language
    breakdowns, dims, sizes = breakdowns_for(respondents, names, dimensions)
    item_results = []
    for item in items:
        tally = answers.get(item.pk, {})
        if not isinstance(tally, Tally):
            tally = tally_of(item, respondents, tally, dimensions)
        item_results.append(item_result_for(item, tally, breakdowns, dims, language, sizes))
    results.breakdowns = breakdowns
    results.dims = dims
    results.sizes = sizes
    by_section: dict[int, list[ItemResult]] = defaultdict(list)
    for item_result in item_results:
        by_section[item_result.item.section_id].append(item_result)
    results.sections = [
        SectionResult(text(s.title, results.language) or s.key, by_section.get(s.pk, []))
        for s in sections
    ]


def national_rounds(instrument: Instrument):
    """Rounds of every collaboration that use the instrument or a copy of it."""
    own = Q(version__instrument=instrument)
    copies = Q(version__instrument__copied_from__instrument=instrument)
    return Round.objects.filter(own | copies)


def national_results(
    instrument: Instrument, *, start: date, end: date, language: str = "sv"
) -> RoundResults:
    """A built-in instrument's items over all collaborations' rounds, by municipality.

    Answers submitted from `start` to `end` in rounds of the instrument or of a collaboration's
    copy of it count; items are matched by item id and answers by value (a copy's answer whose
    value the built-in item does not have counts as not answered). One cube per item over
    answer × municipality, controlled like a round's.

    Counted in the database: respondents per round, and answers per item, round, value and
    number (`_national_tallies`), so the work does not grow with the answers in Python; and
    for the months the period covers whole, from the kept counts of the responses folded in
    (`respond.counts`), so the database's work does not grow with them either (`_period`).
    """
    version = instrument.published_version() or instrument.latest_version()
    rounds, collaboration_of = {}, {}
    for pk, code, collaboration_pk in national_rounds(instrument).values_list(
        "pk", "collaboration__municipality__code", "collaboration_id"
    ):
        rounds[pk] = code
        collaboration_of[pk] = collaboration_pk
    period = _period(start, end)
    round_pks = list(rounds)
    per_round = _summed(
        [
            RespondentCount.objects.filter(round__in=round_pks, month__in=period.months).values(
                round_pk=F("round_id"), version_pk=F("version_id"), total=F("n")
            ),
            Response.objects.filter(period.raw, round__in=round_pks)
            .values(round_pk=F("round_id"), version_pk=F("version_id"))
            .annotate(total=Count("pk")),
        ],
        ["round_pk", "version_pk"],
        ["total"],
    )
    by_municipality: dict = defaultdict(int)
    answered_rounds, versions = set(), set()  # the versions the responses answered
    for round_pk, version_pk, n in per_round:
        by_municipality[rounds[round_pk]] += n
        answered_rounds.add(round_pk)
        versions.add(version_pk)
    # One Respondent per municipality standing for its respondents (`Respondent.weight`).
    respondents = [
        Respondent(0, "", NO_ACTIVITY, agebands.UNKNOWN, municipality=code, weight=n)
        for code, n in by_municipality.items()
    ]
    sections = list(version.sections.order_by("position", "id")) if version else []
    results = RoundResults(
        round=None,
        n=sum(by_municipality.values()),
        language=language,
        breakdowns={},
        dims=[],
        sections=[SectionResult(text(s.title, language) or s.key, []) for s in sections],
        computed_at=timezone.now(),
        rounds_answered=len(answered_rounds),
        collaborations_answered=len({collaboration_of[pk] for pk in answered_rounds}),
    )
    if not results.enough or version is None:
        return results
    items = list(
        version.items.select_related("section")
        .prefetch_related("options")
        .order_by("section__position", "position", "id")
    )
    tallies = _national_tallies(items, rounds, versions, by_municipality, period)
    names = {
        "municipality": dict(
            Municipality.objects.filter(code__in=set(by_municipality)).values_list("code", "name")
        )
    }
    _fill(results, sections, items, respondents, tallies, names, NATIONAL_DIMENSIONS)
    return results


def _national_tallies(items, rounds, versions, sizes, period: _Period) -> dict[int, Tally]:
    """Each built-in item's `Tally` by municipality, counted in the database.

    `rounds` maps round pk -> municipality code, `versions` holds the responses' versions,
    `sizes` maps municipality -> respondents, `period` the months read from the kept counts
    and the responses whose answers are read one by one.
    Answers are counted per source item (the built-in item or a copy's item with its item id),
    round, value and number, and whether a text was written. That counts respondents, since
    the survey saves at most one answer per item and response except for multiple choice
    (`respond.forms.read_item`), a multiple-choice answer at most once per option (the
    Answer's unique constraint) and texts stripped. Multiple choice's "not answered" is the
    group less the respondents who chose any of the item's options, counted apart: the kept
    choosers (responses with any answer to the item) where every value the period's answers
    to that source item hold is one of the built-in item's options, else DISTINCT over the
    answers. A built-in item whose copies made it multiple choice while it is not is counted
    respondent by respondent, as a round's results are (`tally_of`).
    """
    by_item_id = {item.item_id: item for item in items}
    source: dict[int, int] = {}  # source item pk -> built-in item pk
    respondent_by_respondent = set()
    for pk, item_id, type_ in Item.objects.filter(
        version__in=list(versions), item_id__in=list(by_item_id)
    ).values_list("pk", "item_id", "type"):
        item = by_item_id[item_id]
        source[pk] = item.pk
        if type_ == ItemType.MULTIPLE and item.type != ItemType.MULTIPLE:
            respondent_by_respondent.add(item.pk)
    dimensions = NATIONAL_DIMENSIONS
    tallies = {item.pk: Tally(dimensions) for item in items}
    kinds = {item.pk: item_kind(item) for item in items}
    valid = {item.pk: option_values(item) - {NO_ANSWER} for item in items}
    answered: dict[tuple, int] = defaultdict(int)  # (item pk, municipality) -> respondents
    round_pks = list(rounds)
    counted = [pk for pk, item_pk in source.items() if item_pk not in respondent_by_respondent]
    answer_keys = {
        "source_pk": F("item_id"),
        "answer": F("value"),
        "given": F("number"),
    }
    rows = _summed(
        [
            AnswerCount.objects.filter(
                item__in=counted, round__in=round_pks, month__in=period.months
            ).values(round_pk=F("round_id"), **answer_keys, wrote_n=F("wrote"), total=F("n")),
            Answer.objects.filter(
                prefixed(period.raw, "response__"), item__in=counted, response__round__in=round_pks
            )
            .values(round_pk=F("response__round_id"), **answer_keys)
            .annotate(wrote_n=Count("pk", filter=~Q(text="")), total=Count("pk")),
        ],
        list(answer_keys),
        ["wrote_n", "total"],
        by_municipality=True,
    )
    seen: dict[int, set] = defaultdict(set)  # source item pk -> the values answered
    for source_pk, value, number, code, wrote, n in rows:
        item_pk = source[source_pk]
        tally, kind = tallies[item_pk], kinds[item_pk]
        seen[source_pk].add(value)
        if kind == KIND_NUMBER:
            if number is not None:
                tally.numbers[(number, code)] += n
            elif value == DONT_KNOW:
                tally.counts[(DONT_KNOW, code)] += n
            else:
                continue
            answered[(item_pk, code)] += n
        elif kind == KIND_TEXT:
            if wrote:
                tally.counts[(ANSWERED, code)] += wrote
                answered[(item_pk, code)] += wrote
        elif value in valid[item_pk]:
            tally.counts[(value, code)] += n
            if kind != KIND_MULTIPLE:
                answered[(item_pk, code)] += n
    # Multiple choice: the kept choosers count a response with any answer to the item, which
    # are the ones choosing a counted option only when every value given is one.
    kept, raw = [], []  # source pks read from the kept choosers; what is read from answers
    for item_pk, values in valid.items():
        if kinds[item_pk] != KIND_MULTIPLE or not values:
            continue
        pks = [pk for pk, of in source.items() if of == item_pk]
        clean = [pk for pk in pks if seen[pk] <= values]
        kept.extend(clean)
        raw.append(Q(item__in=clean, value__in=values) & prefixed(period.raw, "response__"))
        raw.append(
            Q(
                item__in=[pk for pk in pks if not seen[pk] <= values],
                value__in=values,
                response__submitted_at__gte=period.first,
                response__submitted_at__lt=period.after,
            )
        )
    if raw:
        choosers = _summed(
            [
                ChooserCount.objects.filter(
                    item__in=kept, round__in=round_pks, month__in=period.months
                ).values(source_pk=F("item_id"), round_pk=F("round_id"), total=F("n")),
                Answer.objects.filter(reduce(operator.or_, raw), response__round__in=round_pks)
                .values(source_pk=F("item_id"), round_pk=F("response__round_id"))
                .annotate(total=Count("response_id", distinct=True)),
            ],
            ["source_pk"],
            ["total"],
            by_municipality=True,
        )
        for source_pk, code, n in choosers:
            answered[(source[source_pk], code)] += n
    for item_pk, tally in tallies.items():
        if item_pk in respondent_by_respondent:
            continue
        for code, size in sizes.items():
            missing = size - answered[(item_pk, code)]
            if missing:
                tally.counts[(NO_ANSWER, code)] += missing
    if respondent_by_respondent:
        sent = {"submitted_at__gte": period.first, "submitted_at__lt": period.after}
        respondents = [
            Respondent(pk, "", NO_ACTIVITY, agebands.UNKNOWN, municipality=rounds[round_pk])
            for pk, round_pk in Response.objects.filter(round__in=round_pks, **sent).values_list(
                "pk", "round_id"
            )
        ]
        answers: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
        for source_pk, response_pk, value, number, answer_text in Answer.objects.filter(
            item__in=[pk for pk, of in source.items() if of in respondent_by_respondent],
            response__round__in=round_pks,
            **{f"response__{name}": moment for name, moment in sent.items()},
        ).values_list("item_id", "response_id", "value", "number", "text"):
            answers[source[source_pk]][response_pk].append((value, number, answer_text))
        for item in items:
            if item.pk in respondent_by_respondent:
                tallies[item.pk] = tally_of(item, respondents, answers[item.pk], dimensions)
    return tallies


def _summed(parts, keys: list[str], sums: list[str], *, by_municipality=False) -> list[tuple]:
    """The rows of `parts` (querysets with the same columns in the same order: `round_pk`,
    `keys` and the counts `sums`; kept counts or aggregates of answers), taken together and
    summed in the database, in one statement
    (one snapshot: a fold moving responses into the kept counts between two reads would count
    them twice or not at all): [(*keys, *sums)] per round (`round_pk` among the keys), or
    with `by_municipality` [(*keys, municipality code, *sums)].

    Nationally there are a few thousand rounds but a few hundred municipalities: the rows that
    reach Python are those of the municipalities. The parts are querysets (their tenant scope
    and database included); only the union and the outer sum are written out here.
    """
    inner, params = [], []
    for part in parts:
        try:
            sql, part_params = part.order_by().query.sql_with_params()
        except EmptyResultSet:  # nothing to count (no item or month matched)
            continue
        inner.append(sql)
        params.extend(part_params)
    if not inner:
        return []
    database = parts[0].db
    q = connections[database].ops.quote_name
    summed = ", ".join(f"CAST(SUM(t.{q(name)}) AS BIGINT)" for name in sums)
    union = " UNION ALL ".join(inner)
    if by_municipality:
        columns = ", ".join(f"t.{q(key)}" for key in keys)
        rounds, collaborations, municipalities = (
            q(model._meta.db_table) for model in (Round, Collaboration, Municipality)
        )
        sql = (
            f"SELECT {columns}, m.{q('code')}, {summed} FROM ({union}) t "  # noqa: S608
            f"JOIN {rounds} r ON r.{q('id')} = t.{q('round_pk')} "
            f"JOIN {collaborations} c ON c.{q('id')} = r.{q('collaboration_id')} "
            f"LEFT JOIN {municipalities} m ON m.{q('id')} = c.{q('municipality_id')} "
            f"GROUP BY {columns}, m.{q('code')}"
        )
    else:
        columns = ", ".join(f"t.{q(key)}" for key in keys)
        sql = f"SELECT {columns}, {summed} FROM ({union}) t GROUP BY {columns}"  # noqa: S608
    with connections[database].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True)
class _Period:
    """The responses sent from `start` to `end`, read in two disjoint parts: the kept counts
    of the calendar months the period covers whole (`months`, as in `respond.counts`: the
    responses folded in), and the answers of the responses in `raw` (sent on the days of a
    month it covers in part, or not folded in yet)."""

    months: list[int]
    raw: Q
    first: datetime  # the period as a range of times
    after: datetime


def _period(start: date, end: date) -> _Period:
    sent = sent_between(start, end)
    first, after = sent["submitted_at__gte"], sent["submitted_at__lt"]
    whole_from = start if start.day == 1 else _month_after(start)
    day_after = end + timedelta(days=1)
    whole_to = day_after if day_after.day == 1 else end.replace(day=1)  # exclusive
    months = []
    # The kept months are those of settings.TIME_ZONE; in another zone the days read raw.
    if whole_from < whole_to and timezone.get_current_timezone_name() == counts.zone().key:
        month = whole_from
        while month < whole_to:
            months.append(month.year * 100 + month.month)
            month = _month_after(month)
    if not months:
        return _Period([], Q(**sent), first, after)
    zone = timezone.get_current_timezone()
    kept_from = timezone.make_aware(datetime.combine(whole_from, time.min), zone)
    kept_to = timezone.make_aware(datetime.combine(whole_to, time.min), zone)
    raw = (
        Q(submitted_at__gte=first, submitted_at__lt=kept_from)
        | Q(submitted_at__gte=kept_to, submitted_at__lt=after)
        | Q(folded=False, submitted_at__gte=kept_from, submitted_at__lt=kept_to)
    )
    return _Period(months, raw, first, after)


def _month_after(day: date) -> date:
    """The first day of the month after `day`'s."""
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def sent_between(start: date, end: date, prefix: str = "") -> dict:
    """The filter of responses sent from `start` to `end` (the days of the current time zone),
    as a range of times: the same responses as `submitted_at__date__gte=start` and
    `__lte=end`, but the database can estimate (and index) a range of the column itself."""
    zone = timezone.get_current_timezone()
    first = timezone.make_aware(datetime.combine(start, time.min), zone)
    after = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), zone)
    return {f"{prefix}submitted_at__gte": first, f"{prefix}submitted_at__lt": after}


CACHE_SECONDS = 600


def cached_round_results(round_: Round, *, language: str = "sv") -> RoundResults:
    """`round_results`, kept for a while: controlling every item's cube takes a moment.

    The key holds what the figures depend on – the submitted responses (count, last one) and
    the interface language of the labels – so a new answer means new figures at once.
    """
    stamp = round_.responses.filter(submitted_at__isnull=False).aggregate(
        n=Count("pk"), last_pk=Max("pk"), last=Max("submitted_at")
    )
    last = stamp["last"].isoformat() if stamp["last"] else "-"
    key = ":".join(
        str(part)
        for part in (
            "surveys-results",
            round_.code,
            round_.version_id,
            stamp["n"],
            stamp["last_pk"],
            last,
            language,
            get_language() or "",
        )
    )
    results = cache.get(key)
    if results is None:
        results = round_results(round_, language=language)
        cache.set(key, results, CACHE_SECONDS)
    results.round = round_  # the round's own state (open, closed) is read fresh
    return results


def _answers(round_: Round, respondent_ids: list[int]) -> dict[int, dict[int, list]]:
    """item pk -> response pk -> [Answer values], for submitted responses."""
    rows = Answer.objects.filter(
        response__round=round_, response__submitted_at__isnull=False
    ).values_list("item_id", "response_id", "value", "number", "text")
    wanted = set(respondent_ids)
    result: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for item_pk, response_pk, value, number, answer_text in rows:
        if response_pk in wanted:
            result[item_pk][response_pk].append((value, number, answer_text))
    return result


@dataclass
class FreeText:
    item: Item
    question: str
    answers: list[str]


def free_text_answers(round_: Round, *, language: str = "sv") -> list[FreeText]:
    """Each text item's answers from submitted responses, sorted by their text.

    Never by time, and without language, respondent or participant: nothing beside an answer
    links it to a person.
    """
    items = list(
        round_.version.items.filter(type=ItemType.TEXT).order_by(
            "section__position", "position", "id"
        )
    )
    texts: dict[int, list[str]] = defaultdict(list)
    rows = Answer.objects.filter(
        item__in=items, response__round=round_, response__submitted_at__isnull=False
    ).values_list("item_id", "text")
    for item_pk, answer_text in rows:
        if answer_text and answer_text.strip():
            texts[item_pk].append(answer_text.strip())
    return [
        FreeText(
            item=item,
            question=text(item.text, language) or item.item_id,
            answers=sorted(texts.get(item.pk, []), key=lambda t: (t.casefold(), t)),
        )
        for item in items
    ]


def submitted_count(round_: Round) -> int:
    return round_.responses.filter(submitted_at__isnull=False).count()


def comparable_rounds(round_: Round) -> list[Round]:
    """Open or closed rounds of the same collaboration with the same instrument, or whose
    version shares item ids with this round's version (copies keep their item ids)."""
    item_ids = list(
        round_.version.items.filter(type__in=list(CHOICE_TYPES)).values_list("item_id", flat=True)
    )
    today = timezone.localdate()
    return list(
        round_.collaboration.survey_rounds.filter(opens_on__lte=today)
        .exclude(pk=round_.pk)
        .filter(
            Q(version__instrument_id=round_.version.instrument_id)
            | Q(version__items__item_id__in=item_ids, version__items__type__in=list(CHOICE_TYPES))
        )
        .select_related("version__instrument")
        .distinct()
        .order_by("-opens_on", "-id")
    )
