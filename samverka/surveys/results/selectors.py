"""A round's results, and a built-in instrument's national results, read from the database and
computed into controlled cubes (cached for a while); the free-text answers; rounds to compare."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samverka.lib import agebands
from samverka.orgs.models import Municipality
from samverka.surveys.instruments.models import CHOICE_TYPES, Instrument, Item, ItemType
from samverka.surveys.instruments.texts import text
from samverka.surveys.respond.models import Answer, Response
from samverka.surveys.results.breakdowns import (
    DIMENSIONS,
    MIN_GROUP,
    NATIONAL_DIMENSIONS,
    NO_ACTIVITY,
    Breakdown,
    Respondent,
    breakdowns_for,
)
from samverka.surveys.results.items import ItemResult, item_result_for
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

    `answers` maps item pk -> response pk -> [(value, number, text)].
    """
    language = results.language
    breakdowns, dims, sizes = breakdowns_for(respondents, names, dimensions)
    item_results = [
        item_result_for(
            item, respondents, answers.get(item.pk, {}), breakdowns, dims, language, sizes
        )
        for item in items
    ]
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
    """
    version = instrument.published_version() or instrument.latest_version()
    rows = national_rounds_responses(instrument, start, end).values_list(
        "pk", "language", "age_band", "round__collaboration__municipality__code"
    )
    respondents = [
        Respondent(pk, lang or "", NO_ACTIVITY, age or agebands.UNKNOWN, municipality=code)
        for pk, lang, age, code in rows
    ]
    sections = list(version.sections.order_by("position", "id")) if version else []
    results = RoundResults(
        round=None,
        n=len(respondents),
        language=language,
        breakdowns={},
        dims=[],
        sections=[SectionResult(text(s.title, language) or s.key, []) for s in sections],
        computed_at=timezone.now(),
    )
    if not results.enough or version is None:
        return results
    items = list(
        version.items.select_related("section")
        .prefetch_related("options")
        .order_by("section__position", "position", "id")
    )
    pk_of = {item.item_id: item.pk for item in items}
    wanted = {r.pk for r in respondents}
    answers: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for item_id, response_pk, value, number, answer_text in Answer.objects.filter(
        response__in=national_rounds_responses(instrument, start, end),
        item__item_id__in=list(pk_of),
    ).values_list("item__item_id", "response_id", "value", "number", "text"):
        if response_pk in wanted:
            answers[pk_of[item_id]][response_pk].append((value, number, answer_text))
    names = {
        "municipality": dict(
            Municipality.objects.filter(code__in={r.municipality for r in respondents}).values_list(
                "code", "name"
            )
        )
    }
    _fill(results, sections, items, respondents, answers, names, NATIONAL_DIMENSIONS)
    return results


def national_rounds_responses(instrument: Instrument, start: date, end: date):
    return Response.objects.filter(
        round__in=national_rounds(instrument),
        submitted_at__date__gte=start,
        submitted_at__date__lte=end,
    )


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
