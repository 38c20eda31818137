"""What the results pages show of the controlled figures: the table and chart of each item (or
each item compared between two rounds), and numbers written the way staff read them."""

import math
from dataclasses import dataclass

from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samverka.lib.charts import Row, Table, bar_chart
from samverka.lib.disclosure import TOTAL, display
from samverka.surveys.results.breakdowns import DIMENSION_LABELS
from samverka.surveys.results.compare import ComparedItem
from samverka.surveys.results.items import (
    ANSWERED,
    KIND_MULTIPLE,
    KIND_NUMBER,
    KIND_SCALE,
    KIND_TEXT,
    NO_ANSWER,
    ItemResult,
)
from samverka.surveys.results.selectors import RoundResults, measure_label

NOT_SHOWN = "–"


def percent_text(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return NOT_SHOWN
    return _("%(value)s %%") % {"value": _number(value, decimals)}


def _number(value: float, decimals: int) -> str:
    """Rounded half away from zero (number_format alone would cut the decimals off)."""
    factor = 10**decimals
    rounded = math.floor(abs(value) * factor + 0.5) / factor
    return formats.number_format(math.copysign(rounded, value), decimals)


def number_text(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return NOT_SHOWN
    return _number(value, decimals)


def change_text(value: float | None, decimals: int) -> str:
    if value is None:
        return NOT_SHOWN
    number = _number(abs(value), decimals)
    if number == _number(0, decimals):
        return f"±{number}"
    return f"{'+' if value > 0 else '−'}{number}"


def count_and_percent(count: int | None, percent: float | None) -> str:
    if count is None:
        return display(None)
    if percent is None:
        return str(count)
    return _("%(count)s (%(percent)s)") % {"count": count, "percent": percent_text(percent)}


@dataclass
class Column:
    dimension: str | None
    group: str
    label: str


def columns_for(results: RoundResults, dimension: str | None) -> list[Column]:
    columns = [Column(None, TOTAL, _("All"))]
    breakdown = results.breakdown(dimension)
    if breakdown is not None:
        columns += [Column(breakdown.dimension, g.key, g.label) for g in breakdown.groups]
    return columns


@dataclass
class ItemView:
    """What the templates show of one item: table, chart data and summary lines."""

    result: ItemResult
    slug: str
    table: Table | None
    summary: list[tuple[str, str]]
    text_answers: str = ""
    not_broken_down: str = ""  # the dimension asked for, when this item cannot show it

    @property
    def item(self):
        return self.result.item

    @property
    def question(self) -> str:
        return self.result.question

    @property
    def kind(self) -> str:
        return self.result.kind

    @property
    def measure_label(self) -> str:
        return measure_label(self.result.measure) if self.result.measure else ""


def item_view(item: ItemResult, columns: list[Column], index: int, *, chart: bool) -> ItemView:
    slug = f"item-{index}-{slugify(item.item_id)}"
    if item.kind == KIND_TEXT:
        return ItemView(item, slug, None, [], text_answers=display(item.count(ANSWERED)))
    not_broken_down = ""
    if len(columns) > 1 and not item.has_dimension(columns[1].dimension):
        not_broken_down = str(DIMENSION_LABELS[columns[1].dimension])
        columns = columns[:1]
    breakdown = len(columns) > 1
    rows: list[Row] = []
    for row in item.answer_rows:
        if breakdown:
            values = [
                count_and_percent(
                    item.count(row.value, c.dimension, c.group),
                    item.percent(row.value, c.dimension, c.group),
                )
                for c in columns
            ]
        else:
            values = [display(item.count(row.value)), percent_text(item.percent(row.value))]
        rows.append(Row(row.label, values))
    if item.count(NO_ANSWER) != 0:
        missing = [display(item.no_answer(c.dimension, c.group)) for c in columns]
        rows.append(Row(_("Not answered"), missing if breakdown else [*missing, ""]))
    answered = [display(item.answered(c.dimension, c.group)) for c in columns]
    rows.append(Row(_("Answered (n)"), answered if breakdown else [*answered, ""], total=True))

    def stat_row(label, values):
        rows.append(Row(label, values if breakdown else [values[0], ""], total=True))

    summary = []
    if item.kind == KIND_SCALE:
        shares = [percent_text(item.share_agreeing(c.dimension, c.group)) for c in columns]
        means = [number_text(item.mean(c.dimension, c.group)) for c in columns]
        stat_row(_("Agree (4–5)"), shares)
        stat_row(_("Mean (1–5)"), means)
        summary = [(_("Agree (4–5)"), shares[0]), (_("Mean (1–5)"), means[0])]
    elif item.kind == KIND_NUMBER:
        stats = [item.number_stats(c.dimension, c.group) for c in columns]
        means = [number_text(s.mean if s else None) for s in stats]
        medians = [number_text(s.median if s else None) for s in stats]
        stat_row(_("Mean"), means)
        stat_row(_("Median"), medians)
        summary = [(_("Mean"), means[0]), (_("Median"), medians[0])]
    header = [c.label for c in columns] if breakdown else [_("Count"), _("Share")]
    corner = _("Number range") if item.kind == KIND_NUMBER else _("Answer")
    if item.kind == KIND_MULTIPLE:
        caption = _("%(question)s (several answers possible)") % {"question": item.question}
    else:
        caption = item.question
    table = Table(caption=caption, corner=corner, columns=header, rows=rows, slug=slug)
    if chart:
        chart_columns = columns[1:] if breakdown else columns
        table.chart = bar_chart(
            labels=[row.label for row in item.answer_rows],
            datasets=[
                (
                    c.label,
                    [
                        _rounded(item.percent(r.value, c.dimension, c.group))
                        for r in item.answer_rows
                    ],
                )
                for c in chart_columns
            ],
            horizontal=True,
        )
    return ItemView(item, slug, table, summary, not_broken_down=not_broken_down)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def section_views(results: RoundResults, dimension: str | None, *, chart: bool) -> list[dict]:
    columns = columns_for(results, dimension)
    sections, index = [], 0
    for section in results.sections:
        views = []
        for item in section.items:
            index += 1
            views.append(item_view(item, columns, index, chart=chart))
        if views:
            sections.append({"title": section.title, "items": views})
    return sections


@dataclass
class ComparedView:
    compared: ComparedItem
    slug: str
    table: Table


def compared_view(item: ComparedItem, index: int, label_a: str, label_b: str) -> ComparedView:
    slug = f"compare-{index}-{slugify(item.item_id)}"
    rows = [
        Row(
            row.label,
            [
                count_and_percent(row.count_a, row.percent_a)
                if row.count_a is not None or row.percent_a is not None
                else display(None),
                count_and_percent(row.count_b, row.percent_b)
                if row.count_b is not None or row.percent_b is not None
                else display(None),
                change_text(
                    None
                    if row.percent_a is None or row.percent_b is None
                    else row.percent_a - row.percent_b,
                    0,
                ),
            ],
        )
        for row in item.rows
    ]
    rows.append(
        Row(
            _("Answered (n)"),
            [display(item.answered_a), display(item.answered_b), ""],
            total=True,
        )
    )
    if item.kind == KIND_SCALE:
        rows.append(
            Row(
                _("Agree (4–5)"),
                [
                    percent_text(item.share_a),
                    percent_text(item.share_b),
                    change_text(item.share_change, 0),
                ],
                total=True,
            )
        )
        rows.append(
            Row(
                _("Mean (1–5)"),
                [
                    number_text(item.mean_a),
                    number_text(item.mean_b),
                    change_text(item.mean_change, 1),
                ],
                total=True,
            )
        )
    table = Table(
        caption=item.question,
        corner=_("Answer"),
        columns=[label_a, label_b, _("Difference")],
        rows=rows,
        slug=slug,
    )
    table.chart = bar_chart(
        labels=[row.label for row in item.rows],
        datasets=[
            (label_a, [_rounded(r.percent_a) for r in item.rows]),
            (label_b, [_rounded(r.percent_b) for r in item.rows]),
        ],
        horizontal=True,
    )
    return ComparedView(item, slug, table)
