"""The steering-group report: for a chosen period, one PDF and one XLSX with the goals, the
indicators against baseline and target (with a small chart each in the PDF), evidence, learning
decisions, dilemmas, referral gaps, attendance by focus area and the four added values — in
Swedish or English. Made in the background (samverka/jobs); every file is audited.

Every figure is read by the same selectors as the follow-up page (`selectors.indicator_row`),
so the report says what the page says for that period.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.followup import periods as P
from samverka.followup.addedvalues import added_values_for
from samverka.followup.models import Level, Unit
from samverka.followup.selectors import (
    evidence_for,
    goals_for,
    indicator_row,
    indicators_for,
)
from samverka.followup.sources import OK, Context, unique_participants_by
from samverka.jobs.services import Output, producer
from samverka.lib.charts import INK, LINE, MUTED, series_colour, svg_open, svg_text
from samverka.lib.exports import XLSX_TYPE, Sheet, xlsx_bytes
from samverka.lib.pdf import PDF_TYPE, render_pdf

PDF_KIND, XLSX_KIND = "followup.report_pdf", "followup.report_xlsx"


@dataclass
class ReportIndicator:
    goal: str
    name: str
    unit: str
    value: str
    baseline: str
    target: str
    status: str
    periods: list[tuple[str, str]]
    chart_svg: str = ""
    decisions: list = field(default_factory=list)


@dataclass
class Report:
    collaboration: object
    period: P.Period
    goals: list[dict]
    indicators: list[ReportIndicator]
    evidence: list
    decisions: list
    dilemmas: list
    gaps: list[dict]
    attendance: list[tuple[str, str]]
    added_values: object


def _period_for(indicator, period: P.Period) -> P.Period:
    """The indicator's own kind of period that the report's period ends in."""
    return P.period_of(period.end, indicator.period_kind)


def report_for(collaboration, period: P.Period) -> Report:
    goals = list(goals_for(collaboration))
    indicators = []
    for goal in goals:
        for indicator in (
            indicators_for(collaboration)
            .filter(goal=goal, archived_at__isnull=True)
            .prefetch_related("values", "decisions__session")
        ):
            last = _period_for(indicator, period)
            shown = P.recent(indicator.period_kind, 4, today=last.start)
            row = indicator_row(indicator, periods=shown)
            current = next((v for v in row.values if v.period == last), row.values[-1])
            indicators.append(
                ReportIndicator(
                    goal=goal.title,
                    name=row.definition.name,
                    unit=str(Unit(row.definition.unit).label),
                    value=current.text,
                    baseline=row.baseline,
                    target=row.target,
                    status=row.status_label,
                    periods=[(v.period.key, v.text) for v in row.values],
                    chart_svg=chart_svg(row),
                    decisions=[d.text for d in indicator.decisions.all()],
                )
            )
    from samverka.assessment.models import Dilemma, LearningDecision
    from samverka.referrals.selectors import gap_rows

    evidence = [n for n in evidence_for(collaboration) if _in_period(n.period, period)]
    decisions = list(
        LearningDecision.objects.filter(
            session__collaboration=collaboration,
            session__held_on__gte=period.start,
            session__held_on__lte=period.end,
        ).select_related("session")
    )
    dilemmas = list(
        Dilemma.objects.filter(
            collaboration=collaboration,
            occurred_on__gte=period.start,
            occurred_on__lte=period.end,
        )
    )
    gaps = [row for row in gap_rows(collaboration) if _in_period(row["period"], period)]
    attendance = [
        (label, _format_count(value))
        for label, value in unique_participants_by(
            Context(collaboration=collaboration, start=period.start, end=period.end),
            "focus_area",
        )
    ]
    return Report(
        collaboration=collaboration,
        period=period,
        goals=[
            {"goal": g, "level": str(Level(g.level).label), "focus": g.focus_area_label}
            for g in goals
        ],
        indicators=indicators,
        evidence=evidence,
        decisions=decisions,
        dilemmas=dilemmas,
        gaps=gaps,
        attendance=attendance,
        added_values=added_values_for(collaboration),
    )


def _format_count(value) -> str:
    if value.state == OK:
        return str(int(value.value))
    return _("hidden")


def _in_period(key: str, period: P.Period) -> bool:
    try:
        other = P.parse(key)
    except ValueError:
        return False
    return other.start <= period.end and other.end >= period.start


def chart_svg(row) -> str:
    """A small bar chart of the values per period with the target as a line, drawn on the
    server for the PDF (WeasyPrint runs no scripts)."""
    data = [(v.period.key, v.value.value if v.value.state == OK else None) for v in row.values]
    numbers = [value for _key, value in data if value is not None]
    if not numbers:
        return ""
    target = float(row.indicator.target_value) if row.indicator.target_value is not None else None
    top = max([*numbers, target or 0]) or 1
    width, height, left, bottom = 320, 120, 8, 20
    room = (width - 2 * left) / len(data)
    parts = svg_open(
        f"chart-{row.code}",
        width,
        height,
        title=row.definition.name,
        desc=_("Values per period against the target."),
    )
    parts.append(
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" '
        f'y2="{height - bottom}" stroke="{LINE}"/>'
    )
    for index, (key, value) in enumerate(data):
        x = left + index * room + room * 0.2
        if value is not None:
            bar = (height - bottom - 10) * value / top
            parts.append(
                f'<rect x="{x:.1f}" y="{height - bottom - bar:.1f}" width="{room * 0.6:.1f}" '
                f'height="{bar:.1f}" fill="{series_colour(0)}"/>'
            )
        parts.append(svg_text(x + room * 0.3, height - 6, key, size=8, fill=MUTED, anchor="middle"))
    if target is not None:
        y = height - bottom - (height - bottom - 10) * target / top
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - left}" y2="{y:.1f}" '
            f'stroke="{series_colour(2)}" stroke-dasharray="6 4" stroke-width="1.5"/>'
        )
        parts.append(svg_text(width - left, y - 3, _("target"), size=8, fill=INK, anchor="end"))
    parts.append("</svg>")
    return "".join(parts)


def report_pdf_bytes(report: Report) -> bytes:
    return render_pdf("followup/report_pdf.html", {"report": report, "pdf": True})


def report_xlsx_bytes(report: Report) -> bytes:
    sheets = [
        Sheet(
            _("Indicators"),
            [
                _("Goal"),
                _("Indicator"),
                _("Unit"),
                report.period.key,
                _("Baseline"),
                _("Target"),
                _("Status"),
            ],
            [
                (i.goal, i.name, i.unit, i.value, i.baseline, i.target, i.status)
                for i in report.indicators
            ],
            widths=(40, 40, 16, 12, 16, 16, 16),
            wrap=True,
        ),
        Sheet(
            _("Values per period"),
            [_("Indicator"), _("Period"), _("Value")],
            [(i.name, key, text) for i in report.indicators for key, text in i.periods],
            widths=(40, 12, 12),
        ),
        Sheet(
            _("Evidence"),
            [_("Period"), _("Kind"), _("Goal"), _("Indicator"), _("Note")],
            [
                (
                    n.period,
                    n.get_kind_display(),
                    n.goal.title if n.goal else "",
                    n.indicator.definition.name if n.indicator else "",
                    n.text,
                )
                for n in report.evidence
            ],
            widths=(10, 14, 30, 30, 60),
            wrap=True,
        ),
        Sheet(
            _("Learning decisions"),
            [_("Decision"), _("Date"), _("Follow up by (date)"), _("Done")],
            [(d.text, d.session.held_on, d.due_on, d.done_on or "") for d in report.decisions],
            widths=(60, 12, 14, 12),
            wrap=True,
        ),
        Sheet(
            _("Dilemmas"),
            [_("Dilemma"), _("Date"), _("Status")],
            [(d.title, d.occurred_on, d.get_status_display()) for d in report.dilemmas],
            widths=(60, 12, 14),
        ),
        Sheet(
            _("Referral gaps"),
            [_("Need"), _("Period"), _("Raised without an actor"), _("Failed referrals")],
            [
                (
                    str(g["need"].label),
                    g["period"],
                    _count(g["raised_without_actor"]),
                    _count(g["failed_referrals"]),
                )
                for g in report.gaps
            ],
            widths=(30, 12, 20, 20),
        ),
        Sheet(
            _("Attendance"),
            [_("Focus area"), _("Unique participants")],
            report.attendance,
            widths=(50, 20),
        ),
    ]
    latest = report.added_values.latest
    if latest is not None:
        sheets.append(
            Sheet(
                _("Added values"),
                [_("Added value"), _("Role"), *[c.label for c in latest.columns]],
                [
                    (
                        row.label,
                        row.role,
                        *[("" if s is None else round(s)) for s in row.shares],
                    )
                    for row in latest.rows
                ],
                widths=(30, 30),
            )
        )
    return xlsx_bytes(sheets)


def _count(value) -> str:
    return _("hidden") if value is None else str(value)


def file_stem(report: Report) -> str:
    name = _("steering-group-report")
    return slugify(f"{name}-{report.collaboration.name}-{report.period.key}")


def _language(job) -> str:
    return job.params.get("language") or settings.LANGUAGE_CODE


def _audit(job, detail: str) -> None:
    audit_record(
        actor=job.requested_by,
        action=AuditAction.EXPORT,
        obj=job.collaboration,
        collaboration=job.collaboration,
        detail=detail,
    )


@producer(PDF_KIND)
def report_pdf(job, progress) -> Output:
    with translation.override(_language(job)):
        progress(10, _("Computing the indicators"))
        report = report_for(job.collaboration, P.parse(job.params["period"]))
        progress(50, _("Writing the PDF"))
        content = report_pdf_bytes(report)
        _audit(job, f"steering-group report PDF {report.period.key}")
        return Output(content, f"{file_stem(report)}.pdf", PDF_TYPE)


@producer(XLSX_KIND)
def report_xlsx(job, progress) -> Output:
    with translation.override(_language(job)):
        progress(10, _("Computing the indicators"))
        report = report_for(job.collaboration, P.parse(job.params["period"]))
        content = report_xlsx_bytes(report)
        _audit(job, f"steering-group report XLSX {report.period.key}")
        return Output(content, f"{file_stem(report)}.xlsx", XLSX_TYPE)
