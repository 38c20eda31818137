"""Synthetic data at any scale: `python manage.py seed_synthetic` and `make bench`.

Builds collaborations, organisations, activities with weekly sessions, households,
participants, consent-ledger entries, attendance and anonymous headcounts through the real
models' tables, from one seeded random generator: the same seed on the same database gives
the same data. Everything is invented.

Synthetic data is marked: every synthetic collaboration is led by an organisation whose
parent is the national organisation `SYNTHETIC_ROOT` ("Syntetiska testdata"). Nothing that
already exists is changed; rows are only added.

Speed: rows are generated in Python with ids assigned here, and written per collaboration
with PostgreSQL's COPY (psycopg) or, on other databases, one `executemany` per batch
(`samverka.lib.bulk.RowSink`). Attendance and the consent ledger go through the bulk variants
of their writers (`attendance_record_bulk`, `consent_record_bulk`) as large loads: COPY all the
same, and the derived tables they keep (AttendanceYear, ConsentState) rebuilt in one statement
each when they close; so is ActivityYear (sessions held) once the sessions are written. On PostgreSQL a large run drops the secondary indexes and foreign keys of
the biggest tables first and rebuilds them at the end (one sorted build instead of millions of
index inserts); the whole run is one transaction, so a failure leaves nothing behind.
"""

from __future__ import annotations

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
from samverka.lib.bulk import RowSink, next_id, reset_sequences
from samverka.lib.codes import ALPHABET
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

BIG_TABLES = [Attendance, ConsentEntry, Participant, Household, Session, Headcount]
# Rebuilt from the big tables at the end (see attendance_years, activity_attendance_years,
# activity_years and consent_state).
DERIVED_TABLES = [AttendanceYear, ActivityAttendanceYear, ActivityYear, ConsentState]


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


class Generator:
    def __init__(self, options: Options, *, progress_stream=None):
        self.o = options
        self.rng = random.Random(f"samverka-synthetic-{options.seed}")
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
        self.org_names = set(Organisation.objects.values_list("name", "municipality_id"))

    def _unique_org_name(self, name: str, municipality_id) -> str:
        candidate, n = name, 1
        while (candidate, municipality_id) in self.org_names:
            n += 1
            candidate = f"{name} {n}"
        self.org_names.add((candidate, municipality_id))
        return candidate

    def _org(self, name, kind, municipality_id=None, parent_id=None) -> int:
        org_id = self.ids.take(Organisation)
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

        children, guardians, all_people = self._people(collaboration_id, size)
        activities = self._activities(
            collaboration_id, place, partners, len(children), len(guardians)
        )
        self._attendance(activities, children, guardians, all_people)
        for sink in self.sinks.values():
            if sink.model not in (Municipality,):
                sink.flush()

    def _people(self, collaboration_id, size):
        """Households until `size` participants; returns (children, guardians, everyone)."""
        rng = self.rng
        random_ = rng.random
        year = self.year
        households = self.sinks[Household]
        participants = self.sinks[Participant]
        household_codes, participant_codes = self.codes[Household], self.codes[Participant]
        children, guardians, everyone = [], [], []
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
                else:
                    children.append(participant_id)
                everyone.append(participant_id)
                self._consents(participant_id, role, first_guardian, language, joined)
        return children, guardians, everyone

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
            if yes and random_() < 0.02:
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
