from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from samverka.accounts.roles import Capability
from samverka.audit.models import AuditAction, AuditEvent
from samverka.audit.selectors import events_for_collaboration
from samverka.orgs.selectors import collaboration_access, require_national_lead

PAGE_SIZE = 50


def _filtered(request, events):
    action = request.GET.get("action", "")
    if action in AuditAction.values:
        events = events.filter(action=action)
    who = request.GET.get("who", "").strip()
    if who:
        events = events.filter(actor_username__iexact=who)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return page, {"action": action, "who": who}


@login_required
def collaboration_trail(request, code):
    access = collaboration_access(request.user, code)
    access.require(Capability.VIEW_AUDIT)
    page, filters = _filtered(request, events_for_collaboration(access.collaboration))
    return render(
        request,
        "audit/trail.html",
        {
            "collaboration": access.collaboration,
            "page": page,
            "filters": filters,
            "actions": AuditAction.choices,
        },
    )


@login_required
def national_trail(request):
    require_national_lead(request.user)
    events = AuditEvent.objects.all()
    collaboration_code = request.GET.get("collaboration", "").strip()
    if collaboration_code:
        events = events.filter(collaboration_code=collaboration_code)
    page, filters = _filtered(request, events)
    filters["collaboration"] = collaboration_code
    return render(
        request,
        "audit/trail.html",
        {"page": page, "filters": filters, "actions": AuditAction.choices, "national": True},
    )
