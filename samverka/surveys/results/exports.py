"""Exports of survey results (CSV, XLSX) written from the controlled figures.

Exports are the same controlled figures as the results page, in long format: one row per
item × group × answer, then the item's share agreeing, mean and median rows. A hidden count is
".."; a percentage or mean that is not shown is empty. Writing the file to the audit trail is
`services.results_export`.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.lib.disclosure import TOTAL, display
from samverka.lib.exports import CSV_TYPE, XLSX_TYPE, Sheet, csv_bytes, xlsx_bytes
from samverka.surveys.instruments.texts import text
from samverka.surveys.results.breakdowns import OTHER
from samverka.surveys.results.items import (
    ANSWERED,
    KIND_NUMBER,
    KIND_SCALE,
    KIND_TEXT,
    NO_ANSWER,
    ItemResult,
)
from samverka.surveys.results.selectors import RoundResults

FORMATS = {"csv": CSV_TYPE, "xlsx": XLSX_TYPE}


COLUMNS = [
    "item_id",
    "question",
    "option_value",
    "option_label",
    "group_dimension",
    "group",
    "count",
    "percent",
    "n_group",
    "value",
]


ALL = "all"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _decimal(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _groups(results: RoundResults, dimension: str) -> list[tuple[str | None, str, str]]:
    """(dimension, group key, group as written in the file)."""
    groups = [(None, TOTAL, ALL)]
    breakdown = results.breakdown(dimension)
    if breakdown is not None:
        for group in breakdown.groups:
            if group.key == OTHER:
                written = "other"
            elif breakdown.dimension == "activity":
                written = group.label
            else:
                written = group.key
            groups.append((breakdown.dimension, group.key, written))
    return groups


def result_rows(results: RoundResults, dimension: str = "") -> list[list]:
    """The long table. Counts are the display values of the controlled cubes."""
    if not results.enough:
        return []
    rows = []
    for item in results.items:
        question = text(item.item.text, "sv") or item.item_id
        for group_dimension, group, written in _groups(results, dimension):
            if not item.has_dimension(group_dimension):
                continue  # this item cannot be broken down so without revealing small numbers
            rows.extend(
                _item_rows(item, question, group_dimension or ALL, group_dimension, group, written)
            )
    return rows


def _item_rows(item: ItemResult, question, dimension_name, dimension, group, written) -> list:
    n_group = display(item.answered(dimension, group))
    prefix = [item.item_id, question]
    place = [dimension_name, written]
    rows = []
    if item.kind == KIND_TEXT:
        count = item.count(ANSWERED, dimension, group)
        return [[*prefix, ANSWERED, _("Wrote an answer"), *place, display(count), "", "", ""]]
    for row in item.answer_rows:
        rows.append(
            [
                *prefix,
                row.value,
                row.label,
                *place,
                display(item.count(row.value, dimension, group)),
                _percent(item.percent(row.value, dimension, group)),
                n_group,
                "",
            ]
        )
    if item.count(NO_ANSWER) != 0:
        rows.append(
            [
                *prefix,
                NO_ANSWER,
                _("Not answered"),
                *place,
                display(item.no_answer(dimension, group)),
                "",
                n_group,
                "",
            ]
        )
    if item.kind == KIND_SCALE:
        share = item.share_agreeing(dimension, group)
        rows.append(
            [
                *prefix,
                "_share_agreeing",
                _("Agree (4–5)"),
                *place,
                "",
                _percent(share),
                n_group,
                _percent(share),
            ]
        )
        rows.append(
            [
                *prefix,
                "_mean",
                _("Mean (1–5)"),
                *place,
                "",
                "",
                n_group,
                _decimal(item.mean(dimension, group)),
            ]
        )
    elif item.kind == KIND_NUMBER:
        stats = item.number_stats(dimension, group)
        rows.append(
            [
                *prefix,
                "_mean",
                _("Mean"),
                *place,
                "",
                "",
                n_group,
                _decimal(stats.mean if stats else None),
            ]
        )
        rows.append(
            [
                *prefix,
                "_median",
                _("Median"),
                *place,
                "",
                "",
                n_group,
                _decimal(stats.median if stats else None),
            ]
        )
    return rows


def results_csv(results: RoundResults, dimension: str = "") -> bytes:
    """The long table as CSV, written by the one export writer (lib/exports.py), which
    neutralises item texts, labels and group names a spreadsheet would run as formulas."""
    return csv_bytes(COLUMNS, result_rows(results, dimension))


def _number(value):
    """Numbers as numbers in the spreadsheet; ".." and empty cells stay text."""
    if isinstance(value, str):
        if value.isdigit():
            return int(value)
        try:
            return float(value) if value and value[0] in "0123456789" else value
        except ValueError:
            return value
    return value


def results_xlsx(results: RoundResults, dimension: str = "") -> bytes:
    rows = [[*row[:6], *[_number(v) for v in row[6:]]] for row in result_rows(results, dimension)]
    return xlsx_bytes(
        [
            Sheet("results", COLUMNS, rows, widths=(12, 50, 16, 30, 16, 20, 8, 9, 9, 9)),
            Sheet("about", (), about_rows(results, dimension), widths=(24, 80)),
        ]
    )


def about_rows(results: RoundResults, dimension: str) -> list[tuple[str, str]]:
    round_ = results.round
    breakdown = results.breakdown(dimension)
    return [
        (_("Survey round"), round_.title),
        (_("Instrument"), f"{round_.version.instrument.name} v{round_.version.number}"),
        (_("Period"), f"{round_.opens_on.isoformat()} – {round_.closes_on.isoformat()}"),
        (
            _("State"),
            _("Preliminary: the round is still open") if results.preliminary else _("Closed"),
        ),
        (_("Answers"), display(results.n) if results.enough else _("fewer than 5")),
        (_("Breakdown"), breakdown.label if breakdown else _("None")),
        (_("Created"), timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        (
            _("Note"),
            _(
                "Only submitted answers count. Groups with fewer than 5 answers are merged "
                "into “other”, so every group rests on at least 5 people. “..” marks the "
                "answers to a question that fewer than 5 people in the group answered. "
                "Percentages, shares and means are empty where they rest on fewer than 5 "
                "answers. “Don't know” is never part of a mean or of the share agreeing."
            ),
        ),
    ]
