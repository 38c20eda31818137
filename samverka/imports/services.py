"""Importing attendance lists: check the whole file first, then write everything or nothing.

`import_plan` validates the rows of a parsed file against a collaboration and counts
what an import would add, without writing. `attendance_import` plans again inside one
transaction and writes. Importing the same rows twice adds nothing: participants are
found by code, sessions by activity and date, households by their label's digest,
attendance by its unique constraint, and a consent already in the ledger is left alone.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samverka.activities import activity_years, calendar
from samverka.activities.models import (
    Activity,
    ActivityType,
    Attendance,
    FocusArea,
    Session,
    attendance_too_early,
)
from samverka.activities.services import attendance_record_bulk
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.imports.columns import (
    GENDER_WORDS,
    LABELS,
    LANGUAGE_WORDS,
    ROLE_WORDS,
    TCN_WORDS,
    YES_NO_WORDS,
    normalise_word,
)
from samverka.imports.models import ImportedHousehold, PendingImport
from samverka.orgs.models import Collaboration
from samverka.participants.models import (
    ConsentEntry,
    ConsentMethod,
    ConsentPurpose,
    Gender,
    Household,
    Language,
    Participant,
    ParticipantRole,
    ThirdCountryNational,
    consent_giver_default,
)
from samverka.participants.services import consent_record, participant_create

PROGRESS_EVERY = 500
CHUNK = 500
CODE_PATTERN = re.compile(r"^[A-Z2-9]{4,8}$")
DEFAULT_FOCUS_AREA = FocusArea.LEISURE
DEFAULT_ACTIVITY_TYPE = ActivityType.OTHER
# Facts about a participant that must agree on every row with the same code.
PERSON_COLUMNS = [
    "birth_year",
    "gender",
    "third_country_national",
    "language",
    "role",
    "household",
    "reporting_consent",
]

# progress(phase, done, total), phase "checked" while checking and "imported" while writing.
Progress = Callable[[str, int, int], None]


@dataclass
class RowError:
    line: int
    column: str  # a canonical column name, or "" for the row as a whole
    message: str

    @property
    def column_label(self) -> str:
        return str(LABELS.get(self.column, ""))


@dataclass
class _Row:
    line: int
    day: date
    activity: str
    code: str

    @property
    def activity_key(self) -> str:
        return activity_key(self.activity)


@dataclass(frozen=True)
class NewSession:
    """A session the import would create: its activity, its date, and whether the date is on
    the activity's schedule (None for an activity the import creates, which has none yet)."""

    activity: str
    day: date
    on_schedule: bool | None


def on_schedule(activity: Activity, day: date) -> bool:
    """Whether `day` is a date the activity's schedule has: a weekly activity's weekday between
    its first and last date (not a public holiday or one of its breaks), a one-off activity's
    date."""
    if day < activity.starts_on or (activity.ends_on is not None and day > activity.ends_on):
        return False
    if activity.recurring and calendar.skipped(activity, day):
        return False
    if activity.weekday is None:
        return day == activity.starts_on or (
            activity.ends_on is not None and activity.starts_on <= day <= activity.ends_on
        )
    return day.weekday() == activity.weekday


@dataclass
class ImportPlan:
    """What an import of these rows would do (or, after `attendance_import`, did)."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    unknown_activities: list[str] = field(default_factory=list)
    new_participants: int = 0
    new_households: int = 0
    new_sessions: int = 0
    new_activities: int = 0
    attendance_to_add: int = 0
    already_present: int = 0
    duplicate_rows: int = 0
    consents_to_record: int = 0
    sessions_to_create: list[NewSession] = field(default_factory=list)
    # Internals for the writing step.
    clean: list[_Row] = field(default_factory=list, repr=False)
    people: dict[str, dict] = field(default_factory=dict, repr=False)
    existing: dict[str, Participant] = field(default_factory=dict, repr=False)
    activities: dict[str, Activity] = field(default_factory=dict, repr=False)
    sessions: dict[tuple[str, date], int] = field(default_factory=dict, repr=False)
    present: set[tuple[int, int]] = field(default_factory=set, repr=False)
    households: dict[str, Household] = field(default_factory=dict, repr=False)
    consent_codes: set[str] = field(default_factory=set, repr=False)
    first_line: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error_lines(self) -> int:
        return len({e.line for e in self.errors})


class ImportRefused(Exception):
    """Nothing was written; `plan` says why."""

    def __init__(self, plan: ImportPlan):
        super().__init__("import refused")
        self.plan = plan


class RowsHaveErrors(ImportRefused):
    pass


class ActivitiesNotConfirmed(ImportRefused):
    pass


class AlreadyImported(Exception):
    pass


def activity_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _chunks(items: Iterable, size: int = CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:39] + "…"


# --- One cell at a time -----------------------------------------------------------------
# Each parser returns the clean value or raises ValueError with the message for the person.


def _parse_date(text: str) -> date:
    value = text.strip()
    value = re.sub(r"[ T]00:00(:00)?$", "", value)  # Excel sometimes adds midnight
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            _("“%(value)s” is not a date. Write dates as YYYY-MM-DD, for example 2025-03-14.")
            % {"value": _shown(text)}
        ) from None
    # The one rule for attendance that has not happened yet (the attendance page follows it
    # too); a list's rows have no start time, so a day after today is refused.
    if problem := attendance_too_early(day):
        raise ValueError(problem)
    return day


def _parse_birth_year(text: str) -> int:
    value = text.strip()
    if re.fullmatch(r"\d{4}(\.0+)?", value):
        year = int(value.split(".")[0])
        if 1900 <= year <= timezone.localdate().year:
            return year
        raise ValueError(_("%(value)s is not a possible birth year.") % {"value": year})
    raise ValueError(
        _("“%(value)s” is not a birth year. Write four digits, for example 2015.")
        % {"value": _shown(text)}
    )


def _word_parser(words: dict, message: str) -> Callable[[str], object]:
    def parse(text: str):
        key = normalise_word(text)
        if key in words:
            return words[key]
        raise ValueError(_(message) % {"value": _shown(text)})

    return parse


# The messages are marked for translation here (gettext_noop) and translated when raised.
PARSERS: dict[str, Callable[[str], object]] = {
    "birth_year": _parse_birth_year,
    "gender": _word_parser(
        GENDER_WORDS,
        gettext_noop(
            "“%(value)s” is not a gender Samverka knows. Write kvinna, flicka, man, pojke, "
            "annat or ej angivet (or female, male, other, not_stated)."
        ),
    ),
    "third_country_national": _word_parser(
        TCN_WORDS,
        gettext_noop(
            "“%(value)s” is not an answer Samverka knows. "
            "Write ja, nej or okänt (or yes, no, unknown)."
        ),
    ),
    "reporting_consent": _word_parser(
        YES_NO_WORDS,
        gettext_noop("“%(value)s” is not an answer Samverka knows. Write ja or nej (or yes, no)."),
    ),
    "language": _word_parser(
        LANGUAGE_WORDS,
        gettext_noop(
            "“%(value)s” is not a language Samverka knows. Write a code (sv, ar, prs, so, ti, "
            "uk, en, other) or a name such as svenska, arabiska or dari."
        ),
    ),
    "role": _word_parser(
        ROLE_WORDS,
        gettext_noop(
            "“%(value)s” is not a role Samverka knows. "
            "Write barn or vårdnadshavare (or child, guardian)."
        ),
    ),
    "household": str,  # already a digest (see reading.household_digest)
}


def _display(column: str, value) -> str:
    choices = {
        "gender": Gender,
        "third_country_national": ThirdCountryNational,
        "language": Language,
        "role": ParticipantRole,
    }
    if column in choices:
        return str(choices[column](value).label)
    return str(value)


# --- The whole file ---------------------------------------------------------------------


def _check_rows(rows: list, plan: ImportPlan, progress: Progress | None) -> dict[str, list[int]]:
    """Parse every row; fills plan.clean, plan.people and plan.errors. Returns code -> lines."""
    total = len(rows)
    lines_of: dict[str, list[int]] = defaultdict(list)
    first_line: dict[tuple[str, str], int] = {}
    for index, (line, raw) in enumerate(rows, start=1):
        errors: list[RowError] = []

        day = None
        if not raw.get("date", "").strip():
            errors.append(RowError(line, "date", _("The date is missing.")))
        else:
            try:
                day = _parse_date(raw["date"])
            except ValueError as error:
                errors.append(RowError(line, "date", str(error)))

        activity = " ".join(raw.get("activity", "").split())
        if not activity:
            errors.append(RowError(line, "activity", _("The activity is missing.")))
        elif len(activity) > 200:
            errors.append(
                RowError(line, "activity", _("The activity name is longer than 200 characters."))
            )

        code = raw.get("participant_code", "").strip().upper()
        if not code:
            errors.append(
                RowError(
                    line,
                    "participant_code",
                    _(
                        "The participant code is missing. This import is for lists of "
                        "registered participants; record anonymous headcounts on the "
                        "session's page."
                    ),
                )
            )
        elif not CODE_PATTERN.match(code):
            errors.append(
                RowError(
                    line,
                    "participant_code",
                    _(
                        "“%(value)s” is not a participant code. A code has 4–8 characters: "
                        "the letters A–Z and the digits 2–9."
                    )
                    % {"value": _shown(raw["participant_code"])},
                )
            )
            code = ""

        facts = {}
        for column in PERSON_COLUMNS:
            text = raw.get(column, "").strip()
            if not text:
                continue
            try:
                facts[column] = PARSERS[column](text)
            except ValueError as error:
                errors.append(RowError(line, column, str(error)))

        if code:
            lines_of[code].append(line)
            known = plan.people.setdefault(code, {})
            for column, value in facts.items():
                if column not in known:
                    known[column] = value
                    first_line[(code, column)] = line
                elif known[column] != value:
                    errors.append(
                        RowError(
                            line,
                            column,
                            _("Participant %(code)s has another %(column)s on line %(line)s.")
                            % {
                                "code": code,
                                "column": LABELS[column],
                                "line": first_line[(code, column)],
                            },
                        )
                    )
        if errors:
            plan.errors.extend(errors)
        else:
            plan.clean.append(_Row(line=line, day=day, activity=activity, code=code))
        if progress and index % PROGRESS_EVERY == 0:
            progress("checked", index, total)
    plan.first_line = first_line
    return lines_of


def _check_participants(collaboration, plan: ImportPlan, lines_of: dict[str, list[int]]) -> None:
    first_line = plan.first_line
    for codes in _chunks(lines_of):
        for participant in Participant.objects.filter(code__in=codes).select_related("household"):
            code = participant.code
            if participant.collaboration_id != collaboration.pk:
                # Codes are unique across Samverka; say nothing about where it is used.
                for line in lines_of[code]:
                    plan.errors.append(
                        RowError(
                            line,
                            "participant_code",
                            _(
                                "The code %(code)s is already in use. "
                                "Choose another code for this participant."
                            )
                            % {"code": code},
                        )
                    )
                continue
            plan.existing[code] = participant
            facts = plan.people.get(code, {})
            registered = {
                "birth_year": participant.birth_year,
                "gender": None if participant.gender == Gender.NOT_STATED else participant.gender,
            }
            for column, stored in registered.items():
                given = facts.get(column)
                if stored is None or given is None or given == stored:
                    continue
                if column == "gender" and given == Gender.NOT_STATED:
                    continue
                plan.errors.append(
                    RowError(
                        first_line[(code, column)],
                        column,
                        _(
                            "Participant %(code)s is registered with %(column)s %(registered)s, "
                            "but the file says %(value)s."
                        )
                        % {
                            "code": code,
                            "column": LABELS[column],
                            "registered": _display(column, stored),
                            "value": _display(column, given),
                        },
                    )
                )
    if plan.errors:
        failed = {e.line for e in plan.errors}
        plan.clean = [row for row in plan.clean if row.line not in failed]
        plan.errors.sort(key=lambda e: (e.line, e.column))


def _count(collaboration, plan: ImportPlan) -> None:
    clean = plan.clean
    plan.activities = {
        activity_key(a.name): a for a in Activity.objects.filter(collaboration=collaboration)
    }
    unknown: dict[str, str] = {}
    for row in clean:
        if row.activity_key not in plan.activities:
            unknown.setdefault(row.activity_key, row.activity)
    plan.unknown_activities = list(unknown.values())
    plan.new_activities = len(unknown)

    pairs = {(row.activity_key, row.day) for row in clean}
    known = {a.pk: key for key, a in plan.activities.items()}
    wanted_ids = {plan.activities[key].pk for key, _day in pairs if key in plan.activities}
    if wanted_ids:
        days = [day for _key, day in pairs]
        sessions = (
            Session.objects.filter(
                activity_id__in=wanted_ids, date__gte=min(days), date__lte=max(days)
            )
            .order_by("cancelled", F("start_time").asc(nulls_last=True), "id")
            .values_list("id", "activity_id", "date")
        )
        for session_id, activity_id, day in sessions:
            plan.sessions.setdefault((known[activity_id], day), session_id)
    missing = sorted(pair for pair in pairs if pair not in plan.sessions)
    plan.new_sessions = len(missing)
    names = {row.activity_key: row.activity for row in clean}
    for key, day in missing:
        activity = plan.activities.get(key)
        plan.sessions_to_create.append(
            NewSession(
                activity=activity.name if activity else names[key],
                day=day,
                on_schedule=None if activity is None else on_schedule(activity, day),
            )
        )

    wanted_sessions = {plan.sessions[pair] for pair in pairs if pair in plan.sessions}
    participant_ids = {p.pk for p in plan.existing.values()}
    for ids in _chunks(wanted_sessions):
        plan.present.update(
            Attendance.objects.filter(
                session_id__in=ids, participant_id__in=participant_ids
            ).values_list("session_id", "participant_id")
        )
    keys = {(row.activity_key, row.day, row.code) for row in clean}
    plan.duplicate_rows = len(clean) - len(keys)
    for key, day, code in keys:
        session_id = plan.sessions.get((key, day))
        participant = plan.existing.get(code)
        if session_id and participant and (session_id, participant.pk) in plan.present:
            plan.already_present += 1
        else:
            plan.attendance_to_add += 1

    codes = {row.code for row in clean}
    new_codes = codes - plan.existing.keys()
    plan.new_participants = len(new_codes)

    # Households: a label seen before, else the household of a registered member with the
    # same label in this file, else a new household. No label: a household of one's own.
    labels = {plan.people[code].get("household") for code in codes} - {None}
    for digests in _chunks(labels):
        for mapping in ImportedHousehold.objects.filter(
            collaboration=collaboration, label_digest__in=digests
        ).select_related("household"):
            plan.households[mapping.label_digest] = mapping.household
    for code in sorted(codes & plan.existing.keys()):
        label = plan.people[code].get("household")
        if label and label not in plan.households:
            plan.households[label] = plan.existing[code].household
    new_labels = {plan.people[code].get("household") for code in new_codes} - plan.households.keys()
    plan.new_households = len(new_labels - {None}) + sum(
        1 for code in new_codes if not plan.people[code].get("household")
    )

    # Consent to funder reporting: recorded for new participants when the file says so, and
    # for registered ones only when the ledger has nothing for that purpose yet (a withdrawal
    # recorded in Samverka is never undone by an old list).
    asked = set()
    ids_with_entries = {p.pk for p in plan.existing.values()}
    for ids in _chunks(ids_with_entries):
        asked.update(
            ConsentEntry.objects.filter(
                participant_id__in=ids, purpose=ConsentPurpose.FUNDER_REPORTING
            ).values_list("participant_id", flat=True)
        )
    for code in codes:
        if plan.people[code].get("reporting_consent") is None:
            continue
        existing = plan.existing.get(code)
        if existing is None or existing.pk not in asked:
            plan.consent_codes.add(code)
    plan.consents_to_record = len(plan.consent_codes)


def import_plan(*, collaboration, rows: list, progress: Progress | None = None) -> ImportPlan:
    """Check every row and count what an import would add. Writes nothing."""
    plan = ImportPlan(rows=len(rows))
    lines_of = _check_rows(rows, plan, progress)
    _check_participants(collaboration, plan, lines_of)
    _count(collaboration, plan)
    return plan


# --- Writing ----------------------------------------------------------------------------


@transaction.atomic
def attendance_import(
    *,
    collaboration: Collaboration,
    rows: list,
    by,
    create_activities: bool = False,
    activity_choices: dict[str, tuple[int, str]] | None = None,
    pending: PendingImport | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Import the rows in one transaction, or raise ImportRefused and write nothing.

    `activity_choices` maps an unknown activity's key (`activity_key(name)`) to its focus
    area and type; unknown activities are created only with `create_activities`.
    """
    # One import per collaboration at a time: a double submit waits, then adds nothing.
    Collaboration.objects.select_for_update().filter(pk=collaboration.pk).first()
    if pending is not None:
        pending = PendingImport.objects.select_for_update().get(pk=pending.pk)
        if pending.used_at is not None:
            raise AlreadyImported
    plan = import_plan(collaboration=collaboration, rows=rows, progress=progress)
    if plan.errors:
        raise RowsHaveErrors(plan)
    if plan.unknown_activities and not create_activities:
        raise ActivitiesNotConfirmed(plan)
    _write(collaboration, plan, by, activity_choices or {}, progress)
    audit_record(
        actor=by,
        action=AuditAction.CREATE,
        obj=pending,
        collaboration=collaboration,
        detail=(
            f"import: {plan.rows} rows; +{plan.attendance_to_add} attendance, "
            f"+{plan.new_participants} participants, +{plan.new_sessions} sessions, "
            f"+{plan.new_activities} activities"
        ),
    )
    if pending is not None:
        pending.used_at = timezone.now()
        pending.rows = []  # the personal data is not kept once imported
        pending.save(update_fields=["used_at", "rows"])
    return plan


@transaction.atomic
def pending_import_create(
    *, collaboration: Collaboration, filename: str, rows: list, ignored_columns: list[str], by
) -> PendingImport:
    """Keep an uploaded file's rows for its preview and confirmation (a day at most); uploads
    of the collaboration that were never confirmed and have expired go."""
    pending_imports_expire()
    return PendingImport.objects.create(
        collaboration=collaboration,
        created_by=by,
        filename=filename,
        rows=rows,
        ignored_columns=ignored_columns,
    )


@transaction.atomic
def pending_import_receive(
    *, collaboration: Collaboration, filename: str, data: bytes, by
) -> PendingImport:
    """Keep a large uploaded file until background work has read it (imports/jobs.py)."""
    pending_imports_expire()
    pending = PendingImport(collaboration=collaboration, created_by=by, filename=filename)
    pending.upload.save(filename or "list", ContentFile(data), save=False)
    pending.save()
    return pending


@transaction.atomic
def pending_import_read(
    *, pending: PendingImport, rows: list, ignored_columns: list[str]
) -> PendingImport:
    """The rows of a file read in the background; the file itself goes at once."""
    pending = PendingImport.objects.select_for_update().get(pk=pending.pk)
    if pending.upload:
        pending.upload.delete(save=False)
    pending.rows, pending.ignored_columns = rows, ignored_columns
    pending.save(update_fields=["rows", "ignored_columns", "upload"])
    return pending


def _delete_pending(pendings) -> int:
    count = 0
    for pending in pendings:
        if pending.upload:
            pending.upload.delete(save=False)
        pending.delete()
        count += 1
    return count


@transaction.atomic
def pending_import_discard(*, pending: PendingImport) -> None:
    """A file that could not be read: nothing of it is kept."""
    _delete_pending([pending])


@transaction.atomic
def pending_imports_expire() -> int:
    """Delete the uploads that were never confirmed and have expired (and rows already
    imported), in the current scope, with any file still waiting; returns how many."""
    return _delete_pending(PendingImport.objects.expired())


@transaction.atomic
def pending_imports_of_code_delete(*, collaboration, code: str) -> int:
    """Unconfirmed uploads of `collaboration` that hold the participant `code` (an erasure):
    deleted at once, file and all; returns how many."""
    code = code.strip().upper()
    holding = [
        pending
        for pending in PendingImport.objects.filter(collaboration=collaboration, used_at=None)
        if pending.upload
        or any(
            str(row.get("participant_code", "")).strip().upper() == code for _l, row in pending.rows
        )
    ]
    return _delete_pending(holding)


def _write(collaboration, plan: ImportPlan, by, choices: dict, progress: Progress | None):
    clean = plan.clean
    activities = plan.activities
    for name in plan.unknown_activities:
        key = activity_key(name)
        days = [row.day for row in clean if row.activity_key == key]
        focus_area, activity_type = choices.get(key, (DEFAULT_FOCUS_AREA, DEFAULT_ACTIVITY_TYPE))
        activity = Activity(collaboration=collaboration)
        data = {
            "name": name,
            "focus_area": focus_area,
            "type": activity_type,
            "starts_on": min(days),
            "ends_on": max(days),
        }
        save_audited(activity, data, by=by)
        activities[key] = activity

    participants = {code: p.pk for code, p in plan.existing.items()}
    sessions = dict(plan.sessions)
    new_sessions: dict[int, int] = defaultdict(int)
    added: dict[tuple[int, int], None] = {}  # (session, participant), in the file's order
    total = len(clean)
    for index, row in enumerate(clean, start=1):
        if row.code not in participants:
            participants[row.code] = _participant_create(collaboration, plan, row.code, by).pk
        elif row.code in plan.consent_codes:
            _consent_record(plan.existing[row.code], plan.people[row.code], by)
        plan.consent_codes.discard(row.code)

        pair = (row.activity_key, row.day)
        if pair not in sessions:
            activity = activities[row.activity_key]
            session = Session.objects.create(
                activity=activity,
                date=row.day,
                start_time=activity.start_time,
                end_time=activity.end_time,
            )
            session.leaders.set(activity.leaders.all())
            sessions[pair] = session.pk
            new_sessions[activity.pk] += 1

        key = (sessions[pair], participants[row.code])
        if key not in plan.present:
            added[key] = None
        if progress and index % PROGRESS_EVERY == 0:
            progress("imported", index, total)
    by_session: dict[int, list[int]] = defaultdict(list)
    for session_id, participant_id in added:
        by_session[session_id].append(participant_id)
    with attendance_record_bulk(by=by) as attendance:
        for session_id, participant_ids in by_session.items():
            attendance.add(session_id, participant_ids)
    if progress and total % PROGRESS_EVERY:
        progress("imported", total, total)

    # Labels whose members were all registered already: remember their household too.
    for label, household in plan.households.items():
        ImportedHousehold.objects.get_or_create(
            collaboration=collaboration, label_digest=label, defaults={"household": household}
        )

    activity_years.refresh(new_sessions)  # the sessions created above are held
    by_pk = {a.pk: a for a in activities.values()}
    for activity_id, count in new_sessions.items():
        audit_record(
            actor=by,
            action=AuditAction.CREATE,
            obj=by_pk[activity_id],
            collaboration=collaboration,
            fields=["sessions"],
            detail=f"import: {count} sessions",
        )
    # A leader with the attendance form open must not silently overwrite what was imported.
    saved_by = by if getattr(by, "is_authenticated", False) else None
    touched = Session.objects.filter(pk__in=by_session)
    touched.update(
        version=F("version") + 1, attendance_saved_at=timezone.now(), attendance_saved_by=saved_by
    )
    for session in touched:
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=session,
            collaboration=collaboration,
            fields=["attendance"],
            detail=f"import +{len(by_session[session.pk])}",
        )


def _household_for(collaboration, plan: ImportPlan, label: str | None, by) -> Household | None:
    if not label:
        return None
    household = plan.households.get(label)
    if household is None:
        household = Household.objects.create(collaboration=collaboration)
        audit_record(
            actor=by, action=AuditAction.CREATE, obj=household, collaboration=collaboration
        )
        plan.households[label] = household
    ImportedHousehold.objects.get_or_create(
        collaboration=collaboration, label_digest=label, defaults={"household": household}
    )
    return household


def _consent_options(facts: dict) -> dict:
    """A list's consent was asked on paper; who answered follows the one consent rule (a
    guardian for a child, and for anyone too young to answer themselves)."""
    return {
        "given_by": consent_giver_default(
            role=facts.get("role", ParticipantRole.CHILD),
            birth_year=facts.get("birth_year"),
            on=timezone.localdate(),
        ),
        "method": ConsentMethod.PAPER_IMPORT,
    }


def _participant_create(collaboration, plan: ImportPlan, code: str, by) -> Participant:
    facts = plan.people.get(code, {})
    consent = facts.get("reporting_consent")
    options = _consent_options(facts)
    return participant_create(
        collaboration=collaboration,
        by=by,
        household=_household_for(collaboration, plan, facts.get("household"), by),
        role=facts.get("role", ParticipantRole.CHILD),
        birth_year=facts.get("birth_year"),
        gender=facts.get("gender", Gender.NOT_STATED),
        third_country_national=facts.get("third_country_national", ThirdCountryNational.UNKNOWN),
        language=facts.get("language", Language.SWEDISH),
        consents=None if consent is None else {ConsentPurpose.FUNDER_REPORTING: consent},
        consent_given_by=options["given_by"],
        consent_method=options["method"],
        code=code,
    )


def _consent_record(participant: Participant, facts: dict, by) -> None:
    # Who answers follows the registered person, not what the list says about them.
    options = _consent_options({"role": participant.role, "birth_year": participant.birth_year})
    consent_record(
        participant=participant,
        purpose=ConsentPurpose.FUNDER_REPORTING,
        given=facts["reporting_consent"],
        by=by,
        given_by=options["given_by"],
        method=options["method"],
    )
