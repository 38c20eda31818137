"""Survey results: counts per item, option and group, all through the one disclosure control.

Pure computation from the database; no request, no template.

Only submitted responses count. A round with fewer than five of them has no results at all.

The rule (issue 4): groups with fewer than five answers are never broken down. It is applied
with the project's one disclosure-control function (`lib.disclosure.disclosure_control`,
shared with the funder count) to the cube of respondents per breakdown group:

    language group × activity group × age-band group

Breakdown groups with fewer than five respondents are never shown on their own: they are merged
into "other" (with the next-smallest group while "other" is still below five), and if the control
hides any group size (a secondary suppression), that group is merged as well and everything is
computed again. So every column that is shown – the whole round or one group – has at least five
respondents and a published size, and no hidden group can be worked out from the shown ones.

Within a shown group the answers are counted exactly (`full_table`: every item gets ONE cube of
answer × the breakdown dimensions, and every view – the distribution, each breakdown, the
exports, the printable summary, each round's side of a comparison – is a slice of it). Cells
are not suppressed one by one: a group of at least five anonymous respondents is the unit of
protection, as the issue asks, and suppressing cells as well would hide most of a typical round
of 20–40 answers. Cross-tabulations of two breakdowns are never shown.

The answer dimension always holds "not answered" (submitted, but this item was skipped or not
asked), so the margins over the answers are the same group sizes in every item's cube.
Multiple choice counts, per option, the respondents who chose it.

Derived figures need a base of at least five. "Don't know" (models.DONT_KNOW) is its own row,
never in a mean or a share.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samverka.lib import agebands
from samverka.lib.disclosure import THRESHOLD, TOTAL, disclosure_control, full_table
from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS
from samverka.orgs.models import Municipality
from samverka.surveys.instruments.texts import text
from samverka.surveys.models import (
    CHOICE_TYPES,
    DONT_KNOW,
    Answer,
    Instrument,
    Item,
    ItemType,
    Response,
    Round,
)

MIN_GROUP = THRESHOLD  # the smallest group or base a figure is shown for
NO_ANSWER = "_no_answer"
CHOSEN = "_chosen"
NOT_CHOSEN = "_not_chosen"
ANSWERED = "_answered"
OTHER = "_other"
NO_ACTIVITY = "_none"
AGREE_VALUES = ("4", "5")
SCALE_VALUES = ("1", "2", "3", "4", "5")

DIMENSIONS = ("language", "activity", "age_band")
NATIONAL_DIMENSIONS = ("municipality",)
DIMENSION_LABELS = {
    "language": _("Language"),
    "activity": _("Activity"),
    "age_band": _("Age band"),
    "municipality": _("Municipality"),
}

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
}


def measure_label(slug: str) -> str:
    label = MEASURE_LABELS.get(slug)
    return str(label) if label else slug.replace("-", " ").replace("_", " ").capitalize()


def interface_language(language_code: str | None) -> str:
    """Item texts follow the staff interface: English when it is English, else Swedish."""
    return "en" if (language_code or "").startswith("en") else "sv"


# ----------------------------------------------------------------------------- respondents


@dataclass(frozen=True)
class Respondent:
    pk: int
    language: str
    activity: str
    age_band: str
    municipality: str = ""

    def group(self, dimension: str) -> str:
        return getattr(self, dimension)


def _respondents(round_: Round) -> list[Respondent]:
    rows = round_.responses.filter(submitted_at__isnull=False).values_list(
        "pk", "language", "activity__code", "age_band"
    )
    return [
        Respondent(pk, language or "", activity or NO_ACTIVITY, age or agebands.UNKNOWN)
        for pk, language, activity, age in rows
    ]


# ------------------------------------------------------------------------------- breakdowns


@dataclass(frozen=True)
class Group:
    key: str
    label: str


@dataclass
class Breakdown:
    """The groups of one dimension as shown: small ones merged into OTHER."""

    dimension: str
    groups: list[Group]
    mapping: dict[str, str]  # raw value -> shown group key
    merged: bool

    @property
    def available(self) -> bool:
        return len(self.groups) >= 2

    @property
    def label(self) -> str:
        return str(DIMENSION_LABELS[self.dimension])

    def key_of(self, raw: str) -> str:
        return self.mapping[raw]

    def group_label(self, key: str) -> str:
        return next((g.label for g in self.groups if g.key == key), key)


def _raw_order(dimension: str, raws: Iterable[str], names: dict[str, dict]) -> list[str]:
    raws = set(raws)
    if dimension == "language":
        known = [code for code in LANGUAGE_CODES if code in raws]
        return known + sorted(raws - set(known))
    if dimension == "age_band":
        known = [band for band in [*settings.AGE_BANDS, agebands.UNKNOWN] if band in raws]
        return known + sorted(raws - set(known))
    known = names.get(dimension, {})
    named = sorted((r for r in raws if r != NO_ACTIVITY), key=lambda r: known.get(r, r))
    return named + ([NO_ACTIVITY] if NO_ACTIVITY in raws else [])


def _raw_label(dimension: str, raw: str, names: dict[str, dict]) -> str:
    if raw == OTHER:
        return str(_("Other (small groups together)"))
    if dimension == "language":
        return str(LANGUAGE_LABELS.get(raw, raw))
    if dimension == "age_band":
        return str(_("Age unknown")) if raw == agebands.UNKNOWN else raw.replace("-", "–")
    if raw == NO_ACTIVITY:
        return str(_("No activity given"))
    return names.get(dimension, {}).get(raw, raw)


def _breakdown(
    dimension: str,
    respondents: list[Respondent],
    names: dict[str, dict],
    forced_other: frozenset[str] = frozenset(),
) -> Breakdown:
    sizes = Counter(r.group(dimension) for r in respondents)
    order = _raw_order(dimension, sizes, names)
    into_other = {raw for raw in order if sizes[raw] < MIN_GROUP or raw in forced_other}
    other = sum(sizes[raw] for raw in into_other)
    kept = sorted((raw for raw in order if raw not in into_other), key=lambda r: (sizes[r], r))
    while kept and 0 < other < MIN_GROUP:
        smallest = kept.pop(0)
        into_other.add(smallest)
        other += sizes[smallest]
    groups = [
        Group(raw, _raw_label(dimension, raw, names)) for raw in order if raw not in into_other
    ]
    if other:
        groups.append(Group(OTHER, _raw_label(dimension, OTHER, names)))
    mapping = {raw: (OTHER if raw in into_other else raw) for raw in order}
    return Breakdown(dimension, groups, mapping, merged=bool(into_other))


# ------------------------------------------------------------------------------------ items


@dataclass(frozen=True)
class Row:
    """One row of an item's distribution: an option, "don't know", a bin or "not answered"."""

    value: str
    label: str
    kind: str = "option"  # option | dk | no_answer

    @property
    def is_dk(self) -> bool:
        return self.kind == "dk"

    @property
    def is_no_answer(self) -> bool:
        return self.kind == "no_answer"


KIND_SCALE = "scale"
KIND_CHOICE = "choice"
KIND_MULTIPLE = "multiple"
KIND_NUMBER = "number"
KIND_TEXT = "text"


def item_kind(item: Item) -> str:
    if item.type in (ItemType.AGREEMENT, ItemType.FACES):
        return KIND_SCALE
    if item.type == ItemType.MULTIPLE:
        return KIND_MULTIPLE
    if item.type in CHOICE_TYPES:
        return KIND_CHOICE
    if item.type == ItemType.NUMBER:
        return KIND_NUMBER
    return KIND_TEXT


@dataclass
class NumberStats:
    n: int
    mean: float | None
    median: float | None


@dataclass
class ItemResult:
    item: Item
    question: str
    kind: str
    rows: list[Row]
    dims: list[str]  # breakdown dimensions in the cube, in order
    cube: dict = field(default_factory=dict)  # answer values x groups
    sizes: dict = field(default_factory=dict)  # the round's respondents cube (groups only)
    size_dims: list[str] = field(default_factory=list)  # the dimensions of `sizes`
    numbers: dict[tuple, list[int]] = field(default_factory=dict)  # (dim, group) -> numbers
    bins: list[tuple[str, int, int]] = field(default_factory=list)  # number items

    @property
    def item_id(self) -> str:
        return self.item.item_id

    @property
    def measure(self) -> str:
        return self.item.measure

    @property
    def is_scale(self) -> bool:
        return self.kind == KIND_SCALE

    @property
    def has_distribution(self) -> bool:
        return self.kind in (KIND_SCALE, KIND_CHOICE, KIND_MULTIPLE, KIND_NUMBER)

    @property
    def answer_rows(self) -> list[Row]:
        """Rows that are answers (options, bins, "don't know"), without "not answered"."""
        return [row for row in self.rows if not row.is_no_answer]

    def has_dimension(self, dimension: str | None) -> bool:
        """Whether this item can be broken down by `dimension` (None: no breakdown)."""
        return dimension is None or dimension in self.dims

    # --- cells ----------------------------------------------------------------------------
    def _key(self, first: str, dimension: str | None, group: str) -> tuple:
        if not self.has_dimension(dimension):
            raise KeyError(f"{self.item_id} is not broken down by {dimension}")
        return (first, *[(group if d == dimension else TOTAL) for d in self.dims])

    def _group_key(self, dimension: str | None, group: str) -> tuple:
        return tuple((group if d == dimension else TOTAL) for d in self.size_dims)

    def group_size(self, dimension: str | None = None, group: str = TOTAL) -> int | None:
        """Respondents in the group, as published (from the round's respondents cube)."""
        return self.sizes[self._group_key(dimension, group)]

    def count(self, value: str, dimension: str | None = None, group: str = TOTAL) -> int | None:
        """Respondents who gave `value` (for multiple choice: who chose it), None if hidden.

        An item answered by fewer than five people in the group (a follow-up question, say)
        shows no answer counts there: only how many did not answer it.
        """
        count = self.cube[self._key(value, dimension, group)]
        if value == NO_ANSWER or count is None:
            return count
        size = self.group_size(dimension, group)
        missing = self.cube[self._key(NO_ANSWER, dimension, group)]
        if size is None or missing is None or size - missing < MIN_GROUP:
            return None
        return count

    def no_answer(self, dimension: str | None = None, group: str = TOTAL) -> int | None:
        return self.count(NO_ANSWER, dimension, group)

    def answered(self, dimension: str | None = None, group: str = TOTAL) -> int | None:
        """Respondents who answered the item (don't know included), if it can be shown."""
        if self.kind != KIND_MULTIPLE:
            total = _visible_sum(
                self.count(row.value, dimension, group) for row in self.answer_rows
            )
            if total is not None:
                return total
        size, missing = self.group_size(dimension, group), self.no_answer(dimension, group)
        if size is None or missing is None:
            return None
        return size - missing

    def base(self, dimension: str | None = None, group: str = TOTAL) -> int | None:
        """Answers other than "don't know": the base of shares agreeing and means."""
        if self.kind != KIND_MULTIPLE:
            rows = [row for row in self.answer_rows if not row.is_dk]
            total = _visible_sum(self.count(row.value, dimension, group) for row in rows)
            if total is not None:
                return total
        answered = self.answered(dimension, group)
        if not any(row.is_dk for row in self.rows):
            return answered
        dk = self.count(DONT_KNOW, dimension, group)
        if answered is None or dk is None:
            return None
        return answered - dk

    # --- derived figures ----------------------------------------------------------------------
    def percent(self, value: str, dimension: str | None = None, group: str = TOTAL) -> float | None:
        """Share of those who answered the item, when the count and a base of 5+ are shown."""
        count, answered = self.count(value, dimension, group), self.answered(dimension, group)
        if count is None or answered is None or answered < MIN_GROUP:
            return None
        return 100.0 * count / answered

    def share_agreeing(self, dimension: str | None = None, group: str = TOTAL) -> float | None:
        """Share answering 4 or 5 among those who did not answer "don't know"."""
        if not self.is_scale:
            return None
        agreeing = _visible_sum(self.count(v, dimension, group) for v in AGREE_VALUES)
        base = self.base(dimension, group)
        if agreeing is None or base is None or base < MIN_GROUP:
            return None
        return 100.0 * agreeing / base

    def mean(self, dimension: str | None = None, group: str = TOTAL) -> float | None:
        """Mean on the 1–5 scale: only when every scale point's count is shown."""
        if self.is_scale:
            counts = [self.count(v, dimension, group) for v in SCALE_VALUES]
            if None in counts or sum(counts) < MIN_GROUP:
                return None
            return sum(int(v) * c for v, c in zip(SCALE_VALUES, counts, strict=True)) / sum(counts)
        if self.kind == KIND_NUMBER:
            stats = self.number_stats(dimension, group)
            return stats.mean if stats else None
        return None

    def number_stats(self, dimension: str | None = None, group: str = TOTAL) -> NumberStats | None:
        """n, mean and median of a number item.

        Shown for a group only when its count of numbers is published and at least five, and –
        for a breakdown – only when that holds for every group of the dimension, so that no
        group's sum can be worked out from the others and the total.
        """
        if self.kind != KIND_NUMBER or not self.has_dimension(dimension):
            return None
        if dimension is not None:
            for other in self._groups_of(dimension):
                if not self._numbers_shown(dimension, other):
                    return None
        if not self._numbers_shown(dimension, group):
            return None
        numbers = self.numbers.get((dimension, group), [])
        return NumberStats(
            n=len(numbers), mean=statistics.fmean(numbers), median=statistics.median(numbers)
        )

    def _numbers_shown(self, dimension, group) -> bool:
        n = self.base(dimension, group)
        return (
            n is not None and n >= MIN_GROUP and n == len(self.numbers.get((dimension, group), []))
        )

    def _groups_of(self, dimension: str) -> list[str]:
        index = self.dims.index(dimension) + 1
        return sorted({key[index] for key in self.cube if key[index] != TOTAL})

    def hidden_margins(self, breakdowns: dict[str, Breakdown]) -> list[tuple[str, str]]:
        """Group sizes (margins over the answers) this cube hides: (dimension, group).

        Multiple choice is left out: a respondent may choose several options, so the margins
        of its cube count choices, not people.
        """
        if self.kind == KIND_MULTIPLE:
            return []
        return _hidden_group_margins(self.cube, self.dims, breakdowns, prefix=(TOTAL,))


def _hidden_group_margins(cube, dims, breakdowns, prefix=()) -> list[tuple[str, str]]:
    hidden = []
    if cube[(*prefix, *[TOTAL] * len(dims))] is None:
        hidden.append(("", TOTAL))
    for index, dimension in enumerate(dims):
        for group in breakdowns[dimension].groups:
            key = [TOTAL] * len(dims)
            key[index] = group.key
            if cube[(*prefix, *key)] is None:
                hidden.append((dimension, group.key))
    return hidden


def _visible_sum(values: Iterable[int | None]) -> int | None:
    values = list(values)
    return None if None in values else sum(values)


def _number_bins(item: Item, numbers: list[int]) -> list[tuple[str, int, int]]:
    """Bins of equal, round width (1, 2, 5, 10, 20, 25, 50 …) over the answers' range."""
    if not numbers:
        return []
    low, high = min(numbers), max(numbers)
    if item.number_min is not None:
        low = max(low, item.number_min)
    if item.number_max is not None:
        high = min(high, item.number_max)
    span = max(high - low + 1, 1)
    width = 1
    for candidate in _nice_widths():
        if math.ceil(span / candidate) <= 8:
            width = candidate
            break
    start = (low // width) * width
    bins = []
    while start <= high:
        end = start + width - 1
        label = str(start) if width == 1 else f"{start}–{end}"
        bins.append((label, start, end))
        start += width
    return bins


def _nice_widths():
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            yield factor * magnitude
        if magnitude >= 10:
            yield 25 * magnitude // 10
        magnitude *= 10


def _bin_of(bins, number: int) -> str | None:
    for label, low, high in bins:
        if low <= number <= high:
            return label
    if bins and number < bins[0][1]:
        return bins[0][0]
    return bins[-1][0] if bins else None


# ------------------------------------------------------------------------------------ round


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
    breakdowns, dims, sizes = _breakdowns(respondents, names, dimensions)
    item_results = [
        _item_result(item, respondents, answers.get(item.pk, {}), breakdowns, dims, language, sizes)
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


def _breakdowns(respondents, names, dimensions=DIMENSIONS):
    """The breakdown groups and the controlled cube of respondents per group.

    The group sizes are published (the "n" of each column), so the cube must show every
    one-way margin. A group whose size the control hides is merged into "other" and the cube
    computed again; each pass merges one more group, and a cube without breakdowns shows its
    total, so this ends.
    """
    forced: dict[str, set[str]] = defaultdict(set)
    while True:
        breakdowns = {
            d: _breakdown(d, respondents, names, frozenset(forced[d])) for d in dimensions
        }
        dims = [d for d in dimensions if breakdowns[d].available]
        sizes = _respondents_cube(respondents, breakdowns, dims)
        hidden = _hidden_group_margins(sizes, dims, breakdowns) if dims else []
        if not hidden:
            return breakdowns, dims, sizes
        dimension, group = hidden[0]
        if not dimension:
            forced.update({d: {r.group(d) for r in respondents} for d in dimensions})
            continue
        breakdown = breakdowns[dimension]
        if group == OTHER:
            counts = Counter(breakdown.key_of(r.group(dimension)) for r in respondents)
            real = [g.key for g in breakdown.groups if g.key != OTHER]
            group = min(real, key=lambda k: (counts[k], k))
        forced[dimension].add(group)


def _respondents_cube(respondents, breakdowns, dims) -> dict:
    """Respondents per combination of groups: the group sizes every item cube shares."""
    counts = Counter(tuple(breakdowns[d].key_of(r.group(d)) for d in dims) for r in respondents)
    if not dims:
        return {(): len(respondents)} if respondents else {(): 0}
    return disclosure_control(dict(counts), [[g.key for g in breakdowns[d].groups] for d in dims])


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


def _rows(item: Item, kind: str, language: str, bins) -> list[Row]:
    rows = []
    dk = None
    if kind == KIND_NUMBER:
        rows = [Row(label, label) for label, _low, _high in bins]
        if item.allow_dont_know:
            dk = Row(DONT_KNOW, str(_("Don't know / prefer not to say")), "dk")
    elif kind == KIND_TEXT:
        rows = [Row(ANSWERED, str(_("Wrote an answer")))]
    else:
        for option in item.options.all():
            label = text(option.label, language) or option.value
            if option.value == DONT_KNOW:
                dk = Row(DONT_KNOW, label, "dk")
            else:
                rows.append(Row(option.value, label))
    if dk is not None:
        rows.append(dk)
    rows.append(Row(NO_ANSWER, str(_("Not answered")), "no_answer"))
    return rows


def _item_result(
    item: Item,
    respondents: list[Respondent],
    answers: dict[int, list],
    breakdowns: dict[str, Breakdown],
    dims: list[str],
    language: str,
    sizes: dict,
) -> ItemResult:
    """The item's cube over the round's breakdown dimensions, less those it cannot show.

    The group sizes are published, so a cube that has to hide one of them to protect its
    cells cannot be shown by that dimension: the dimension is left out of this item's cube
    (which is then computed again), and the item is not broken down by it.
    """
    item_dims = list(dims)
    while True:
        result = _item_cube(item, respondents, answers, breakdowns, item_dims, language, sizes)
        result.size_dims = list(dims)
        hidden = result.hidden_margins(breakdowns)
        if not hidden or not item_dims:
            return result
        dropped = {d for d, _group in hidden if d} or set(item_dims)
        item_dims = [d for d in item_dims if d not in dropped]


def _item_cube(
    item: Item,
    respondents: list[Respondent],
    answers: dict[int, list],
    breakdowns: dict[str, Breakdown],
    dims: list[str],
    language: str,
    sizes: dict,
) -> ItemResult:
    kind = item_kind(item)
    numbers_of: dict[int, int] = {}
    if kind == KIND_NUMBER:
        for pk, given in answers.items():
            numbers = [n for _v, n, _t in given if n is not None]
            if numbers:
                numbers_of[pk] = numbers[0]
    bins = _number_bins(item, list(numbers_of.values())) if kind == KIND_NUMBER else []
    rows = _rows(item, kind, language, bins)
    values = [row.value for row in rows]
    dimensions = [[g.key for g in breakdowns[d].groups] for d in dims]
    result = ItemResult(
        item=item,
        question=text(item.text, language) or item.item_id,
        kind=kind,
        rows=rows,
        dims=dims,
        bins=bins,
        sizes=sizes,
    )

    def groups_of(r: Respondent) -> tuple:
        return tuple(breakdowns[d].key_of(r.group(d)) for d in dims)

    if kind == KIND_MULTIPLE:
        # One cell per chosen option (a respondent may be in several), and "not answered".
        counts: Counter = Counter()
        for r in respondents:
            chosen = {v for v, _n, _t in answers.get(r.pk, []) if v in values}
            for value in chosen or {NO_ANSWER}:
                counts[(value, *groups_of(r))] += 1
        result.cube = full_table(dict(counts), [values, *dimensions])
        return result

    counts = Counter()
    for r in respondents:
        counts[
            (
                _answer_value(kind, answers.get(r.pk, []), values, numbers_of.get(r.pk), bins),
                *groups_of(r),
            )
        ] += 1
    result.cube = full_table(dict(counts), [values, *dimensions])
    if kind == KIND_NUMBER:
        for r in respondents:
            if r.pk not in numbers_of:
                continue
            number = numbers_of[r.pk]
            result.numbers.setdefault((None, TOTAL), []).append(number)
            for d in dims:
                key = (d, breakdowns[d].key_of(r.group(d)))
                result.numbers.setdefault(key, []).append(number)
    return result


def _answer_value(kind, given, values, number, bins) -> str:
    if kind == KIND_TEXT:
        return ANSWERED if any(t.strip() for _v, _n, t in given) else NO_ANSWER
    if kind == KIND_NUMBER:
        if number is not None:
            return _bin_of(bins, number) or NO_ANSWER
        return DONT_KNOW if any(v == DONT_KNOW for v, _n, _t in given) else NO_ANSWER
    for value, _n, _t in given:
        if value in values and value != NO_ANSWER:
            return value
    return NO_ANSWER


# ------------------------------------------------------------------------------ free text


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


# ----------------------------------------------------------------------------- comparison


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


@dataclass
class ComparedRow:
    value: str
    label: str
    kind: str
    count_a: int | None
    count_b: int | None
    percent_a: float | None
    percent_b: float | None


@dataclass
class ComparedItem:
    item_id: str
    question: str
    kind: str
    a: ItemResult
    b: ItemResult
    rows: list[ComparedRow]

    @property
    def answered_a(self):
        return self.a.answered()

    @property
    def answered_b(self):
        return self.b.answered()

    @property
    def share_a(self):
        return self.a.share_agreeing()

    @property
    def share_b(self):
        return self.b.share_agreeing()

    @property
    def mean_a(self):
        return self.a.mean() if self.a.is_scale else None

    @property
    def mean_b(self):
        return self.b.mean() if self.b.is_scale else None

    @property
    def share_change(self) -> float | None:
        if self.share_a is None or self.share_b is None:
            return None
        return self.share_a - self.share_b

    @property
    def mean_change(self) -> float | None:
        if self.mean_a is None or self.mean_b is None:
            return None
        return self.mean_a - self.mean_b


def compare(a: RoundResults, b: RoundResults) -> list[ComparedItem]:
    """Scale and choice items in both rounds, matched by item id, in round A's order.

    Each side is the no-breakdown slice of that round's own controlled cube: exactly the
    figures its own results page shows, and the two rounds' respondents are different people.
    """
    if not (a.enough and b.enough):
        return []
    compared = []
    for item_a in a.items:
        if item_a.kind not in (KIND_SCALE, KIND_CHOICE, KIND_MULTIPLE):
            continue
        item_b = b.item(item_a.item_id)
        if item_b is None or item_b.kind != item_a.kind:
            continue
        labels_b = {row.value: row for row in item_b.rows}
        rows = list(item_a.answer_rows)
        rows += [row for row in item_b.answer_rows if row.value not in {r.value for r in rows}]
        # "Don't know" last among the answers.
        rows.sort(key=lambda row: row.is_dk)
        compared_rows = []
        values_a = {row.value for row in item_a.rows}
        for row in rows:
            in_a, in_b = row.value in values_a, row.value in labels_b
            compared_rows.append(
                ComparedRow(
                    value=row.value,
                    label=row.label,
                    kind=row.kind,
                    count_a=item_a.count(row.value) if in_a else None,
                    count_b=item_b.count(row.value) if in_b else None,
                    percent_a=item_a.percent(row.value) if in_a else None,
                    percent_b=item_b.percent(row.value) if in_b else None,
                )
            )
        compared.append(
            ComparedItem(
                item_id=item_a.item_id,
                question=item_a.question,
                kind=item_a.kind,
                a=item_a,
                b=item_b,
                rows=compared_rows,
            )
        )
    return compared
