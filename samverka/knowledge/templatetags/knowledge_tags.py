"""Template hooks the knowledge app places on other apps' pages, each one line in their
templates: an activity's methods and bank themes (activities/detail.html), the reflection and
volunteer links of a session (activities/attendance.html), and the volunteer-hours appendix of
the funder report (reports/funder.html, reports/national_funder.html)."""

from django import template
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html

from samverka.accounts.roles import Capability
from samverka.activities.models import Session
from samverka.knowledge import counting
from samverka.knowledge.bank import selectors
from samverka.knowledge.bank.forms import MethodsForm, ThemeFromBankForm
from samverka.knowledge.markdown import render_markdown
from samverka.lib.scoping import collaboration_scope, national_scope
from samverka.orgs.models import Collaboration

register = template.Library()


@register.filter
def markdown(text):
    return render_markdown(text)


@register.inclusion_tag("knowledge/hooks/activity.html")
def activity_knowledge(activity, collaboration, can_manage):
    methods = selectors.methods_of(activity)
    context = {
        "activity": activity,
        "collaboration": collaboration,
        "methods": methods,
        "can_manage": can_manage,
    }
    if can_manage:
        context["methods_form"] = MethodsForm(
            queryset=selectors.method_items(), initial={"items": methods}
        )
        if activity.is_parent_group:
            context["theme_form"] = ThemeFromBankForm(queryset=selectors.theme_items())
    return context


@register.simple_tag
def theme_bank_links(activity):
    """theme id → bank item, for an activity's theme plan (one query)."""
    return selectors.theme_links(activity)


@register.simple_tag
def bank_item_link(links, theme):
    item = links.get(theme.pk)
    if item is None:
        return ""
    return format_html(
        '<a class="badge" href="{}">{}</a>',
        reverse("knowledge:item", args=[item.code]),
        item.get_theme_category_display() or item.get_kind_display(),
    )


@register.inclusion_tag("knowledge/hooks/session.html", takes_context=True)
def session_knowledge(context, session, collaboration):
    """The session page's links to the reflection, the volunteers and the activity's methods.

    No query for a leader, one for a coordinator. Only managers and the session's own leaders
    reach the session page, so someone who cannot manage activities leads this session."""
    request = context["request"]
    user = request.user
    access = getattr(request, "collaboration_access", None)  # declared by the page's view
    if access is None or access.collaboration.pk != collaboration.pk:
        return {"session": session, "collaboration": collaboration}
    can = access.can

    # The attendance page reads whether the person leads the session with it (led_by_user).
    led = getattr(session, "led_by_user", None)
    can_reflect = can(Capability.WRITE_REFLECTIONS) and (
        not can(Capability.MANAGE_ACTIVITIES)
        or (
            led
            if led is not None
            else Session.objects.filter(pk=session.pk)
            .filter(Q(leaders=user) | Q(activity__leaders=user))
            .exists()
        )
    )
    can_volunteers = can(Capability.MANAGE_VOLUNTEERS) and can(Capability.VIEW_IDENTITIES)
    return {
        "session": session,
        "collaboration": collaboration,
        "can_reflect": can_reflect,
        "can_volunteers": can_volunteers,
    }


@register.inclusion_tag("knowledge/hooks/volunteer_appendix.html")
def volunteer_hours_appendix(start, end, municipality=None):
    """Volunteer hours per month in the period: the funder report's appendix. For one
    municipality (all its collaborations) or, without one, every collaboration."""
    if municipality is not None:
        collaborations = list(Collaboration.objects.filter(municipality=municipality))
        # The funder report covers the municipality's collaborations; their volunteer hours are
        # read together (sums only leave here), as the funder count itself does.
        scope = collaboration_scope(collaborations)
    else:
        collaborations = None
        scope = national_scope()
    with scope:
        rows = counting.volunteer_hours_per_period(
            start=start, end=end, period="month", collaborations=collaborations
        )
        total = counting.volunteer_hours(start=start, end=end, collaborations=collaborations)
    return {"rows": rows, "total": total, "start": start, "end": end}
