"""The few lines other apps' pages include to show this feature (each hook one tag):

    {% load children_hooks %}
    {% children_session_hook session "warning" %}  activities/attendance.html (top)
    {% children_session_hook session %}            activities/attendance.html (bottom)
    {% children_activity_hook activity %}       activities/detail.html
    {% children_phase_hook collaboration %}     assessment/phase_form.html
    {% children_decision_hook decision %}       assessment/learning_session.html

They read through this app's selectors and show nothing to a role that may not see it.
"""

from django import template

from samverka.accounts.roles import Capability

register = template.Library()
C = Capability


def _access(context, collaboration):
    """The access the page's view declared (collaboration_view), for its own collaboration."""
    request = context.get("request")
    access = getattr(request, "collaboration_access", None)
    if access is None or access.collaboration.pk != collaboration.pk:
        return None
    return access


@register.inclusion_tag("children/hooks/session.html", takes_context=True)
def children_session_hook(context, session, part="tools"):
    from samverka.children.safety.selectors import session_marks, session_safety

    collaboration = session.activity.collaboration
    access = _access(context, collaboration)
    if access is None:
        return {"show": False}
    # The page shows the hook twice (the warning at the top, the tools below): read the
    # session's excursion mark, decision-makers' count and safety once per request.
    request = context.get("request")
    read = request.__dict__.setdefault("_children_session_hook", {})
    if session.pk not in read:
        marks = session_marks(session)
        read[session.pk] = {"safety": session_safety(session, marks), "makers": marks}
    safety = read[session.pk]["safety"]
    if part == "warning" and not (
        safety["warn"] or (safety["is_excursion"] and safety["uncovered"])
    ):
        return {"show": False}  # nothing to warn of (most sessions): nothing to draw
    return {
        "show": True,
        "part": part,
        "collaboration": collaboration,
        "session": session,
        "safety": safety,
        "makers": read[session.pk]["makers"].decision_makers,
        "can_report": access.can(C.REPORT_INCIDENTS),
        "can_record": access.can(C.RECORD_CONSULTATIONS),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("children/hooks/activity.html", takes_context=True)
def children_activity_hook(context, activity):
    from samverka.children.rights_check.selectors import activity_check_status
    from samverka.children.safety.selectors import analyses_of

    access = _access(context, activity.collaboration)
    if access is None or not (access.can(C.VIEW_CHILD_RIGHTS_CHECKS) or access.can(C.VIEW_SAFETY)):
        return {"show": False}
    latest = analyses_of(activity).first()
    return {
        "show": True,
        "collaboration": activity.collaboration,
        "activity": activity,
        "status": activity_check_status(activity)
        if access.can(C.VIEW_CHILD_RIGHTS_CHECKS)
        else None,
        "can_check": access.can(C.MANAGE_CHILD_RIGHTS_CHECKS),
        "can_safety": access.can(C.VIEW_SAFETY),
        "can_manage_risks": access.can(C.MANAGE_RISK_ANALYSES),
        "analysis": latest,
    }


@register.inclusion_tag("children/hooks/phase.html", takes_context=True)
def children_phase_hook(context, collaboration):
    from samverka.children.rights_check.selectors import phase_check
    from samverka.orgs.models import Phase

    access = _access(context, collaboration)
    if access is None or collaboration.phase == Phase.TRANSITION:
        return {"show": False}
    return {
        "show": True,
        "collaboration": collaboration,
        "check": phase_check(collaboration, Phase.TRANSITION),
        "can_check": access.can(C.MANAGE_CHILD_RIGHTS_CHECKS),
    }


@register.inclusion_tag("children/hooks/decision.html", takes_context=True)
def children_decision_hook(context, decision):
    from samverka.children.rights_check.models import AffectsChildren, ChildRightsCheck

    collaboration = decision.session.collaboration
    access = _access(context, collaboration)
    if access is None or not access.can(C.VIEW_CHILD_RIGHTS_CHECKS):
        return {"show": False}
    request = context["request"]
    return {
        "show": True,
        "collaboration": collaboration,
        "decision": decision,
        "affects": AffectsChildren.objects.filter(learning_decision=decision).exists(),
        "check": ChildRightsCheck.objects.filter(learning_decision=decision).first(),
        "can_check": access.can(C.MANAGE_CHILD_RIGHTS_CHECKS),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
