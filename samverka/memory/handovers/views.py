"""Handover notes: the list (with handovers that are due), writing one, reading one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.memory.handovers import services
from samverka.memory.handovers.forms import HandoverForm, contact_formset
from samverka.memory.handovers.models import Handover, HandoverReason
from samverka.memory.handovers.selectors import (
    due_handovers,
    handovers_for,
    may_change,
    may_read,
)
from samverka.memory.navigation import memory_context
from samverka.orgs.decorators import collaboration_view

C = Capability


def _leaving_choices(access):
    """Whose handover this person may write: anyone's for those who keep the memory (members
    who have left included), otherwise their own."""
    memberships = access.collaboration.memberships.select_related("user")
    if access.can(C.MANAGE_MEMORY):
        return memberships.order_by("ended_at", "user__first_name", "user__last_name")
    if access.can(C.WRITE_HANDOVERS):
        return memberships.active().filter(user=access.user)
    return memberships.none()


def _handover(access, handover_code) -> Handover:
    return get_object_or_404(handovers_for(access.collaboration), code=handover_code)


@collaboration_view(C.VIEW_MEMORY)
def handover_list(request, access):
    collaboration = access.collaboration
    context = memory_context(
        access,
        "handovers",
        handovers=handovers_for(collaboration),
        due=due_handovers(collaboration) if access.can(C.MANAGE_MEMORY) else [],
        can_write=_leaving_choices(access).exists(),
    )
    return render(request, "memory/handovers/list.html", context)


def _initial(request, access) -> dict:
    """A handover started from a "due" line: who, which routine or role."""
    collaboration = access.collaboration
    initial = {}
    leaving = request.GET.get("leaving")
    if leaving:
        initial["leaving"] = _leaving_choices(access).filter(code=leaving).first()
    routine = request.GET.get("routine")
    if routine:
        found = collaboration.operational_routines.filter(element=routine).first()
        if found:
            initial.update(routine=found, reason=HandoverReason.ROUTINE)
    spanner = request.GET.get("spanner")
    if spanner:
        found = collaboration.boundary_spanners.filter(code=spanner).first()
        if found:
            initial.update(spanner=found, reason=HandoverReason.SPANNER)
    initial.setdefault("reason", HandoverReason.LEAVING)
    return {k: v for k, v in initial.items() if v is not None}


def _save(request, access, form, formset, handover=None):
    contacts = [f.cleaned_data for f in formset.forms if f.cleaned_data]
    try:
        return services.handover_save(
            collaboration=access.collaboration,
            data=form.cleaned_data,
            contacts=contacts,
            by=request.user,
            handover=handover,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None


@collaboration_view(any_of=(C.WRITE_HANDOVERS, C.MANAGE_MEMORY))
def handover_create(request, access):
    collaboration = access.collaboration
    choices = _leaving_choices(access)
    if not choices.exists():
        raise PermissionDenied
    form = HandoverForm(
        request.POST or None,
        collaboration=collaboration,
        leaving_choices=choices,
        initial=_initial(request, access),
    )
    formset = contact_formset(request.POST or None, collaboration=collaboration)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        handover = _save(request, access, form, formset)
        if handover is not None:
            messages.success(request, _("The handover note is saved."))
            return redirect("memory:handover", access.code, handover.code)
    return render(
        request,
        "memory/handovers/form.html",
        memory_context(access, "handovers", form=form, formset=formset),
    )


@collaboration_view()
def handover_detail(request, access, handover_code):
    handover = _handover(access, handover_code)
    if not may_read(access, handover):
        raise PermissionDenied
    context = memory_context(
        access,
        "handovers",
        handover=handover,
        is_successor=handover.successor_id is not None
        and handover.successor.user_id == request.user.pk,
        may_change=may_change(access, handover),
    )
    return render(request, "memory/handovers/detail.html", context)


@collaboration_view(any_of=(C.WRITE_HANDOVERS, C.MANAGE_MEMORY))
def handover_edit(request, access, handover_code):
    collaboration = access.collaboration
    handover = _handover(access, handover_code)
    if not may_change(access, handover):
        raise PermissionDenied
    choices = _leaving_choices(access)
    if handover.leaving_id:
        choices = choices | collaboration.memberships.filter(pk=handover.leaving_id)
    form = HandoverForm(
        request.POST or None,
        instance=handover,
        collaboration=collaboration,
        leaving_choices=choices.distinct(),
    )
    formset = contact_formset(request.POST or None, collaboration=collaboration, handover=handover)
    valid = request.method == "POST" and form.is_valid() and formset.is_valid()
    if valid and _save(request, access, form, formset, handover=handover) is not None:
        messages.success(request, _("The handover note is saved."))
        return redirect("memory:handover", access.code, handover.code)
    return render(
        request,
        "memory/handovers/form.html",
        memory_context(access, "handovers", form=form, formset=formset, handover=handover),
    )


@collaboration_view()
@require_POST
def handover_read(request, access, handover_code):
    handover = _handover(access, handover_code)
    if handover.successor_id is None or handover.successor.user_id != request.user.pk:
        raise PermissionDenied
    services.handover_mark_read(handover=handover, by=request.user)
    messages.success(request, _("Marked as read. The note stays in the collaboration's handovers."))
    return redirect("memory:handover", access.code, handover.code)


@collaboration_view(any_of=(C.WRITE_HANDOVERS, C.MANAGE_MEMORY))
@require_POST
def handover_delete(request, access, handover_code):
    handover = _handover(access, handover_code)
    if not may_change(access, handover):
        raise PermissionDenied
    services.handover_delete(handover=handover, by=request.user)
    messages.success(request, _("The handover note is deleted."))
    return redirect("memory:handovers", access.code)
