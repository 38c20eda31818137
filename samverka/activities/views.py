import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.activities import selectors, services
from samverka.activities.forms import ActivityForm, SessionForm, ThemeForm
from samverka.activities.models import Attendance, FocusArea, Session
from samverka.lib import agebands
from samverka.orgs.selectors import collaboration_access
from samverka.participants import services as participant_services
from samverka.participants.forms import QuickParticipantForm
from samverka.participants.models import Gender, Participant


def _require_any(access, *capabilities):
    if not any(access.can(c) for c in capabilities):
        access.require(capabilities[0])


@login_required
def activity_list(request, code):
    access = collaboration_access(request.user, code)
    _require_any(
        access,
        Capability.MANAGE_ACTIVITIES,
        Capability.RECORD_OWN_SESSIONS,
        Capability.VIEW_AGGREGATES,
    )
    today = timezone.localdate()
    activities = selectors.activities_for(access).annotate(
        session_count=Count("sessions", filter=Q(sessions__cancelled=False), distinct=True),
    )
    groups = []
    for area in FocusArea:
        items = [a for a in activities if a.focus_area == area.value]
        groups.append((area, items))
    return render(
        request,
        "activities/list.html",
        {
            "collaboration": access.collaboration,
            "groups": groups,
            "can_manage": access.can(Capability.MANAGE_ACTIVITIES),
            "today_sessions": selectors.sessions_for(access).filter(date=today, cancelled=False),
        },
    )


@login_required
def activity_create(request, code):
    access = collaboration_access(request.user, code)
    access.require(Capability.MANAGE_ACTIVITIES)
    form = ActivityForm(request.POST or None, collaboration=access.collaboration)
    if request.method == "POST" and form.is_valid():
        activity = services.activity_save(form=form, by=request.user)
        messages.success(
            request,
            _("%(name)s is created with %(count)s sessions.")
            % {"name": activity, "count": activity.sessions.count()},
        )
        return redirect("activities:detail", code, activity.code)
    return render(
        request, "activities/form.html", {"collaboration": access.collaboration, "form": form}
    )


@login_required
def activity_detail(request, code, activity_code):
    access = collaboration_access(request.user, code)
    _require_any(
        access,
        Capability.MANAGE_ACTIVITIES,
        Capability.RECORD_OWN_SESSIONS,
        Capability.VIEW_AGGREGATES,
    )
    activity = selectors.activity_for(access, activity_code)
    recordable = set(
        selectors.sessions_for(access).filter(activity=activity).values_list("pk", flat=True)
    )
    sessions = activity.sessions.annotate(
        present=Count("attendances", distinct=True),
        anonymous=Sum("headcounts__count"),
    )
    can_manage = access.can(Capability.MANAGE_ACTIVITIES)
    return render(
        request,
        "activities/detail.html",
        {
            "collaboration": access.collaboration,
            "activity": activity,
            "sessions": sessions,
            "recordable": recordable,
            "can_manage": can_manage,
            "theme_form": ThemeForm() if can_manage and activity.is_parent_group else None,
            "today": timezone.localdate(),
        },
    )


@login_required
def activity_edit(request, code, activity_code):
    access = collaboration_access(request.user, code)
    access.require(Capability.MANAGE_ACTIVITIES)
    activity = selectors.activity_for(access, activity_code)
    form = ActivityForm(request.POST or None, instance=activity, collaboration=access.collaboration)
    if request.method == "POST" and form.is_valid():
        services.activity_save(form=form, by=request.user)
        created = services.sessions_generate(activity=activity, by=request.user)
        messages.success(request, _("Saved."))
        if created:
            messages.info(request, _("%(count)s new sessions were added.") % {"count": created})
        return redirect("activities:detail", code, activity.code)
    return render(
        request,
        "activities/form.html",
        {"collaboration": access.collaboration, "form": form, "activity": activity},
    )


@login_required
@require_POST
def theme_add(request, code, activity_code):
    access = collaboration_access(request.user, code)
    access.require(Capability.MANAGE_ACTIVITIES)
    activity = selectors.activity_for(access, activity_code)
    form = ThemeForm(request.POST)
    if form.is_valid():
        services.theme_add(activity=activity, form=form, by=request.user)
        messages.success(request, _("The theme is added to the plan."))
    else:
        messages.error(request, _("The theme needs a title."))
    return redirect("activities:detail", code, activity.code)


@login_required
@require_POST
def theme_delete(request, code, activity_code, theme_code):
    access = collaboration_access(request.user, code)
    access.require(Capability.MANAGE_ACTIVITIES)
    activity = selectors.activity_for(access, activity_code)
    theme = get_object_or_404(activity.themes.all(), code=theme_code)
    services.theme_remove(theme=theme, by=request.user)
    return redirect("activities:detail", code, activity.code)


@login_required
def session_create(request, code, activity_code):
    access = collaboration_access(request.user, code)
    access.require(Capability.MANAGE_ACTIVITIES)
    activity = selectors.activity_for(access, activity_code)
    form = SessionForm(
        request.POST or None,
        activity=activity,
        initial={"start_time": activity.start_time, "end_time": activity.end_time},
    )
    if request.method == "POST" and form.is_valid():
        services.session_save(form=form, by=request.user)
        messages.success(request, _("The session is added."))
        return redirect("activities:detail", code, activity.code)
    return render(
        request,
        "activities/session_form.html",
        {"collaboration": access.collaboration, "form": form, "activity": activity},
    )


@login_required
def session_edit(request, code, session_code):
    access = collaboration_access(request.user, code)
    session = selectors.session_for(access, session_code)
    form = SessionForm(request.POST or None, instance=session, activity=session.activity)
    if not access.can(Capability.MANAGE_ACTIVITIES):
        del form.fields["leaders"]  # leaders keep their own assignment
    if request.method == "POST" and form.is_valid():
        services.session_save(form=form, by=request.user)
        messages.success(request, _("Saved."))
        return redirect("activities:attendance", code, session.code)
    return render(
        request,
        "activities/session_form.html",
        {
            "collaboration": access.collaboration,
            "form": form,
            "activity": session.activity,
            "session": session,
            "themes": session.activity.themes.all() if session.activity.is_parent_group else [],
        },
    )


@login_required
def my_sessions(request, code):
    """Today's and the coming week's sessions the user can record, for the phone."""
    access = collaboration_access(request.user, code)
    access.require(Capability.RECORD_OWN_SESSIONS)
    today = timezone.localdate()
    sessions = (
        selectors.sessions_for(access)
        .filter(
            date__gte=today - timezone.timedelta(days=7),
            date__lte=today + timezone.timedelta(days=7),
        )
        .annotate(present=Count("attendances", distinct=True))
        .order_by("date", "start_time")
    )
    return render(
        request,
        "activities/my_sessions.html",
        {"collaboration": access.collaboration, "sessions": sessions, "today": today},
    )


# The attendance page lists the activity's regulars and at most this many other participants;
# the rest are found by code. A collaboration can have thousands of participants, and a page
# that listed them all would grow with it (see README, Performance).
OTHERS_LISTED = 40


def _candidates(session: Session, present_ids: set[int], find: str = ""):
    """Who is likely there: this activity's regulars first, then some of everyone else.

    Returns (regulars, others, how many others there are in all); `find` narrows the others
    to participant or household codes that start with it.
    """
    collaboration = session.activity.collaboration
    everyone = Participant.objects.filter(collaboration=collaboration).select_related("household")
    regular_ids = (
        set(
            Attendance.objects.filter(
                session__activity=session.activity, participant__collaboration=collaboration
            ).values_list("participant_id", flat=True)
        )
        | present_ids
    )
    regulars = list(everyone.filter(pk__in=regular_ids))
    others = everyone.exclude(pk__in=regular_ids)
    if find:
        others = others.filter(Q(code__startswith=find) | Q(household__code__startswith=find))
    return regulars, list(others[:OTHERS_LISTED]), others.count()


def _present_from_post(request, session) -> set[int]:
    codes = {c.strip().upper() for c in request.POST.getlist("present") if c.strip()}
    return set(
        Participant.objects.filter(
            collaboration=session.activity.collaboration, code__in=codes
        ).values_list("pk", flat=True)
    )


@login_required
def attendance(request, code, session_code):
    """Tap who is there. Saves all or nothing; resends are harmless; conflicts are shown."""
    access = collaboration_access(request.user, code)
    session = selectors.session_for(access, session_code)
    collaboration = access.collaboration
    saved_ids = set(session.attendances.values_list("participant_id", flat=True))
    find = ""
    present_ids = saved_ids
    version = session.version
    quick_form = QuickParticipantForm(collaboration=collaboration, prefix="new")
    conflict = None
    if request.method == "POST":
        present_ids = _present_from_post(request, session)
        version = int(request.POST.get("version") or 0)
        if request.POST.get("action") == "find":
            find = request.POST.get("find", "").strip().upper()
        elif request.POST.get("action") == "add":
            quick_form = QuickParticipantForm(
                request.POST, collaboration=collaboration, prefix="new"
            )
            if quick_form.is_valid():
                data = quick_form.cleaned_data
                participant = participant_services.participant_create(
                    collaboration=collaboration,
                    by=request.user,
                    household=data["household"],
                    role=data["role"],
                    birth_year=data["birth_year"],
                    gender=data["gender"],
                    third_country_national=data["third_country_national"],
                    language="sv",
                    consents={"funder_reporting": True} if data["funder_consent"] else {},
                )
                present_ids = present_ids | {participant.pk}
                messages.success(
                    request,
                    _("%(code)s is added and marked present. Remember to save.")
                    % {"code": participant.code},
                )
                quick_form = QuickParticipantForm(collaboration=collaboration, prefix="new")
        else:
            try:
                result = services.attendance_save(
                    session=session,
                    present=present_ids,
                    version=version,
                    key=request.POST.get("key", ""),
                    by=request.user,
                )
            except services.AttendanceConflict as error:
                conflict = error.session
                theirs = set(conflict.attendances.values_list("participant_id", flat=True))
                mine = present_ids
                conflict_codes = {
                    "only_mine": sorted(
                        Participant.objects.filter(pk__in=mine - theirs).values_list(
                            "code", flat=True
                        )
                    ),
                    "only_theirs": sorted(
                        Participant.objects.filter(pk__in=theirs - mine).values_list(
                            "code", flat=True
                        )
                    ),
                }
                saved_ids, version = theirs, conflict.version
            else:
                if result.duplicate:
                    messages.info(request, _("This list was already saved."))
                else:
                    messages.success(
                        request,
                        _("Saved: %(count)s present.") % {"count": len(present_ids)},
                    )
                return redirect("activities:attendance", code, session.code)
    regulars, others, others_total = _candidates(session, present_ids | saved_ids, find)
    context = {
        "collaboration": collaboration,
        "session": session,
        "regulars": regulars,
        "others": others,
        "others_total": others_total,
        "find": find,
        "present_ids": present_ids,
        "version": version,
        "key": uuid.uuid4().hex,
        "quick_form": quick_form,
        "can_register": access.can(Capability.REGISTER_PARTICIPANTS),
        "headcount_total": session.headcounts.aggregate(total=Sum("count"))["total"] or 0,
    }
    if conflict is not None:
        context["conflict"] = conflict
        context["conflict_codes"] = conflict_codes
        context["present_ids"] = saved_ids
    return render(request, "activities/attendance.html", context, status=409 if conflict else 200)


@login_required
def headcount(request, code, session_code):
    """An anonymous count by age band and gender, for open events."""
    access = collaboration_access(request.user, code)
    session = selectors.session_for(access, session_code)
    bands = [b.label for b in agebands.bands()] + [agebands.UNKNOWN]
    genders = list(Gender)
    current = {(h.age_band, h.gender): h.count for h in session.headcounts.all()}
    errors = False
    conflict = False
    values = current
    if request.method == "POST":
        values = {}
        for band in bands:
            for gender in genders:
                raw = request.POST.get(f"n-{band}-{gender.value}", "").strip() or "0"
                if not raw.isdigit() or int(raw) > 10000:
                    errors = True
                    values[(band, gender.value)] = raw
                else:
                    values[(band, gender.value)] = int(raw)
        if not errors:
            try:
                services.headcount_save(
                    session=session,
                    counts=values,
                    version=int(request.POST.get("version") or 0),
                    key=request.POST.get("key", ""),
                    by=request.user,
                )
            except services.AttendanceConflict:
                conflict = True
                session.refresh_from_db()
                values = {(h.age_band, h.gender): h.count for h in session.headcounts.all()}
            else:
                messages.success(request, _("The headcount is saved."))
                return redirect("activities:attendance", code, session.code)
    rows = [
        (
            band,
            [
                (gender, f"n-{band}-{gender.value}", values.get((band, gender.value), 0))
                for gender in genders
            ],
        )
        for band in bands
    ]
    return render(
        request,
        "activities/headcount.html",
        {
            "collaboration": access.collaboration,
            "session": session,
            "rows": rows,
            "genders": genders,
            "errors": errors,
            "conflict": conflict,
            "version": session.version,
            "key": uuid.uuid4().hex,
        },
        status=409 if conflict else (400 if errors else 200),
    )
