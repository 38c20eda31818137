"""The sources of computed indicators: each turns what a collaboration records into one value
for one period, when the page is drawn (never stored, never a nightly job).

Rules every source keeps:
- **No data is not zero.** Nothing recorded in the period (no sessions, no answers, no closed
  self-assessment round) is `NO_DATA`; so is a share or mean whose denominator is zero.
- **Disclosure control.** Every count of people and every group behind a share or a mean goes
  through `samverka.lib.disclosure.disclosure_control` (a count from 1 to 4 is hidden; a
  breakdown is ONE controlled cube, so a hidden group cannot be worked out from the others).
  A hidden figure is `HIDDEN`, shown as hidden, never as 0. Within a group of at least five the
  share or mean is computed exactly (as in the survey results, samverka/surveys/results).
  Counts of things rather than people (sessions held, learning decisions, checklist items) are
  not controlled.

A source is `fn(ctx) -> Value`; some can also break a value down (`breakdown(ctx, dimension)`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.disclosure import TOTAL, disclosure_control

OK, HIDDEN, NO_DATA = "ok", "hidden", "no_data"
NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class Value:
    state: str
    value: float | None = None
    n: int | None = None  # the (published) group behind a share or mean

    @property
    def shown(self) -> bool:
        return self.state == OK


NO = Value(NO_DATA)
HID = Value(HIDDEN)


@dataclass
class Context:
    collaboration: object
    start: date
    end: date
    params: dict = field(default_factory=dict)
    plan_indicator: object = None
    today: date | None = None

    @property
    def until(self) -> date:
        """The period's end, or today when the period has not ended (nothing is held later)."""
        today = self.today or timezone.localdate()
        return min(self.end, today)


# --- disclosure helpers -------------------------------------------------------------------


def controlled_count(count: int) -> Value:
    """A count of people: 1–4 hidden, 0 shown as 0 (people were looked for and none found)."""
    cube = disclosure_control({("all",): count}, [["all"]])
    shown = cube[("all",)]
    return HID if shown is None else Value(OK, float(shown), shown)


def controlled_group(size: int) -> bool | None:
    """Whether a group behind a share or mean may be shown: None when it is empty (no data)."""
    if size == 0:
        return None
    cube = disclosure_control({("all",): size}, [["all"]])
    return cube[("all",)] is not None


def share(numerator: int, denominator: int, *, people: bool = True) -> Value:
    if denominator == 0:
        return NO
    if people and not controlled_group(denominator):
        return HID
    return Value(OK, 100.0 * numerator / denominator, denominator)


def mean(values: list[float], *, group: int | None = None) -> Value:
    size = len(values) if group is None else group
    if not values or size == 0:
        return NO
    if not controlled_group(size):
        return HID
    return Value(OK, sum(values) / len(values), size)


def controlled_breakdown(counts: dict[str, int], groups: list[str]) -> dict[str, Value]:
    """Counts per group (and the total, TOTAL) as ONE controlled cube."""
    cube = disclosure_control({(g,): n for g, n in counts.items() if n}, [groups])
    return {
        g: (HID if cube[(g,)] is None else Value(OK, float(cube[(g,)]), cube[(g,)]))
        for g in [*groups, TOTAL]
    }


# --- attendance ---------------------------------------------------------------------------


def _activities(ctx: Context):
    from samverka.activities.models import Activity

    activities = Activity.objects.filter(collaboration=ctx.collaboration)
    focus_area = ctx.params.get("focus_area")
    if focus_area:
        activities = activities.filter(focus_area=int(focus_area))
    if ctx.params.get("activity"):
        activities = activities.filter(code=ctx.params["activity"])
    target_group = ctx.params.get("target_group")
    rows = list(activities.values_list("pk", "target_groups"))
    if target_group:
        rows = [(pk, groups) for pk, groups in rows if target_group in (groups or [])]
    return [pk for pk, _groups in rows]


def _held_sessions(ctx: Context):
    from samverka.activities.models import Session

    return Session.objects.filter(
        activity_id__in=_activities(ctx),
        cancelled=False,
        date__gte=ctx.start,
        date__lte=ctx.until,
    )


def _attendances(ctx: Context):
    from samverka.activities.models import Attendance

    attendances = Attendance.objects.filter(session__in=_held_sessions(ctx))
    role = ctx.params.get("role")
    if role:
        attendances = attendances.filter(participant__role=role)
    return attendances.order_by()


def unique_participants(ctx: Context) -> Value:
    if not _held_sessions(ctx).exists():
        return NO
    count = _attendances(ctx).values("participant_id").distinct().count()
    return controlled_count(count)


def _participant_groups(ctx: Context, dimension: str) -> tuple[list[str], dict[str, str], dict]:
    """Each attending participant's group along `dimension`, the groups in order and labels."""
    from samverka.activities.models import FocusArea
    from samverka.lib import agebands
    from samverka.participants.models import Gender

    today = ctx.until
    rows = _attendances(ctx).values_list(
        "participant_id",
        "session__activity__focus_area",
        "session__activity__name",
        "participant__gender",
        "participant__birth_year",
    )
    group_of: dict[tuple, set] = defaultdict(set)
    for pid, focus_area, activity, gender, birth_year in rows:
        if dimension == "focus_area":
            value = str(focus_area)
        elif dimension == "activity":
            value = activity
        elif dimension == "gender":
            value = gender or Gender.NOT_STATED
        else:
            value = agebands.band_for(today.year - birth_year if birth_year else None)
        group_of[value].add(pid)
    if dimension == "focus_area":
        groups = [str(f.value) for f in FocusArea]
        labels = {str(f.value): str(f.label) for f in FocusArea}
    elif dimension == "gender":
        groups = [g.value for g in Gender]
        labels = {g.value: str(g.label) for g in Gender}
    elif dimension == "age_band":
        groups = [b.label for b in agebands.bands()] + [agebands.UNKNOWN]
        labels = {g: g for g in groups} | {agebands.UNKNOWN: str(_("unknown"))}
    else:
        groups = sorted(group_of)
        labels = {g: g for g in groups}
    return groups, labels, group_of


def unique_participants_by(ctx: Context, dimension: str) -> list[tuple[str, Value]]:
    """Unique participants per group. A person in two groups (two activities) counts in both,
    so the groups of activity and focus area are each controlled as their own cube with the
    distinct total beside it."""
    groups, labels, group_of = _participant_groups(ctx, dimension)
    counts = {g: len(group_of.get(g, ())) for g in groups}
    values = controlled_breakdown(counts, groups)
    return [(labels[g], values[g]) for g in groups if counts[g] or values[g].state != OK]


def sessions_held(ctx: Context) -> Value:
    """Sessions held in the period; no data when no activity ran in it (0 only when activities
    ran and none of their sessions was held)."""
    from django.db.models import Q

    from samverka.activities.models import Activity

    count = _held_sessions(ctx).count()
    if count == 0:
        running = Activity.objects.filter(pk__in=_activities(ctx), starts_on__lte=ctx.end).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=ctx.start)
        )
        if not running.exists():
            return NO
    return Value(OK, float(count), count)


def sessions_held_by(ctx: Context, dimension: str) -> list[tuple[str, Value]]:
    from samverka.activities.models import FocusArea

    field_name = "activity__focus_area" if dimension == "focus_area" else "activity__name"
    counts = Counter(_held_sessions(ctx).values_list(field_name, flat=True))
    if dimension == "focus_area":
        return [
            (str(f.label), Value(OK, float(counts[f.value]), counts[f.value]))
            for f in FocusArea
            if counts[f.value]
        ]
    return [(name, Value(OK, float(n), n)) for name, n in sorted(counts.items())]


def retention(ctx: Context) -> Value:
    """Share of an activity's participants who came to at least N of its held sessions (each
    participant counted once per activity)."""
    minimum = int(ctx.params.get("min_sessions") or 3)
    pairs = Counter(_attendances(ctx).values_list("session__activity_id", "participant_id"))
    if not pairs:
        return NO
    stayed = sum(1 for n in pairs.values() if n >= minimum)
    return share(stayed, len(pairs))


def households_child_and_guardian(ctx: Context) -> Value:
    """Of the households with someone attending, the share where a child and a guardian both
    took part (participants without a household are not counted)."""
    roles: dict[int, set[str]] = defaultdict(set)
    for household, role in _attendances(ctx).values_list(
        "participant__household_id", "participant__role"
    ):
        if household is not None:
            roles[household].add(role)
    if not roles:
        return NO
    both = sum(1 for r in roles.values() if {"child", "guardian"} <= r)
    return share(both, len(roles))


# --- surveys ------------------------------------------------------------------------------


def _survey_answers(ctx: Context, items):
    from samverka.surveys.respond.models import Answer

    return Answer.objects.filter(
        response__round__collaboration=ctx.collaboration,
        response__submitted_at__date__gte=ctx.start,
        response__submitted_at__date__lte=ctx.end,
        item__item_id__in=list(items),
    ).order_by()


SCALE = {"1", "2", "3", "4", "5"}
AGREE = {"4", "5"}


def share_agreeing(ctx: Context) -> Value:
    """Share of answers 4–5 among the 1–5 answers ("don't know" left out) to the items, over
    the survey answers submitted in the period; the group is the respondents behind them."""
    rows = [
        (response, value)
        for response, value in _survey_answers(ctx, ctx.params.get("items", ())).values_list(
            "response_id", "value"
        )
        if value in SCALE
    ]
    respondents = len({response for response, _value in rows})
    if not rows:
        return NO
    if not controlled_group(respondents):
        return HID
    agreeing = sum(1 for _response, value in rows if value in AGREE)
    return Value(OK, 100.0 * agreeing / len(rows), respondents)


WHO5_ITEMS = ("P-WHO-01", "P-WHO-02", "P-WHO-03", "P-WHO-04", "P-WHO-05")


def who5_mean(ctx: Context) -> Value:
    """The mean WHO-5 score (0–100: the raw sum of the five 0–5 answers × 4) of the respondents
    who answered all five items."""
    answers: dict[int, dict[str, int]] = defaultdict(dict)
    for response, item_id, value in _survey_answers(ctx, WHO5_ITEMS).values_list(
        "response_id", "item__item_id", "value"
    ):
        if value.isdigit() and 0 <= int(value) <= 5:
            answers[response][item_id] = int(value)
    scores = [4 * sum(a.values()) for a in answers.values() if len(a) == len(WHO5_ITEMS)]
    return mean(scores)


def _responses(ctx: Context):
    from samverka.surveys.respond.models import Response

    responses = Response.objects.filter(
        round__collaboration=ctx.collaboration,
        submitted_at__date__gte=ctx.start,
        submitted_at__date__lte=ctx.end,
    )
    kind = ctx.params.get("instrument_kind")
    if kind:
        responses = responses.filter(round__version__instrument__kind=kind)
    return responses.order_by()


def survey_answers(ctx: Context) -> Value:
    from samverka.surveys.rounds.models import Round

    rounds = Round.objects.filter(
        collaboration=ctx.collaboration, opens_on__lte=ctx.end, closes_on__gte=ctx.start
    )
    if not rounds.exists():
        return NO
    return controlled_count(_responses(ctx).count())


def response_rate(ctx: Context) -> Value:
    """Submitted answers of the rounds that opened in the period, of the people offered them
    (recorded by hand, or the unique attenders while the round was open)."""
    from samverka.surveys.rounds.models import Round
    from samverka.surveys.rounds.selectors import offered_count

    rounds = Round.objects.filter(
        collaboration=ctx.collaboration, opens_on__gte=ctx.start, opens_on__lte=ctx.end
    )
    kind = ctx.params.get("instrument_kind")
    if kind:
        rounds = rounds.filter(version__instrument__kind=kind)
    offered = answered = 0
    for round_ in rounds:
        offered += offered_count(round_)
        answered += round_.responses.filter(submitted_at__isnull=False).count()
    if offered == 0:
        return NO
    if not controlled_group(answered) or not controlled_group(offered):
        return HID if answered else Value(OK, 0.0, offered)
    return Value(OK, min(100.0, 100.0 * answered / offered), offered)


# --- self-assessment ----------------------------------------------------------------------


def assessment_mean(ctx: Context) -> Value:
    """The mean (1–5) of a section's items (receptiveness, capacity, …) over the answers of
    the last self-assessment round closed in the period, optionally of one party and level."""
    from samverka.assessment.instrument import ITEMS
    from samverka.assessment.models import Answer, AssessmentRound

    rounds = AssessmentRound.objects.filter(
        collaboration=ctx.collaboration,
        closed_at__isnull=False,
        closed_at__date__gte=ctx.start,
        closed_at__date__lte=ctx.end,
    ).order_by("-closed_at")
    last = rounds.first()
    if last is None:
        return NO
    section = ctx.params.get("section", "receptiveness")
    ids = [item.id for item in ITEMS if item.element == section or _section_of(item) == section]
    answers = Answer.objects.filter(
        response__round=last, response__submitted_at__isnull=False, item_id__in=ids
    ).exclude(value__isnull=True)
    if ctx.params.get("party"):
        answers = answers.filter(response__party=ctx.params["party"])
    if ctx.params.get("level"):
        answers = answers.filter(response__level=ctx.params["level"])
    rows = list(answers.values_list("response_id", "value"))
    respondents = len({r for r, _v in rows})
    return mean([float(v) for _r, v in rows], group=respondents)


def _section_of(item) -> str:
    from samverka.assessment.instrument import ELEMENTS_BY_KEY

    element = ELEMENTS_BY_KEY.get(item.element)
    return element.section if element else ""


# --- referrals, learning, checklist, competence -------------------------------------------


def _referrals(ctx: Context):
    from samverka.referrals.models import Referral

    return Referral.objects.filter(
        collaboration=ctx.collaboration, date__gte=ctx.start, date__lte=ctx.end
    ).order_by()


def referrals_connected(ctx: Context) -> Value:
    """Share of the period's referrals to an actor that ended with the family connected."""
    from django.db.models import Q

    from samverka.referrals.models import ReferralStatus

    referrals = _referrals(ctx).filter(Q(organisation__isnull=False) | Q(service__isnull=False))
    total = referrals.count()
    connected = referrals.filter(status=ReferralStatus.CONNECTED).count()
    return share(connected, total)


def referral_gaps(ctx: Context) -> Value:
    """Needs raised without an actor and referrals that failed, in the period (lower is better)."""
    from django.db.models import Q

    from samverka.referrals.models import ReferralStatus

    referrals = _referrals(ctx)
    if not referrals.exists():
        return NO
    gaps = referrals.filter(
        Q(organisation__isnull=True, service__isnull=True) | Q(status__in=ReferralStatus.failed())
    ).count()
    return controlled_count(gaps)


def decisions_on_time(ctx: Context) -> Value:
    """Share of the learning decisions due in the period (up to today) done by their date."""
    from samverka.assessment.models import LearningDecision

    decisions = LearningDecision.objects.filter(
        session__collaboration=ctx.collaboration,
        due_on__gte=ctx.start,
        due_on__lte=ctx.until,
    )
    if ctx.plan_indicator is not None and ctx.params.get("only_named"):
        decisions = decisions.filter(followup_indicators=ctx.plan_indicator)
    rows = list(decisions.values_list("due_on", "done_on"))
    done = sum(1 for due, done_on in rows if done_on is not None and done_on <= due)
    return share(done, len(rows), people=False)


def checklist_done(ctx: Context) -> Value:
    """Share of the phase checklist marked done (the checklist as it stands: shown for the
    current period only, since earlier states are not kept)."""
    from samverka.assessment.models import ChecklistMark
    from samverka.assessment.phases import CHECKLIST

    today = ctx.today or timezone.localdate()
    if not (ctx.start <= today <= ctx.end):
        return NO
    phase = ctx.params.get("phase")
    items = [i.id for i in CHECKLIST if not phase or i.phase == phase]
    done = ChecklistMark.objects.filter(
        collaboration=ctx.collaboration, item_id__in=items, done=True
    ).count()
    return share(done, len(items), people=False)


def trained_people(ctx: Context) -> Value:
    from samverka.knowledge.counting import trained_people as count

    return controlled_count(count(start=ctx.start, end=ctx.end, collaborations=[ctx.collaboration]))


def volunteer_hours(ctx: Context) -> Value:
    from samverka.knowledge.counting import volunteer_hours as hours

    value = hours(start=ctx.start, end=ctx.end, collaborations=[ctx.collaboration])
    return Value(OK, float(value), None) if value else NO


def manual(ctx: Context) -> Value:
    """The value entered by hand for the period (one per period key)."""
    if ctx.plan_indicator is None:
        return NO
    key = ctx.params.get("_period_key")
    row = next((v for v in _manual_values(ctx.plan_indicator) if v.period == key), None)
    return NO if row is None else Value(OK, float(row.value), None)


def _manual_values(plan_indicator):
    cache = getattr(plan_indicator, "_manual_cache", None)
    if cache is None:
        cache = list(plan_indicator.values.all())
        plan_indicator._manual_cache = cache
    return cache


def qualitative(ctx: Context) -> Value:
    return Value(NOT_APPLICABLE)


@dataclass(frozen=True)
class Source:
    label: object
    compute: Callable[[Context], Value]
    breakdown: Callable[[Context, str], list] | None = None
    dimensions: tuple[str, ...] = ()


DIMENSION_LABELS = {
    "focus_area": _("focus area"),
    "activity": _("activity"),
    "gender": _("gender"),
    "age_band": _("age band"),
}

SOURCES: dict[str, Source] = {
    "attendance.unique_participants": Source(
        _("Attendance: unique participants"),
        unique_participants,
        unique_participants_by,
        ("focus_area", "activity", "gender", "age_band"),
    ),
    "attendance.sessions_held": Source(
        _("Attendance: sessions held"),
        sessions_held,
        sessions_held_by,
        ("focus_area", "activity"),
    ),
    "attendance.retention": Source(_("Attendance: retention"), retention),
    "attendance.households_both": Source(
        _("Attendance: households where a child and a guardian took part"),
        households_child_and_guardian,
    ),
    "surveys.share_agreeing": Source(_("Surveys: share agreeing (4–5)"), share_agreeing),
    "surveys.who5_mean": Source(_("Surveys: mean WHO-5 score (0–100)"), who5_mean),
    "surveys.answers": Source(_("Surveys: number of answers"), survey_answers),
    "surveys.response_rate": Source(_("Surveys: response rate"), response_rate),
    "assessment.mean": Source(_("Self-assessment: mean on the 1–5 scale"), assessment_mean),
    "referrals.connected": Source(_("Referrals: share connected"), referrals_connected),
    "referrals.gaps": Source(_("Referrals: gaps"), referral_gaps),
    "learning.on_time": Source(
        _("Learning decisions: share done by their date"), decisions_on_time
    ),
    "checklist.done": Source(_("Phase checklist: share done"), checklist_done),
    "knowledge.trained_people": Source(_("Competence: people trained"), trained_people),
    "knowledge.volunteer_hours": Source(_("Competence: volunteer hours"), volunteer_hours),
    "manual": Source(_("Entered by hand per period"), manual),
    "qualitative": Source(_("Qualitative (evidence notes only)"), qualitative),
}


def compute(source: str, ctx: Context) -> Value:
    entry = SOURCES.get(source)
    if entry is None:
        return NO
    return entry.compute(ctx)
