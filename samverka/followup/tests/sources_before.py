"""The per-context computations of the grouped sources as they were before
`sources.compute_many` (one context, several queries each): the reference the grouped
computations must equal (test_grouped_sources.py). Not used by the application."""

from collections import Counter, defaultdict

from samverka.followup.sources import (
    AGREE,
    HID,
    NO,
    OK,
    SCALE,
    WHO5_ITEMS,
    Context,
    Value,
    _section_of,
    controlled_count,
    controlled_group,
    mean,
    share,
)


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


def _survey_answers(ctx: Context, items):
    from samverka.surveys.respond.models import Answer

    return Answer.objects.filter(
        response__round__collaboration=ctx.collaboration,
        response__submitted_at__date__gte=ctx.start,
        response__submitted_at__date__lte=ctx.end,
        item__item_id__in=list(items),
    ).order_by()


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


BEFORE = {
    "attendance.unique_participants": unique_participants,
    "attendance.sessions_held": sessions_held,
    "attendance.retention": retention,
    "attendance.households_both": households_child_and_guardian,
    "surveys.share_agreeing": share_agreeing,
    "surveys.who5_mean": who5_mean,
    "assessment.mean": assessment_mean,
    "referrals.connected": referrals_connected,
    "referrals.gaps": referral_gaps,
    "learning.on_time": decisions_on_time,
}
