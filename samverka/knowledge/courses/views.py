"""Course outlines (`/knowledge/courses/`), course runs in a collaboration
(`/c/<code>/training/`) and the counting of the competence work (per collaboration and
`/national/competence/`)."""

from datetime import date

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.knowledge.courses import services
from samverka.knowledge.courses.figures import competence_figures
from samverka.knowledge.courses.forms import (
    AttendeeForm,
    CourseForm,
    ModuleForm,
    PeriodForm,
    RunForm,
)
from samverka.knowledge.courses.models import Completion, Course, CourseRun, TraineeRole
from samverka.knowledge.permissions import bank_view
from samverka.orgs.decorators import collaboration_view, national_view


@bank_view()
def courses(request, can_edit):
    items = Course.objects.prefetch_related("modules")
    return render(request, "knowledge/courses/list.html", {"courses": items, "can_edit": can_edit})


@bank_view()
def course_detail(request, course_code, can_edit):
    course = get_object_or_404(Course, code=course_code)
    modules = course.modules.prefetch_related("materials")
    return render(
        request,
        "knowledge/courses/detail.html",
        {"course": course, "modules": modules, "can_edit": can_edit},
    )


@bank_view(edit=True)
def course_edit(request, can_edit, course_code=None):
    course = get_object_or_404(Course, code=course_code) if course_code else None
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        course = services.course_save(course=course, data=form.cleaned_data, by=request.user)
        messages.success(request, _("Saved."))
        return redirect("knowledge:course", course.code)
    return render(request, "knowledge/courses/form.html", {"form": form, "course": course})


@bank_view(edit=True)
def module_edit(request, course_code, can_edit, module_code=None):
    course = get_object_or_404(Course, code=course_code)
    module = get_object_or_404(course.modules.all(), code=module_code) if module_code else None
    form = ModuleForm(
        request.POST or None,
        instance=module,
        initial=None if module else {"order": course.modules.count() + 1},
    )
    if request.method == "POST" and form.is_valid():
        services.module_save(course=course, module=module, data=form.cleaned_data, by=request.user)
        messages.success(request, _("Saved."))
        return redirect("knowledge:course", course.code)
    return render(
        request,
        "knowledge/courses/module_form.html",
        {"form": form, "course": course, "module": module},
    )


def _runs(access):
    return CourseRun.objects.filter(collaboration=access.collaboration).select_related(
        "course", "organiser"
    )


def _period(request) -> tuple[PeriodForm, date, date]:
    today = timezone.localdate()
    form = PeriodForm(request.GET or None, initial={"start": date(today.year, 1, 1), "end": today})
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, date(today.year, 1, 1), date(today.year, 12, 31)


@collaboration_view(any_of=(Capability.MANAGE_TRAINING, Capability.VIEW_AGGREGATES))
def runs(request, access):
    """Course runs and the collaboration's competence figures for a period."""
    form, start, end = _period(request)
    can_manage = access.can(Capability.MANAGE_TRAINING)
    figures = competence_figures(
        start=start, end=end, collaborations=[access.collaboration], controlled=not can_manage
    )
    return render(
        request,
        "knowledge/courses/runs.html",
        {
            "collaboration": access.collaboration,
            "runs": _runs(access) if can_manage else [],
            "can_manage": can_manage,
            "form": form,
            "start": start,
            "end": end,
            "figures": figures,
        },
    )


@collaboration_view(Capability.MANAGE_TRAINING)
def run_edit(request, access, run_code=None):
    run = get_object_or_404(_runs(access), code=run_code) if run_code else None
    form = RunForm(
        request.POST or None,
        instance=run,
        collaboration=access.collaboration,
        initial=None if run else {"organiser": access.collaboration.lead_organisation},
    )
    if request.method == "POST" and form.is_valid():
        run = services.run_save(
            collaboration=access.collaboration, run=run, data=form.cleaned_data, by=request.user
        )
        messages.success(request, _("Saved."))
        return redirect("knowledge:run", access.code, run.code)
    return render(
        request,
        "knowledge/courses/run_form.html",
        {"collaboration": access.collaboration, "form": form, "run": run},
    )


@collaboration_view(Capability.MANAGE_TRAINING)
def run_detail(request, access, run_code):
    """Attendees and, per module, who completed it (one form, saved at once)."""
    run = get_object_or_404(_runs(access), code=run_code)
    modules = list(run.course.modules.all())
    if request.method == "POST":
        completed = set()
        for value in request.POST.getlist("done"):
            attendee, _sep, module = value.partition(":")
            if attendee.isdigit() and module.isdigit():
                completed.add((int(attendee), int(module)))
        added, removed = services.completions_save(run=run, completed=completed, by=request.user)
        messages.success(
            request,
            _("Saved: %(added)s completed, %(removed)s removed.")
            % {"added": added, "removed": removed},
        )
        return redirect("knowledge:run", access.code, run.code)
    attendees = list(run.attendees.select_related("user", "organisation", "volunteer"))
    done = set(Completion.objects.filter(attendee__run=run).values_list("attendee_id", "module_id"))
    rows = [(a, [(m, (a.pk, m.pk) in done) for m in modules]) for a in attendees]
    return render(
        request,
        "knowledge/courses/run.html",
        {
            "collaboration": access.collaboration,
            "run": run,
            "modules": modules,
            "rows": rows,
            "form": AttendeeForm(collaboration=access.collaboration, run=run),
        },
    )


@collaboration_view(Capability.MANAGE_TRAINING)
def attendee_add(request, access, run_code):
    run = get_object_or_404(_runs(access), code=run_code)
    form = AttendeeForm(request.POST or None, collaboration=access.collaboration, run=run)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["who"] == "member":
            services.attendee_add(run=run, role=data["role"], user=data["user"], by=request.user)
            count = 1
        else:
            count = data.get("number") or 1
            for _i in range(count):
                services.attendee_add(
                    run=run,
                    role=data["role"],
                    organisation=data["organisation"],
                    organisation_name=data["organisation_name"],
                    organisation_kind=data["organisation_kind"],
                    by=request.user,
                )
        messages.success(request, _("%(n)s attendees added.") % {"n": count})
        return redirect("knowledge:run", access.code, run.code)
    return render(
        request,
        "knowledge/courses/attendee_form.html",
        {"collaboration": access.collaboration, "run": run, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(Capability.MANAGE_TRAINING)
@require_POST
def attendee_remove(request, access, run_code, attendee_code):
    run = get_object_or_404(_runs(access), code=run_code)
    attendee = get_object_or_404(run.attendees.all(), code=attendee_code)
    services.attendee_remove(attendee=attendee, by=request.user)
    messages.success(request, _("The attendee is removed."))
    return redirect("knowledge:run", access.code, run.code)


@national_view(Capability.VIEW_AGGREGATES)
def national_competence(request, national):
    """Every collaboration: exact for the national lead, disclosure-controlled otherwise."""
    form, start, end = _period(request)
    figures = competence_figures(start=start, end=end, controlled=not national.is_lead)
    return render(
        request,
        "knowledge/courses/national.html",
        {"form": form, "start": start, "end": end, "figures": figures, "roles": TraineeRole},
    )
