"""The organisational memory's sections on the collaboration overview."""

from samverka.accounts.roles import Capability
from samverka.memory.continuation.selectors import (
    futures_for,
    summary_of,
    warns_about_undecided,
)
from samverka.memory.handovers.models import Handover
from samverka.memory.lessons.models import Lesson
from samverka.memory.pearls.selectors import inheritance_summary, open_drafts
from samverka.orgs.panels import Panel

C = Capability


def memory_panel(request, access) -> Panel | None:
    """What continues (with the undecided activities once the end is near or the collaboration
    is in transition), handover notes waiting for this person, and the way into the memory."""
    collaboration = access.collaboration
    mine = list(
        Handover.objects.filter(
            collaboration=collaboration,
            successor__user=request.user,
            successor__ended_at__isnull=True,
            read_at__isnull=True,
        ).select_related("leaving__user")
    )
    if not access.can(C.VIEW_MEMORY):
        if not mine:
            return None
        return Panel(
            template="memory/panel.html",
            context={"collaboration": collaboration, "mine": mine},
            order=15,
        )
    futures = futures_for(collaboration)
    warn = warns_about_undecided(collaboration)
    context = {
        "collaboration": collaboration,
        "full": True,
        "mine": mine,
        "summary": summary_of(futures),
        "warn": warn,
        "undecided": [row.activity for row in futures if not row.is_decided] if warn else [],
        "lessons": Lesson.objects.filter(collaboration=collaboration).count(),
        "can_manage": access.can(C.MANAGE_MEMORY),
    }
    return Panel(template="memory/panel.html", context=context, order=15)


def inheritance_panel(request, access) -> Panel | None:
    """What this collaboration inherits from the earlier ones in its string of pearls."""
    collaboration = access.collaboration
    if collaboration.builds_on_id is None or not access.can(C.VIEW_MEMORY):
        return None
    context = {
        "collaboration": collaboration,
        "pearls": inheritance_summary(collaboration),
        "drafts": open_drafts(collaboration).count() if access.can(C.MANAGE_MEMORY) else 0,
        "can_manage": access.can(C.MANAGE_MEMORY),
    }
    return Panel(template="memory/inheritance_panel.html", context=context, order=5)
