"""Self-assessment rounds: the list, the instrument, opening a round, answering and closing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability as C
from samverka.assessment.instrument import (
    HIGH_THRESHOLD,
    QUADRANT_HELP,
    SCALE_LABELS,
    SECTION_HELP,
    Quadrant,
    Section,
    elements_of,
    items_of,
)
from samverka.assessment.models import Party
from samverka.assessment.pages import page_context
from samverka.assessment.results.selectors import MIN_GROUP, PARTIES
from samverka.assessment.rounds import services
from samverka.assessment.rounds.forms import AnswerForm, RoundOpenForm
from samverka.assessment.rounds.selectors import (
    default_party_and_level,
    expected_respondents,
    open_round,
    own_response,
    round_or_404,
    submitted_counts,
)
from samverka.orgs.decorators import collaboration_view


def _status(response) -> str:
    if response is None:
        return "none"
    return "submitted" if response.submitted_at else "draft"


@collaboration_view(any_of=(C.VIEW_COLLABORATION_MODEL, C.ANSWER_ASSESSMENT))
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
        page_context(
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


@collaboration_view(any_of=(C.VIEW_COLLABORATION_MODEL, C.ANSWER_ASSESSMENT))
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
        page_context(
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
        page_context(access, "assessment", form=form, expected=expected_respondents(collaboration)),
    )


@collaboration_view(any_of=(C.VIEW_COLLABORATION_MODEL, C.ANSWER_ASSESSMENT))
def round_detail(request, access, assessment_code):
    round = round_or_404(access.collaboration, assessment_code)
    counts = submitted_counts(round)
    mine = own_response(round, request.user) if access.can(C.ANSWER_ASSESSMENT) else None
    return render(
        request,
        "assessment/round.html",
        page_context(
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
    round = round_or_404(access.collaboration, assessment_code)
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
                party=form.cleaned_data["party"],
                level=form.cleaned_data["level"],
                answers=form.answers(),
                submit=submit,
                by=request.user,
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
        page_context(
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
    round = round_or_404(access.collaboration, assessment_code)
    services.round_close(round=round, by=request.user)
    messages.success(request, _("Round %(number)s is closed.") % {"number": round.number})
    if access.can(C.VIEW_ASSESSMENT_RESULTS):
        return redirect("assessment:results", access.code, round.code)
    return redirect("assessment:round", access.code, round.code)
