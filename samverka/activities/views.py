import uuid
from functools import lru_cache
from typing import NamedTuple

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.activities import selectors, services
from samverka.activities.forms import ActivityForm, SessionForm, ThemeForm
from samverka.activities.models import FocusArea, Session
from samverka.lib import agebands, crypto
from samverka.lib.planned import PlannedStatement
from samverka.orgs.decorators import collaboration_view
from samverka.participants import selectors as participant_selectors
from samverka.participants.forms import QuickParticipantForm
from samverka.participants.models import Gender, Household, Identity, Participant


@collaboration_view(
    any_of=(
        Capability.MANAGE_ACTIVITIES,
        Capability.RECORD_OWN_SESSIONS,
        Capability.VIEW_AGGREGATES,
    )
)
def activity_list(request, access):
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


@collaboration_view(Capability.MANAGE_ACTIVITIES)
def activity_create(request, access):
    form = ActivityForm(request.POST or None, collaboration=access.collaboration)
    if request.method == "POST" and form.is_valid():
        activity = services.activity_create(
            collaboration=access.collaboration, by=request.user, **form.cleaned_data
        )
        messages.success(
            request,
            _("%(name)s is created with %(count)s sessions.")
            % {"name": activity, "count": activity.sessions.count()},
        )
        return redirect("activities:detail", access.code, activity.code)
    return render(
        request, "activities/form.html", {"collaboration": access.collaboration, "form": form}
    )


@collaboration_view(
    any_of=(
        Capability.MANAGE_ACTIVITIES,
        Capability.RECORD_OWN_SESSIONS,
        Capability.VIEW_AGGREGATES,
    )
)
def activity_detail(request, access, activity_code):
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


@collaboration_view(Capability.MANAGE_ACTIVITIES)
def activity_edit(request, access, activity_code):
    activity = selectors.activity_for(access, activity_code)
    form = ActivityForm(request.POST or None, instance=activity, collaboration=access.collaboration)
    if request.method == "POST" and form.is_valid():
        created = services.activity_update(activity=activity, by=request.user, **form.cleaned_data)
        messages.success(request, _("Saved."))
        if created:
            messages.info(request, _("%(count)s new sessions were added.") % {"count": created})
        return redirect("activities:detail", access.code, activity.code)
    return render(
        request,
        "activities/form.html",
        {"collaboration": access.collaboration, "form": form, "activity": activity},
    )


@collaboration_view(Capability.MANAGE_ACTIVITIES)
@require_POST
def theme_add(request, access, activity_code):
    activity = selectors.activity_for(access, activity_code)
    form = ThemeForm(request.POST)
    if form.is_valid():
        services.theme_add(activity=activity, by=request.user, **form.cleaned_data)
        messages.success(request, _("The theme is added to the plan."))
    else:
        messages.error(request, _("The theme needs a title."))
    return redirect("activities:detail", access.code, activity.code)


@collaboration_view(Capability.MANAGE_ACTIVITIES)
@require_POST
def theme_delete(request, access, activity_code, theme_code):
    activity = selectors.activity_for(access, activity_code)
    theme = get_object_or_404(activity.themes.all(), code=theme_code)
    services.theme_remove(theme=theme, by=request.user)
    return redirect("activities:detail", access.code, activity.code)


@collaboration_view(Capability.MANAGE_ACTIVITIES)
def session_create(request, access, activity_code):
    activity = selectors.activity_for(access, activity_code)
    form = SessionForm(
        request.POST or None,
        activity=activity,
        initial={"start_time": activity.start_time, "end_time": activity.end_time},
    )
    if request.method == "POST" and form.is_valid():
        services.session_create(activity=activity, by=request.user, **form.cleaned_data)
        messages.success(request, _("The session is added."))
        return redirect("activities:detail", access.code, activity.code)
    return render(
        request,
        "activities/session_form.html",
        {"collaboration": access.collaboration, "form": form, "activity": activity},
    )


@collaboration_view()
def session_edit(request, access, session_code):
    session = selectors.session_for(access, session_code)
    form = SessionForm(request.POST or None, instance=session, activity=session.activity)
    if not access.can(Capability.MANAGE_ACTIVITIES):
        del form.fields["leaders"]  # leaders keep their own assignment
    if request.method == "POST" and form.is_valid():
        services.session_update(session=session, by=request.user, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("activities:attendance", access.code, session.code)
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


@collaboration_view(Capability.RECORD_OWN_SESSIONS)
def my_sessions(request, access):
    """Today's and the coming week's sessions the user can record, for the phone."""
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


# The attendance page lists the activity's usual participants and at most this many other
# participants; the rest are found by code. A collaboration can have thousands of participants,
# and a page that listed them all would grow with it (see README, Performance).
OTHERS_LISTED = 40

# The usual participants are those who came to this session or to one of the activity's latest
# RECENT_SESSIONS sessions up to its date where attendance was taken (not cancelled, at least
# one person recorded), and anyone marked present now: the list follows who comes these weeks,
# sessions nobody recorded (forgotten, or generated ahead) take no place in it, and its length
# and cost do not grow with the activity's history (README, Attendance on a phone).
RECENT_SESSIONS = 10


class Tile(NamedTuple):
    """What a tap tile shows of a participant (drawn by the `taps` template tag). `name_token`
    is the encrypted display name (empty: none); `_names` decides who may read it."""

    pk: int
    code: str
    role: str
    birth_year: int | None
    household_code: str
    name_token: str = ""

    def sort_key(self):
        return (self.household_code, self.role, self.code)  # as Participant.Meta.ordering


TILE_FIELDS = (
    "pk",
    "code",
    "role",
    "birth_year",
    "household__code",
    "identity__display_name_encrypted",
)


def _tiles(queryset) -> list[Tile]:
    return [Tile(*row[:5], row[5] or "") for row in queryset.values_list(*TILE_FIELDS)]


# Everything the attendance page reads for itself, in one statement that PostgreSQL plans once
# per connection (lib/planned.py; planning it took longer than running it): who came to the
# session or to one of the RECENT_SESSIONS latest sessions up to its date where attendance was
# taken (`usual`), the other members of their households (for the quick-add's household
# picker), whether each is saved as present; the first `others` other participants of the
# collaboration by code; and, on every row, the anonymous headcount's total, whether the person
# leads the session or its activity (the page's display names and the knowledge hook's
# reflections ask it of managers) and how many participants the collaboration has. One row
# with empty participant columns when there are none. Written out because building and
# compiling the ORM's queries took longer than running them; plain SQL that SQLite and
# PostgreSQL both run.
# - `usual` once per participant: the three lookups in it are cheaper (0.2 ms at medium size).
# - The households go from the attendance of those sessions to their participants by primary
#   key: a condition on the participants' collaboration there makes PostgreSQL read all the
#   collaboration's participants instead (thousands at national size), so _page_rows checks
#   the collaboration on the rows.
# - The others come in the order of the index on collaboration and code
#   (`participant_code_in_collab`): without it PostgreSQL sorted the collaboration or walked an
#   index of the whole country to list forty.
PAGE_ROWS = PlannedStatement(
    "attendance_page",
    """
WITH usual AS (
    SELECT DISTINCT a.participant_id FROM activities_attendance a
    WHERE a.session_id IN (
        SELECT s.id FROM activities_session s
        WHERE s.activity_id = %(activity)s AND (
            s.id = %(session)s
            OR (s.date <= %(day)s AND NOT s.cancelled
                AND EXISTS (SELECT 1 FROM activities_attendance taken
                            WHERE taken.session_id = s.id)))
        ORDER BY CASE WHEN s.id = %(session)s THEN 0 ELSE 1 END, s.date DESC, s.start_time DESC
        LIMIT %(recent)s
    )
)
SELECT f.headcount, f.led, f.participants, t.*
FROM (
    SELECT (SELECT SUM(hc.count) FROM activities_headcount hc
            WHERE hc.session_id = %(session)s) AS headcount,
           EXISTS (SELECT 1 FROM activities_session_leaders l
                   WHERE l.session_id = %(session)s AND l.user_id = %(user)s)
           OR EXISTS (SELECT 1 FROM activities_activity_leaders l
                      WHERE l.activity_id = %(activity)s AND l.user_id = %(user)s) AS led,
           (SELECT COUNT(*) FROM participants_participant c
            WHERE c.collaboration_id = %(collaboration)s) AS participants
) f
LEFT JOIN (
    SELECT FALSE AS other, p.id, p.code, p.role, p.birth_year, h.code AS household,
           COALESCE(i.display_name_encrypted, '') AS name, p.collaboration_id,
           p.id IN (SELECT participant_id FROM usual) AS usual,
           EXISTS (SELECT 1 FROM activities_attendance here
                   WHERE here.session_id = %(session)s AND here.participant_id = p.id) AS present
    FROM participants_participant p
    JOIN participants_household h ON h.id = p.household_id
    LEFT JOIN participants_identity i ON i.participant_id = p.id
    WHERE p.household_id IN (
        SELECT q.household_id FROM participants_participant q
        WHERE q.id IN (SELECT participant_id FROM usual)
    )
    UNION ALL
    SELECT * FROM (
        SELECT TRUE, p.id, p.code, p.role, p.birth_year, h.code,
               COALESCE(i.display_name_encrypted, ''), p.collaboration_id, FALSE, FALSE
        FROM participants_participant p
        JOIN participants_household h ON h.id = p.household_id
        LEFT JOIN participants_identity i ON i.participant_id = p.id
        WHERE p.collaboration_id = %(collaboration)s
          AND p.id NOT IN (SELECT participant_id FROM usual)
        ORDER BY p.code
        LIMIT %(others)s
    ) o
) t ON TRUE
""",
    session="bigint",
    activity="bigint",
    day="date",
    recent="integer",
    user="bigint",
    collaboration="bigint",
    others="integer",
)


_tile = tuple.__new__


class PageRows(NamedTuple):
    """What PAGE_ROWS read: the session's usual participants (unsorted), who of them is saved
    as present, the members of their households (household code → Tiles, usual participants
    included), the others listed (unsorted), the collaboration's number of participants, the
    headcount's total (None: none) and whether the person leads the session."""

    usual: list[Tile]
    saved: set[int]
    members: dict[str, list[Tile]]
    others: list[Tile]
    participants: int
    headcount_total: int | None
    led: bool


def _page_rows(session: Session, collaboration, user, *, others: int) -> PageRows:
    rows = PAGE_ROWS.rows(
        session=session.pk,
        activity=session.activity_id,
        day=connection.ops.adapt_datefield_value(session.date),
        recent=RECENT_SESSIONS + 1,
        user=user.pk,
        collaboration=collaboration.pk,
        others=others,
    )
    headcount_total, led, participants = rows[0][:3]
    usual, saved, members, listed = [], set(), {}, []
    own = collaboration.pk
    for row in rows:
        # (headcount, led, participants, other, *Tile, collaboration, usual, present)
        if row[4] is None:
            continue  # the empty row: no participants at all
        # Always the session's own collaboration (attendance is recorded only for its
        # participants); another collaboration's participant would never be shown.
        if row[10] != own:
            continue
        tile = _tile(Tile, row[4:10])  # Tile(*row[4:10]) without the keyword machinery
        if row[3]:
            listed.append(tile)
            continue
        household = members.get(row[8])
        if household is None:
            members[row[8]] = [tile]
        else:
            household.append(tile)
        if row[11]:
            usual.append(tile)
            if row[12]:
                saved.add(row[4])
    return PageRows(usual, saved, members, listed, participants, headcount_total, bool(led))


def _named(access, find: str) -> set[int]:
    """Participants of the collaboration whose display name (one the person may see)
    contains `find`. Only for a search: it decrypts the collaboration's display names."""
    with_names = Identity.objects.filter(participant__collaboration=access.collaboration).exclude(
        display_name_encrypted=""
    )
    names = participant_selectors.display_names(
        access, with_names.values_list("participant_id", flat=True)
    )
    wanted = find.casefold()
    return {pid for pid, name in names.items() if wanted in name.casefold()}


def _candidates(
    session: Session,
    collaboration,
    user,
    present_ids: set[int],
    find: str = "",
    named=frozenset(),
):
    """Who is likely there: the usual participants first, then some of everyone else.

    Returns (usual participants, who is saved as present at the session, other participants,
    how many others there are in all, the usual participants' households' members by
    household code), participants as Tiles in household order, and sets the session's
    `headcount_total` and `led_by_user` (whether `user` leads it). The usual participants are
    those PAGE_ROWS reads and anyone in `present_ids`. `find` narrows the others to
    participant or household codes that start with it, and to `named` (ids of participants
    whose display name matched it).
    """
    # Anyone in present_ids may be among the first others by code: read as many more, so
    # that OTHERS_LISTED remain once they are left out.
    page = _page_rows(
        session, collaboration, user, others=0 if find else OTHERS_LISTED + len(present_ids)
    )
    session.headcount_total, session.led_by_user = page.headcount_total, page.led
    regulars = page.usual
    if extra := present_ids - {t.pk for t in regulars}:
        regulars += _tiles(Participant.objects.filter(collaboration=collaboration, pk__in=extra))
    regulars.sort(key=Tile.sort_key)

    usual = [t.pk for t in regulars]
    if find:
        # Households by their own code first: a condition on the joined household's code made
        # PostgreSQL read every household in the country (60 ms at national size).
        households = Household.objects.filter(collaboration=collaboration, code__startswith=find)
        others = Participant.objects.filter(collaboration=collaboration).exclude(pk__in=usual)
        others = others.filter(
            Q(code__startswith=find) | Q(household__in=households) | Q(pk__in=named)
        )
        listed = _tiles(others.order_by("code")[:OTHERS_LISTED])
        total = others.count() if len(listed) == OTHERS_LISTED else len(listed)
    else:
        listed = [t for t in page.others if t.pk not in extra][:OTHERS_LISTED]
        # The usual participants are all the collaboration's.
        total = page.participants - len(usual) if len(listed) == OTHERS_LISTED else len(listed)
    listed.sort(key=Tile.sort_key)
    return regulars, page.saved, listed, total, page.members


def _names(access, session: Session, regulars, usual_ids: set[int], others) -> dict[int, str]:
    """The display names the person may see on the page (participant id → name): all for a
    coordinator; for anyone else those of the session's usual participants when the person
    leads the session or its activity (the children attend an activity they lead), and of the
    others only as `participants.selectors.display_names` allows (one query)."""
    tiles = {t.pk: t for t in (*regulars, *others) if t.name_token}
    if not tiles:
        return {}
    if access.can(Capability.VIEW_IDENTITIES):
        return {pk: crypto.shown_kept(t.name_token) for pk, t in tiles.items()}
    names = {}
    # Managers reach every session; anyone else reaches only sessions they lead.
    if not access.can(Capability.MANAGE_ACTIVITIES) or session.led_by_user:
        names = {pk: crypto.shown_kept(t.name_token) for pk, t in tiles.items() if pk in usual_ids}
    rest = tiles.keys() - names.keys()
    if rest:
        names.update(participant_selectors.display_names(access, rest))
    return names


@lru_cache(maxsize=1)
def _blank_quick_form() -> QuickParticipantForm:
    """The quick-add form as every GET draws it: blank, never validated, its HTML rendered once
    per process and language (the `quick_form_body` tag). One instance serves every request:
    building a form copies all its fields (a tenth of the page's own work on the bench)."""
    return QuickParticipantForm(collaboration=None, prefix="new")


def _present_from_post(request, collaboration) -> set[int]:
    codes = {c.strip().upper() for c in request.POST.getlist("present") if c.strip()}
    return set(
        Participant.objects.filter(collaboration=collaboration, code__in=codes).values_list(
            "pk", flat=True
        )
    )


@collaboration_view()
def attendance(request, access, session_code):
    """Tap who is there. Saves all or nothing; resends are harmless; conflicts are shown.

    The tiles are the usual participants (who came to this session or to one of the activity's
    RECENT_SESSIONS latest sessions up to its date where attendance was taken, and anyone
    marked present now), then up to OTHERS_LISTED others of the collaboration; anyone else is
    found by code.
    """
    session = selectors.session_for(access, session_code)
    collaboration = access.collaboration
    session.activity.collaboration = collaboration  # the children's hook reads it
    find = ""
    present_ids = None  # as posted; on a GET, who is saved as present (from _candidates)
    version = session.version
    quick_form = _blank_quick_form()
    conflict = None
    too_early = session.too_early_for_attendance()
    if request.method == "POST":
        present_ids = _present_from_post(request, collaboration)
        version = int(request.POST.get("version") or 0)
        if request.POST.get("action") == "find":
            find = request.POST.get("find", "").strip().upper()
        elif request.POST.get("action") == "add" and not too_early:
            if not access.can(Capability.REGISTER_PARTICIPANTS):
                raise PermissionDenied
            quick_form = QuickParticipantForm(
                request.POST, collaboration=collaboration, prefix="new"
            )
            if quick_form.is_valid():
                data = quick_form.cleaned_data
                # Saved as present at once. The form's version follows only when nobody else
                # saved the list since it was opened; otherwise saving the taps still shows
                # the conflict.
                in_step = version == session.version
                participant = services.attendance_add_new(
                    session=session,
                    by=request.user,
                    household=data["household"],
                    role=data["role"],
                    birth_year=data["birth_year"],
                    gender=data["gender"],
                    third_country_national=data["third_country_national"],
                    display_name=data["display_name"],
                    funder_consent=data["funder_consent"],
                    key=request.POST.get("key", ""),
                )
                if participant is None:
                    messages.info(request, _("This person was already added."))
                else:
                    if in_step:
                        version = session.version
                    present_ids = present_ids | {participant.pk}
                    messages.success(
                        request,
                        _(
                            "%(code)s is added and saved as present. "
                            "Save the list to keep your other taps."
                        )
                        % {"code": participant.code},
                    )
                quick_form = _blank_quick_form()
        elif too_early:
            # The form is not offered before the session starts; a posted list is refused.
            messages.error(request, too_early)
            return redirect("activities:attendance", access.code, session.code)
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
                version = conflict.version
            else:
                if result.duplicate:
                    messages.info(request, _("This list was already saved."))
                else:
                    messages.success(
                        request,
                        _("Saved: %(count)s present.") % {"count": len(present_ids)},
                    )
                return redirect("activities:attendance", access.code, session.code)
    regulars, saved_ids, others, others_total, members = _candidates(
        session,
        collaboration,
        access.user,
        present_ids or set(),
        find,
        _named(access, find) if find else (),
    )
    if present_ids is None:
        present_ids = saved_ids
    usual_ids = {t.pk for t in regulars}
    # The quick-add's household picker: the usual participants' households with all members.
    households = (
        {
            code: members[code]
            for code in sorted({t.household_code for t in regulars} & members.keys())
        }
        if access.can(Capability.REGISTER_PARTICIPANTS) and not too_early
        else {}
    )
    member_tiles = [t for tiles in households.values() for t in tiles if t.pk not in usual_ids]
    names = _names(access, session, regulars, usual_ids, [*others, *member_tiles])
    context = {
        "collaboration": collaboration,
        "session": session,
        "regulars": regulars,
        "others": others,
        "others_total": others_total,
        "names": names,
        "households": households,
        "find": find,
        "present_ids": present_ids,
        "version": version,
        "key": uuid.uuid4().hex,
        "quick_form": quick_form,
        "can_register": access.can(Capability.REGISTER_PARTICIPANTS),
        "headcount_total": session.headcount_total or 0,
        "too_early": too_early,
    }
    if conflict is not None:
        context["conflict"] = conflict
        context["conflict_codes"] = conflict_codes
        context["present_ids"] = theirs
    return render(request, "activities/attendance.html", context, status=409 if conflict else 200)


@collaboration_view()
def headcount(request, access, session_code):
    """An anonymous count by age band and gender, for open events."""
    session = selectors.session_for(access, session_code)
    bands = [b.label for b in agebands.bands()] + [agebands.UNKNOWN]
    genders = list(Gender)
    current = {(h.age_band, h.gender): h.count for h in session.headcounts.all()}
    errors = False
    conflict = False
    values = current
    too_early = session.too_early_for_attendance()
    if request.method == "POST" and too_early:
        # The form is not offered before the session starts; posted counts are refused.
        messages.error(request, too_early)
        return redirect("activities:headcount", access.code, session.code)
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
                return redirect("activities:attendance", access.code, session.code)
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
            "too_early": too_early,
            "version": session.version,
            "key": uuid.uuid4().hex,
        },
        status=409 if conflict else (400 if errors else 200),
    )
