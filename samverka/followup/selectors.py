"""Scoped reads of the follow-up plan, and the dashboard: each goal with its indicators' values
per period (computed now, `sources.py`), against baseline and target, with a status in words."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverka.assessment.models import LearningDecision
from samverka.followup import periods as P
from samverka.followup.models import (
    Direction,
    EvidenceNote,
    Goal,
    IndicatorDefinition,
    Level,
    PlanIndicator,
    Unit,
)
from samverka.followup.sources import (
    HIDDEN,
    NO_DATA,
    NOT_APPLICABLE,
    OK,
    SOURCES,
    SURVEY_ITEMS,
    Context,
    Value,
    compute_many,
    survey_items_of,
)
from samverka.lib.charts import series_colour
from samverka.lib.prepared import PreparedQuery

MAX_PERIODS = 6
DEFAULT_PERIODS = 4

REACHED, ON_THE_WAY, NOT_YET, NO_TARGET = "reached", "on_the_way", "not_yet", "no_target"
STATUS_LABELS = {
    REACHED: gettext_lazy("reached"),
    ON_THE_WAY: gettext_lazy("on the way"),
    NOT_YET: gettext_lazy("not yet"),
    NO_DATA: gettext_lazy("no data"),
    NO_TARGET: gettext_lazy("no target set"),
    NOT_APPLICABLE: gettext_lazy("followed with notes"),
}
STATUS_BADGES = {
    REACHED: "badge-ok",
    ON_THE_WAY: "badge-info",
    NOT_YET: "badge-warning",
}

# Where the figures of each source come from (the page behind them).
SOURCE_PAGES = {
    "attendance": "activities:list",
    "surveys": "surveys:index",
    "assessment": "assessment:rounds",
    "referrals": "referrals:gaps",
    "learning": "assessment:model",
    "checklist": "assessment:model",
    "knowledge": "knowledge:runs",
}


def definitions_for(collaboration) -> list[IndicatorDefinition]:
    """The library a plan chooses from: the built-ins and the collaboration's own."""
    return list(
        IndicatorDefinition.objects.filter(
            Q(collaboration__isnull=True, builtin_id__gt="") | Q(collaboration=collaboration),
            archived_at__isnull=True,
        ).order_by("builtin_id", "name_sv")
    )


def all_goals_for(collaboration):
    """The goals, archived or not, in the order `goals_for` lists them."""
    return Goal.objects.filter(collaboration=collaboration)


# The plan page's fixed reads, their SQL built once per connection (lib/prepared.py): each says
# which collaboration's rows it reads, as the tenant scope would.
_PLAN_GOALS = PreparedQuery(
    lambda collaboration: Goal.objects.filter(collaboration_id=collaboration), collaboration=int
)
_PLAN_NOTES = PreparedQuery(
    lambda collaboration: EvidenceNote.objects.filter(collaboration_id=collaboration),
    collaboration=int,
)
_PLAN_INDICATORS = PreparedQuery(
    lambda collaboration: PlanIndicator.objects.select_related("definition").filter(
        goal__collaboration_id=collaboration,
        goal__archived_at__isnull=True,
        archived_at__isnull=True,
    ),
    collaboration=int,
)
_PLAN_DECISIONS = PreparedQuery(
    lambda collaboration, sessions_of: (
        PlanIndicator.decisions.through.objects.select_related("learningdecision")
        .filter(
            planindicator__goal__collaboration_id=collaboration,
            learningdecision__session__collaboration_id=sessions_of,
        )
        .order_by(
            *(f"learningdecision__{name}" for name in LearningDecision._meta.ordering),
        )
    ),
    collaboration=int,
    sessions_of=int,
)


def plan_goals(collaboration) -> list[Goal]:
    """`all_goals_for(collaboration)` read for the plan page."""
    return _PLAN_GOALS.all(collaboration=collaboration.pk)


def goals_for(collaboration, *, archived: bool = False):
    return all_goals_for(collaboration).filter(archived_at__isnull=not archived)


def indicators_for(collaboration):
    return PlanIndicator.objects.filter(goal__collaboration=collaboration).select_related(
        "goal__collaboration", "definition"
    )


def decisions_for(collaboration):
    return LearningDecision.objects.filter(session__collaboration=collaboration).select_related(
        "session"
    )


def plan_notes(collaboration) -> list[EvidenceNote]:
    """The evidence notes as the plan page lists them: the rows first, then only the related
    rows its list shows, and only when there are notes that name them (a page without notes
    pays for one plain query, not for five joins)."""
    notes = _PLAN_NOTES.all(collaboration=collaboration.pk)
    prefetch_related_objects(notes, "learning_session", "activity", "survey_round")
    return notes


def evidence_for(collaboration):
    return EvidenceNote.objects.filter(collaboration=collaboration).select_related(
        "goal", "indicator__definition", "learning_session", "activity", "survey_round"
    )


# --- formatting -------------------------------------------------------------------------------


def format_number(value: float | Decimal | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == Unit.SHARE:
        return f"{number_format(round(float(value)), 0)} %"
    if unit == Unit.MEAN:
        return number_format(round(float(value), 1), 1)
    if float(value) == int(value):
        return number_format(int(value), 0)
    return number_format(round(float(value), 1), 1)


def format_value(value: Value, unit: str) -> str:
    if value.state == OK:
        return format_number(value.value, unit)
    if value.state == HIDDEN:
        return _("hidden")
    if value.state == NOT_APPLICABLE:
        return "–"
    return _("no data")


# --- the dashboard --------------------------------------------------------------------------


@dataclass
class PeriodValue:
    period: P.Period
    value: Value
    text: str


@dataclass
class IndicatorRow:
    indicator: PlanIndicator
    definition: IndicatorDefinition
    values: list[PeriodValue]
    status: str
    latest: PeriodValue | None
    baseline: str
    target: str
    decisions: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    chart: dict = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES.get(self.status, "")

    @property
    def chart_id(self) -> str:
        return f"indicator-{self.indicator.code}" if self.chart else ""

    @property
    def unit_label(self) -> str:
        return str(Unit(self.definition.unit).label)

    @property
    def source_area(self) -> str:
        return self.definition.source.split(".")[0]

    @property
    def is_qualitative(self) -> bool:
        return self.definition.is_qualitative

    def source_url(self, collaboration_code: str) -> str:
        name = SOURCE_PAGES.get(self.source_area)
        if name is None:
            return ""
        return reverse(name, args=[collaboration_code])


@dataclass
class GoalRow:
    goal: Goal
    indicators: list[IndicatorRow]
    evidence: list

    @property
    def level_label(self) -> str:
        return str(Level(self.goal.level).label)


def display_periods(indicator: PlanIndicator, *, today=None) -> list[P.Period]:
    """The periods a plan indicator shows: from its baseline's period (or the last few) up to
    the current one, at most MAX_PERIODS, the current last."""
    today = today or timezone.localdate()
    kind = indicator.period_kind
    last = P.current(kind, today=today)
    first = None
    if indicator.baseline_period and P.is_valid(indicator.baseline_period):
        first = P.period_of(P.parse(indicator.baseline_period).start, kind)
    if first is None or first > last:
        return P.recent(kind, DEFAULT_PERIODS, today=today)
    return P.periods_between(first.start, last.start, kind)[-MAX_PERIODS:]


def values_for(
    indicator: PlanIndicator, periods: list[P.Period], *, today=None, shared: dict | None = None
) -> list[Value]:
    """The indicator's values of `periods`, computed together (`sources.compute_many`);
    `shared`: what the indicators of one page read once (`sources.Context.shared`)."""
    shared = {} if shared is None else shared
    definition = indicator.definition
    contexts = [
        Context(
            collaboration=indicator.goal.collaboration,
            start=period.start,
            end=period.end,
            params={**(definition.params or {}), "_period_key": period.key},
            plan_indicator=indicator,
            today=today,
            shared=shared,
        )
        for period in periods
    ]
    return compute_many(definition.source, contexts)


def value_for(indicator: PlanIndicator, period: P.Period, *, today=None) -> Value:
    return values_for(indicator, [period], today=today)[0]


def status_of(indicator: PlanIndicator, latest: Value | None) -> str:
    if indicator.definition.is_qualitative:
        return NOT_APPLICABLE
    if latest is None or latest.state != OK:
        return NO_DATA
    if indicator.target_value is None:
        return NO_TARGET
    value, target = Decimal(str(round(latest.value, 1))), indicator.target_value
    baseline = indicator.baseline_value
    lower = indicator.definition.direction == Direction.LOWER
    if (value <= target) if lower else (value >= target):
        return REACHED
    if baseline is not None and ((value < baseline) if lower else (value > baseline)):
        return ON_THE_WAY
    return NOT_YET


def indicator_row(
    indicator: PlanIndicator, *, today=None, periods=None, shared: dict | None = None
) -> IndicatorRow:
    definition = indicator.definition
    unit = definition.unit
    periods = periods or display_periods(indicator, today=today)
    computed = values_for(indicator, periods, today=today, shared=shared)
    values = [
        PeriodValue(period, value, format_value(value, unit))
        for period, value in zip(periods, computed, strict=True)
    ]
    shown = [v for v in values if v.value.state == OK]
    latest = shown[-1] if shown else None
    row = IndicatorRow(
        indicator=indicator,
        definition=definition,
        values=values,
        status=status_of(indicator, latest.value if latest else None),
        latest=latest,
        baseline=_with_period(indicator.baseline_value, indicator.baseline_period, unit),
        target=_with_period(indicator.target_value, indicator.target_period, unit),
    )
    row.chart = indicator_chart(row)
    return row


def _with_period(value, period: str, unit: str) -> str:
    if value is None:
        return ""
    text = format_number(value, unit)
    return f"{text} ({period})" if period else text


def indicator_chart(row: IndicatorRow) -> dict:
    """Bars of the values per period and a line at the target, for static/js/charts.js
    (`data-indicator-chart`); empty when nothing can be drawn."""
    if row.is_qualitative:
        return {}
    data = [round(v.value.value, 1) if v.value.state == OK else None for v in row.values]
    if not any(value is not None for value in data):
        return {}
    datasets = [
        {"label": row.definition.name, "colour": series_colour(0), "data": data, "type": "bar"}
    ]
    if row.indicator.target_value is not None:
        target = float(row.indicator.target_value)
        datasets.append(
            {
                "label": str(_("target")),
                "colour": series_colour(2),
                "data": [target] * len(data),
                "type": "line",
            }
        )
    return {
        "labels": [v.period.key for v in row.values],
        "unit": "%" if row.definition.unit == Unit.SHARE else "",
        "datasets": datasets,
    }


def dashboard(collaboration, *, today=None, goals=None, notes=None) -> list[GoalRow]:
    """The plan's goals (`goals`: the collaboration's unarchived goals, if read already) with
    their indicators' rows; `notes`: the collaboration's evidence notes, if read already."""
    goals = list(goals_for(collaboration)) if goals is None else goals
    # The indicators with their definitions; their goals (and the goals' collaboration) are
    # those already read, the values entered by hand are read only for the indicators that
    # show them, and the decisions without their sessions (the cards show only their text).
    goal_of = {goal.pk: goal for goal in goals}
    indicators = [
        i for i in _PLAN_INDICATORS.all(collaboration=collaboration.pk) if i.goal_id in goal_of
    ]
    for indicator in indicators:
        indicator.goal = goal_of[indicator.goal_id]
        indicator.goal.collaboration = collaboration
    # The decisions about each indicator (of the collaboration's learning sessions), in the
    # decisions' own order, in one prepared read rather than a prefetch built each time.
    decisions_of: dict[int, list] = {}
    for link in _PLAN_DECISIONS.all(collaboration=collaboration.pk, sessions_of=collaboration.pk):
        decisions_of.setdefault(link.planindicator_id, []).append(link.learningdecision)
    prefetch_related_objects([i for i in indicators if i.definition.source == "manual"], "values")
    notes = list(evidence_for(collaboration)) if notes is None else notes
    shared: dict = {}  # the attendance rows the indicators share, read once
    # The survey answers of every survey indicator of the page, read in one statement.
    shared[SURVEY_ITEMS] = {
        item
        for indicator in indicators
        for item in survey_items_of(indicator.definition.source, indicator.definition.params or {})
    }
    rows = []
    for goal in goals:
        indicator_rows = []
        for indicator in indicators:
            if indicator.goal_id != goal.pk:
                continue
            row = indicator_row(indicator, today=today, shared=shared)
            row.decisions = decisions_of.get(indicator.pk, [])
            row.evidence = [n for n in notes if n.indicator_id == indicator.pk]
            indicator_rows.append(row)
        rows.append(
            GoalRow(
                goal=goal,
                indicators=indicator_rows,
                evidence=[n for n in notes if n.goal_id == goal.pk and n.indicator_id is None],
            )
        )
    return rows


def dimension_label(dimension: str) -> str:
    from samverka.followup.sources import DIMENSION_LABELS

    return str(DIMENSION_LABELS.get(dimension, dimension))


def breakdown(indicator: PlanIndicator, period: P.Period, dimension: str) -> list[tuple]:
    """The value of `period` broken down along `dimension`, where the source allows."""
    source = SOURCES.get(indicator.definition.source)
    if source is None or source.breakdown is None or dimension not in source.dimensions:
        return []
    ctx = Context(
        collaboration=indicator.goal.collaboration,
        start=period.start,
        end=period.end,
        params=dict(indicator.definition.params or {}),
        plan_indicator=indicator,
    )
    unit = indicator.definition.unit
    return [(label, format_value(value, unit)) for label, value in source.breakdown(ctx, dimension)]


def has_records(indicator: PlanIndicator) -> bool:
    """Whether removing the indicator would lose something: values, notes, decisions, or a
    computed source (whose values exist as soon as the collaboration records anything)."""
    definition = indicator.definition
    if definition.source not in ("manual", "qualitative"):
        return True
    return indicator.values.exists() or indicator.evidence.exists() or indicator.decisions.exists()


def plan_figures(collaboration, period: P.Period) -> list[dict]:
    """The plan's indicators' values for one period (the steering-group report, the dossier)."""
    figures = []
    for goal in goals_for(collaboration):
        for indicator in (
            indicators_for(collaboration)
            .filter(goal=goal, archived_at__isnull=True)
            .prefetch_related("values")
        ):
            definition = indicator.definition
            value = value_for(indicator, period)
            latest = value if value.state == OK else None
            figures.append(
                {
                    "goal": goal,
                    "indicator": indicator,
                    "name": definition.name,
                    "unit": definition.unit,
                    "value": value,
                    "text": format_value(value, definition.unit),
                    "baseline": _with_period(
                        indicator.baseline_value, indicator.baseline_period, definition.unit
                    ),
                    "target": _with_period(
                        indicator.target_value, indicator.target_period, definition.unit
                    ),
                    "status": status_of(indicator, latest),
                    "status_label": str(STATUS_LABELS[status_of(indicator, latest)]),
                }
            )
    return figures
