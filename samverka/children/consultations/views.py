"""Consultations with children: the list (with child-survey rounds), recording one on a phone,
the decisions made in response, and how and when the children were told back."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.activities import selectors as activity_selectors
from samverka.children.consultations import selectors, services
from samverka.children.consultations.forms import (
    ConsultationForm,
    DecisionForm,
    ToldBackForm,
    band_label,
    voice_formset,
)
from samverka.children.consultations.models import Consultation
from samverka.children.meetings.forms import DecisionMakerForm
from samverka.children.poster.models import Poster
from samverka.children.views_common import apply_errors, page
from samverka.orgs.decorators import collaboration_view

C = Capability


def consultation_of(access, code) -> Consultation:
    return get_object_or_404(
        Consultation.objects.filter(collaboration=access.collaboration), code=code
    )


def may_edit(access, consultation) -> bool:
    """Managers change any consultation; whoever recorded one may change it."""
    if access.can(C.MANAGE_CONSULTATIONS):
        return True
    return access.can(C.RECORD_CONSULTATIONS) and consultation.created_by_id == access.user.pk


def _sessions(access):
    return activity_selectors.sessions_for(access)


@collaboration_view(C.VIEW_CONSULTATIONS)
def index(request, access):
    collaboration = access.collaboration
    consultations = list(selectors.consultations_for(collaboration))
    rows = [{"kind": "consultation", "date": c.held_on, "item": c} for c in consultations]
    can_results = access.can(C.VIEW_SURVEY_RESULTS)
    for round_ in selectors.child_survey_rounds(collaboration):
        rows.append({"kind": "survey", "date": round_.opens_on, "item": round_})
    rows.sort(key=lambda r: r["date"], reverse=True)
    return page(
        request,
        access,
        "children/index.html",
        {
            "rows": rows,
            "can_results": can_results,
            "waiting": selectors.waiting_for(collaboration),
            "posters": Poster.objects.filter(collaboration=collaboration).select_related(
                "consultation"
            ),
            "total_children": sum(c.children_total for c in consultations),
        },
    )


def _voices(formset) -> list[dict]:
    return [f.cleaned_data for f in formset.forms if f.cleaned_data]


def _save(request, access, consultation=None):
    sessions = _sessions(access)
    initial = ConsultationForm.initial_from(consultation) if consultation else None
    session_code = request.GET.get("session")
    if consultation is None and session_code:
        session = sessions.filter(code=session_code).first()
        if session is not None:
            initial = {"session": session, "activity": session.activity, "held_on": session.date}
    form = ConsultationForm(
        request.POST or None,
        initial=initial,
        collaboration=access.collaboration,
        sessions=sessions,
    )
    formset = voice_formset(request.POST or None, consultation)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = services.consultation_save(
                collaboration=access.collaboration,
                consultation=consultation,
                data=form.cleaned_data,
                voices=_voices(formset),
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The consultation is saved.")
                if consultation
                else _("The consultation is saved. Thank you for listening to the children!"),
            )
            return redirect("children:consultation", access.code, saved.code)
    return page(
        request,
        access,
        "children/consultations/form.html",
        {"form": form, "formset": formset, "consultation": consultation},
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(C.RECORD_CONSULTATIONS)
def consultation_create(request, access):
    return _save(request, access)


@collaboration_view(C.RECORD_CONSULTATIONS)
def consultation_edit(request, access, consultation_code):
    consultation = consultation_of(access, consultation_code)
    if not may_edit(access, consultation):
        raise PermissionDenied
    return _save(request, access, consultation)


@collaboration_view(C.VIEW_CONSULTATIONS)
def consultation_detail(request, access, consultation_code):
    consultation = consultation_of(access, consultation_code)
    manage = access.can(C.MANAGE_CONSULTATIONS)
    editable = may_edit(access, consultation)
    return page(
        request,
        access,
        "children/consultations/detail.html",
        {
            "consultation": consultation,
            "bands": [
                (band_label(band), count)
                for band, count in selectors.band_rows(consultation.children_by_age)
            ],
            "voices": consultation.voices.all(),
            "decisions": consultation.decisions.select_related("voice"),
            "listeners": consultation.listeners.select_related("user"),
            "decision_makers": consultation.decision_makers.all(),
            "editable": editable,
            "decision_form": DecisionForm(consultation=consultation) if manage else None,
            "maker_form": DecisionMakerForm() if editable else None,
            "posters": consultation.posters.all(),
            "checks": consultation.checks.all() if access.can(C.VIEW_CHILD_RIGHTS_CHECKS) else [],
        },
    )


@collaboration_view(C.MANAGE_CONSULTATIONS)
@require_POST
def consultation_delete(request, access, consultation_code):
    consultation = consultation_of(access, consultation_code)
    services.consultation_delete(consultation=consultation, by=request.user)
    messages.success(request, _("The consultation is deleted."))
    return redirect("children:index", access.code)


def _decision_form(request, access, consultation, decision=None):
    initial = None
    if decision is not None:
        initial = {
            "voice": decision.voice,
            "text": decision.text,
            "decided_by": decision.decided_by,
            "due_on": decision.due_on,
            "status": decision.status,
            "done_on": decision.done_on,
            "note": decision.note,
        }
    form = DecisionForm(request.POST or None, initial=initial, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_save(
                consultation=consultation,
                decision=decision,
                data=form.cleaned_data,
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The decision is saved."))
            return redirect("children:consultation", access.code, consultation.code)
    return page(
        request,
        access,
        "children/consultations/decision_form.html",
        {"form": form, "consultation": consultation, "decision": decision},
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(C.MANAGE_CONSULTATIONS)
def decision_add(request, access, consultation_code):
    return _decision_form(request, access, consultation_of(access, consultation_code))


@collaboration_view(C.MANAGE_CONSULTATIONS)
def decision_edit(request, access, consultation_code, decision_code):
    consultation = consultation_of(access, consultation_code)
    decision = get_object_or_404(consultation.decisions.all(), code=decision_code)
    if request.method == "POST" and request.POST.get("action") == "delete":
        services.decision_delete(decision=decision, by=request.user)
        messages.success(request, _("The decision is deleted."))
        return redirect("children:consultation", access.code, consultation.code)
    return _decision_form(request, access, consultation, decision)


@collaboration_view(C.MANAGE_CONSULTATIONS)
def told_back(request, access, consultation_code):
    """How and when the children were told what came of what they said."""
    consultation = consultation_of(access, consultation_code)
    initial = None
    if consultation.told_back:
        initial = {
            "told_back_on": consultation.told_back_on,
            "told_back_how": consultation.told_back_how,
            "told_back_note": consultation.told_back_note,
        }
    form = ToldBackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.told_back_record(
                consultation=consultation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved: the children have been told."))
            return redirect("children:consultation", access.code, consultation.code)
    return page(
        request,
        access,
        "children/consultations/told_back.html",
        {
            "form": form,
            "consultation": consultation,
            "decisions": consultation.decisions.all(),
        },
        status=400 if request.method == "POST" else 200,
    )
