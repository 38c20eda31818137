"""The collaboration model's pages. Thin: scope, check the capability, call a service, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.assessment import services
from samverka.assessment.charts import PARTY_COLOURS, bar_chart, journey_chart, quadrant_chart
from samverka.assessment.forms import (
    AnswerForm,
    BoundarySpannerForm,
    ChecklistForm,
    DecisionForm,
    DilemmaForm,
    LearningSessionForm,
    PhaseChangeForm,
    ProfileForm,
    RoundOpenForm,
    RoutineForm,
)
from samverka.assessment.instrument import (
    ELEMENTS_BY_KEY,
    HIGH_THRESHOLD,
    OPERATIONAL_ELEMENTS,
    QUADRANT_HELP,
    SCALE_LABELS,
    SECTION_HELP,
    Quadrant,
    Section,
    elements_of,
    items_of,
)
from samverka.assessment.models import (
    DILEMMA_HELP,
    ChecklistMark,
    DilemmaKind,
    LearningDecision,
    Party,
)
from samverka.assessment.phases import PHASE_HELP, PHASE_ORDER
from samverka.assessment.recommendations import RECOMMENDATIONS
from samverka.assessment.selectors import (
    MIN_GROUP,
    PARTIES,
    checklist_of,
    checklists_for,
    default_party_and_level,
    dependence_warnings,
    describe_phase_warning,
    expected_respondents,
    journey_for,
    national_rows,
    open_round,
    own_response,
    phase_change_warnings,
    profile_for,
    round_results,
    routines_for,
    spanners_for,
    submitted_counts,
)
from samverka.orgs.decorators import collaboration_view, national_view
from samverka.orgs.models import Phase
from samverka.orgs.selectors import (
    collaborations_for_user,
)

C = Capability


def _context(access, section: str, **extra) -> dict:
    """What every page of the model needs: the collaboration, what the user may do, the tabs."""
    can = {
        "edit": access.can(C.EDIT_COLLABORATION_MODEL),
        "manage": access.can(C.MANAGE_ASSESSMENT),
        "answer": access.can(C.ANSWER_ASSESSMENT),
        "results": access.can(C.VIEW_ASSESSMENT_RESULTS),
        "spanners": access.can(C.VIEW_MEMBERS),
    }
    return {
        "access": access,
        "collaboration": access.collaboration,
        "can": can,
        "tab": section,
        **extra,
    }


# --- Profile and phase ---------------------------------------------------------------------


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def model(request, access):
    collaboration = access.collaboration
    changes = collaboration.phase_changes.select_related("changed_by")
    history = [
        {"change": change, "warnings": [describe_phase_warning(w) for w in change.warnings]}
        for change in changes
    ]
    routines = [
        {"routine": routine, "element": ELEMENTS_BY_KEY[routine.element]}
        for routine in routines_for(collaboration)
    ]
    context = _context(
        access,
        "model",
        profile=profile_for(collaboration),
        routines=routines,
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
        services.profile_save(collaboration=collaboration, data=form.cleaned_data, by=request.user)
        messages.success(request, _("The strategic profile is saved."))
        return redirect("assessment:model", access.code)
    return render(request, "assessment/profile_form.html", _context(access, "model", form=form))


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
            collaboration=collaboration,
            element=element.key,
            data=form.cleaned_data,
            by=request.user,
        )
        messages.success(request, _("%(element)s is saved.") % {"element": element.name})
        return redirect("assessment:model", access.code)
    return render(
        request,
        "assessment/routine_form.html",
        _context(access, "model", form=form, element=element),
    )


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def checklist_edit(request, access, phase_key):
    collaboration = access.collaboration
    if phase_key not in PHASE_ORDER:
        raise Http404
    marks = {m.item_id: m for m in ChecklistMark.objects.filter(collaboration=collaboration)}
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
    evidence = {row.item.id: row.evidence for row in checklist.rows}
    rows = [dict(row, evidence=evidence.get(row["item"].id, "")) for row in form.rows()]
    return render(
        request,
        "assessment/checklist_form.html",
        _context(
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
        _context(
            access,
            "model",
            form=form,
            warnings=warnings,
            confirm_for=form.cleaned_data.get("to_phase") if warnings else "",
            current_label=Phase(collaboration.phase).label,
        ),
    )


# --- Self-assessment ----------------------------------------------------------------------


def _round(access, assessment_code):
    return get_object_or_404(access.collaboration.assessment_rounds.all(), code=assessment_code)


def _status(response) -> str:
    if response is None:
        return "none"
    return "submitted" if response.submitted_at else "draft"


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def rounds(request, access):
    collaboration = access.collaboration
    all_rounds = list(collaboration.assessment_rounds.order_by("-number"))
    counts = {}
    for round in all_rounds:
        counts[round.pk] = round.responses.filter(submitted_at__isnull=False).count()
    current = open_round(collaboration)
    mine = own_response(current, request.user) if current else None
    return render(
        request,
        "assessment/rounds.html",
        _context(
            access,
            "assessment",
            rows=[{"round": r, "submitted": counts[r.pk]} for r in all_rounds],
            current=current,
            my_status=_status(mine),
            expected=expected_respondents(collaboration),
            has_closed=any(not r.is_open for r in all_rounds),
            min_group=MIN_GROUP,
        ),
    )


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def instrument(request, access):
    sections = [
        {
            "label": section.label,
            "help": SECTION_HELP[section],
            "elements": [{"element": e, "items": items_of(e.key)} for e in elements_of(section)],
        }
        for section in Section
    ]
    return render(
        request,
        "assessment/instrument.html",
        _context(
            access,
            "assessment",
            sections=sections,
            scale=SCALE_LABELS,
            min_group=MIN_GROUP,
            quadrants=[(Quadrant(q).label, QUADRANT_HELP[q]) for q in Quadrant],
            threshold=HIGH_THRESHOLD,
        ),
    )


@collaboration_view(C.MANAGE_ASSESSMENT)
def round_open(request, access):
    collaboration = access.collaboration
    if open_round(collaboration) is not None:
        messages.error(request, _("A round is already open. Close it before opening a new one."))
        return redirect("assessment:rounds", access.code)
    form = RoundOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round = services.round_open(
                collaboration=collaboration,
                by=request.user,
                note=form.cleaned_data["note"],
                closes_on=form.cleaned_data["closes_on"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("assessment:rounds", access.code)
        messages.success(
            request,
            _("Round %(number)s is open. Tell the members to answer.") % {"number": round.number},
        )
        return redirect("assessment:round", access.code, round.code)
    return render(
        request,
        "assessment/round_open.html",
        _context(access, "assessment", form=form, expected=expected_respondents(collaboration)),
    )


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def round_detail(request, access, assessment_code):
    round = _round(access, assessment_code)
    counts = submitted_counts(round)
    mine = own_response(round, request.user) if access.can(C.ANSWER_ASSESSMENT) else None
    return render(
        request,
        "assessment/round.html",
        _context(
            access,
            "assessment",
            round=round,
            counts=[
                {"party": Party(p).label, "levels": counts[p], "total": sum(counts[p].values())}
                for p in PARTIES
            ],
            total=sum(sum(c.values()) for c in counts.values()),
            expected=expected_respondents(access.collaboration),
            my_status=_status(mine),
            mine=mine,
            min_group=MIN_GROUP,
        ),
    )


@collaboration_view(C.ANSWER_ASSESSMENT)
def answer(request, access, assessment_code):
    collaboration = access.collaboration
    round = _round(access, assessment_code)
    mine = own_response(round, request.user)
    if not round.is_open and request.method == "POST":
        messages.error(request, _("This round is closed. Answers can no longer be changed."))
        return redirect("assessment:round", access.code, round.code)
    party, level = default_party_and_level(request.user, collaboration)
    submit = request.method == "POST" and "submit" in request.POST
    if request.method == "POST":
        form = AnswerForm(request.POST, submit=submit)
    else:
        form = AnswerForm(initial=AnswerForm.initial_from(mine, party, level))
    if request.method == "POST" and form.is_valid():
        try:
            services.response_save(
                round=round,
                respondent=request.user,
                party=form.cleaned_data["party"],
                level=form.cleaned_data["level"],
                answers=form.answers(),
                submit=submit,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if submit or (mine is not None and mine.submitted_at):
                messages.success(
                    request,
                    _(
                        "Thank you! Your answers are saved. "
                        "You can change them until the round closes."
                    ),
                )
            else:
                messages.success(
                    request, _("Your draft is saved. Send your answers when you are done.")
                )
            return redirect("assessment:round", access.code, round.code)
    sections = [
        {
            "key": section.value,
            "label": section.label,
            "help": SECTION_HELP[section],
            "elements": [
                {"element": e, "rows": form.item_rows(items_of(e.key))}
                for e in elements_of(section)
            ],
        }
        for section in Section
    ]
    read_only_sections = []
    if not round.is_open and mine is not None:
        given = {a.item_id: a for a in mine.answers.all()}
        for section in Section:
            rows = []
            for e in elements_of(section):
                for item in items_of(e.key):
                    a = given.get(item.id)
                    rows.append(
                        {
                            "item": item,
                            "answered": a is not None,
                            "value": a.value if a else None,
                            "label": SCALE_LABELS.get(a.value, "") if a else "",
                            "comment": a.comment if a else "",
                        }
                    )
            read_only_sections.append({"key": section.value, "label": section.label, "rows": rows})
    return render(
        request,
        "assessment/answer.html",
        _context(
            access,
            "assessment",
            round=round,
            form=form,
            sections=sections,
            read_only_sections=read_only_sections,
            status=_status(mine),
            read_only=not round.is_open,
            scale=SCALE_LABELS,
            min_group=MIN_GROUP,
            error_count=len(form.errors) if form.is_bound else 0,
        ),
    )


@collaboration_view(C.MANAGE_ASSESSMENT)
@require_POST
def round_close(request, access, assessment_code):
    round = _round(access, assessment_code)
    services.round_close(round=round, by=request.user)
    messages.success(request, _("Round %(number)s is closed.") % {"number": round.number})
    if access.can(C.VIEW_ASSESSMENT_RESULTS):
        return redirect("assessment:results", access.code, round.code)
    return redirect("assessment:round", access.code, round.code)


def _point_rows(results) -> list[dict]:
    """The groups drawn in the quadrant: each party's levels where shown, else the whole party."""
    rows = []
    for party in PARTIES:
        levels = [p for p in results.level_points if p.party == party]
        pooled = results.point_for(party)
        rows += levels if levels else ([pooled] if pooled else [])
    return [
        {
            "mark": str(index),
            "point": point,
            "quadrant": point.quadrant.label,
            "help": QUADRANT_HELP[point.quadrant],
        }
        for index, point in enumerate(rows, start=1)
    ]


def _results_context(results) -> dict:
    round = results.round
    points = _point_rows(results)
    bar_rows = []
    for section in Section:
        if section == Section.CAPACITY:
            pass  # drawn under the receptiveness heading: both are about the parties' conditions
        elif section == Section.RECEPTIVENESS:
            bar_rows.append({"label": _("Receptiveness and capacity"), "heading": True})
        else:
            bar_rows.append({"label": section.label, "heading": True})
        for area in results.areas_in(section):
            bar_rows.append(
                {
                    "label": str(area.element.name),
                    "values": {p: area.parties[p].mean for p in PARTIES},
                }
            )
    area_chart = bar_chart(
        f"areas-{round.code}",
        bar_rows,
        title=_("Both parties' views, area by area"),
        desc=_(
            "Mean on the scale 1 to 5 for each area, the municipality side and the "
            "civil-society side side by side. The same figures are in the table."
        ),
    )
    chart = quadrant_chart(
        f"quadrant-{round.code}",
        [
            {
                "label": row["mark"],
                "party": row["point"].party,
                "level": row["point"].level,
                "receptiveness": row["point"].receptiveness,
                "capacity": row["point"].capacity,
            }
            for row in points
        ],
        title=_("Receptiveness and capacity"),
        desc=_(
            "Each party's place in the quadrant: receptiveness upwards, capacity to the right. "
            "The same figures are in the table."
        ),
    )
    sections = [
        {
            "label": section.label,
            "areas": results.areas_in(section),
            "items": results.items_in(section),
        }
        for section in Section
    ]
    area_groups = [
        {"label": Section.STRATEGIC.label, "areas": results.areas_in(Section.STRATEGIC)},
        {"label": Section.OPERATIONAL.label, "areas": results.areas_in(Section.OPERATIONAL)},
        {
            "label": _("Receptiveness and capacity"),
            "areas": results.areas_in(Section.RECEPTIVENESS) + results.areas_in(Section.CAPACITY),
        },
    ]
    return {
        "area_groups": area_groups,
        "results": results,
        "round": round,
        "area_chart": area_chart,
        "quadrant_chart": chart,
        "points": points,
        "sections": sections,
        "parties": [(p, Party(p).label) for p in PARTIES],
        "colours": PARTY_COLOURS,
        "min_group": MIN_GROUP,
        "threshold": HIGH_THRESHOLD,
        "all_recommendations": RECOMMENDATIONS,
    }


@collaboration_view(C.VIEW_ASSESSMENT_RESULTS)
def results(request, access, assessment_code):
    round = _round(access, assessment_code)
    if round.is_open:
        return render(
            request,
            "assessment/results_pending.html",
            _context(access, "assessment", round=round, min_group=MIN_GROUP),
        )
    context = _context(access, "assessment", **_results_context(round_results(round)))
    return render(request, "assessment/results.html", context)


@collaboration_view(C.VIEW_ASSESSMENT_RESULTS)
def report(request, access, assessment_code):
    round = _round(access, assessment_code)
    if round.is_open:
        return redirect("assessment:results", access.code, round.code)
    context = _context(access, "assessment", **_results_context(round_results(round)))
    journey = journey_for(access.collaboration)
    if len(journey.results) > 1:
        context.update(_journey_context(journey))
    context["with_comments"] = request.GET.get("comments") == "1"
    context["phase_label"] = Phase(access.collaboration.phase).label
    return render(request, "assessment/report.html", context)


def _journey_context(journey) -> dict:
    paths = {
        party: [
            {"label": str(number), "receptiveness": p.receptiveness, "capacity": p.capacity}
            for number, p in journey.path(party)
        ]
        for party in PARTIES
    }
    chart = journey_chart(
        "journey",
        paths,
        title=_("The collaboration's journey"),
        desc=_(
            "Each party's place in the receptiveness and capacity quadrant, round by round; the "
            "numbers are the rounds. The same figures are in the table."
        ),
    )
    return {
        "journey": journey,
        "journey_chart": chart,
        "journey_rows": journey.area_rows(),
        "threshold": HIGH_THRESHOLD,
        "parties": [(p, Party(p).label) for p in PARTIES],
        "colours": PARTY_COLOURS,
    }


@collaboration_view(C.VIEW_ASSESSMENT_RESULTS)
def journey(request, access):
    context = _context(access, "assessment", min_group=MIN_GROUP)
    context.update(_journey_context(journey_for(access.collaboration)))
    return render(request, "assessment/journey.html", context)


# --- Dilemmas ---------------------------------------------------------------------------------


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def dilemmas(request, access):
    entries = access.collaboration.dilemmas.all()
    kind = request.GET.get("kind", "")
    if kind in DilemmaKind.values:
        entries = entries.filter(kind=kind)
    all_entries = list(access.collaboration.dilemmas.values_list("kind", flat=True))
    kinds = [
        {
            "value": k.value,
            "label": k.label,
            "help": DILEMMA_HELP[k],
            "count": all_entries.count(k.value),
        }
        for k in DilemmaKind
    ]
    return render(
        request,
        "assessment/dilemmas.html",
        _context(access, "dilemmas", entries=entries, kinds=kinds, kind=kind),
    )


def _dilemma(access, dilemma_code):
    return get_object_or_404(access.collaboration.dilemmas.all(), code=dilemma_code)


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def dilemma_detail(request, access, dilemma_code):
    dilemma = _dilemma(access, dilemma_code)
    return render(
        request,
        "assessment/dilemma.html",
        _context(
            access,
            "dilemmas",
            dilemma=dilemma,
            kind_help=DILEMMA_HELP[dilemma.kind],
            sessions=dilemma.learning_sessions.all(),
        ),
    )


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def dilemma_create(request, access):
    return _dilemma_form(request, access, None)


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def dilemma_edit(request, access, dilemma_code):
    return _dilemma_form(request, access, dilemma_code)


def _dilemma_form(request, access, dilemma_code):
    instance = _dilemma(access, dilemma_code) if dilemma_code else None
    initial = {}
    if instance is None and request.GET.get("kind") in DilemmaKind.values:
        initial["kind"] = request.GET["kind"]
    form = DilemmaForm(request.POST or None, instance=instance, initial=initial)
    if request.method == "POST" and form.is_valid():
        dilemma = services.dilemma_save(
            form=form, collaboration=access.collaboration, by=request.user
        )
        messages.success(request, _("The dilemma is saved."))
        return redirect("assessment:dilemma", access.code, dilemma.code)
    return render(
        request,
        "assessment/dilemma_form.html",
        _context(
            access,
            "dilemmas",
            form=form,
            dilemma=instance,
            kinds=[(k.label, DILEMMA_HELP[k]) for k in DilemmaKind],
        ),
    )


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
@require_POST
def dilemma_delete(request, access, dilemma_code):
    services.dilemma_delete(dilemma=_dilemma(access, dilemma_code), by=request.user)
    messages.success(request, _("The dilemma is deleted."))
    return redirect("assessment:dilemmas", access.code)


# --- Learning sessions ---------------------------------------------------------------------


def _open_decisions(collaboration):
    return (
        LearningDecision.objects.filter(session__collaboration=collaboration, done_on__isnull=True)
        .select_related("session", "follow_up_by__user")
        .order_by("due_on", "created_at")
    )


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def learning(request, access):
    sessions = access.collaboration.learning_sessions.prefetch_related(
        "rounds", "dilemmas", "decisions"
    )
    return render(
        request,
        "assessment/learning.html",
        _context(
            access,
            "learning",
            sessions=sessions,
            open_decisions=_open_decisions(access.collaboration),
        ),
    )


def _session(access, learning_code):
    return get_object_or_404(access.collaboration.learning_sessions.all(), code=learning_code)


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def learning_session(request, access, learning_code):
    session = _session(access, learning_code)
    return render(
        request,
        "assessment/learning_session.html",
        _context(
            access,
            "learning",
            session=session,
            participants=session.participants.select_related("user"),
            decisions=session.decisions.select_related("follow_up_by__user"),
            decision_form=DecisionForm(collaboration=access.collaboration)
            if access.can(C.EDIT_COLLABORATION_MODEL)
            else None,
        ),
    )


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
            form=form, collaboration=access.collaboration, by=request.user
        )
        messages.success(request, _("The learning session is saved. Add the decisions you took."))
        return redirect("assessment:learning_session", access.code, session.code)
    return render(
        request,
        "assessment/learning_form.html",
        _context(access, "learning", form=form, session=instance),
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
            by=request.user,
        )
        messages.success(request, _("The decision is added."))
        return redirect("assessment:learning_session", access.code, session.code)
    return render(
        request,
        "assessment/learning_session.html",
        _context(
            access,
            "learning",
            session=session,
            participants=session.participants.select_related("user"),
            decisions=session.decisions.select_related("follow_up_by__user"),
            decision_form=form,
        ),
    )


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


# --- Boundary spanners -------------------------------------------------------------------------


@collaboration_view(C.VIEW_COLLABORATION_MODEL, C.VIEW_MEMBERS)
def boundary_spanners(request, access):
    collaboration = access.collaboration
    routines = [
        {"routine": r, "element": ELEMENTS_BY_KEY[r.element]} for r in routines_for(collaboration)
    ]
    return render(
        request,
        "assessment/boundary_spanners.html",
        _context(
            access,
            "spanners",
            spanners=spanners_for(collaboration),
            warnings=dependence_warnings(collaboration),
            routines=routines,
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
            form=form, collaboration=access.collaboration, by=request.user
        )
        messages.success(request, _("The boundary spanner is saved."))
        return redirect("assessment:boundary_spanners", access.code)
    return render(
        request,
        "assessment/boundary_spanner_form.html",
        _context(access, "spanners", form=form, spanner=instance),
    )


@collaboration_view(C.EDIT_COLLABORATION_MODEL, C.VIEW_MEMBERS)
@require_POST
def boundary_spanner_delete(request, access, spanner_code):
    services.boundary_spanner_delete(spanner=_spanner(access, spanner_code), by=request.user)
    messages.success(request, _("The boundary spanner is removed."))
    return redirect("assessment:boundary_spanners", access.code)


# --- National comparison ---------------------------------------------------------------------


@national_view()
def national(request, national):
    collaborations = collaborations_for_user(request.user).order_by("municipality__name", "name")
    phase = request.GET.get("phase", "")
    if phase in Phase.values:
        collaborations = collaborations.filter(phase=phase)
    rows = national_rows(collaborations)
    points = []
    table = []
    for index, row in enumerate(rows, start=1):
        quadrants = {}
        if row.latest:
            for party in PARTIES:
                point = row.latest.point_for(party)
                quadrants[party] = point
                if point:
                    points.append(
                        {
                            "label": str(index),
                            "party": party,
                            "level": "",
                            "receptiveness": point.receptiveness,
                            "capacity": point.capacity,
                        }
                    )
        table.append(
            {
                "number": index,
                "row": row,
                "quadrants": [
                    {"label": Party(p).label, "point": quadrants.get(p)} for p in PARTIES
                ],
            }
        )
    chart = quadrant_chart(
        "national",
        points,
        title=_("All collaborations in the quadrant"),
        desc=_(
            "Each collaboration's parties in the receptiveness and capacity quadrant, from the "
            "latest closed round; the numbers refer to the rows of the table."
        ),
    )
    phase_counts = [
        {"value": p.value, "label": p.label, "count": sum(r.collaboration.phase == p for r in rows)}
        for p in Phase
    ]
    return render(
        request,
        "assessment/national.html",
        {
            "table": table,
            "chart": chart,
            "has_points": bool(points),
            "parties": [(p, Party(p).label) for p in PARTIES],
            "colours": PARTY_COLOURS,
            "phase": phase,
            "phases": phase_counts,
            "min_group": MIN_GROUP,
            "warning_total": sum(len(r.warnings) for r in rows),
        },
    )
