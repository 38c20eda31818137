"""Charts, for every feature: their colours, the data static/js/charts.js draws in the browser,
and the pieces of the SVG charts drawn on the server.

Every chart stands beside a table with the same figures, for screen readers, for printing and
for browsers without JavaScript. A chart drawn in the browser (the funder report, survey
results) gets its data from `bar_chart`, put on the page with `json_script`. A chart drawn on
the server (the collaboration model's quadrant, `samverka/assessment/charts.py`) is inline SVG
with a <title> and <desc>, a phone-sized viewBox that CSS lets grow, and no inline styles.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.html import escape

# The house's ink, muted text, lines and paper (as --ink, --muted, --line and --paper in
# static/css/samverka.css).
INK, MUTED, LINE, PAPER = "#1b2428", "#4f5d63", "#cfd8dc", "#ffffff"
# A chart's data series take these colours in turn; the first is the brand colour.
SERIES = ("#1d5c63", "#f2c14e", "#8a4f7d", "#4f5d63", "#5b9bd5", "#1e6b3a")


def series_colour(index: int) -> str:
    return SERIES[index % len(SERIES)]


def bar_chart(
    *,
    labels: Iterable,
    datasets: Iterable[tuple[object, Sequence[float | None]]],
    horizontal: bool = False,
) -> dict:
    """The data of a bar chart for static/js/charts.js: `datasets` are (label, values) pairs, a
    value per label; a hidden value is None (no bar). Each dataset gets its series colour.

    Empty ({}: no chart, the table alone) when no bar would be drawn.
    """
    datasets = [(label, list(data)) for label, data in datasets]
    if not any(value for _label, data in datasets for value in data):
        return {}
    return {
        "type": "bar",
        "horizontal": horizontal,
        "labels": [str(label) for label in labels],
        "datasets": [
            {"label": str(label), "colour": series_colour(index), "data": data}
            for index, (label, data) in enumerate(datasets)
        ],
    }


# --- SVG drawn on the server -----------------------------------------------------------------


def one_decimal(value: float) -> str:
    """One decimal, rounded half up like the tables' floatformat, in the reader's language."""
    return number_format(Decimal(str(value)).quantize(Decimal("0.1"), ROUND_HALF_UP), 1)


def svg_open(chart_id: str, width: int, height: int, *, title: str, desc: str) -> list[str]:
    """The opening of an SVG chart: its size, and the title and description it is read by."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="system-ui, sans-serif">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def svg_text(x, y, text, *, size=12, fill=INK, anchor="start", weight="normal", extra="") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" text-anchor="{anchor}" '
        f'font-weight="{weight}"{extra}>{escape(text)}</text>'
    )


def wrap(text: str, room: int) -> list[str]:
    """Split a label into lines of at most `room` characters, at spaces."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > room:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


@dataclass
class Row:
    label: str
    values: list[str]
    total: bool = False


@dataclass
class Table:
    """A table ready for the template, and the chart data of its inner cells."""

    caption: str
    corner: str
    columns: list[str]
    rows: list[Row]
    slug: str = ""
    chart: dict = field(default_factory=dict)  # empty: no chart

    @property
    def chart_id(self) -> str:
        return f"{self.slug}-chart-data" if self.chart else ""

    @property
    def chart_has_hidden(self) -> bool:
        return any(v is None for d in self.chart.get("datasets", []) for v in d["data"])
