"""The funder count (AMIF): figures as a hypercube, exact or disclosure-controlled.

Participants form one 4-dimensional cube (municipality × age band × gender × third-country
national) over ALL municipalities of the period (or one collaboration's own figures on its
page); the anonymous headcounts form a second cube (municipality × age band × gender). A
disclosure-controlled report runs each cube once through `disclosure_control`, protecting the
tables it publishes (PUBLISHED: the total, by age band, by gender, by third-country status and
age band × gender, per municipality and for all), and every table, chart, panel figure and
export – national or for one municipality – is a slice of those cubes, so no two views can be
combined to recover a hidden value. Sessions held and activities per focus area count events,
not people, and are shown exactly. A hidden figure reads ".." (HIDDEN).
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from samverka.accounts.roles import Capability
from samverka.activities.models import FocusArea
from samverka.lib import agebands
from samverka.lib.charts import Row, Table, bar_chart
from samverka.lib.disclosure import HIDDEN, TOTAL, Cube, disclosure_control, full_table
from samverka.lib.disclosure import display as _display
from samverka.participants.models import Gender, ThirdCountryNational
from samverka.reports.selectors import FunderFigures, funder_figures

PARTICIPANT_DIMENSIONS = ("municipality", "age_band", "gender", "third_country_national")
HEADCOUNT_DIMENSIONS = ("municipality", "age_band", "gender")
# The participant tables the report publishes: municipality × age band × gender (with the
# total, by age band and by gender as its margins) and municipality × third-country status.
PUBLISHED = [(0, 1, 2), (0, 3)]
TOTAL_CODE = "total"  # a summed dimension in the long rows of the CSV


def display(value: int | None) -> str:
    """A figure as text; a hidden one reads ".."."""
    return _display(value, mark=HIDDEN)


def _with_extras(known: list[str], seen) -> list[str]:
    """Known values in order, then any unexpected value found in the data (looked up in a
    set: the municipalities' list is 290 long and the cells tens of thousands at national)."""
    return known + sorted(set(seen).difference(known))


@dataclass
class FunderReport:
    figures: FunderFigures
    controlled: bool
    participant_dims: list[list[str]]
    headcount_dims: list[list[str]]
    participants: Cube
    headcounts: Cube

    @property
    def start(self) -> date:
        return self.figures.start

    @property
    def end(self) -> date:
        return self.figures.end

    # Single values ---------------------------------------------------------------------
    def participant_count(self, **coords) -> int | None:
        return self.participants[self._key(PARTICIPANT_DIMENSIONS, coords)]

    def headcount(self, **coords) -> int | None:
        return self.headcounts[self._key(HEADCOUNT_DIMENSIONS, coords)]

    def sessions(self, municipality: str = TOTAL, focus_area: int | str = TOTAL) -> int:
        return self._focus(municipality, focus_area, 0)

    def activities(self, municipality: str = TOTAL, focus_area: int | str = TOTAL) -> int:
        return self._focus(municipality, focus_area, 1)

    def _focus(self, municipality, focus_area, index) -> int:
        return sum(
            pair[index]
            for (code, area), pair in self.figures.focus_areas.items()
            if municipality in (TOTAL, code) and focus_area in (TOTAL, area)
        )

    @staticmethod
    def _key(names, coords) -> tuple:
        unknown = set(coords) - set(names)
        if unknown:
            raise KeyError(f"no dimension {sorted(unknown)}")
        return tuple(coords.get(name, TOTAL) for name in names)

    # Long tables (CSV, XLSX) --------------------------------------------------------------
    def participant_rows(self, municipality: str | None = None) -> list[tuple]:
        """Exact: the inner cells with a non-zero true count, in order. Disclosure-controlled:
        the published cells with a non-zero true count (a summed dimension reads "total"),
        hidden values as ".."."""
        if not self.controlled:
            return self._long_rows(
                self.participants, self.participant_dims, self.figures.participants, municipality
            )
        truth = full_table(self.figures.participants, self.participant_dims, PUBLISHED)
        positions = [{v: i for i, v in enumerate([*d, TOTAL])} for d in self.participant_dims[1:]]
        keys = sorted(
            (k for k, n in truth.items() if n and k[0] != TOTAL and municipality in (None, k[0])),
            key=lambda k: (k[0], *(p[v] for v, p in zip(k[1:], positions, strict=True))),
        )
        return [
            (*(TOTAL_CODE if v == TOTAL else v for v in key), display(self.participants[key]))
            for key in keys
        ]

    def headcount_rows(self, municipality: str | None = None) -> list[tuple]:
        return self._long_rows(
            self.headcounts, self.headcount_dims, self.figures.headcounts, municipality
        )

    def focus_area_rows(self, municipality: str | None = None) -> list[tuple]:
        rows = []
        for m in sorted(self.participant_dims[0]):
            if municipality not in (None, m):
                continue
            for area in FocusArea:
                sessions, activities = self.figures.focus_areas.get((m, area.value), (0, 0))
                if sessions:
                    rows.append((m, area.value, str(area.label), sessions, activities))
        return rows

    @staticmethod
    def _long_rows(cube, dims, true_counts, municipality) -> list[tuple]:
        """Rows by municipality code, then in each dimension's order."""
        positions = [{v: i for i, v in enumerate(d)} for d in dims[1:]]
        keys = sorted(
            (k for k, n in true_counts.items() if n and municipality in (None, k[0])),
            key=lambda k: (k[0], *(p[v] for v, p in zip(k[1:], positions, strict=True))),
        )
        return [(*key, display(cube[key])) for key in keys]

    # Tables for the screen ------------------------------------------------------------------
    def age_gender_table(
        self, municipality: str = TOTAL, *, slug: str = "", chart: bool = False
    ) -> Table:
        return self._grid(
            self.participants,
            PARTICIPANT_DIMENSIONS,
            caption=_("Participants by age group and gender"),
            corner=_("Age group"),
            rows=[(age_label(a), {"age_band": a}) for a in self.participant_dims[1]],
            columns=[(gender_label(g), {"gender": g}) for g in self.participant_dims[2]],
            fixed={"municipality": municipality},
            slug=slug,
            chart=chart,
        )

    def third_country_table(self, municipality: str = TOTAL, *, slug: str = "") -> Table:
        """By third-country status only: the published tables do not cross it with gender."""
        return self._grid(
            self.participants,
            PARTICIPANT_DIMENSIONS,
            caption=_("Participants by third-country-national status"),
            corner=_("Third-country national"),
            rows=[(tcn_label(t), {"third_country_national": t}) for t in self.participant_dims[3]],
            columns=[],
            fixed={"municipality": municipality},
            slug=slug,
        )

    def headcount_table(self, municipality: str = TOTAL, *, slug: str = "") -> Table:
        return self._grid(
            self.headcounts,
            HEADCOUNT_DIMENSIONS,
            caption=_("Anonymous headcounts by age group and gender"),
            corner=_("Age group"),
            rows=[(age_label(a), {"age_band": a}) for a in self.headcount_dims[1]],
            columns=[(gender_label(g), {"gender": g}) for g in self.headcount_dims[2]],
            fixed={"municipality": municipality},
            slug=slug,
        )

    def municipality_table(
        self, names: dict[str, str], *, slug: str = "", chart: bool = False
    ) -> Table:
        """The national table: one row per municipality, totals by gender and TCN status."""
        columns = [(_("Participants"), {})]
        columns += [(gender_label(g), {"gender": g}) for g in self.participant_dims[2]]
        columns += [(_("Third-country nationals"), {"third_country_national": "yes"})]
        columns += [(_("Anonymous headcounts"), {"headcount": True})]
        rows = [(names.get(m, m), {"municipality": m}) for m in self.participant_dims[0]]
        body = []
        for label, coords in [*rows, (_("All municipalities"), {})]:
            values = []
            for _label, column in columns:
                if column.get("headcount"):
                    values.append(display(self.headcount(**coords)))
                else:
                    values.append(display(self.participant_count(**coords, **column)))
            body.append(Row(label, values, total=not coords))
        table = Table(
            caption=_("Participants per municipality"),
            corner=_("Municipality"),
            columns=[label for label, _c in columns],
            rows=body,
            slug=slug,
        )
        table.hidden = any(HIDDEN in row.values for row in body)  # the note beside it
        if chart:
            table.chart = bar_chart(
                labels=[label for label, _c in rows],
                datasets=[
                    (_("Participants"), [self.participant_count(**c) for _l, c in rows]),
                    (
                        _("Third-country nationals"),
                        [
                            self.participant_count(**c, third_country_national="yes")
                            for _l, c in rows
                        ],
                    ),
                ],
                horizontal=True,
            )
        return table

    def focus_area_table(
        self, municipality: str = TOTAL, *, slug: str = "", chart: bool = False
    ) -> Table:
        areas = list(FocusArea)
        rows = [
            Row(
                str(area.label),
                [
                    str(self.sessions(municipality, area.value)),
                    str(self.activities(municipality, area.value)),
                ],
            )
            for area in areas
        ]
        rows.append(
            Row(
                _("All focus areas"),
                [str(self.sessions(municipality)), str(self.activities(municipality))],
                total=True,
            )
        )
        table = Table(
            caption=_("Sessions held and activities per focus area"),
            corner=_("Focus area"),
            columns=[_("Sessions held"), _("Activities")],
            rows=rows,
            slug=slug,
        )
        if chart:
            table.chart = bar_chart(
                labels=[str(area.label) for area in areas],
                datasets=[
                    (_("Sessions held"), [self.sessions(municipality, a.value) for a in areas]),
                    (_("Activities"), [self.activities(municipality, a.value) for a in areas]),
                ],
            )
        return table

    def _grid(
        self, cube, names, *, caption, corner, rows, columns, fixed, slug="", chart=False
    ) -> Table:
        def value(row_coords, column_coords):
            return cube[self._key(names, {**fixed, **row_coords, **column_coords})]

        body = [
            Row(label, [display(value(rc, cc)) for _l, cc in [*columns, ("", {})]])
            for label, rc in rows
        ]
        body.append(
            Row(_("Total"), [display(value({}, cc)) for _l, cc in [*columns, ("", {})]], True)
        )
        table = Table(
            caption=caption,
            corner=corner,
            columns=[label for label, _c in columns] + [_("Total")],
            rows=body,
            slug=slug,
        )
        table.hidden = any(HIDDEN in row.values for row in body)  # the note beside it
        if chart:
            table.chart = bar_chart(
                labels=[label for label, _r in rows],
                datasets=[(label, [value(rc, cc) for _l, rc in rows]) for label, cc in columns],
            )
        return table


def age_label(band: str) -> str:
    if band == agebands.UNKNOWN:
        return _("Age unknown")
    return band.replace("-", "–")


def gender_label(value: str) -> str:
    return str(Gender(value).label) if value in Gender.values else value


def tcn_label(value: str) -> str:
    return str(ThirdCountryNational(value).label) if value in ThirdCountryNational.values else value


def sees_exact_figures(access) -> bool:
    """Whoever may see the collaboration's participant rows (its coordinator, its municipal
    contact where they see the register) sees its own funder count exactly, as does the
    national lead; for everyone else the figures leave that circle and are controlled."""
    return access.can(Capability.VIEW_PARTICIPANT_DATA) or access.can(
        Capability.VIEW_EXACT_FUNDER_FIGURES
    )


def build_report(figures: FunderFigures, *, controlled: bool) -> FunderReport:
    seen, heads = figures.participants, figures.headcounts
    municipalities = _with_extras(
        [m.code for m in figures.municipalities], [k[0] for k in [*seen, *heads]]
    )
    participant_dims = [
        municipalities,
        _with_extras([*settings.AGE_BANDS, agebands.UNKNOWN], (k[1] for k in seen)),
        _with_extras(list(Gender.values), (k[2] for k in seen)),
        _with_extras(list(ThirdCountryNational.values), (k[3] for k in seen)),
    ]
    headcount_dims = [
        municipalities,
        _with_extras([*settings.AGE_BANDS, agebands.UNKNOWN], (k[1] for k in heads)),
        _with_extras(list(Gender.values), (k[2] for k in heads)),
    ]
    if controlled:
        participants = disclosure_control(
            figures.participants, participant_dims, published=PUBLISHED
        )
        headcounts = disclosure_control(figures.headcounts, headcount_dims)
    else:
        participants = full_table(figures.participants, participant_dims)
        headcounts = full_table(figures.headcounts, headcount_dims)
    return FunderReport(
        figures=figures,
        controlled=controlled,
        participant_dims=participant_dims,
        headcount_dims=headcount_dims,
        participants=participants,
        headcounts=headcounts,
    )


def funder_report(*, start: date, end: date, controlled: bool, collaborations=None) -> FunderReport:
    """The report for a period; `controlled` for figures that leave the circle allowed to see
    the participant rows; `collaborations` (ids) for one collaboration's own figures."""
    figures = funder_figures(start=start, end=end, collaborations=collaborations)
    return build_report(figures, controlled=controlled)
