"""The child-rights check: the decisions that ask for one, recording a check in its steps,
deciding and following it up; marking a learning decision as affecting children."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.activities.models import Activity
from samverka.assessment.models import LearningDecision, PhaseChange
from samverka.children.rights_check import selectors, services
from samverka.children.rights_check.forms import CheckForm, FollowUpForm, source_formset
from samverka.children.rights_check.models import ChildRightsCheck, Subject
from samverka.children.views_common import apply_errors, page
from samverka.orgs.decorators import collaboration_view
from samverka.orgs.models import Phase

C = Capability


def check_of(access, code) -> ChildRightsCheck:
    return get_object_or_404(
        ChildRightsCheck.objects.filter(collaboration=access.collaboration), code=code
    )


@collaboration_view(C.VIEW_CHILD_RIGHTS_CHECKS)
def checks(request, access):
    asked = selectors.asked_decisions([access.collaboration])
    with_check, total = selectors.share_with_check(asked)
    return page(
        request,
        access,
        "children/checks/list.html",
        {
            "asked": asked,
            "with_check": with_check,
            "total": total,
            "checks": selectors.checks_for([access.collaboration]).select_related("activity"),
        },
    )


def _subject_from(request, access) -> dict:
    """What a new check is about, from the link that asked for it."""
    collaboration = access.collaboration
    initial: dict = {}
    links: dict = {}
    subject = request.GET.get("subject", "")
    if subject in Subject.values:
        initial["subject"] = subject
    if code := request.GET.get("activity"):
        activity = Activity.objects.filter(collaboration=collaboration, code=code).first()
        if activity is not None:
            links["activity"] = activity
            initial.setdefault("subject", Subject.ACTIVITY_CHANGE)
            if initial["subject"] == Subject.ACTIVITY_END:
                initial["title"] = _("%(activity)s ends") % {"activity": activity.name}
            elif initial["subject"] == Subject.NEW_ACTIVITY:
                initial["title"] = _("%(activity)s starts") % {"activity": activity.name}
    if code := request.GET.get("phase_change"):
        change = PhaseChange.objects.filter(collaboration=collaboration, code=code).first()
        if change is not None:
            links["phase_change"] = change
            initial.update(subject=Subject.PHASE_CHANGE, to_phase=change.to_phase)
    if (to_phase := request.GET.get("to_phase")) in Phase.values:
        initial.update(subject=Subject.PHASE_CHANGE, to_phase=to_phase)
    if initial.get("subject") == Subject.PHASE_CHANGE and initial.get("to_phase"):
        initial.setdefault(
            "title",
            _("The collaboration moves to the phase %(phase)s")
            % {"phase": Phase(initial["to_phase"]).label.lower()},
        )
    if code := request.GET.get("decision"):
        decision = LearningDecision.objects.filter(
            session__collaboration=collaboration, code=code
        ).first()
        if decision is not None:
            links["learning_decision"] = decision
            initial.update(subject=Subject.LEARNING_DECISION, title=decision.text[:200])
    return {"initial": initial, "links": links}


def _check_form(request, access, check=None):
    collaboration = access.collaboration
    if check is None:
        found = _subject_from(request, access)
        initial, links = found["initial"], found["links"]
    else:
        links = {}
        initial = {
            name: getattr(check, name)
            for name in (
                "subject",
                "title",
                "to_phase",
                *services.TEXT_STEPS,
                "follow_up_on",
            )
        }
        initial["consultations"] = list(check.consultations.all())
    form = CheckForm(request.POST or None, initial=initial, collaboration=collaboration)
    formset = source_formset(request.POST or None, check)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = {**form.cleaned_data, **links}
        if data.get("subject") != Subject.PHASE_CHANGE:
            data["to_phase"] = ""
        try:
            saved = services.check_save(
                collaboration=collaboration,
                check=check,
                data=data,
                sources=[f.cleaned_data for f in formset.forms if f.cleaned_data],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The child-rights check is saved."))
            return redirect("children:check", access.code, saved.code)
    return page(
        request,
        access,
        "children/checks/form.html",
        {
            "form": form,
            "formset": formset,
            "check": check,
            "about": links
            or (
                {
                    "activity": check.activity,
                    "phase_change": check.phase_change,
                    "learning_decision": check.learning_decision,
                }
                if check
                else {}
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(C.MANAGE_CHILD_RIGHTS_CHECKS)
def check_create(request, access):
    return _check_form(request, access)


@collaboration_view(C.MANAGE_CHILD_RIGHTS_CHECKS)
def check_edit(request, access, check_code):
    return _check_form(request, access, check_of(access, check_code))


@collaboration_view(C.VIEW_CHILD_RIGHTS_CHECKS)
def check_detail(request, access, check_code):
    check = check_of(access, check_code)
    return page(
        request,
        access,
        "children/checks/detail.html",
        {
            "check": check,
            "missing": services.missing_steps(check),
            "consultations": check.consultations.all(),
            "sources": check.sources.all(),
            "follow_up_form": FollowUpForm() if check.is_decided else None,
        },
    )


@collaboration_view(C.MANAGE_CHILD_RIGHTS_CHECKS)
@require_POST
def check_decide(request, access, check_code):
    check = check_of(access, check_code)
    action = request.POST.get("action")
    try:
        if action == "reopen":
            services.check_reopen(check=check, by=request.user)
            messages.success(request, _("The check is a draft again."))
        elif action == "delete":
            services.check_delete(check=check, by=request.user)
            messages.success(request, _("The draft is deleted."))
            return redirect("children:checks", access.code)
        else:
            services.check_decide(check=check, by=request.user)
            messages.success(request, _("The check is decided."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("children:check", access.code, check.code)


@collaboration_view(C.MANAGE_CHILD_RIGHTS_CHECKS)
def check_follow_up(request, access, check_code):
    check = check_of(access, check_code)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_follow_up(check=check, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The follow-up is saved."))
            return redirect("children:check", access.code, check.code)
    return page(
        request,
        access,
        "children/checks/follow_up.html",
        {"check": check, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(C.MANAGE_CHILD_RIGHTS_CHECKS)
@require_POST
def affects_children(request, access, learning_decision_code):
    """Mark a learning decision as affecting children, or take the mark away."""
    decision = get_object_or_404(
        LearningDecision.objects.filter(session__collaboration=access.collaboration),
        code=learning_decision_code,
    )
    affects = request.POST.get("affects") == "1"
    services.affects_children_set(
        collaboration=access.collaboration,
        learning_decision=decision,
        affects=affects,
        by=request.user,
    )
    if affects:
        messages.info(
            request, _("Marked as affecting children: a child-rights check is asked for.")
        )
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("children:checks", access.code)
