"""Meetings between decision-makers and children.

A meeting is a session (not cancelled) where at least one decision-maker took part, or a
consultation with invited decision-makers; a consultation held at a session that already counts
is the same meeting, not a second one."""

from collections import Counter, defaultdict

from samverka.children.consultations.models import Consultation
from samverka.children.meetings.models import DecisionMaker


def meetings(collaborations) -> list[dict]:
    """Every meeting of the given collaborations: date, collaboration id, where, and who."""
    makers = (
        DecisionMaker.objects.filter(collaboration__in=collaborations)
        .select_related("session__activity", "consultation")
        .order_by("created_at")
    )
    found: dict[tuple, dict] = {}
    for maker in makers:
        if maker.session_id:
            if maker.session.cancelled:
                continue
            key = ("session", maker.session_id)
            day, place = maker.session.date, maker.session.activity.name
            link = ("session", maker.session.code)
        else:
            consultation = maker.consultation
            key = (
                ("session", consultation.session_id)
                if consultation.session_id
                else ("consultation", consultation.pk)
            )
            day, place = consultation.held_on, consultation.topic
            link = ("consultation", consultation.code)
        meeting = found.setdefault(
            key,
            {
                "date": day,
                "collaboration_id": maker.collaboration_id,
                "place": place,
                "link": link,
                "makers": [],
            },
        )
        meeting["makers"].append(maker)
    # Sessions held as consultations take the consultation's link, which says more.
    consultations = Consultation.objects.filter(
        collaboration__in=collaborations,
        session_id__in=[k[1] for k in found if k[0] == "session"],
    )
    for consultation in consultations:
        meeting = found[("session", consultation.session_id)]
        meeting["consultation"] = consultation
    return sorted(found.values(), key=lambda m: m["date"], reverse=True)


def meetings_per_year(collaborations) -> dict[int, Counter]:
    """{collaboration id: Counter({year: meetings})}."""
    per: dict[int, Counter] = defaultdict(Counter)
    for meeting in meetings(collaborations):
        per[meeting["collaboration_id"]][meeting["date"].year] += 1
    return per
