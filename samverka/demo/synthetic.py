"""Synthetic data at any scale: `python manage.py seed_synthetic` and `make bench`.

Builds collaborations, organisations, activities with weekly sessions, households,
participants, consent-ledger entries, attendance and anonymous headcounts through the real
models' tables, from one seeded random generator: the same seed on the same database gives
the same data. Everything is invented.

Each collaboration also gets survey activity and referrals (`_surveys`, `_referrals`), drawn
from a second generator of the same seed so that everything above stays as it was: a round of
the built-in parent survey per term (about 15–35 % of the households answer each, sent
responses only: the real app purges unsent drafts after two days), a partner-survey
round answered through a link per partner organisation, and referrals (lotsning) over the
year, spread over the needs and statuses the gaps pages count. Responses are anonymous like
the real ones: linked to a participant only for a guardian with survey consent who gave their
card code, as `response_submit` does. The built-in instruments are installed first (the
deploy step, idempotent). Sized to keep the load within about a fifth of its former time:
answers are the bulk (two rounds × a quarter of the households × about 32 answers, some 13
per household: 344,000 at 100,000 participants, about 3.4 million at a million), and
generating and writing them took 8 s of a 128 s medium run.

Synthetic data is marked: every synthetic collaboration is led by an organisation whose
parent is the national organisation `SYNTHETIC_ROOT` ("Syntetiska testdata"). Nothing that
already exists is changed; rows are only added.

Speed: rows are generated in Python with ids assigned here, and written per collaboration
with PostgreSQL's COPY (psycopg) or, on other databases, one `executemany` per batch
(`samverka.lib.bulk.RowSink`). Attendance and the consent ledger go through the bulk variants
of their writers (`attendance_record_bulk`, `consent_record_bulk`) as large loads: COPY all the
same, and the derived tables they keep (AttendanceYear, ConsentState) rebuilt in one statement
each when they close; so are ActivityYear (sessions held) once the sessions are written and
the survey answers' kept counts (`surveys.respond.counts`; the responses are written folded in). On PostgreSQL a large run drops the secondary indexes and foreign keys of
the biggest tables first and rebuilds them at the end (one sorted build instead of millions of
index inserts); the whole run is one transaction, so a failure leaves nothing behind.
"""

from __future__ import annotations

import base64
import math
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock

from django.db import connection, transaction

from samverka.activities import activity_years
from samverka.activities.models import (
    Activity,
    ActivityAttendanceYear,
    ActivityType,
    ActivityYear,
    Attendance,
    AttendanceYear,
    FocusArea,
    Headcount,
    Session,
    TargetGroup,
    Theme,
)
from samverka.activities.services import attendance_record_bulk
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.demo.surveys import FREE_TEXT, PARTNER_TEXT
from samverka.demo.synthetic_words import (
    AGE_GROUPS,
    COUNTIES,
    DISTRICTS,
    LANGUAGES,
    LEAD_NAMES,
    LEISURE_NAMES,
    NAME_ENDS,
    NAME_STARTS,
    REAL_NAMES,
    THEMES,
)
from samverka.lib import agebands
from samverka.lib.bulk import RowSink, next_id, reset_sequences
from samverka.lib.codes import ALPHABET
from samverka.lib.languages import LANGUAGE_CODES
from samverka.orgs.models import (
    Collaboration,
    Municipality,
    Organisation,
    OrganisationKind,
    Phase,
)
from samverka.participants.models import (
    PARTICIPANT_CODE_LENGTH,
    ConsentEntry,
    ConsentGivenBy,
    ConsentMethod,
    ConsentPurpose,
    ConsentState,
    Household,
    Participant,
)
from samverka.participants.services import consent_record_bulk
from samverka.referrals.models import NeedCategory, Referral, ReferralStatus
from samverka.referrals.services import NEEDS_CONSENT
from samverka.surveys.builtin.install import install_builtin_instruments
from samverka.surveys.instruments.models import DONT_KNOW, ItemRole, ItemType
from samverka.surveys.respond import counts as survey_counts
from samverka.surveys.respond.models import (
    Answer,
    AnswerCount,
    ChooserCount,
    RespondentCount,
    Response,
)
from samverka.surveys.rounds.models import RespondentLink, Round

SYNTHETIC_ROOT = "Syntetiska testdata"
DEFAULT_START = date(2025, 1, 13)  # a Monday: 40 weeks from here stay inside 2025
# The nine programme municipalities come first, in this order (see samverka/demo/data.py).
PROGRAMME_CODES = ["2582", "2482", "1962", "2084", "0136", "1485", "1290", "0880", "1463"]
# On PostgreSQL, runs of at least this many participants load without secondary indexes.
DEFER_INDEXES_FROM = 50_000


# Progress --------------------------------------------------------------------------------------


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class Progress:
    """A one-line progress bar with an estimate of the time left, for a terminal or a log.

    On a terminal the line is redrawn in place; otherwise a new line is written at most
    every `every` seconds (and at the end).
    """

    def __init__(self, total: int, *, unit: str, stream=None, width: int = 30, every=10.0):
        self.total = max(total, 1)
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = 0.2 if self.tty else every
        self.done = 0
        self.started = time.monotonic()
        self._last = -math.inf

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        share = min(self.done / self.total, 1.0)
        filled = int(share * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        text = f"[{bar}] {share:4.0%} {self.done:,}/{self.total:,} {self.unit}"
        text += f", {_duration(elapsed)} elapsed"
        if 0 < self.done < self.total:
            text += f", about {_duration(elapsed * (self.total - self.done) / self.done)} left"
        return text

    def advance(self, amount: int) -> None:
        self.done += amount
        now = time.monotonic()
        if now - self._last >= self.every and self.done < self.total:
            self._last = now
            self._write()

    def finish(self) -> None:
        self.done = max(self.done, self.total)
        self._write()
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()

    def _write(self) -> None:
        if self.tty:
            self.stream.write("\r" + self.line())
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()


# Writing rows ----------------------------------------------------------------------------------


class Ids:
    """The next primary key of each table; rows get their ids here, so children can refer."""

    def __init__(self):
        self.next: dict = {}

    def start(self, model) -> None:
        self.next[model] = next_id(model)

    def take(self, model, count: int = 1) -> int:
        first = self.next[model]
        self.next[model] = first + count
        return first


class Codes:
    """Unique opaque codes in the project's alphabet, drawn from the seeded generator."""

    def __init__(self, rng: random.Random, length: int, existing):
        self.rng = rng
        self.length = length
        self.used = set(existing)

    def new(self) -> str:
        choices = self.rng.choices
        while True:
            code = "".join(choices(ALPHABET, k=self.length))
            if code not in self.used:
                self.used.add(code)
                return code


# Deferred indexes (PostgreSQL) -----------------------------------------------------------------

BIG_TABLES = [
    Attendance,
    ConsentEntry,
    Participant,
    Household,
    Session,
    Headcount,
    Answer,
    Response,
]
# Rebuilt from the big tables at the end (see attendance_years, activity_attendance_years,
# activity_years, consent_state and surveys.respond.counts).
DERIVED_TABLES = [
    AttendanceYear,
    ActivityAttendanceYear,
    ActivityYear,
    ConsentState,
    AnswerCount,
    ChooserCount,
    RespondentCount,
]


def _drop_secondary_indexes(models) -> list[str]:
    """Drop foreign keys, unique constraints and plain indexes; return the SQL to rebuild."""
    rebuild_indexes, rebuild_constraints = [], []
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in models:
            table = model._meta.db_table
            cursor.execute(
                "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype IN ('u', 'f') ORDER BY contype DESC",
                [table],
            )
            for name, _kind, definition in cursor.fetchall():
                rebuild_constraints.append(
                    f"ALTER TABLE {qn(table)} ADD CONSTRAINT {qn(name)} {definition}"
                )
                cursor.execute(f"ALTER TABLE {qn(table)} DROP CONSTRAINT {qn(name)}")
            cursor.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s "
                "AND i.schemaname = current_schema() AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname "
                "AND c.conrelid = %s::regclass)",
                [table, table],
            )
            for name, definition in cursor.fetchall():
                rebuild_indexes.append(definition)
                cursor.execute(f"DROP INDEX {qn(name)}")
    # Unique constraints before the foreign keys that may rely on them.
    unique = [sql for sql in rebuild_constraints if " UNIQUE " in sql]
    foreign = [sql for sql in rebuild_constraints if " UNIQUE " not in sql]
    return rebuild_indexes + unique + foreign


# The world -------------------------------------------------------------------------------------


@dataclass
class Options:
    municipalities: int
    participants: int
    weeks: int = 40
    seed: int = 1
    start: date = DEFAULT_START


@dataclass
class Result:
    counts: Counter = field(default_factory=Counter)
    new_municipalities: int = 0
    collaborations: int = 0
    seconds: float = 0.0


def synthetic_collaborations():
    """Collaborations made by seed_synthetic (led by a child of the synthetic root)."""
    return Collaboration.objects.filter(
        lead_organisation__parent__name=SYNTHETIC_ROOT,
        lead_organisation__parent__municipality__isnull=True,
    )


def max_new_municipalities() -> int:
    taken = set(Municipality.objects.values_list("code", flat=True))
    return sum(1 for county in COUNTIES for n in range(1, 100) if f"{county}{n:02d}" not in taken)


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


# Surveys and referrals ------------------------------------------------------------------------

SURVEY_LANGUAGES = list(LANGUAGE_CODES)  # the eight family languages
# Answers to a five-point scale, from "not at all" to "fully"; `lift` leans them up.
SCALE_WEIGHTS = (1, 2, 4, 6, 4)
SCALE_LIFT = (0, 0, 0, 3, 4)


@dataclass(frozen=True)
class PlannedItem:
    """What the generator needs of one item of a built-in instrument's published version."""

    pk: int
    item_id: str
    type: str
    values: tuple[str, ...]  # the options in order, without "don't know"
    dont_know: bool
    required: bool
    condition: tuple[str, frozenset] | None  # (item id, answers that show this item)
    age: bool
    low: int
    high: int


def planned_items(version) -> list[PlannedItem]:
    items = (
        version.items.select_related("condition_item")
        .prefetch_related("options")
        .order_by("section__position", "position", "id")
    )
    return [
        PlannedItem(
            pk=item.pk,
            item_id=item.item_id,
            type=item.type,
            values=tuple(o.value for o in item.options.all() if o.value != DONT_KNOW),
            dont_know=item.allow_dont_know,
            required=item.required,
            condition=(
                (item.condition_item.item_id, frozenset(item.condition_values))
                if item.condition_item_id
                else None
            ),
            age=item.role == ItemRole.AGE and item.type == ItemType.NUMBER,
            low=item.number_min or 0,
            high=min(item.number_max or 10, 10),
        )
        for item in items
    ]


# need -> (organisation kinds of the municipality that take it, share referred to one of them;
# the rest are needs raised with no actor found: the gaps)
REFERRAL_ACTORS = {
    NeedCategory.SCHOOL: ((OrganisationKind.SCHOOL,), 0.95),
    NeedCategory.SOCIAL: ((OrganisationKind.SOCIAL_SERVICES,), 0.95),
    NeedCategory.HEALTH: ((OrganisationKind.SOCIAL_SERVICES,), 0.35),
    NeedCategory.HOUSING: ((OrganisationKind.SOCIAL_SERVICES,), 0.5),
    NeedCategory.WORK: ((OrganisationKind.SFI,), 0.95),
    NeedCategory.LEISURE: (
        (OrganisationKind.LEISURE, OrganisationKind.ASSOCIATION, OrganisationKind.LIBRARY),
        0.97,
    ),
    NeedCategory.LEGAL: ((OrganisationKind.SOCIAL_SERVICES,), 0.25),
    NeedCategory.ECONOMY: ((OrganisationKind.SOCIAL_SERVICES,), 0.9),
    NeedCategory.PARENTING: ((OrganisationKind.SOCIAL_SERVICES, OrganisationKind.SCHOOL), 0.9),
    NeedCategory.CHILD_PROTECTION: ((OrganisationKind.SOCIAL_SERVICES,), 1.0),
}
NEED_WEIGHTS = [
    (NeedCategory.SCHOOL, 14),
    (NeedCategory.SOCIAL, 12),
    (NeedCategory.HEALTH, 13),
    (NeedCategory.HOUSING, 10),
    (NeedCategory.WORK, 12),
    (NeedCategory.LEISURE, 18),
    (NeedCategory.LEGAL, 7),
    (NeedCategory.ECONOMY, 8),
    (NeedCategory.PARENTING, 4),
    (NeedCategory.CHILD_PROTECTION, 2),
]
STATUS_WEIGHTS = [
    (ReferralStatus.CONNECTED, 42),
    (ReferralStatus.CONTACTED, 14),
    (ReferralStatus.SUGGESTED, 10),
    (ReferralStatus.NOT_HELPED, 12),
    (ReferralStatus.DECLINED, 10),
]
OUTCOME_NOTES = [
    "Familjen fick en tid.",
    "Kontakt etablerad, uppföljning vid nästa träff.",
    "Väntetiden var för lång.",
    "Familjen ville vänta.",
    "Tolk saknades vid första kontakten.",
]


class Generator:
    def __init__(self, options: Options, *, progress_stream=None):
        self.o = options
        self.rng = random.Random(f"samverka-synthetic-{options.seed}")
        # Surveys and referrals draw from their own generator, so that adding them left the
        # rest of the data as it was for the same seed.
        self.rng2 = random.Random(f"samverka-synthetic-surveys-{options.seed}")
        self.ids = Ids()
        self.progress_stream = progress_stream
        self.result = Result()
        self.monday = options.start - timedelta(days=options.start.weekday())
        self.end = self.monday + timedelta(weeks=options.weeks) - timedelta(days=1)
        self.year = options.start.year

    # Setup ---------------------------------------------------------------------------------
    def run(self) -> Result:
        started = time.monotonic()
        with transaction.atomic():
            postgres = connection.vendor == "postgresql"
            # The deploy step (idempotent): the rounds below use the built-in instruments.
            versions = install_builtin_instruments()
            if postgres:
                # Check the foreign keys of what that wrote now: a table with pending
                # (deferred) checks cannot lose a foreign key (_drop_secondary_indexes).
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            # Written here; attendance and consent through their writers' bulk variants.
            models = [
                Municipality,
                Organisation,
                Collaboration,
                Collaboration.partners.through,
                Activity,
                Activity.partners.through,
                Theme,
                Session,
                Household,
                Participant,
                Headcount,
                Round,
                RespondentLink,
                Response,
                Answer,
                Referral,
            ]
            tables = [*models, ConsentEntry, Attendance]
            if postgres:
                with connection.cursor() as cursor:
                    names = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in tables)
                    cursor.execute(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")
                    cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
            for model in models:
                self.ids.start(model)
            rebuild = []
            if postgres and self.o.participants >= DEFER_INDEXES_FROM:
                rebuild = _drop_secondary_indexes([*BIG_TABLES, *DERIVED_TABLES])
            self._sinks()
            self._codes()
            self._survey_plans(versions)
            root = self._root()
            municipalities = self._municipalities()
            shares = self._shares(len(municipalities))
            progress = Progress(
                self.o.participants, unit="participants", stream=self.progress_stream
            )
            # A large load each: COPY, and the derived table rebuilt as a whole at the end of
            # the block, before the indexes and foreign keys come back (one sorted index build
            # instead of a million index inserts and foreign-key checks).
            with (
                attendance_record_bulk(by=None, large=True) as attendance,
                consent_record_bulk(by=None, large=True) as ledger,
            ):
                self.attendance, self.ledger = attendance, ledger
                for municipality, share in zip(municipalities, shares, strict=True):
                    self._municipality(municipality, share, root, progress)
                for sink in self.sinks.values():
                    sink.flush()
                activity_years.rebuild()  # the sessions, written above by their sink
                survey_counts.rebuild()  # the answers, likewise
                progress.finish()
                self._note("Deriving the report tables (attendance per year, current consent) …")
            if rebuild:
                self._note(f"Rebuilding {len(rebuild)} indexes and constraints …")
                with connection.cursor() as cursor:
                    for sql in rebuild:
                        cursor.execute(sql)
            reset_sequences(models)
            if postgres:
                self._note("Updating the planner's statistics (ANALYZE) …")
                with connection.cursor() as cursor:
                    for model in [*tables, *DERIVED_TABLES]:
                        cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
            for model, sink in [*self.sinks.items(), (Attendance, attendance.sink)]:
                self.result.counts[model._meta.label] += sink.count
            self.result.counts[ConsentEntry._meta.label] += ledger.sink.count
            audit_record(
                actor=None,
                action=AuditAction.CREATE,
                obj=root,
                detail=(
                    f"seed_synthetic seed={self.o.seed} municipalities={self.o.municipalities} "
                    f"participants={self.result.counts['participants.Participant']} "
                    f"weeks={self.o.weeks}"
                ),
            )
        self.result.seconds = time.monotonic() - started
        return self.result

    def _note(self, text: str) -> None:
        stream = self.progress_stream if self.progress_stream is not None else sys.stderr
        stream.write(text + "\n")
        stream.flush()

    def _sinks(self) -> None:
        self.sinks = {
            Municipality: RowSink(Municipality, ["id", "code", "name", "county"]),
            Organisation: RowSink(
                Organisation,
                ["id", "code", "name", "kind", "parent_id", "municipality_id", "created_at"],
            ),
            Collaboration: RowSink(
                Collaboration,
                [
                    "id",
                    "code",
                    "name",
                    "municipality_id",
                    "lead_organisation_id",
                    "starts_on",
                    "ends_on",
                    "phase",
                    "shared_goal_picture",
                    "collaboration_idea",
                    "builds_on_id",
                    "created_at",
                ],
            ),
            Collaboration.partners.through: RowSink(
                Collaboration.partners.through, ["id", "collaboration_id", "organisation_id"]
            ),
            Activity: RowSink(
                Activity,
                [
                    "id",
                    "code",
                    "collaboration_id",
                    "name",
                    "focus_area",
                    "type",
                    "target_groups",
                    "place",
                    "recurring",
                    "starts_on",
                    "ends_on",
                    "weekday",
                    "start_time",
                    "end_time",
                    "breaks",
                    "description",
                    "created_at",
                ],
            ),
            Activity.partners.through: RowSink(
                Activity.partners.through, ["id", "activity_id", "organisation_id"]
            ),
            Theme: RowSink(
                Theme,
                ["id", "code", "activity_id", "title", "planned_for", "chosen_by_group", "order"],
            ),
            Session: RowSink(
                Session,
                [
                    "id",
                    "code",
                    "activity_id",
                    "date",
                    "start_time",
                    "end_time",
                    "theme",
                    "volunteers",
                    "note",
                    "cancelled",
                    "version",
                    "attendance_saved_at",
                    "attendance_saved_by_id",
                ],
            ),
            Household: RowSink(Household, ["id", "code", "collaboration_id", "created_at"]),
            Participant: RowSink(
                Participant,
                [
                    "id",
                    "code",
                    "collaboration_id",
                    "household_id",
                    "role",
                    "birth_year",
                    "gender",
                    "third_country_national",
                    "language",
                    "created_at",
                    "created_by_id",
                ],
            ),
            Headcount: RowSink(Headcount, ["id", "session_id", "age_band", "gender", "count"]),
            Round: RowSink(
                Round,
                [
                    "id",
                    "code",
                    "collaboration_id",
                    "version_id",
                    "title",
                    "opens_on",
                    "closes_on",
                    "languages",
                    "created_at",
                ],
            ),
            RespondentLink: RowSink(
                RespondentLink, ["id", "code", "round_id", "organisation_id", "created_at"]
            ),
            Response: RowSink(
                Response,
                [
                    "id",
                    "token",
                    "round_id",
                    "link_id",
                    "version_id",
                    "language",
                    "organisation_id",
                    "participant_id",
                    "age_band",
                    "started_at",
                    "draft",
                    "submitted_at",
                    "folded",
                ],
            ),
            Answer: RowSink(Answer, ["id", "response_id", "item_id", "value", "number", "text"]),
            Referral: RowSink(
                Referral,
                [
                    "id",
                    "code",
                    "collaboration_id",
                    "participant_id",
                    "household_id",
                    "need_category",
                    "organisation_id",
                    "date",
                    "consent_to_share",
                    "consent_recorded_at",
                    "status",
                    "outcome_note",
                    "follow_up_on",
                    "created_at",
                ],
            ),
        }

    def _codes(self) -> None:
        rng = self.rng
        self.codes = {
            model: Codes(rng, length, model.objects.values_list("code", flat=True).iterator())
            for model, length in (
                (Organisation, 8),
                (Collaboration, 8),
                (Activity, 8),
                (Theme, 8),
                (Session, 8),
                (Household, 8),
                (Participant, PARTICIPANT_CODE_LENGTH),
            )
        }
        for model, length in ((Round, 8), (RespondentLink, 6), (Referral, 8)):
            existing = model.objects.values_list("code", flat=True).iterator()
            self.codes[model] = Codes(self.rng2, length, existing)
        self.tokens = set(Response.objects.values_list("token", flat=True).iterator())
        self.org_names = set(Organisation.objects.values_list("name", "municipality_id"))
        self.org_kinds: dict[int, str] = {}

    def _unique_org_name(self, name: str, municipality_id) -> str:
        candidate, n = name, 1
        while (candidate, municipality_id) in self.org_names:
            n += 1
            candidate = f"{name} {n}"
        self.org_names.add((candidate, municipality_id))
        return candidate

    def _org(self, name, kind, municipality_id=None, parent_id=None) -> int:
        org_id = self.ids.take(Organisation)
        self.org_kinds[org_id] = kind
        name = self._unique_org_name(name, municipality_id)
        self.sinks[Organisation].add(
            (
                org_id,
                self.codes[Organisation].new(),
                name,
                kind,
                parent_id,
                municipality_id,
                self._moment(self.monday - timedelta(days=60), 9),
            )
        )
        return org_id

    def _root(self) -> Organisation:
        root = Organisation.objects.filter(name=SYNTHETIC_ROOT, municipality__isnull=True).first()
        if root is None:
            root = Organisation.objects.create(
                name=SYNTHETIC_ROOT, kind=OrganisationKind.CSO, code=self.codes[Organisation].new()
            )
            self.ids.next[Organisation] = max(self.ids.next[Organisation], root.pk + 1)
        return root

    @staticmethod
    def _moment(day: date, hour: int, minute: int = 0) -> datetime:
        # Local evening times, stored in UTC (Sweden is UTC+1/+2; one hour off is fine here).
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) - timedelta(hours=1)

    # Municipalities ---------------------------------------------------------------------------
    def _municipalities(self) -> list[tuple[int, str, str]]:
        """(id, code, name) of the municipalities to fill: existing ones first, then invented."""
        wanted = self.o.municipalities
        existing = {m.code: m for m in Municipality.objects.all()}
        order = [c for c in PROGRAMME_CODES if c in existing]
        order += sorted(c for c in existing if c not in PROGRAMME_CODES)
        chosen = [(existing[c].pk, c, existing[c].name) for c in order[:wanted]]
        missing = wanted - len(chosen)
        if missing <= 0:
            return chosen
        free_codes = [
            (county, f"{county}{n:02d}")
            for county in COUNTIES
            for n in range(1, 100)
            if f"{county}{n:02d}" not in existing
        ]
        if missing > len(free_codes):
            raise ValueError(f"at most {len(free_codes) + len(existing)} municipalities")
        picked = self.rng.sample(free_codes, missing)
        picked.sort(key=lambda item: item[1])
        taken = {m.name for m in existing.values()} | REAL_NAMES
        names = [f"{a}{b}" for a in NAME_STARTS for b in NAME_ENDS]
        names = [n[0] + n[1:].replace("ää", "ä") for n in names if n not in taken]
        self.rng.shuffle(names)
        prefixes = ["", "Norra ", "Södra ", "Östra ", "Västra ", "Övre ", "Nedre "]
        pool = iter(p + n for p in prefixes for n in names)
        sink = self.sinks[Municipality]
        for county, code in picked:
            name = next(pool)
            while name in taken:
                name = next(pool)
            taken.add(name)
            municipality_id = self.ids.take(Municipality)
            sink.add((municipality_id, code, name, COUNTIES[county]))
            chosen.append((municipality_id, code, name))
        sink.flush()
        self.result.new_municipalities = missing
        return chosen

    def _shares(self, n: int) -> list[int]:
        """Participants per municipality: a few large towns, many small ones (Zipf-like)."""
        weights = [1 / (rank + 1) ** 0.8 for rank in range(n)]
        self.rng.shuffle(weights)
        total = sum(weights)
        shares = [int(self.o.participants * w / total) for w in weights]
        rest = self.o.participants - sum(shares)
        for i in sorted(range(n), key=lambda i: -weights[i])[:rest]:
            shares[i] += 1
        return shares

    def _municipality(self, municipality, participants: int, root, progress) -> None:
        municipality_id, _code, town = municipality
        if participants <= 0:
            return
        rng = self.rng
        collaborations = max(1, min(20, math.ceil(participants / 3000)))
        departments = [
            (f"{town} kommun, individ- och familjeomsorgen", OrganisationKind.SOCIAL_SERVICES),
            (f"{town} kommun, skolförvaltningen", OrganisationKind.SCHOOL),
            (f"{town} kommun, kultur- och fritidsförvaltningen", OrganisationKind.LEISURE),
            (f"{town} folkbibliotek", OrganisationKind.LIBRARY),
            (f"{town} kommun, vuxenutbildningen SFI", OrganisationKind.SFI),
            (f"IFK {town}", OrganisationKind.ASSOCIATION),
        ]
        partner_ids = [self._org(name, kind, municipality_id) for name, kind in departments]
        base, extra = divmod(participants, collaborations)
        districts = rng.sample(DISTRICTS, k=min(collaborations, len(DISTRICTS)))
        for index in range(collaborations):
            size = base + (1 if index < extra else 0)
            place = town
            if collaborations > 1:
                district = districts[index] if index < len(districts) else f"område {index + 1}"
                place = f"{town} {district}"
            self._collaboration(municipality_id, town, place, size, partner_ids, root)
            progress.advance(size)

    # One collaboration -----------------------------------------------------------------------
    def _collaboration(self, municipality_id, town, place, size, partner_ids, root) -> None:
        rng = self.rng
        lead_id = self._org(
            f"{rng.choice(LEAD_NAMES)} {place}", OrganisationKind.CSO, municipality_id, root.pk
        )
        collaboration_id = self.ids.take(Collaboration)
        starts = self.monday - timedelta(days=rng.randint(30, 400))
        ends = self.end + timedelta(days=rng.randint(30, 500))
        self.sinks[Collaboration].add(
            (
                collaboration_id,
                self.codes[Collaboration].new(),
                f"Tillsammans i {place}",
                municipality_id,
                lead_id,
                starts,
                ends,
                _weighted(
                    rng, [(Phase.IMPLEMENTATION, 8), (Phase.INITIATION, 1), (Phase.TRANSITION, 1)]
                ),
                "Barn och familjer som är nya i Sverige har en meningsfull fritid och får rätt stöd i tid.",
                "Civilsamhället når familjerna och bygger tillit; kommunen bidrar med lokaler och förankring.",
                None,
                self._moment(starts, 9),
            )
        )
        through = self.sinks[Collaboration.partners.through]
        partners = rng.sample(partner_ids, k=rng.randint(3, len(partner_ids)))
        for organisation_id in partners:
            through.add(
                (self.ids.take(Collaboration.partners.through), collaboration_id, organisation_id)
            )
        self.result.collaborations += 1

        self.survey_consent: set[int] = set()
        children, guardians, all_people, families = self._people(collaboration_id, size)
        activities = self._activities(
            collaboration_id, place, partners, len(children), len(guardians)
        )
        self._attendance(activities, children, guardians, all_people)
        self._surveys(collaboration_id, families, [lead_id, *partners])
        self._referrals(collaboration_id, families, partners, partner_ids)
        for sink in self.sinks.values():
            if sink.model not in (Municipality,):
                sink.flush()

    def _people(self, collaboration_id, size):
        """Households until `size` participants; returns (children, guardians, everyone,
        families), a family being (household id, language, joined, [(guardian id, birth
        year)], [child ids])."""
        rng = self.rng
        random_ = rng.random
        year = self.year
        households = self.sinks[Household]
        participants = self.sinks[Participant]
        household_codes, participant_codes = self.codes[Household], self.codes[Participant]
        children, guardians, everyone, families = [], [], [], []
        made = 0
        period_days = (self.end - self.monday).days
        while made < size:
            household_id = self.ids.take(Household)
            joined = self.monday + timedelta(days=int(period_days * random_() * 0.6))
            created = self._moment(joined, 17, rng.randint(0, 59))
            households.add((household_id, household_codes.new(), collaboration_id, created))
            language = _weighted(rng, [(code, w) for code, w, _ in LANGUAGES])
            tcn_share = next(share for code, _, share in LANGUAGES if code == language)
            r = random_()
            tcn = "yes" if r < tcn_share else ("unknown" if r < tcn_share + 0.06 else "no")
            members = []
            n_guardians = 1 if random_() < 0.45 else 2
            n_children = _weighted(rng, [(1, 30), (2, 35), (3, 22), (4, 13)])
            first_guardian = None
            family = (household_id, language, joined, [], [])
            families.append(family)
            for g in range(n_guardians):
                if made >= size:
                    break
                old = random_() < 0.03
                age = rng.randint(60, 72) if old else rng.randint(24, 55)
                if g == 0:
                    gender = "female" if random_() < 0.7 else "male"
                else:
                    gender = "male" if random_() < 0.8 else "female"
                members.append(("guardian", None if random_() < 0.02 else year - age, gender))
                made += 1
            for _ in range(n_children):
                if made >= size:
                    break
                r = random_()
                age = (
                    rng.randint(6, 12)
                    if r < 0.8
                    else (rng.randint(2, 5) if r < 0.88 else rng.randint(13, 16))
                )
                gender = _weighted(
                    rng, [("female", 48), ("male", 48), ("other", 1), ("not_stated", 3)]
                )
                members.append(("child", None if random_() < 0.02 else year - age, gender))
                made += 1
            for role, birth_year, gender in members:
                participant_id = self.ids.take(Participant)
                participants.add(
                    (
                        participant_id,
                        participant_codes.new(),
                        collaboration_id,
                        household_id,
                        role,
                        birth_year,
                        gender,
                        tcn,
                        language,
                        created,
                        None,
                    )
                )
                if role == "guardian":
                    first_guardian = first_guardian or participant_id
                    guardians.append(participant_id)
                    family[3].append((participant_id, birth_year))
                else:
                    children.append(participant_id)
                    family[4].append(participant_id)
                everyone.append(participant_id)
                self._consents(participant_id, role, first_guardian, language, joined)
        return children, guardians, everyone, families

    def _consents(self, participant_id, role, guardian_id, language, joined) -> None:
        rng = self.rng
        random_ = rng.random
        add = self.ledger.add
        given_by = ConsentGivenBy.GUARDIAN if role == "child" else ConsentGivenBy.SELF
        guardian = guardian_id if role == "child" else None
        when = self._moment(joined, 17, rng.randint(0, 59))
        method = ConsentMethod.WRITTEN if random_() < 0.4 else ConsentMethod.VERBAL
        # (purpose, share asked, share given when asked)
        for purpose, asked, given in (
            (ConsentPurpose.FUNDER_REPORTING, 0.96, 0.95),
            (ConsentPurpose.SURVEYS, 0.75, 0.8),
            (ConsentPurpose.PHOTOS, 0.5, 0.5),
            (ConsentPurpose.CONTACT, 0.6, 0.85),
        ):
            if random_() >= asked:
                continue
            yes = random_() < given
            add(
                participant_id,
                purpose,
                yes,
                given_at=when,
                given_by=given_by,
                guardian_id=guardian,
                method=method,
                notice_language=language,
                recorded_at=when,
            )
            # A few withdraw later: the ledger keeps both entries.
            withdrawn = yes and random_() < 0.02
            if yes and not withdrawn and purpose == ConsentPurpose.SURVEYS:
                self.survey_consent.add(participant_id)
            if withdrawn:
                later = when + timedelta(days=rng.randint(14, 120))
                add(
                    participant_id,
                    purpose,
                    False,
                    given_at=later,
                    given_by=given_by,
                    guardian_id=guardian,
                    method=ConsentMethod.VERBAL,
                    notice_language=language,
                    recorded_at=later,
                )

    def _activity(
        self,
        collaboration_id,
        name,
        focus_area,
        kind,
        targets,
        place,
        partner_id,
        *,
        weekly: bool,
        every: int = 1,
        first_week: int = 0,
        last_week=None,
        weekday: int = 0,
        hour: int = 15,
        themes: bool = False,
    ):
        """An activity and its sessions: [(session id, week, cancelled, date)]."""
        rng = self.rng
        activity_id = self.ids.take(Activity)
        weeks = self.o.weeks
        last_week = weeks - 1 if last_week is None else min(last_week, weeks - 1)
        first_week = min(first_week, last_week)
        dates = [
            (w, self.monday + timedelta(weeks=w, days=weekday))
            for w in range(first_week, last_week + 1, every)
        ]
        if not weekly:
            dates = dates[:1]
        start_time, end_time = clock(hour, 0), clock(hour + 1, 30)
        self.sinks[Activity].add(
            (
                activity_id,
                self.codes[Activity].new(),
                collaboration_id,
                name,
                focus_area,
                kind,
                targets,
                place,
                weekly,
                dates[0][1],
                dates[-1][1] if weekly else None,
                weekday if weekly else None,
                start_time,
                end_time,
                [],  # no breaks listed
                "",
                self._moment(dates[0][1] - timedelta(days=14), 10),
            )
        )
        if partner_id is not None:
            self.sinks[Activity.partners.through].add(
                (self.ids.take(Activity.partners.through), activity_id, partner_id)
            )
        theme_titles = []
        if themes:
            theme_titles = rng.sample(THEMES, k=6)
            for order, title in enumerate(theme_titles):
                planned = self.monday + timedelta(weeks=first_week + 2 * order, days=weekday)
                self.sinks[Theme].add(
                    (
                        self.ids.take(Theme),
                        self.codes[Theme].new(),
                        activity_id,
                        title,
                        planned,
                        True,
                        order,
                    )
                )
        sessions = []
        sink, codes = self.sinks[Session], self.codes[Session]
        random_ = rng.random
        for index, (week, day) in enumerate(dates):
            session_id = self.ids.take(Session)
            cancelled = random_() < 0.025
            theme = theme_titles[min(index // 2, len(theme_titles) - 1)] if theme_titles else ""
            saved = None if cancelled else self._moment(day, hour + 2)
            sink.add(
                (
                    session_id,
                    codes.new(),
                    activity_id,
                    day,
                    start_time,
                    end_time,
                    theme,
                    rng.randint(0, 3),
                    "Inställt" if cancelled else "",
                    cancelled,
                    0 if cancelled else 1,
                    saved,
                    None,
                )
            )
            sessions.append((session_id, week, cancelled, saved))
        return sessions

    def _activities(self, collaboration_id, place, partners, n_children, n_guardians):
        """Weekly groups sized to the collaboration, events with headcounts, excursions."""
        rng = self.rng
        weeks = self.o.weeks
        activities = {"leisure": [], "parents": [], "excursions": []}
        n_leisure = max(1, round(n_children * 1.2 / 28))
        for index in range(n_leisure):
            base, kind = LEISURE_NAMES[index % len(LEISURE_NAMES)]
            round_ = index // len(LEISURE_NAMES)
            name = base if round_ == 0 else f"{base} {round_ + 1}"
            first = rng.randint(0, max(0, weeks // 8))
            sessions = self._activity(
                collaboration_id,
                name,
                FocusArea.LEISURE,
                kind,
                [TargetGroup.CHILDREN_6_12],
                f"Fritidsgården, {place}",
                rng.choice(partners),
                weekly=True,
                first_week=first,
                last_week=weeks - 1 - rng.randint(0, max(0, weeks // 10)),
                weekday=rng.choice([0, 1, 2, 3, 4, 5]),
                hour=rng.choice([14, 15, 16]),
            )
            activities["leisure"].append(sessions)
        n_parents = max(1, round(n_guardians * 0.6 / 18))
        for index in range(n_parents):
            name = "Föräldragruppen" if index == 0 else f"Föräldragruppen {index + 1}"
            sessions = self._activity(
                collaboration_id,
                name,
                FocusArea.PARENT_SUPPORT,
                ActivityType.PARENT_GROUP,
                [TargetGroup.GUARDIANS],
                f"Biblioteket, {place}",
                rng.choice(partners),
                weekly=True,
                first_week=rng.randint(0, max(0, weeks // 8)),
                weekday=rng.randint(0, 4),
                hour=17,
                themes=True,
            )
            activities["parents"].append(sessions)
        for index in range(max(1, round(n_children / 150))):
            week = rng.randint(0, weeks - 1)
            sessions = self._activity(
                collaboration_id,
                f"Utflykt {index + 1}",
                FocusArea.LEISURE,
                ActivityType.EXCURSION,
                [TargetGroup.FAMILIES],
                "Naturreservatet",
                None,
                weekly=False,
                first_week=week,
                weekday=5,
                hour=10,
            )
            activities["excursions"].append(sessions)
        # Focus area 1 and open events: anonymous headcounts only.
        headcounts = self.sinks[Headcount]
        forum = self._activity(
            collaboration_id,
            "Dialogforum kommun och civilsamhälle",
            FocusArea.COLLABORATION,
            ActivityType.DIALOGUE_FORUM,
            [TargetGroup.PROFESSIONALS],
            "Kommunhuset",
            partners[0],
            weekly=True,
            every=6,
            first_week=rng.randint(0, 5),
            weekday=rng.randint(0, 4),
            hour=9,
        )
        training = self._activity(
            collaboration_id,
            "Kompetensutveckling: barnrätt i praktiken",
            FocusArea.COLLABORATION,
            ActivityType.TRAINING,
            [TargetGroup.PROFESSIONALS, TargetGroup.VOLUNTEERS],
            "Kommunhuset",
            partners[0],
            weekly=True,
            every=13,
            first_week=rng.randint(0, 8),
            weekday=rng.randint(0, 4),
            hour=13,
        )
        for session_id, _w, cancelled, _s in forum + training:
            if not cancelled:
                for gender, low, high in (("female", 5, 14), ("male", 2, 8)):
                    headcounts.add(
                        (
                            self.ids.take(Headcount),
                            session_id,
                            "18-64",
                            gender,
                            rng.randint(low, high),
                        )
                    )
        open_day = self._activity(
            collaboration_id,
            "Öppen familjeträff",
            FocusArea.LEISURE,
            ActivityType.MEETING_PLACE,
            [TargetGroup.FAMILIES],
            f"Parken, {place}",
            None,
            weekly=True,
            every=4,
            first_week=rng.randint(0, 3),
            weekday=5,
            hour=11,
        )
        scale = max(1, min(6, n_children // 150 + 1))
        for session_id, _w, cancelled, _s in open_day:
            if cancelled:
                continue
            for band, gender in (*AGE_GROUPS, ("18-64", "female"), ("18-64", "male")):
                count = rng.randint(0, 12 * scale)
                if count:
                    headcounts.add((self.ids.take(Headcount), session_id, band, gender, count))
        return activities

    def _attendance(self, activities, children, guardians, everyone) -> None:
        """Regulars attend most sessions of their groups while they take part; a few drop in."""
        rng = self.rng
        random_ = rng.random
        weeks = self.o.weeks
        members: dict[tuple[str, int], list] = {}

        def join(kind, groups, people, share, second):
            if not groups:
                return
            for person in people:
                if random_() >= share:
                    continue
                picks = {rng.randrange(len(groups))}
                if len(groups) > 1 and random_() < second:
                    picks.add(rng.randrange(len(groups)))
                for pick in sorted(picks):
                    first = rng.randint(0, weeks // 3)
                    last = min(weeks - 1, first + rng.randint(weeks // 3, weeks))
                    members.setdefault((kind, pick), []).append(
                        (person, first, last, 0.6 + 0.35 * random_())
                    )

        join("leisure", activities["leisure"], children, 0.95, 0.3)
        join("parents", activities["parents"], guardians, 0.75, 0.15)
        add = self.attendance.add
        for (kind, index), group in members.items():
            for session_id, week, cancelled, saved in activities[kind][index]:
                if cancelled:
                    continue
                present = [
                    person
                    for person, first, last, p in group
                    if first <= week <= last and random_() < p
                ]
                if present:
                    add(session_id, present, recorded_at=saved)
        # Excursions: families drop in.
        for sessions in activities["excursions"]:
            for session_id, _week, cancelled, saved in sessions:
                if cancelled or not everyone:
                    continue
                present = sorted(rng.sample(everyone, k=min(len(everyone), rng.randint(10, 40))))
                add(session_id, present, recorded_at=saved)

    # Surveys ---------------------------------------------------------------------------------
    def _survey_plans(self, versions) -> None:
        self.plans = {
            key: (versions[key].pk, planned_items(versions[key])) for key in ("parent", "partner")
        }

    def _token(self) -> str:
        getrandbits = self.rng2.getrandbits
        while True:
            token = base64.urlsafe_b64encode(getrandbits(256).to_bytes(32, "big"))
            token = token.rstrip(b"=").decode()
            if token not in self.tokens:
                self.tokens.add(token)
                return token

    def _round(self, collaboration_id, version_id, title, opens, closes, languages):
        """A round and its general link: (round id, link id)."""
        round_id = self.ids.take(Round)
        created = self._moment(opens - timedelta(days=7), 10)
        self.sinks[Round].add(
            (
                round_id,
                self.codes[Round].new(),
                collaboration_id,
                version_id,
                title,
                opens,
                closes,
                languages,
                created,
            )
        )
        return round_id, self._link(round_id, None, created)

    def _link(self, round_id, organisation_id, created) -> int:
        link_id = self.ids.take(RespondentLink)
        self.sinks[RespondentLink].add(
            (link_id, self.codes[RespondentLink].new(), round_id, organisation_id, created)
        )
        return link_id

    def _answers(self, items, cum_weights, texts) -> list[tuple]:
        """(item pk, value, number, text) for every item the respondent sees and answers."""
        rng = self.rng2
        random_ = rng.random
        given: dict[str, frozenset] = {}
        rows = []
        for item in items:
            if item.condition is not None and not (
                given.get(item.condition[0], frozenset()) & item.condition[1]
            ):
                continue  # hidden: the real submit keeps no answer to it either
            kind = item.type
            if item.age:
                continue  # the caller answers the age
            if kind == ItemType.TEXT:
                if random_() < 0.3:
                    rows.append((item.pk, "", None, rng.choice(texts)))
                continue
            if kind == ItemType.NUMBER:
                rows.append((item.pk, "", rng.randint(item.low, item.high), ""))
                continue
            if not item.required and random_() < 0.03:
                continue  # left unanswered
            values = item.values
            if not values:
                continue
            if item.dont_know and random_() < 0.04:
                value = DONT_KNOW
            elif kind == ItemType.MULTIPLE:
                chosen = rng.sample(values, k=min(len(values), rng.choice((1, 1, 2, 3))))
                given[item.item_id] = frozenset(chosen)
                rows.extend((item.pk, v, None, "") for v in chosen)
                continue
            elif len(values) == 5 and kind in (ItemType.AGREEMENT, ItemType.FACES):
                value = rng.choices(values, cum_weights=cum_weights)[0]
            elif kind == ItemType.SINGLE and len(values) == 6:  # WHO-5: 0 (never) to 5
                value = rng.choices(values, cum_weights=(1, 3, 7, 13, 19, 22))[0]
            else:
                value = rng.choice(values)
            given[item.item_id] = frozenset((value,))
            rows.append((item.pk, value, None, ""))
        return rows

    def _response(
        self,
        round_id,
        link_id,
        version_id,
        language,
        organisation_id,
        participant_id,
        age_band,
        sent,
        rows,
    ) -> None:
        response_id = self.ids.take(Response)
        started = sent - timedelta(minutes=self.rng2.randint(3, 15))
        self.sinks[Response].add(
            (
                response_id,
                self._token(),
                round_id,
                link_id,
                version_id,
                language,
                organisation_id,
                participant_id,
                age_band,
                started,
                {},
                sent,
                True,  # counted into the kept counts, rebuilt at the end (respond.counts)
            )
        )
        first = self.ids.take(Answer, len(rows))
        self.sinks[Answer].extend((first + n, response_id, *row) for n, row in enumerate(rows))

    def _surveys(self, collaboration_id, families, organisations) -> None:
        """A parent-survey round per term answered by 15-35 % of the households (anonymous,
        a few linked to a consenting guardian who gave their card code), and a partner-survey
        round with a link per partner organisation."""
        rng = self.rng2
        random_ = rng.random
        period = (self.end - self.monday).days + 1
        version_id, items = self.plans["parent"]
        age_item = next((item for item in items if item.age), None)
        terms = (0.2, 0.75) if self.o.weeks >= 26 else (0.4,)
        base_lift = rng.uniform(-0.3, 0.5)
        for index, at in enumerate(terms):
            opens = self.monday + timedelta(days=int(period * at))
            closes = opens + timedelta(days=27)
            season = "våren" if opens.month <= 6 else "hösten"
            round_id, link_id = self._round(
                collaboration_id,
                version_id,
                f"Föräldraenkät {season} {opens.year}",
                opens,
                closes,
                SURVEY_LANGUAGES,
            )
            lift = base_lift + 0.3 * index
            weights = [w + lift * up for w, up in zip(SCALE_WEIGHTS, SCALE_LIFT, strict=True)]
            cum_weights = [sum(weights[: n + 1]) for n in range(len(weights))]
            reached = [f for f in families if f[3] and f[2] <= closes]
            count = round(len(reached) * rng.uniform(0.15, 0.35))
            for _household, home, _joined, guardians, _children in rng.sample(reached, count):
                guardian_id, birth_year = rng.choice(guardians)
                language = home if home in SURVEY_LANGUAGES else "sv"
                if random_() < 0.12:
                    language = "sv" if random_() < 0.6 else "sv-easy"
                rows = self._answers(items, cum_weights, FREE_TEXT.get(language, FREE_TEXT["sv"]))
                age = None
                if age_item is not None and birth_year is not None and random_() < 0.93:
                    age = opens.year - birth_year
                    rows.append((age_item.pk, "", age, ""))
                # response_submit links a response only to a participant with survey consent
                # who gave their card code; the age band comes from the answer, else from them.
                participant_id = None
                if guardian_id in self.survey_consent and random_() < 0.2:
                    participant_id = guardian_id
                    if age is None and birth_year is not None:
                        age = opens.year - birth_year
                day = opens + timedelta(days=rng.randint(0, 27))
                sent = self._moment(day, rng.randint(8, 21), rng.randint(0, 59))
                self._response(
                    round_id,
                    link_id,
                    version_id,
                    language,
                    None,
                    participant_id,
                    agebands.band_for(age),
                    sent,
                    rows,
                )
        # The partner survey: what collaboration changed, through a link per organisation.
        version_id, items = self.plans["partner"]
        opens = self.monday + timedelta(days=int(period * 0.6))
        round_id, _general = self._round(
            collaboration_id,
            version_id,
            f"Partnerenkät {opens.year}",
            opens,
            opens + timedelta(days=20),
            ["sv", "en"],
        )
        weights = [w + 0.3 * up for w, up in zip(SCALE_WEIGHTS, SCALE_LIFT, strict=True)]
        cum_weights = [sum(weights[: n + 1]) for n in range(len(weights))]
        created = self._moment(opens - timedelta(days=7), 10)
        for organisation_id in organisations:
            link_id = self._link(round_id, organisation_id, created)
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
                day = opens + timedelta(days=rng.randint(0, 20))
                self._response(
                    round_id,
                    link_id,
                    version_id,
                    "sv",
                    organisation_id,
                    None,
                    agebands.band_for(None),
                    self._moment(day, rng.randint(8, 16), rng.randint(0, 59)),
                    self._answers(items, cum_weights, PARTNER_TEXT),
                )

    # Referrals -------------------------------------------------------------------------------
    def _referrals(self, collaboration_id, families, partners, municipal) -> None:
        """Referrals over the period: 20-40 per 100 households and year, to the municipality's
        organisations that take the need (partners first), or with no actor found."""
        rng = self.rng2
        random_ = rng.random
        if not families:
            return
        period = (self.end - self.monday).days + 1
        count = round(len(families) * rng.uniform(0.2, 0.4) * period / 365)
        needs, need_weights = zip(*NEED_WEIGHTS, strict=True)
        statuses, status_weights = zip(*STATUS_WEIGHTS, strict=True)
        sink, codes = self.sinks[Referral], self.codes[Referral]
        kinds = self.org_kinds
        for need in rng.choices(needs, weights=need_weights, k=count):
            household_id, _language, joined, guardians, children = rng.choice(families)
            start = max(joined, self.monday)
            day = start + timedelta(days=rng.randint(0, max(0, (self.end - start).days)))
            actor_kinds, share = REFERRAL_ACTORS[need]
            organisation_id = None
            if random_() < share:
                fitting = [o for o in partners if kinds.get(o) in actor_kinds] or [
                    o for o in municipal if kinds.get(o) in actor_kinds
                ]
                organisation_id = rng.choice(fitting) if fitting else None
            if organisation_id is None:
                status = ReferralStatus.SUGGESTED if random_() < 0.85 else ReferralStatus.DECLINED
                consent = False
            else:
                status = rng.choices(statuses, weights=status_weights)[0]
                # Nothing moves past "suggested" without consent to share (check_consent).
                consent = status in NEEDS_CONSENT or random_() < 0.4
            participant_id = None
            if random_() < 0.2:
                people = [g for g, _year in guardians] + children
                participant_id = rng.choice(people)
                household_id_or_none = None
            else:
                household_id_or_none = household_id
            closed = status in (
                ReferralStatus.CONNECTED,
                ReferralStatus.NOT_HELPED,
                ReferralStatus.DECLINED,
            )
            follow_up = None
            if organisation_id is not None and not closed:
                follow_up = day + timedelta(days=14)
            created = self._moment(day, rng.randint(9, 16), rng.randint(0, 59))
            sink.add(
                (
                    self.ids.take(Referral),
                    codes.new(),
                    collaboration_id,
                    participant_id,
                    household_id_or_none,
                    need.value,
                    organisation_id,
                    day,
                    consent,
                    created if consent else None,
                    status.value,
                    rng.choice(OUTCOME_NOTES) if closed else "",
                    follow_up,
                    created,
                )
            )
