"""The volunteer roster (`/c/<code>/volunteers/`) and who helped at a session. Coordinators
only: names and phone numbers are shown to nobody else, and every look is audited."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.activities.models import Session
from samverka.knowledge.courses import services as course_services
from samverka.knowledge.courses.forms import VolunteerTrainingForm
from samverka.knowledge.courses.models import CourseRun
from samverka.knowledge.volunteers import selectors, services
from samverka.knowledge.volunteers.forms import RecordCheckForm, VolunteerForm
from samverka.knowledge.volunteers.models import oldest_current_check
from samverka.orgs.decorators import collaboration_view

VOLUNTEER_PAGE = (Capability.MANAGE_VOLUNTEERS, Capability.VIEW_IDENTITIES)


def _volunteer(access, code):
    return get_object_or_404(selectors.roster(access.collaboration), code=code)


@collaboration_view(*VOLUNTEER_PAGE)
def volunteers(request, access):
    today = timezone.localdate()
    roster = list(selectors.roster(access.collaboration))
    identities = services.volunteer_identities_view(
        volunteers=roster, collaboration=access.collaboration, by=request.user
    )
    hours = selectors.hours_by_volunteer(
        access.collaboration, start=today.replace(month=1, day=1), end=today
    )
    rows = [
        {
            "volunteer": v,
            "identity": identities[v.pk],
            "status": selectors.check_status(v, today),
            "check": selectors.latest_check(v),
            "hours": hours.get(v.pk, 0),
        }
        for v in roster
    ]
    return render(
        request,
        "knowledge/volunteers/list.html",
        {"collaboration": access.collaboration, "rows": rows, "year": today.year},
    )


@collaboration_view(*VOLUNTEER_PAGE)
def volunteer_edit(request, access, volunteer_code=None):
    volunteer = _volunteer(access, volunteer_code) if volunteer_code else None
    initial = None
    if volunteer is not None:
        identity = services.volunteer_identities_view(
            volunteers=[volunteer], collaboration=access.collaboration, by=request.user
        )[volunteer.pk]
        initial = {
            **identity,
            "user": volunteer.user,
            "organisation": volunteer.organisation,
            "activities": list(volunteer.activities.all()),
            "started_on": volunteer.started_on,
            "ended_on": volunteer.ended_on,
        }
    form = VolunteerForm(request.POST or None, initial=initial, collaboration=access.collaboration)
    if request.method == "POST" and form.is_valid():
        volunteer = services.volunteer_save(
            collaboration=access.collaboration,
            volunteer=volunteer,
            by=request.user,
            **form.cleaned_data,
        )
        messages.success(request, _("Saved."))
        return redirect("knowledge:volunteer", access.code, volunteer.code)
    return render(
        request,
        "knowledge/volunteers/form.html",
        {"collaboration": access.collaboration, "form": form, "volunteer": volunteer},
    )


@collaboration_view(*VOLUNTEER_PAGE)
def volunteer_detail(request, access, volunteer_code):
    volunteer = _volunteer(access, volunteer_code)
    identity = services.volunteer_identities_view(
        volunteers=[volunteer], collaboration=access.collaboration, by=request.user
    )[volunteer.pk]
    runs = CourseRun.objects.filter(collaboration=access.collaboration).exclude(
        attendees__volunteer=volunteer
    )
    return render(
        request,
        "knowledge/volunteers/detail.html",
        {
            "collaboration": access.collaboration,
            "volunteer": volunteer,
            "identity": identity,
            "status": selectors.check_status(volunteer),
            "checks": volunteer.checks.select_related("seen_by"),
            "sessions": volunteer.sessions.select_related("session__activity").order_by(
                "-session__date"
            ),
            "trainings": volunteer.trainings.select_related("run__course").prefetch_related(
                "completions__module"
            ),
            "check_form": RecordCheckForm(
                collaboration=access.collaboration, initial={"seen_by": request.user}
            ),
            "training_form": VolunteerTrainingForm(runs=runs) if runs.exists() else None,
            "oldest_current": oldest_current_check(),
        },
    )


@collaboration_view(*VOLUNTEER_PAGE)
def volunteer_check(request, access, volunteer_code):
    """Record that the criminal-records extract was seen (the extract itself is never kept)."""
    volunteer = _volunteer(access, volunteer_code)
    form = RecordCheckForm(request.POST or None, collaboration=access.collaboration)
    if request.method == "POST" and form.is_valid():
        services.record_check_add(volunteer=volunteer, by=request.user, **form.cleaned_data)
        messages.success(request, _("The check is recorded."))
        return redirect("knowledge:volunteer", access.code, volunteer.code)
    return render(
        request,
        "knowledge/volunteers/check_form.html",
        {"collaboration": access.collaboration, "volunteer": volunteer, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(*VOLUNTEER_PAGE, Capability.MANAGE_TRAINING)
@require_POST
def volunteer_training(request, access, volunteer_code):
    volunteer = _volunteer(access, volunteer_code)
    form = VolunteerTrainingForm(
        request.POST, runs=CourseRun.objects.filter(collaboration=access.collaboration)
    )
    if (
        form.is_valid()
        and not form.cleaned_data["run"].attendees.filter(volunteer=volunteer).exists()
    ):
        run = form.cleaned_data["run"]
        course_services.attendee_add(
            run=run, role="volunteer", volunteer=volunteer, by=request.user
        )
        messages.success(request, _("Added to the course run; record the modules completed there."))
        return redirect("knowledge:run", access.code, run.code)
    messages.error(request, _("Choose a course run the volunteer is not already in."))
    return redirect("knowledge:volunteer", access.code, volunteer.code)


@collaboration_view(*VOLUNTEER_PAGE)
def session_volunteers(request, access, session_code):
    """Who of the roster helped at this session, and for how long."""
    session = get_object_or_404(
        Session.objects.filter(activity__collaboration=access.collaboration).select_related(
            "activity"
        ),
        code=session_code,
    )
    roster = list(selectors.roster(access.collaboration))
    current = {row.volunteer_id: row.minutes for row in session.volunteer_rows.all()}
    roster = [v for v in roster if v.active or v.pk in current]
    helps_here = {v.pk for v in roster if session.activity in v.activities.all()}
    roster.sort(key=lambda v: (v.pk not in helps_here and v.pk not in current, v.started_on))
    errors = []
    values = {v.pk: current.get(v.pk, 0) for v in roster}
    if request.method == "POST":
        for v in roster:
            raw = request.POST.get(f"minutes-{v.code}", "").strip() or "0"
            if not raw.isdigit() or int(raw) > 24 * 60:
                errors.append(v.code)
                values[v.pk] = raw
            else:
                values[v.pk] = int(raw)
        if not errors:
            count = services.session_volunteers_set(
                session=session, minutes={v: values[v.pk] for v in roster}, by=request.user
            )
            messages.success(request, _("Saved: %(n)s volunteers.") % {"n": count})
            return redirect("activities:attendance", access.code, session.code)
    identities = services.volunteer_identities_view(
        volunteers=roster, collaboration=access.collaboration, by=request.user
    )
    default_minutes = 0
    if session.start_time and session.end_time:
        start, end = session.start_time, session.end_time
        default_minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    rows = [
        {
            "volunteer": v,
            "name": identities[v.pk]["name"],
            "value": values[v.pk],
            "helps_here": v.pk in helps_here,
            "error": v.code in errors,
        }
        for v in roster
    ]
    return render(
        request,
        "knowledge/volunteers/session.html",
        {
            "collaboration": access.collaboration,
            "session": session,
            "rows": rows,
            "default_minutes": default_minutes,
            "errors": errors,
        },
        status=400 if errors else 200,
    )
