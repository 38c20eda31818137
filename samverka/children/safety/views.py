"""Safe activities: joint risk analyses signed off by both parties, excursions, incidents."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.activities import selectors as activity_selectors
from samverka.activities.models import Activity
from samverka.children.safety import selectors, services
from samverka.children.safety.forms import (
    ExcursionForm,
    IncidentFollowUpForm,
    IncidentForm,
    RiskAnalysisForm,
    RiskForm,
    SignForm,
)
from samverka.children.safety.models import (
    Consequence,
    Incident,
    Likelihood,
    RiskAnalysis,
    RiskArea,
)
from samverka.children.views_common import apply_errors, page
from samverka.orgs.decorators import collaboration_view

C = Capability


def analysis_of(access, code) -> RiskAnalysis:
    return get_object_or_404(
        RiskAnalysis.objects.filter(activity__collaboration=access.collaboration).select_related(
            "activity"
        ),
        code=code,
    )


def incident_of(access, code) -> Incident:
    return get_object_or_404(selectors.incidents_for(access.collaboration), code=code)


@collaboration_view(C.VIEW_SAFETY)
def safety(request, access):
    collaboration = access.collaboration
    see_incidents = access.can(C.VIEW_INCIDENTS)
    return page(
        request,
        access,
        "children/safety/index.html",
        {
            "rows": selectors.activity_overview(collaboration),
            "excursions": selectors.upcoming_excursions_without_analysis(collaboration),
            "incident_counts": selectors.incident_counts(collaboration),
            "follow_ups": selectors.follow_ups_due(collaboration) if see_incidents else [],
        },
    )


@collaboration_view(C.MANAGE_RISK_ANALYSES)
def risk_analysis_create(request, access, activity_code):
    activity = get_object_or_404(
        Activity.objects.filter(collaboration=access.collaboration), code=activity_code
    )
    replaces = None
    if from_code := request.GET.get("from") or request.POST.get("from"):
        replaces = get_object_or_404(activity.risk_analyses.all(), code=from_code)
    form = RiskAnalysisForm(
        request.POST or None, initial={"scope": replaces.scope} if replaces else None
    )
    if request.method == "POST" and form.is_valid():
        analysis = services.risk_analysis_create(
            activity=activity, replaces=replaces, by=request.user, **form.cleaned_data
        )
        messages.success(
            request,
            _("The risk analysis is started. Add the risks, then both parties sign it off."),
        )
        return redirect("children:risk_analysis", access.code, analysis.code)
    return page(
        request,
        access,
        "children/safety/analysis_form.html",
        {"activity": activity, "form": form, "replaces": replaces},
        status=400 if request.method == "POST" else 200,
    )


def _matrix(risks) -> list[dict]:
    """Likelihood (rows, high first) × consequence (columns): how many risks in each cell."""
    counts: dict[tuple[int, int], int] = {}
    for risk in risks:
        counts[(risk.likelihood, risk.consequence)] = (
            counts.get((risk.likelihood, risk.consequence), 0) + 1
        )
    rows = []
    for likelihood in reversed(Likelihood.values):
        cells = []
        for consequence in Consequence.values:
            level = likelihood * consequence
            cells.append(
                {
                    "count": counts.get((likelihood, consequence), 0),
                    "level": "high" if level >= 9 else ("medium" if level >= 4 else "low"),
                }
            )
        rows.append({"likelihood": Likelihood(likelihood).label, "cells": cells})
    return rows


@collaboration_view(C.VIEW_SAFETY)
def risk_analysis_detail(request, access, analysis_code):
    analysis = analysis_of(access, analysis_code)
    risks = list(analysis.risks.select_related("responsible__user"))
    covered = {r.area for r in risks}
    can_sign = []
    if access.can(C.SIGN_FOR_MUNICIPALITY) and not analysis.municipal_signed_on:
        can_sign.append(("municipality", _("Sign for the municipality")))
    if access.can(C.SIGN_FOR_CIVIL_SOCIETY) and not analysis.civil_signed_on:
        can_sign.append(("civil_society", _("Sign for civil society")))
    return page(
        request,
        access,
        "children/safety/analysis.html",
        {
            "analysis": analysis,
            "activity": analysis.activity,
            "risks": risks,
            "areas": [(area, [r for r in risks if r.area == area.value]) for area in RiskArea],
            "uncovered": [
                area.label for area in RiskArea if area not in covered and area != RiskArea.OTHER
            ],
            "matrix": _matrix(risks),
            "consequences": Consequence.labels,
            "can_sign": can_sign,
            "sign_form": SignForm() if can_sign else None,
            "newer": analysis.replaced_by.first(),
        },
    )


@collaboration_view(C.MANAGE_RISK_ANALYSES)
def risk_analysis_edit(request, access, analysis_code):
    analysis = analysis_of(access, analysis_code)
    form = RiskAnalysisForm(
        request.POST or None, initial={"scope": analysis.scope, "review_on": analysis.review_on}
    )
    if request.method == "POST" and form.is_valid():
        unsigned = services.risk_analysis_update(
            analysis=analysis, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Saved."))
        if unsigned:
            messages.warning(
                request, _("The analysis changed: both parties need to sign it off again.")
            )
        return redirect("children:risk_analysis", access.code, analysis.code)
    return page(
        request,
        access,
        "children/safety/analysis_form.html",
        {"activity": analysis.activity, "form": form, "analysis": analysis},
        status=400 if request.method == "POST" else 200,
    )


def _risk_form(request, access, analysis, risk=None):
    initial = None
    if risk is not None:
        initial = {
            name: getattr(risk, name)
            for name in (
                "area",
                "description",
                "likelihood",
                "consequence",
                "measure",
                "responsible",
            )
        }
    elif area := request.GET.get("area"):
        initial = {"area": area}
    form = RiskForm(request.POST or None, initial=initial, collaboration=access.collaboration)
    if request.method == "POST" and request.POST.get("action") == "delete" and risk is not None:
        unsigned = services.risk_delete(risk=risk, by=request.user)
        messages.success(request, _("The risk is removed."))
        if unsigned:
            messages.warning(
                request, _("The analysis changed: both parties need to sign it off again.")
            )
        return redirect("children:risk_analysis", access.code, analysis.code)
    if request.method == "POST" and form.is_valid():
        try:
            unsigned = services.risk_save(
                analysis=analysis, risk=risk, data=form.cleaned_data, by=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The risk is saved."))
            if unsigned:
                messages.warning(
                    request, _("The analysis changed: both parties need to sign it off again.")
                )
            if request.POST.get("action") == "another":
                return redirect("children:risk_add", access.code, analysis.code)
            return redirect("children:risk_analysis", access.code, analysis.code)
    return page(
        request,
        access,
        "children/safety/risk_form.html",
        {"analysis": analysis, "activity": analysis.activity, "form": form, "risk": risk},
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(C.MANAGE_RISK_ANALYSES)
def risk_add(request, access, analysis_code):
    return _risk_form(request, access, analysis_of(access, analysis_code))


@collaboration_view(C.MANAGE_RISK_ANALYSES)
def risk_edit(request, access, analysis_code, risk_code):
    analysis = analysis_of(access, analysis_code)
    risk = get_object_or_404(analysis.risks.all(), code=risk_code)
    return _risk_form(request, access, analysis, risk)


@collaboration_view(any_of=(C.SIGN_FOR_MUNICIPALITY, C.SIGN_FOR_CIVIL_SOCIETY))
@require_POST
def risk_analysis_sign(request, access, analysis_code):
    analysis = analysis_of(access, analysis_code)
    form = SignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date of the sign-off."))
        return redirect("children:risk_analysis", access.code, analysis.code)
    party = form.cleaned_data["party"]
    needed = C.SIGN_FOR_MUNICIPALITY if party == services.MUNICIPALITY else C.SIGN_FOR_CIVIL_SOCIETY
    if not access.can(needed):
        raise PermissionDenied
    try:
        services.risk_analysis_sign(
            analysis=analysis,
            party=party,
            signed_on=form.cleaned_data["signed_on"],
            by=request.user,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Signed off."))
    return redirect("children:risk_analysis", access.code, analysis.code)


@collaboration_view(C.RECORD_OWN_SESSIONS)
@require_POST
def excursion(request, access, session_code):
    """Mark a session as an excursion (or not); its leaders then see whether a current risk
    analysis covers it."""
    session = activity_selectors.session_for(access, session_code)
    form = ExcursionForm(request.POST)
    form.is_valid()
    services.excursion_set(
        session=session,
        is_excursion=request.POST.get("excursion") == "1",
        destination=form.cleaned_data.get("destination", ""),
        by=request.user,
    )
    messages.success(request, _("Saved."))
    return redirect("activities:attendance", access.code, session.code)


@collaboration_view(any_of=(C.VIEW_INCIDENTS, C.VIEW_SAFETY, C.REPORT_INCIDENTS))
def incidents(request, access):
    """The coordinator and the municipal contact see each incident; everyone else counts."""
    see = access.can(C.VIEW_INCIDENTS)
    return page(
        request,
        access,
        "children/safety/incidents.html",
        {
            "incidents": selectors.incidents_for(access.collaboration) if see else None,
            "counts": selectors.incident_counts(access.collaboration),
        },
    )


def _incident_sessions(access):
    if access.can(C.VIEW_INCIDENTS):
        from samverka.activities.models import Session

        return Session.objects.filter(activity__collaboration=access.collaboration)
    return activity_selectors.sessions_for(access)


def _incident_form(request, access, incident=None):
    sessions = _incident_sessions(access)
    initial = None
    if incident is not None:
        initial = {
            name: getattr(incident, name)
            for name in (
                "session",
                "happened_on",
                "what_happened",
                "measures",
                "informed",
                "informed_other",
                "follow_up_by",
                "follow_up_on",
            )
        }
    elif code := request.GET.get("session"):
        session = sessions.filter(code=code).first()
        if session is not None:
            initial = {"session": session, "happened_on": session.date}
    form = IncidentForm(
        request.POST or None,
        initial=initial,
        collaboration=access.collaboration,
        sessions=sessions,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.incident_save(
                collaboration=access.collaboration,
                incident=incident,
                data=form.cleaned_data,
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if access.can(C.VIEW_INCIDENTS):
                messages.success(request, _("The incident is saved."))
                return redirect("children:incident", access.code, saved.code)
            messages.success(
                request,
                _("The incident is reported. The coordinator and the municipal contact see it."),
            )
            return redirect("children:incidents", access.code)
    return page(
        request,
        access,
        "children/safety/incident_form.html",
        {"form": form, "incident": incident},
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(C.REPORT_INCIDENTS)
def incident_create(request, access):
    return _incident_form(request, access)


@collaboration_view(C.VIEW_INCIDENTS)
def incident_detail(request, access, incident_code):
    incident = incident_of(access, incident_code)
    return page(
        request,
        access,
        "children/safety/incident.html",
        {
            "incident": incident,
            "follow_up_form": IncidentFollowUpForm() if incident.followed_up_on is None else None,
        },
    )


@collaboration_view(C.VIEW_INCIDENTS, C.REPORT_INCIDENTS)
def incident_edit(request, access, incident_code):
    return _incident_form(request, access, incident_of(access, incident_code))


@collaboration_view(C.VIEW_INCIDENTS)
def incident_follow_up(request, access, incident_code):
    incident = incident_of(access, incident_code)
    form = IncidentFollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.incident_follow_up(incident=incident, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The follow-up is saved."))
            return redirect("children:incident", access.code, incident.code)
    return page(
        request,
        access,
        "children/safety/incident_follow_up.html",
        {"incident": incident, "form": form},
        status=400 if request.method == "POST" else 200,
    )
