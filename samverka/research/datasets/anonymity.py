"""k-anonymity on the quasi-identifiers of a dataset: age band, gender, third-country status and
place (municipality).

Every combination of the four that appears in the released rows must be shared by at least k
rows. Rows in smaller groups are coarsened before anything is removed, in this order:

1. place: municipality → county, for the small group together with every row of the same
   county that shares its age band, gender and third-country status (so that a small group
   joins its neighbours instead of standing alone at the county level);
2. place: county → the whole country;
3. age band: the band is joined with a neighbouring band (the one that gives the larger
   group), again and again up to "all ages";
4. only then: rows still in groups smaller than k are suppressed (left out).

This is local recoding: a released place can be a municipality for some rows and a county for
others, and a released age band can be wider for some rows. Every released combination is
still shared by at least k rows, which is what k-anonymity promises. The report says what was
done, for the dataset's README.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings

from samverka.lib import agebands

NATIONAL = "Sverige"
ALL_AGES = "all"
QUASI_IDENTIFIERS = ("age_band", "gender", "third_country", "place")


@dataclass
class Report:
    k: int
    rows_in: int = 0
    to_county: int = 0
    to_national: int = 0
    bands_widened: int = 0
    suppressed: int = 0
    rows_out: int = 0
    smallest_group: int = 0
    groups: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.to_county or self.to_national or self.bands_widened or self.suppressed)

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass
class Bands:
    """The configured age bands in order, and how to widen one."""

    labels: list[str] = field(default_factory=lambda: list(settings.AGE_BANDS))

    def interval(self, label: str) -> tuple[int, int] | None:
        """Positions (first, last) of the configured bands a label covers; None: unknown."""
        if label == ALL_AGES:
            return 0, len(self.labels) - 1
        if label in self.labels:
            i = self.labels.index(label)
            return i, i
        if "-" in label or label.endswith("+"):
            band = agebands.parse(label)
            first = next(
                (i for i, b in enumerate(agebands.bands(self.labels)) if b.low == band.low), None
            )
            last = next(
                (i for i, b in enumerate(agebands.bands(self.labels)) if b.high == band.high),
                None,
            )
            if first is not None and last is not None:
                return first, last
        return None

    def label(self, first: int, last: int) -> str:
        if first == 0 and last == len(self.labels) - 1:
            return ALL_AGES
        if first == last:
            return self.labels[first]
        low = agebands.parse(self.labels[first]).low
        high = agebands.parse(self.labels[last]).high
        return f"{low}+" if high is None else f"{low}-{high}"

    def wider(self, label: str) -> list[str]:
        """The bands one step wider than `label` (a neighbour joined on either side)."""
        if label == ALL_AGES:
            return []
        span = self.interval(label)
        if span is None:  # unknown age: only "all ages" takes it in
            return [ALL_AGES]
        first, last = span
        out = []
        if first > 0:
            out.append(self.label(first - 1, last))
        if last < len(self.labels) - 1:
            out.append(self.label(first, last + 1))
        return out


def _key(row) -> tuple:
    return tuple(row[q] for q in QUASI_IDENTIFIERS)


def _small(rows, k) -> list[dict]:
    sizes = Counter(_key(r) for r in rows)
    return [r for r in rows if sizes[_key(r)] < k]


def anonymise(rows: list[dict], *, k: int, county_of: dict[str, str]) -> tuple[list[dict], Report]:
    """Coarsen and suppress in place until every group has at least k rows.

    Each row has the QUASI_IDENTIFIERS, `place` being a municipality name, and `place_level`
    ("municipality"); `county_of` maps a municipality name to its county ("" when unknown)."""
    report = Report(k=k, rows_in=len(rows))
    small = _small(rows, k)
    # (age band, gender, third-country status, county) of the small groups: every row with the
    # same four moves up to the county, so the small group joins its county's neighbours.
    wanted = {(*_key(r)[:3], county_of.get(r["place"], "")) for r in small}
    for row in rows:
        county = county_of.get(row["place"], "")
        if (*_key(row)[:3], county) not in wanted:
            continue
        if county:
            row["place"], row["place_level"] = county, "county"
            report.to_county += 1
        else:
            row["place"], row["place_level"] = NATIONAL, "national"
            report.to_national += 1
    for row in _small(rows, k):
        if row["place_level"] != "national":
            row["place"], row["place_level"] = NATIONAL, "national"
            report.to_national += 1

    bands = Bands()
    widened: set[int] = set()
    while True:
        small = _small(rows, k)
        if not small:
            break
        sizes = Counter(_key(r) for r in rows)
        groups: dict[tuple, list[dict]] = {}
        for row in small:
            groups.setdefault(_key(row), []).append(row)
        changed = False
        for key, members in groups.items():
            options = bands.wider(members[0]["age_band"])
            if not options:
                continue
            # The wider band whose group (same other identifiers) is already largest.
            rest = key[1:]
            best = max(
                options,
                key=lambda label: sum(
                    n
                    for other, n in sizes.items()
                    if other[1:] == rest and _inside(bands, other[0], label)
                ),
            )
            for row in members:
                row["age_band"] = best
                widened.add(id(row))
            changed = True
        if not changed:
            break
    report.bands_widened = len(widened)

    small = {id(r) for r in _small(rows, k)}
    report.suppressed = len(small)
    kept = [r for r in rows if id(r) not in small]
    sizes = Counter(_key(r) for r in kept)
    report.rows_out = len(kept)
    report.groups = len(sizes)
    report.smallest_group = min(sizes.values()) if sizes else 0
    return kept, report


def _inside(bands: Bands, label: str, wider: str) -> bool:
    inner, outer = bands.interval(label), bands.interval(wider)
    if outer is None:
        return False
    if inner is None:
        return wider == ALL_AGES
    return outer[0] <= inner[0] and inner[1] <= outer[1]
