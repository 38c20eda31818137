"""The lines other apps' pages include to show the follow-up (each hook one tag):

    {% load followup_hooks %}
    {% followup_added_values collaboration %}   assessment/model.html (the four added values)
    {% followup_decision_hook decision %}       assessment/learning_session.html (its indicators)

They show nothing to a role that may not read the follow-up plan.
"""

from django import template

from samverka.accounts.roles import Capability

register = template.Library()


def _access(context, collaboration):
    request = context.get("request")
    access = getattr(request, "collaboration_access", None)
    if access is None or access.collaboration.pk != collaboration.pk:
        return None
    if not access.can(Capability.VIEW_FOLLOWUP):
        return None
    return access


@register.inclusion_tag("followup/hooks/added_values.html", takes_context=True)
def followup_added_values(context, collaboration):
    from samverka.followup.addedvalues import added_values_for

    if _access(context, collaboration) is None:
        return {"show": False}
    return {
        "show": True,
        "collaboration": collaboration,
        "added_values": added_values_for(collaboration),
    }


@register.inclusion_tag("followup/hooks/decision.html", takes_context=True)
def followup_decision_hook(context, decision):
    collaboration = decision.session.collaboration
    if _access(context, collaboration) is None:
        return {"show": False}
    indicators = list(
        decision.followup_indicators.filter(archived_at__isnull=True).select_related("definition")
    )
    return {"show": bool(indicators), "indicators": indicators, "collaboration": collaboration}
