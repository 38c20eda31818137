"""Learning sessions, where the parties learn from results and dilemmas, and their decisions."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability as C
from samverka.assessment.learning import services
from samverka.assessment.learning.forms import DecisionForm, LearningSessionForm
from samverka.assessment.learning.selectors import open_decisions
from samverka.assessment.pages import page_context
from samverka.orgs.decorators import collaboration_view


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def learning(request, access):
    sessions = access.collaboration.learning_sessions.prefetch_related(
        "rounds", "dilemmas", "decisions"
    )
    return render(
        request,
        "assessment/learning.html",
        page_context(
            access,
            "learning",
            sessions=sessions,
            open_decisions=open_decisions(access.collaboration),
        ),
    )


def _session(access, learning_code):
    return get_object_or_404(access.collaboration.learning_sessions.all(), code=learning_code)


def _session_page(request, access, session, decision_form):
    return render(
        request,
        "assessment/learning_session.html",
        page_context(
            access,
            "learning",
            session=session,
            participants=session.participants.select_related("user"),
            decisions=session.decisions.select_related("follow_up_by__user"),
            decision_form=decision_form,
        ),
    )


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def learning_session(request, access, learning_code):
    session = _session(access, learning_code)
    form = None
    if access.can(C.EDIT_COLLABORATION_MODEL):
        form = DecisionForm(collaboration=access.collaboration)
    return _session_page(request, access, session, form)


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def learning_create(request, access):
    return _learning_form(request, access, None)


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def learning_edit(request, access, learning_code):
    return _learning_form(request, access, learning_code)


def _learning_form(request, access, learning_code):
    instance = _session(access, learning_code) if learning_code else None
    form = LearningSessionForm(
        request.POST or None, instance=instance, collaboration=access.collaboration
    )
    if request.method == "POST" and form.is_valid():
        session = services.learning_session_save(
            collaboration=access.collaboration,
            session=instance,
            by=request.user,
            **form.cleaned_data,
        )
        messages.success(request, _("The learning session is saved. Add the decisions you took."))
        return redirect("assessment:learning_session", access.code, session.code)
    return render(
        request,
        "assessment/learning_form.html",
        page_context(access, "learning", form=form, session=instance),
    )


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
@require_POST
def learning_delete(request, access, learning_code):
    services.learning_session_delete(session=_session(access, learning_code), by=request.user)
    messages.success(request, _("The learning session is deleted."))
    return redirect("assessment:learning", access.code)


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
@require_POST
def decision_add(request, access, learning_code):
    session = _session(access, learning_code)
    form = DecisionForm(request.POST, collaboration=access.collaboration)
    if form.is_valid():
        services.decision_add(
            session=session,
            text=form.cleaned_data["text"],
            follow_up_by=form.cleaned_data["follow_up_by"],
            due_on=form.cleaned_data["due_on"],
            indicators=form.cleaned_data.get("indicators") or (),
            by=request.user,
        )
        messages.success(request, _("The decision is added."))
        return redirect("assessment:learning_session", access.code, session.code)
    return _session_page(request, access, session, form)


def _decision(session, decision_code):
    return get_object_or_404(session.decisions.all(), code=decision_code)


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
@require_POST
def decision_toggle(request, access, learning_code, learning_decision_code):
    session = _session(access, learning_code)
    decision = services.decision_toggle(
        decision=_decision(session, learning_decision_code), by=request.user
    )
    if decision.done_on:
        messages.success(request, _("The decision is marked as followed up."))
    else:
        messages.success(request, _("The decision is open again."))
    if request.POST.get("next") == "list":
        return redirect("assessment:learning", access.code)
    return redirect("assessment:learning_session", access.code, session.code)


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
@require_POST
def decision_delete(request, access, learning_code, learning_decision_code):
    session = _session(access, learning_code)
    services.decision_delete(decision=_decision(session, learning_decision_code), by=request.user)
    messages.success(request, _("The decision is deleted."))
    return redirect("assessment:learning_session", access.code, session.code)
