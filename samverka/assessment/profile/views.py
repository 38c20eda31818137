"""The model's front page, and the forms for the strategic profile and the routines."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samverka.accounts.roles import Capability as C
from samverka.assessment.boundary_spanners.selectors import dependence_warnings
from samverka.assessment.checklists.selectors import checklists_for, describe_phase_warning
from samverka.assessment.instrument import OPERATIONAL_ELEMENTS, Section, elements_of
from samverka.assessment.pages import page_context
from samverka.assessment.phases import PHASE_HELP
from samverka.assessment.profile import services
from samverka.assessment.profile.forms import ProfileForm, RoutineForm
from samverka.assessment.profile.selectors import profile_for, routine_rows, routines_for
from samverka.orgs.decorators import collaboration_view


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def model(request, access):
    collaboration = access.collaboration
    changes = collaboration.phase_changes.select_related("changed_by")
    history = [
        {"change": change, "warnings": [describe_phase_warning(w) for w in change.warnings]}
        for change in changes
    ]
    context = page_context(
        access,
        "model",
        profile=profile_for(collaboration),
        routines=routine_rows(collaboration),
        checklists=checklists_for(collaboration),
        phase_help=PHASE_HELP,
        history=history,
        strategic_elements=elements_of(Section.STRATEGIC),
    )
    if access.can(C.VIEW_MEMBERS):
        context["warnings"] = dependence_warnings(collaboration)
    return render(request, "assessment/model.html", context)


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def profile_edit(request, access):
    collaboration = access.collaboration
    form = ProfileForm(
        request.POST or None, instance=profile_for(collaboration), collaboration=collaboration
    )
    if request.method == "POST" and form.is_valid():
        services.profile_save(collaboration=collaboration, by=request.user, **form.cleaned_data)
        messages.success(request, _("The strategic profile is saved."))
        return redirect("assessment:model", access.code)
    return render(request, "assessment/profile_form.html", page_context(access, "model", form=form))


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def routine_edit(request, access, element_key):
    collaboration = access.collaboration
    element = next((e for e in OPERATIONAL_ELEMENTS if e.key == element_key), None)
    if element is None:
        raise Http404
    routine = next(r for r in routines_for(collaboration) if r.element == element.key)
    form = RoutineForm(request.POST or None, instance=routine, collaboration=collaboration)
    if request.method == "POST" and form.is_valid():
        services.routine_save(
            collaboration=collaboration, element=element.key, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("%(element)s is saved.") % {"element": element.name})
        return redirect("assessment:model", access.code)
    return render(
        request,
        "assessment/routine_form.html",
        page_context(access, "model", form=form, element=element),
    )
