"""The follow-up plan's pages: the dashboard, goals, indicators, values, evidence, the library."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.followup import periods as P
from samverka.followup import selectors, services
from samverka.followup.forms import (
    DefinitionForm,
    EvidenceForm,
    GoalForm,
    IndicatorForm,
    ManualValueForm,
)
from samverka.followup.sources import SOURCES
from samverka.orgs.decorators import collaboration_view

C = Capability


def _context(access, **extra) -> dict:
    return {
        "collaboration": access.collaboration,
        "access": access,
        "can_edit": access.can(C.EDIT_FOLLOWUP),
        "can_report": access.can(C.REPORT_FOLLOWUP),
        **extra,
    }


def _goal(access, goal_code):
    return get_object_or_404(selectors.goals_for(access.collaboration), code=goal_code)


def _indicator(access, indicator_code):
    return get_object_or_404(selectors.indicators_for(access.collaboration), code=indicator_code)


def _error(form, error: ValidationError) -> None:
    form.add_error(None, error)


@collaboration_view(C.VIEW_FOLLOWUP)
def plan(request, access):
    from samverka.followup.addedvalues import added_values_for

    collaboration = access.collaboration
    # The goals and the evidence notes read once for the whole page.
    goals = selectors.plan_goals(collaboration)
    notes = selectors.plan_notes(collaboration)
    context = _context(
        access,
        goals=selectors.dashboard(
            collaboration, goals=[g for g in goals if g.archived_at is None], notes=notes
        ),
        added_values=added_values_for(collaboration, notes=notes),
        archived=[g for g in goals if g.archived_at is not None],
    )
    return render(request, "followup/plan.html", context)


@collaboration_view(C.EDIT_FOLLOWUP)
def goal_create(request, access):
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_save(
                collaboration=access.collaboration, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _error(form, error)
        else:
            messages.success(request, _("The goal is saved."))
            return redirect("followup:plan", access.code)
    return render(request, "followup/form.html", _context(access, form=form, title=_("New goal")))


@collaboration_view(C.EDIT_FOLLOWUP)
def goal_edit(request, access, goal_code):
    goal = _goal(access, goal_code)
    initial = {
        "title": goal.title,
        "description": goal.description,
        "focus_area": goal.focus_area,
        "level": goal.level,
    }
    form = GoalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_save(
                collaboration=access.collaboration, by=request.user, goal=goal, **form.cleaned_data
            )
        except ValidationError as error:
            _error(form, error)
        else:
            messages.success(request, _("The goal is saved."))
            return redirect("followup:plan", access.code)
    context = _context(access, form=form, title=_("Change the goal"), goal=goal)
    return render(request, "followup/form.html", context)


@require_POST
@collaboration_view(C.EDIT_FOLLOWUP)
def goal_archive(request, access, goal_code):
    goal = _goal(access, goal_code)
    services.goal_archive(goal=goal, by=request.user)
    messages.success(request, _("The goal is archived; its figures stay readable."))
    return redirect("followup:plan", access.code)


@collaboration_view(C.EDIT_FOLLOWUP)
def indicator_create(request, access, goal_code):
    goal = _goal(access, goal_code)
    form = IndicatorForm(request.POST or None, collaboration=access.collaboration)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_save(goal=goal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _error(form, error)
        else:
            messages.success(request, _("The indicator is added."))
            return redirect("followup:indicator", access.code, indicator.code)
    context = _context(
        access,
        form=form,
        title=_("Add an indicator"),
        goal=goal,
        definitions=selectors.definitions_for(access.collaboration),
    )
    return render(request, "followup/indicator_form.html", context)


@collaboration_view(C.EDIT_FOLLOWUP)
def indicator_edit(request, access, indicator_code):
    indicator = _indicator(access, indicator_code)
    initial = {
        "definition": indicator.definition,
        "period_kind": indicator.period_kind,
        "baseline_value": indicator.baseline_value,
        "baseline_period": indicator.baseline_period,
        "target_value": indicator.target_value,
        "target_period": indicator.target_period,
        "note": indicator.note,
        "decisions": list(indicator.decisions.all()),
    }
    form = IndicatorForm(request.POST or None, collaboration=access.collaboration, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_save(
                goal=indicator.goal, by=request.user, indicator=indicator, **form.cleaned_data
            )
        except ValidationError as error:
            _error(form, error)
        else:
            messages.success(request, _("The indicator is saved."))
            return redirect("followup:indicator", access.code, indicator.code)
    context = _context(
        access,
        form=form,
        title=_("Change the indicator"),
        goal=indicator.goal,
        indicator=indicator,
        definitions=selectors.definitions_for(access.collaboration),
    )
    return render(request, "followup/indicator_form.html", context)


@require_POST
@collaboration_view(C.EDIT_FOLLOWUP)
def indicator_remove(request, access, indicator_code):
    indicator = _indicator(access, indicator_code)
    archived = services.indicator_remove(indicator=indicator, by=request.user)
    if archived:
        messages.success(request, _("The indicator is archived; its figures stay readable."))
    else:
        messages.success(request, _("The indicator is removed."))
    return redirect("followup:plan", access.code)


@collaboration_view(C.VIEW_FOLLOWUP)
def indicator_detail(request, access, indicator_code):
    indicator = _indicator(access, indicator_code)
    row = selectors.indicator_row(indicator)
    row.decisions = list(indicator.decisions.select_related("session"))
    row.evidence = list(selectors.evidence_for(access.collaboration).filter(indicator=indicator))
    source = SOURCES.get(indicator.definition.source)
    dimension = request.GET.get("by", "")
    period_key = request.GET.get("period", "") or row.values[-1].period.key
    try:
        period = P.parse(period_key)
    except ValueError:
        raise Http404 from None
    rows = selectors.breakdown(indicator, period, dimension) if dimension else []
    value_form = None
    if indicator.definition.is_manual and access.can(C.EDIT_FOLLOWUP):
        value_form = ManualValueForm(request.POST or None)
        if request.method == "POST" and value_form.is_valid():
            try:
                services.manual_value_save(
                    indicator=indicator, by=request.user, **value_form.cleaned_data
                )
            except ValidationError as error:
                _error(value_form, error)
            else:
                messages.success(request, _("The value is saved."))
                return redirect("followup:indicator", access.code, indicator.code)
    elif request.method == "POST":
        raise PermissionDenied
    context = _context(
        access,
        row=row,
        indicator=indicator,
        source=source,
        dimensions=[
            (d, selectors.dimension_label(d)) for d in (source.dimensions if source else ())
        ],
        dimension=dimension,
        period=period,
        breakdown_rows=rows,
        manual_values=list(indicator.values.all()),
        value_form=value_form,
        source_url=row.source_url(access.code),
    )
    return render(request, "followup/indicator.html", context)


@collaboration_view(C.EDIT_FOLLOWUP)
def evidence_create(request, access):
    collaboration = access.collaboration
    initial = {"period": P.current("half").key}
    for name in ("goal", "indicator"):
        code = request.GET.get(name)
        if code:
            initial[name] = (
                (
                    selectors.goals_for(collaboration)
                    if name == "goal"
                    else selectors.indicators_for(collaboration)
                )
                .filter(code=code)
                .first()
            )
    form = EvidenceForm(request.POST or None, collaboration=collaboration, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_save(
                collaboration=collaboration, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _error(form, error)
        else:
            messages.success(request, _("The note is saved."))
            return redirect("followup:plan", access.code)
    return render(
        request, "followup/form.html", _context(access, form=form, title=_("New evidence note"))
    )


@collaboration_view(C.VIEW_FOLLOWUP)
def library(request, access):
    collaboration = access.collaboration
    form = None
    if access.can(C.EDIT_FOLLOWUP):
        form = DefinitionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.definition_save(
                    collaboration=collaboration, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                _error(form, error)
            else:
                messages.success(request, _("The indicator is added to your library."))
                return redirect("followup:library", access.code)
    elif request.method == "POST":
        raise PermissionDenied
    definitions = selectors.definitions_for(collaboration)
    context = _context(
        access,
        definitions=definitions,
        source_labels={key: str(s.label) for key, s in SOURCES.items()},
        form=form,
    )
    return render(request, "followup/library.html", context)


@collaboration_view(C.REPORT_FOLLOWUP)
def report(request, access):
    """Choose a period, a language and a format; the report is made in the background."""
    from django.urls import reverse

    from samverka.followup.forms import ReportForm
    from samverka.followup.report import PDF_KIND, XLSX_KIND
    from samverka.jobs.services import job_start

    initial = {"period": P.current("year").key, "language": request.LANGUAGE_CODE[:2]}
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kind = PDF_KIND if data["format"] == "pdf" else XLSX_KIND
        job = job_start(
            kind=kind,
            title=_("Steering-group report %(period)s, %(name)s (%(format)s)")
            % {
                "period": data["period"],
                "name": access.collaboration.name,
                "format": data["format"].upper(),
            },
            params={"period": data["period"], "language": data["language"]},
            by=request.user,
            collaboration=access.collaboration,
            back_url=reverse("followup:plan", args=[access.code]),
        )
        return redirect("jobs:detail", job.code)
    return render(request, "followup/report.html", _context(access, form=form))
