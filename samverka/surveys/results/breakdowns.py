"""The groups a round's respondents are broken down by (language, activity, age band; nationally
municipality), small groups merged into "other" until the disclosure control shows every
group's size (see the room's text, `results/__init__.py`)."""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samverka.lib import agebands
from samverka.lib.disclosure import THRESHOLD, TOTAL, disclosure_control
from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS

MIN_GROUP = THRESHOLD  # the smallest group or base a figure is shown for


OTHER = "_other"


NO_ACTIVITY = "_none"


DIMENSIONS = ("language", "activity", "age_band")


NATIONAL_DIMENSIONS = ("municipality",)


DIMENSION_LABELS = {
    "language": _("Language"),
    "activity": _("Activity"),
    "age_band": _("Age band"),
    "municipality": _("Municipality"),
}


@dataclass(frozen=True)
class Respondent:
    pk: int
    language: str
    activity: str
    age_band: str
    municipality: str = ""
    # How many respondents this one stands for: 1 for a person; the national results count
    # in the database and hand one Respondent per group with its size.
    weight: int = 1

    def group(self, dimension: str) -> str:
        return getattr(self, dimension)


def group_sizes(respondents, key) -> Counter:
    """Respondents (their weights) per `key(respondent)`."""
    sizes: Counter = Counter()
    for r in respondents:
        sizes[key(r)] += r.weight
    return sizes


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
    sizes = group_sizes(respondents, lambda r: r.group(dimension))
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


def breakdowns_for(respondents, names, dimensions=DIMENSIONS):
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
        hidden = hidden_group_margins(sizes, dims, breakdowns) if dims else []
        if not hidden:
            return breakdowns, dims, sizes
        dimension, group = hidden[0]
        if not dimension:
            forced.update({d: {r.group(d) for r in respondents} for d in dimensions})
            continue
        breakdown = breakdowns[dimension]
        if group == OTHER:
            counts = Counter()
            for r in respondents:
                counts[breakdown.key_of(r.group(dimension))] += r.weight
            real = [g.key for g in breakdown.groups if g.key != OTHER]
            group = min(real, key=lambda k: (counts[k], k))
        forced[dimension].add(group)


def _respondents_cube(respondents, breakdowns, dims) -> dict:
    """Respondents per combination of groups: the group sizes every item cube shares."""
    counts = group_sizes(
        respondents, lambda r: tuple(breakdowns[d].key_of(r.group(d)) for d in dims)
    )
    if not dims:
        return {(): counts[()]}
    return disclosure_control(dict(counts), [[g.key for g in breakdowns[d].groups] for d in dims])


def hidden_group_margins(cube, dims, breakdowns, prefix=()) -> list[tuple[str, str]]:
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
