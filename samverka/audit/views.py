from django.core.paginator import Paginator
from django.shortcuts import render

from samverka.accounts.roles import Capability
from samverka.audit.models import AuditAction, AuditEvent
from samverka.audit.selectors import events_for_collaboration
from samverka.orgs.decorators import collaboration_view, national_view

PAGE_SIZE = 50


def _filtered(request, events):
    action = request.GET.get("action", "")
    if action in AuditAction.values:
        events = events.filter(action=action)
    who = request.GET.get("who", "").strip()
    if who:
        events = events.filter(actor_username__iexact=who)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    _show_codes(page.object_list)
    return page, {"action": action, "who": who}


def _show_codes(events) -> None:
    """Participants and households are named by pseudonyms in the trail; while the person is
    registered the page shows their code beside it (after erasure the pseudonym stays alone)."""
    from samverka.lib.scoping import national_scope
    from samverka.participants.models import AuditPseudonym

    events = list(events)
    pseudonyms = {e.object_code for e in events if e.object_code[:2] in {"p-", "h-"}}
    with national_scope():  # only the pseudonyms of entries this page may already show
        codes = {
            pseudonym: participant or household
            for pseudonym, participant, household in AuditPseudonym.objects.filter(
                pseudonym__in=pseudonyms
            ).values_list("pseudonym", "participant__code", "household__code")
        }
    for event in events:
        event.shown_code = codes.get(event.object_code, "")


@collaboration_view(Capability.VIEW_AUDIT)
def collaboration_trail(request, access):
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


@national_view()
def national_trail(request, national):
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
