"""The collaboration model's charts, drawn on the server as inline SVG (no JavaScript, no
inline styles) from the pieces in `samverka.lib.charts`: both parties' means area by area,
and the receptiveness and capacity quadrant with each party's place, or path over the rounds.

Every chart is shown beside a table with the same figures. The viewBox is phone-sized, so
text stays readable on a 390 px screen; CSS lets the chart grow on larger screens.
"""

from itertools import pairwise

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samverka.assessment.instrument import HIGH_THRESHOLD, SCALE_MAX, SCALE_MIN, Quadrant
from samverka.assessment.models import Level, Party
from samverka.lib.charts import (
    LINE,
    MUTED,
    PAPER,
    SERIES,
    one_decimal,
    svg_open,
    svg_text,
    wrap,
)

# The municipality side in the brand colour, the civil-society side in orange (the legends'
# swatches in static/css/samverka.css have the same colours).
PARTY_COLOURS = {Party.MUNICIPALITY: SERIES[0], Party.CIVIL_SOCIETY: "#b4531b"}
STABLE_WASH = "#e6f2ef"  # the quadrant of a stable collaboration
WIDTH = 360


def area_chart(chart_id: str, rows: list[dict], *, title: str, desc: str) -> SafeString:
    """Horizontal bars on the 1–5 scale, one bar per party, grouped under each row's label.

    rows: [{"label": str, "values": {party: float | None}, "heading": bool}]
    A row with "heading" True is a section heading without bars.
    """
    left, right = 4, WIDTH - 34
    span = right - left

    def x_of(value):
        return left + (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * span

    bar_h, gap, label_h = 14, 3, 18
    parties = list(PARTY_COLOURS)
    y = 24
    body: list[str] = []
    for row in rows:
        if row.get("heading"):
            y += 8
            body.append(svg_text(left, y + 12, row["label"], size=14, weight="bold"))
            y += label_h + 4
            continue
        body.append(svg_text(left, y + 13, row["label"], size=13))
        y += label_h
        for party in parties:
            value = row["values"].get(party)
            if value is None:
                body.append(
                    svg_text(left + 2, y + bar_h - 3, _("too few answers"), size=10, fill=MUTED)
                )
            else:
                width = max(x_of(value) - left, 2)
                body.append(
                    f'<rect x="{left}" y="{y}" width="{width:.1f}" height="{bar_h}" '
                    f'fill="{PARTY_COLOURS[party]}" rx="2"/>'
                )
                body.append(svg_text(left + width + 4, y + bar_h - 2, one_decimal(value), size=12))
            y += bar_h + gap
        y += 8
    height = y + 4
    grid = []
    for tick in range(SCALE_MIN, SCALE_MAX + 1):
        x = x_of(tick)
        grid.append(f'<line x1="{x:.1f}" y1="16" x2="{x:.1f}" y2="{height - 4}" stroke="{LINE}"/>')
        grid.append(svg_text(x, 12, str(tick), size=10, fill=MUTED, anchor="middle"))
    threshold = x_of(HIGH_THRESHOLD)
    grid.append(
        f'<line x1="{threshold:.1f}" y1="16" x2="{threshold:.1f}" y2="{height - 4}" '
        f'stroke="{MUTED}" stroke-dasharray="3 3"/>'
    )
    parts = svg_open(chart_id, WIDTH, height, title=title, desc=desc)
    parts += grid + body + ["</svg>"]
    return mark_safe("".join(parts))


def _marker(x, y, party: str, level: str, label: str, *, r=9) -> str:
    colour = PARTY_COLOURS[party]
    hollow = level == Level.OPERATIONAL
    fill, text_fill = (PAPER, colour) if hollow else (colour, PAPER)
    if party == Party.MUNICIPALITY:
        shape = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{fill}" stroke="{colour}" '
            f'stroke-width="2.5"/>'
        )
    else:
        s = r * 0.9
        shape = (
            f'<rect x="{x - s:.1f}" y="{y - s:.1f}" width="{2 * s:.1f}" height="{2 * s:.1f}" '
            f'fill="{fill}" stroke="{colour}" stroke-width="2.5"/>'
        )
    number = svg_text(x, y + 4, label, size=11, fill=text_fill, anchor="middle", weight="bold")
    return shape + number


class _Frame:
    """The receptiveness (up) × capacity (right) square with its four quadrants."""

    def __init__(self):
        self.left, self.top, self.size = 34, 10, 312

    def x(self, capacity: float) -> float:
        return self.left + (capacity - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * self.size

    def y(self, receptiveness: float) -> float:
        return self.top + (SCALE_MAX - receptiveness) / (SCALE_MAX - SCALE_MIN) * self.size

    def draw(self) -> list[str]:
        left, top, size = self.left, self.top, self.size
        tx, ty = self.x(HIGH_THRESHOLD), self.y(HIGH_THRESHOLD)
        bottom, right = top + size, left + size
        parts = [
            f'<rect x="{left}" y="{top}" width="{size}" height="{size}" fill="{PAPER}" '
            f'stroke="{LINE}"/>',
            f'<rect x="{tx:.1f}" y="{top}" width="{right - tx:.1f}" height="{ty - top:.1f}" '
            f'fill="{STABLE_WASH}"/>',
        ]
        for tick in range(SCALE_MIN, SCALE_MAX + 1):
            parts.append(
                svg_text(self.x(tick), bottom + 14, str(tick), size=10, fill=MUTED, anchor="middle")
            )
            parts.append(
                svg_text(left - 6, self.y(tick) + 4, str(tick), size=10, fill=MUTED, anchor="end")
            )
        parts += [
            f'<line x1="{tx:.1f}" y1="{top}" x2="{tx:.1f}" y2="{bottom}" stroke="{MUTED}" '
            f'stroke-dasharray="4 3"/>',
            f'<line x1="{left}" y1="{ty:.1f}" x2="{right}" y2="{ty:.1f}" stroke="{MUTED}" '
            f'stroke-dasharray="4 3"/>',
        ]
        # (quadrant, x, y of the first line, anchor, room in characters, lines go down or up)
        room_left, room_right = int((tx - left) / 6), int((right - tx) / 6)
        corner = [
            (Quadrant.HELD_BACK, left + 6, top + 16, "start", room_left, 1),
            (Quadrant.STABLE, right - 6, top + 16, "end", room_right, 1),
            (Quadrant.NOT_YET, left + 6, bottom - 8, "start", room_left, -1),
            (Quadrant.FORMAL, right - 6, bottom - 8, "end", room_right, -1),
        ]
        for quadrant, x, y, anchor, room, direction in corner:
            lines = wrap(str(Quadrant(quadrant).label), room)
            if direction < 0:
                lines = list(reversed(lines))
            for index, line in enumerate(lines):
                line_y = y + direction * index * 13
                parts.append(svg_text(x, line_y, line, size=11, fill=MUTED, anchor=anchor))
        parts.append(
            svg_text(
                left + size / 2,
                bottom + 30,
                _("Collaboration capacity →"),
                size=12,
                anchor="middle",
            )
        )
        cx, cy = 10, top + size / 2
        parts.append(
            svg_text(
                cx,
                cy,
                _("Collaboration receptiveness →"),
                size=12,
                anchor="middle",
                extra=f' transform="rotate(-90 {cx} {cy:.1f})"',
            )
        )
        return parts

    @property
    def height(self) -> int:
        return self.top + self.size + 38


def quadrant_chart(chart_id: str, points: list[dict], *, title: str, desc: str) -> SafeString:
    """points: [{"label": "1", "party": ..., "level": ... or "", "receptiveness", "capacity"}]"""
    frame = _Frame()
    parts = svg_open(chart_id, WIDTH, frame.height, title=title, desc=desc) + frame.draw()
    for point in points:
        parts.append(
            _marker(
                frame.x(point["capacity"]),
                frame.y(point["receptiveness"]),
                point["party"],
                point.get("level", ""),
                point["label"],
            )
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def journey_chart(
    chart_id: str, paths: dict[str, list[dict]], *, title: str, desc: str
) -> SafeString:
    """One path per party through the quadrant, a marker per round labelled with its number.

    paths: {party: [{"label": "1", "receptiveness": .., "capacity": ..}, ...]} oldest first.
    """
    frame = _Frame()
    parts = svg_open(chart_id, WIDTH, frame.height, title=title, desc=desc)
    parts.append("<defs>")
    for party, colour in PARTY_COLOURS.items():
        parts.append(
            f'<marker id="{chart_id}-arrow-{party}" viewBox="0 0 10 10" refX="10" refY="5" '
            f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    parts += frame.draw()
    for party, steps in paths.items():
        coords = [(frame.x(s["capacity"]), frame.y(s["receptiveness"])) for s in steps]
        for (x1, y1), (x2, y2) in pairwise(coords):
            # Stop the line at the next marker's edge so the arrow stays visible.
            dx, dy = x2 - x1, y2 - y1
            length = max((dx * dx + dy * dy) ** 0.5, 0.001)
            end_x, end_y = x2 - dx / length * 11, y2 - dy / length * 11
            if length > 22:
                parts.append(
                    f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{end_x:.1f}" y2="{end_y:.1f}" '
                    f'stroke="{PARTY_COLOURS[party]}" stroke-width="2.5" '
                    f'marker-end="url(#{chart_id}-arrow-{party})"/>'
                )
        for (x, y), step in zip(coords, steps, strict=True):
            parts.append(_marker(x, y, party, "", step["label"]))
    parts.append("</svg>")
    return mark_safe("".join(parts))
