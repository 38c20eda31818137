"""One item's results: its cube of answers × breakdown groups, counted exactly within groups
of at least five, and every figure derived from it (counts, shares, means, medians)."""

import math
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from samverka.lib.disclosure import TOTAL, full_table
from samverka.surveys.instruments.models import CHOICE_TYPES, DONT_KNOW, Item, ItemType
from samverka.surveys.instruments.texts import text
from samverka.surveys.results.breakdowns import (
    MIN_GROUP,
    Breakdown,
    Respondent,
    hidden_group_margins,
)

NO_ANSWER = "_no_answer"


ANSWERED = "_answered"


AGREE_VALUES = ("4", "5")


SCALE_VALUES = ("1", "2", "3", "4", "5")


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
        return hidden_group_margins(self.cube, self.dims, breakdowns, prefix=(TOTAL,))


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


@dataclass
class Tally:
    """An item's answers counted per answer and group, before the breakdown merges groups.

    `counts` maps (answer, *raw) to respondents, where answer is an option value (don't know
    included), ANSWERED, NO_ANSWER or, for a number item, DONT_KNOW or NO_ANSWER, and raw holds
    the respondents' own value of each of `dimensions`, in order. `numbers` maps
    (number, *raw) to the respondents who gave that number (number items only): they are
    binned once the bins are known. Counted per respondent in Python (`tally_of`) or per group
    in the database (`selectors.national_results`): the cubes are built from either alike.
    """

    dimensions: tuple[str, ...]
    counts: Counter = field(default_factory=Counter)
    numbers: Counter = field(default_factory=Counter)


def option_values(item: Item) -> set[str]:
    """The answer values an item counts (its options, "don't know" included)."""
    return {option.value for option in item.options.all()}


def tally_of(
    item: Item, respondents: list[Respondent], answers: dict[int, list], dimensions
) -> Tally:
    """`Tally` of the item, respondent by respondent: `answers` maps response pk ->
    [(value, number, text)]. A multiple-choice respondent counts once per option chosen; any
    other item takes the first answer it counts (one per respondent as the survey saves them);
    a number item the first number given, else "don't know" when given."""
    kind = item_kind(item)
    dimensions = tuple(dimensions)
    tally = Tally(dimensions)
    counts, numbers = tally.counts, tally.numbers
    values = option_values(item) - {NO_ANSWER}
    if kind == KIND_MULTIPLE:
        values.add(NO_ANSWER)  # an answer "_no_answer" (no option has it) counts as none
    for r in respondents:
        raw = tuple(r.group(d) for d in dimensions)
        given = answers.get(r.pk, [])
        if kind == KIND_MULTIPLE:
            chosen = {v for v, _n, _t in given if v in values}
            for value in chosen or {NO_ANSWER}:
                counts[(value, *raw)] += r.weight
        elif kind == KIND_NUMBER:
            given_numbers = [n for _v, n, _t in given if n is not None]
            if given_numbers:
                numbers[(given_numbers[0], *raw)] += r.weight
            elif any(v == DONT_KNOW for v, _n, _t in given):
                counts[(DONT_KNOW, *raw)] += r.weight
            else:
                counts[(NO_ANSWER, *raw)] += r.weight
        elif kind == KIND_TEXT:
            answered = any(t.strip() for _v, _n, t in given)
            counts[(ANSWERED if answered else NO_ANSWER, *raw)] += r.weight
        else:
            value = next((v for v, _n, _t in given if v in values), NO_ANSWER)
            counts[(value, *raw)] += r.weight
    return tally


def item_result_for(
    item: Item,
    tally: Tally,
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
        result = _item_cube(item, tally, breakdowns, item_dims, language, sizes)
        result.size_dims = list(dims)
        hidden = result.hidden_margins(breakdowns)
        if not hidden or not item_dims:
            return result
        dropped = {d for d, _group in hidden if d} or set(item_dims)
        item_dims = [d for d in item_dims if d not in dropped]


def _item_cube(
    item: Item,
    tally: Tally,
    breakdowns: dict[str, Breakdown],
    dims: list[str],
    language: str,
    sizes: dict,
) -> ItemResult:
    kind = item_kind(item)
    bins = _number_bins(item, [n for n, *_raw in tally.numbers]) if kind == KIND_NUMBER else []
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
    where = [(tally.dimensions.index(d), breakdowns[d].mapping) for d in dims]

    def shown(raw: tuple) -> tuple:
        return tuple(mapping[raw[index]] for index, mapping in where)

    counts: Counter = Counter()
    for (value, *raw), count in tally.counts.items():
        counts[(value, *shown(raw))] += count
    for (number, *raw), count in tally.numbers.items():
        counts[(_bin_of(bins, number) or NO_ANSWER, *shown(raw))] += count
    result.cube = full_table(dict(counts), [values, *dimensions])
    if kind == KIND_NUMBER:
        for (number, *raw), count in tally.numbers.items():
            result.numbers.setdefault((None, TOTAL), []).extend([number] * count)
            for d, (index, mapping) in zip(dims, where, strict=True):
                result.numbers.setdefault((d, mapping[raw[index]]), []).extend([number] * count)
    return result
