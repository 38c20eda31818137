"""Decision-makers meet children: recorded at a session (from the session page) or at a
consultation; the list of meetings per year."""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.activities import selectors as activity_selectors
from samverka.activities.models import ActivityType
from samverka.children.consultations.views import consultation_of, may_edit
from samverka.children.meetings import selectors, services
from samverka.children.meetings.forms import DecisionMakerForm
from samverka.children.meetings.models import DecisionMaker
from samverka.children.views_common import apply_errors, page
from samverka.orgs.decorators import collaboration_view

C = Capability


@collaboration_view(C.VIEW_CONSULTATIONS)
def meetings(request, access):
    found = selectors.meetings([access.collaboration])
    per_year = sorted(Counter(m["date"].year for m in found).items(), reverse=True)
    return page(
        request, access, "children/meetings/list.html", {"meetings": found, "per_year": per_year}
    )


@collaboration_view(C.RECORD_OWN_SESSIONS)
def session_decision_makers(request, access, session_code):
    """Which decision-makers took part in a session (dialogue forum, children's council)."""
    session = activity_selectors.session_for(access, session_code)
    form = DecisionMakerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_maker_add(
                collaboration=access.collaboration,
                session=session,
                by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The decision-maker is added."))
            return redirect("children:session_decision_makers", access.code, session.code)
    return page(
        request,
        access,
        "children/meetings/session.html",
        {
            "session": session,
            "form": form,
            "makers": session.decision_makers.all(),
            "is_forum": session.activity.type == ActivityType.DIALOGUE_FORUM,
        },
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(C.RECORD_CONSULTATIONS)
@require_POST
def consultation_decision_maker_add(request, access, consultation_code):
    consultation = consultation_of(access, consultation_code)
    if not may_edit(access, consultation):
        raise PermissionDenied
    form = DecisionMakerForm(request.POST)
    if form.is_valid():
        services.decision_maker_add(
            collaboration=access.collaboration,
            consultation=consultation,
            by=request.user,
            **form.cleaned_data,
        )
        messages.success(request, _("The decision-maker is added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("children:consultation", access.code, consultation.code)


@collaboration_view(any_of=(C.RECORD_OWN_SESSIONS, C.RECORD_CONSULTATIONS))
@require_POST
def decision_maker_remove(request, access, maker_code):
    maker = get_object_or_404(
        DecisionMaker.objects.filter(collaboration=access.collaboration), code=maker_code
    )
    if maker.session_id:
        session = activity_selectors.session_for(access, maker.session.code)
        back = redirect("children:session_decision_makers", access.code, session.code)
    else:
        if not may_edit(access, maker.consultation):
            raise PermissionDenied
        back = redirect("children:consultation", access.code, maker.consultation.code)
    services.decision_maker_remove(decision_maker=maker, by=request.user)
    messages.success(request, _("Removed."))
    return back
