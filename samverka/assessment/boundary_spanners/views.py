"""The boundary spanners: who connects the organisations, who succeeds them, and the warnings
when the collaboration rests on single persons."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability as C
from samverka.assessment.boundary_spanners import services
from samverka.assessment.boundary_spanners.forms import BoundarySpannerForm
from samverka.assessment.boundary_spanners.selectors import dependence_warnings, spanners_for
from samverka.assessment.pages import page_context
from samverka.assessment.profile.selectors import routine_rows
from samverka.assessment.results.selectors import MIN_GROUP
from samverka.orgs.decorators import collaboration_view


@collaboration_view(C.VIEW_COLLABORATION_MODEL, C.VIEW_MEMBERS)
def boundary_spanners(request, access):
    collaboration = access.collaboration
    return render(
        request,
        "assessment/boundary_spanners.html",
        page_context(
            access,
            "spanners",
            spanners=spanners_for(collaboration),
            warnings=dependence_warnings(collaboration),
            routines=routine_rows(collaboration),
            min_group=MIN_GROUP,
        ),
    )


def _spanner(access, spanner_code):
    return get_object_or_404(access.collaboration.boundary_spanners.all(), code=spanner_code)


@collaboration_view(C.EDIT_COLLABORATION_MODEL, C.VIEW_MEMBERS)
def boundary_spanner_create(request, access):
    return _spanner_form(request, access, None)


@collaboration_view(C.EDIT_COLLABORATION_MODEL, C.VIEW_MEMBERS)
def boundary_spanner_edit(request, access, spanner_code):
    return _spanner_form(request, access, spanner_code)


def _spanner_form(request, access, spanner_code):
    instance = _spanner(access, spanner_code) if spanner_code else None
    form = BoundarySpannerForm(
        request.POST or None, instance=instance, collaboration=access.collaboration
    )
    if request.method == "POST" and form.is_valid():
        services.boundary_spanner_save(
            collaboration=access.collaboration,
            spanner=instance,
            by=request.user,
            **form.cleaned_data,
        )
        messages.success(request, _("The boundary spanner is saved."))
        return redirect("assessment:boundary_spanners", access.code)
    return render(
        request,
        "assessment/boundary_spanner_form.html",
        page_context(access, "spanners", form=form, spanner=instance),
    )


@collaboration_view(C.EDIT_COLLABORATION_MODEL, C.VIEW_MEMBERS)
@require_POST
def boundary_spanner_delete(request, access, spanner_code):
    services.boundary_spanner_delete(spanner=_spanner(access, spanner_code), by=request.user)
    messages.success(request, _("The boundary spanner is removed."))
    return redirect("assessment:boundary_spanners", access.code)
