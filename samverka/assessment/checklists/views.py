"""Ticking a phase's checklist, and moving the collaboration to another phase."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samverka.accounts.roles import Capability as C
from samverka.assessment.checklists import services
from samverka.assessment.checklists.forms import ChecklistForm, PhaseChangeForm
from samverka.assessment.checklists.selectors import (
    checklist_marks,
    checklist_of,
    describe_phase_warning,
    phase_change_warnings,
)
from samverka.assessment.pages import page_context
from samverka.assessment.phases import PHASE_HELP, PHASE_ORDER
from samverka.orgs.decorators import collaboration_view
from samverka.orgs.models import Phase


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def checklist_edit(request, access, phase_key):
    collaboration = access.collaboration
    if phase_key not in PHASE_ORDER:
        raise Http404
    marks = checklist_marks(collaboration)
    form = ChecklistForm(request.POST or None, phase=phase_key, marks=marks)
    if request.method == "POST" and form.is_valid():
        services.checklist_save(
            collaboration=collaboration,
            phase=phase_key,
            done=form.done(),
            notes=form.notes(),
            by=request.user,
        )
        messages.success(request, _("The checklist is saved."))
        return redirect("assessment:model", access.code)
    checklist = checklist_of(collaboration, phase_key)
    known = {row.item.id: row for row in checklist.rows}
    rows = [
        dict(row, evidence=known[row["item"].id].evidence, proof=known[row["item"].id].proof)
        for row in form.rows()
    ]
    return render(
        request,
        "assessment/checklist_form.html",
        page_context(
            access,
            "model",
            form=form,
            rows=rows,
            phase_label=Phase(phase_key).label,
            phase_help=PHASE_HELP[phase_key],
        ),
    )


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def phase_change(request, access):
    collaboration = access.collaboration
    form = PhaseChangeForm(request.POST or None, collaboration=collaboration)
    warnings = []
    if request.method == "POST" and form.is_valid():
        to_phase = form.cleaned_data["to_phase"]
        raw = phase_change_warnings(collaboration, to_phase)
        confirmed = request.POST.get("confirmed_for") == to_phase
        if raw and not confirmed:
            warnings = [describe_phase_warning(w) for w in raw]
        else:
            try:
                services.phase_change(
                    collaboration=collaboration,
                    to_phase=to_phase,
                    changed_on=form.cleaned_data["changed_on"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("The collaboration is now in the phase %(phase)s.")
                    % {"phase": Phase(to_phase).label},
                )
                return redirect("assessment:model", access.code)
    return render(
        request,
        "assessment/phase_form.html",
        page_context(
            access,
            "model",
            form=form,
            warnings=warnings,
            confirm_for=form.cleaned_data.get("to_phase") if warnings else "",
            current_label=Phase(collaboration.phase).label,
        ),
    )
