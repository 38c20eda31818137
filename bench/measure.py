"""The measurements of one data size, against the database Django is connected to.

- The funder count for one year, all municipalities, exact and disclosure-controlled, through
  the project's own code path (`samverka.reports.funder.funder_report`, as the national page
  and the `funder_report` command call it; it reads the derived tables AttendanceYear and
  ConsentState, which every write keeps in step), against DuckDB scanning the raw attendance,
  session and consent rows exported to Parquet. The time to rebuild the derived tables from
  scratch is measured once per size. DuckDB computes the same three aggregations as
  `funder_figures` (participants, anonymous headcounts, sessions and activities per focus
  area); its figures then go through the same `build_report` (and disclosure control), so the
  ratio isolates the database work.
  Both give the same figures, cell by cell, or the result says so.
- The attendance page of one session (server time through the Django test client), a bare
  view that does only authentication, and the "floor" every session page stands on (access
  check, session, base template: bench/urls.py), with the same logged-in client, taking turns.
"""

from __future__ import annotations

import csv
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from samverka.accounts.models import Membership, User
from samverka.accounts.roles import Role
from samverka.activities.models import Activity, Attendance, Headcount, Session
from samverka.lib import agebands
from samverka.orgs.models import Collaboration, Municipality
from samverka.participants.models import ConsentEntry, Participant
from samverka.referrals.models import Referral
from samverka.reports.funder import build_report, funder_report
from samverka.reports.selectors import FunderFigures
from samverka.surveys.respond.models import Answer

BENCH_USER = "bench.coordinator"
# Page requests are short (milliseconds), so each repetition times this many of each.
PAGE_CALLS = 50

# What DuckDB gets: the same rows, exported table by table (name -> model, columns, types).
EXPORTS = {
    "municipality": (Municipality, {"id": "BIGINT", "code": "VARCHAR", "name": "VARCHAR"}),
    "collaboration": (Collaboration, {"id": "BIGINT", "municipality_id": "BIGINT"}),
    "activity": (
        Activity,
        {
            "id": "BIGINT",
            "collaboration_id": "BIGINT",
            "focus_area": "INTEGER",
            "target_groups": "VARCHAR",  # JSON text
        },
    ),
    "session": (
        Session,
        {"id": "BIGINT", "activity_id": "BIGINT", "date": "DATE", "cancelled": "BOOLEAN"},
    ),
    "attendance": (Attendance, {"session_id": "BIGINT", "participant_id": "BIGINT"}),
    "participant": (
        Participant,
        {
            "id": "BIGINT",
            "collaboration_id": "BIGINT",
            "birth_year": "INTEGER",
            "gender": "VARCHAR",
            "third_country_national": "VARCHAR",
        },
    ),
    "consent": (
        ConsentEntry,
        {
            "id": "BIGINT",
            "participant_id": "BIGINT",
            "purpose": "VARCHAR",
            "given": "BOOLEAN",
            "given_at": "TIMESTAMPTZ",
        },
    ),
    "headcount": (
        Headcount,
        {"session_id": "BIGINT", "age_band": "VARCHAR", "gender": "VARCHAR", "count": "BIGINT"},
    ),
}


@dataclass
class SizeResult:
    name: str
    municipalities: int = 0
    participants: int = 0
    attendance: int = 0
    survey_answers: int = 0  # what the national pages read beside the funder count
    referrals: int = 0
    repeat: int = 0
    seed_seconds: float | None = None
    export_seconds: float = 0.0
    rebuild_seconds: float | None = None
    # medians in seconds
    timings: dict[str, float] = field(default_factory=dict)
    totals_agree: bool = False
    counted: int = 0
    probe: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def median_time(function: Callable, repeat: int, *, warm_up: bool = True):
    """The median wall time of `repeat` calls (after one untimed call) and the last result."""
    result = function() if warm_up else None
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def interleaved_medians(functions: dict[str, Callable], *, rounds: int, calls: int):
    """The median time of one call of each function, over `rounds` × `calls` calls.

    The functions take turns round by round, so a change in the machine's load (other
    processes, CPU frequency) touches all of them alike and their ratios stay fair.
    """
    times: dict[str, list[float]] = {name: [] for name in functions}
    for function in functions.values():
        function()  # warm up: caches, prepared templates
    for _ in range(max(rounds, 1)):
        for name, function in functions.items():
            for _ in range(calls):
                started = time.perf_counter()
                function()
                times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


# DuckDB ----------------------------------------------------------------------------------------


def export_tables(directory: Path) -> None:
    """Every table DuckDB needs, as Parquet files in `directory` (CSV on the way)."""
    import duckdb

    directory.mkdir(parents=True, exist_ok=True)
    qn = connection.ops.quote_name
    duck = duckdb.connect()
    for name, (model, columns) in EXPORTS.items():
        select = f"SELECT {', '.join(qn(c) for c in columns)} FROM {qn(model._meta.db_table)}"  # noqa: S608
        path = directory / f"{name}.csv"
        with connection.cursor() as cursor, path.open("wb") as out:
            if connection.vendor == "postgresql":
                with cursor.copy(f"COPY ({select}) TO STDOUT (FORMAT csv)") as copy:
                    for chunk in copy:
                        out.write(chunk)
            else:
                cursor.execute(select)
                with path.open("w", newline="", encoding="utf-8") as text:
                    writer = csv.writer(text)
                    while rows := cursor.fetchmany(10_000):
                        writer.writerows(rows)
        types = ", ".join(f"'{c}': '{t}'" for c, t in columns.items())
        duck.execute(  # our own table names and a temporary path
            f"COPY (SELECT * FROM read_csv('{path}', header = false, columns = {{{types}}})) "  # noqa: S608
            f"TO '{directory / name}.parquet' (FORMAT parquet)"
        )
        path.unlink()
    duck.close()


def _band_sql(year: int) -> str:
    cases = []
    for band in agebands.bands():
        age = f"({year} - p.birth_year)"
        high = f" AND {age} <= {band.high}" if band.high is not None else ""
        cases.append(f"WHEN {age} >= {band.low}{high} THEN '{band.label}'")
    unknown = f"'{agebands.UNKNOWN}'"
    return f"CASE WHEN p.birth_year IS NULL THEN {unknown} {' '.join(cases)} ELSE {unknown} END"


class DuckFunder:
    """The funder figures computed by DuckDB from the Parquet files."""

    def __init__(self, directory: Path, threads: int | None = None):
        import duckdb

        self.duck = duckdb.connect()
        if threads:
            self.duck.execute(f"SET threads = {int(threads)}")
        for name in EXPORTS:
            self.duck.execute(
                f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{directory / name}.parquet')"  # noqa: S608
            )

    def figures(self, start: date, end: date) -> FunderFigures:
        held = "s.date BETWEEN $start AND $end AND NOT s.cancelled"
        params = {"start": start, "end": end}
        participants = self.duck.execute(
            f"""
            WITH latest AS (
                SELECT participant_id, given FROM consent WHERE purpose = 'funder_reporting'
                QUALIFY row_number() OVER (
                    PARTITION BY participant_id ORDER BY given_at DESC, id DESC) = 1
            ), attended AS (
                SELECT DISTINCT a.participant_id FROM attendance a
                JOIN session s ON s.id = a.session_id WHERE {held}
            )
            SELECT m.code, {_band_sql(start.year)}, p.gender, p.third_country_national, count(*)
            FROM participant p
            JOIN attended t ON t.participant_id = p.id
            JOIN latest l ON l.participant_id = p.id AND l.given
            JOIN collaboration c ON c.id = p.collaboration_id
            JOIN municipality m ON m.id = c.municipality_id
            GROUP BY ALL
            """,  # noqa: S608
            params,
        ).fetchall()
        # Activities aimed only at professionals (and volunteers) count staff, not participants.
        professional = (
            "a.target_groups NOT IN ('[]', '') AND regexp_replace(a.target_groups, "
            "'\"(professionals|volunteers)\"|[\\[\\], ]', '', 'g') = ''"
        )
        headcounts = self.duck.execute(
            f"""
            SELECT m.code, h.age_band, h.gender, sum(h.count) FROM headcount h
            JOIN session s ON s.id = h.session_id JOIN activity a ON a.id = s.activity_id
            JOIN collaboration c ON c.id = a.collaboration_id
            JOIN municipality m ON m.id = c.municipality_id
            WHERE {held} AND NOT ({professional}) GROUP BY ALL HAVING sum(h.count) > 0
            """,  # noqa: S608
            params,
        ).fetchall()
        focus = self.duck.execute(
            f"""
            SELECT m.code, a.focus_area, count(*), count(DISTINCT a.id) FROM session s
            JOIN activity a ON a.id = s.activity_id
            JOIN collaboration c ON c.id = a.collaboration_id
            JOIN municipality m ON m.id = c.municipality_id
            WHERE {held} GROUP BY ALL
            """,  # noqa: S608
            params,
        ).fetchall()
        municipalities = self.duck.execute(
            "SELECT DISTINCT m.code, m.name FROM collaboration c "
            "JOIN municipality m ON m.id = c.municipality_id ORDER BY m.name"
        ).fetchall()
        return FunderFigures(
            start=start,
            end=end,
            municipalities=[Municipality(code=code, name=name) for code, name in municipalities],
            participants={tuple(row[:4]): int(row[4]) for row in participants},
            headcounts={tuple(row[:3]): int(row[3]) for row in headcounts},
            focus_areas={(row[0], int(row[1])): (int(row[2]), int(row[3])) for row in focus},
        )

    def close(self) -> None:
        self.duck.close()


def same_figures(a: FunderFigures, b: FunderFigures) -> bool:
    return (
        a.participants == b.participants
        and a.headcounts == b.headcounts
        and a.focus_areas == b.focus_areas
    )


# The attendance page -----------------------------------------------------------------------------


def probe_session() -> tuple[Collaboration, Session, int]:
    """The busiest weekly activity of the largest collaboration, a session mid-period."""
    largest = (
        Participant.objects.values("collaboration")
        .annotate(n=Count("id"))
        .order_by("-n", "collaboration")
        .first()
    )
    collaboration = Collaboration.objects.get(pk=largest["collaboration"])
    busiest = (
        Attendance.objects.filter(session__activity__collaboration=collaboration)
        .values("session__activity")
        .annotate(n=Count("id"))
        .order_by("-n", "session__activity")
        .first()
    )
    sessions = list(
        Session.objects.filter(activity_id=busiest["session__activity"], cancelled=False)
        .exclude(attendances=None)
        .order_by("date", "pk")
    )
    return collaboration, sessions[len(sessions) // 2], largest["n"]


def bench_client(collaboration: Collaboration) -> Client:
    user, _ = User.objects.get_or_create(
        username=BENCH_USER, defaults={"first_name": "Bench", "last_name": "Coordinator"}
    )
    Membership.objects.get_or_create(
        user=user,
        collaboration=collaboration,
        role=Role.COORDINATOR,
        defaults={"organisation": collaboration.lead_organisation},
    )
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


# One size ----------------------------------------------------------------------------------------


def measure_size(
    name: str,
    *,
    repeat: int,
    workdir: Path,
    year: int,
    threads: int | None = None,
    page_calls: int = PAGE_CALLS,
) -> SizeResult:
    result = SizeResult(name=name, repeat=repeat)
    result.municipalities = (
        Municipality.objects.filter(collaborations__isnull=False).distinct().count()
    )
    result.participants = Participant.objects.count()
    result.attendance = Attendance.objects.count()
    result.survey_answers = Answer.objects.count()
    result.referrals = Referral.objects.count()
    start, end = date(year, 1, 1), date(year, 12, 31)
    t = result.timings

    # What the funder count reads is kept by every write; rebuilding it all once shows what
    # that costs in one go (after a restore, or `rebuild_report_tables` from monitoring).
    started = time.perf_counter()
    call_command("rebuild_report_tables", stdout=StringIO())
    result.rebuild_seconds = time.perf_counter() - started

    # Exact and controlled take turns, so that their ratio (the cost of the disclosure control)
    # is not a change in the machine's load between two series.
    exact = funder_report(start=start, end=end, controlled=False)
    counts = interleaved_medians(
        {
            "funder_exact_django": lambda: funder_report(start=start, end=end, controlled=False),
            "funder_controlled_django": lambda: funder_report(
                start=start, end=end, controlled=True
            ),
        },
        rounds=repeat,
        calls=1,
    )
    t.update(counts)
    # A period of part months: whole months from the derived rows' month bits, the days of
    # 10-28 February and 1-20 September from their day bits (no attendance rows).
    part_start, part_end = date(year, 2, 10), date(year, 9, 20)
    t["funder_part_django"], part = median_time(
        lambda: funder_report(start=part_start, end=part_end, controlled=False), repeat
    )

    started = time.perf_counter()
    export_tables(workdir)
    result.export_seconds = time.perf_counter() - started
    duck = DuckFunder(workdir, threads=threads)
    try:
        t["funder_exact_duckdb"], duck_exact = median_time(
            lambda: build_report(duck.figures(start, end), controlled=False), repeat
        )
        t["funder_controlled_duckdb"], _duck_controlled = median_time(
            lambda: build_report(duck.figures(start, end), controlled=True), repeat
        )
        t["funder_part_duckdb"], duck_part = median_time(
            lambda: build_report(duck.figures(part_start, part_end), controlled=False), repeat
        )
    finally:
        duck.close()
    # Cell by cell, for the calendar year and for the period of part months.
    result.totals_agree = same_figures(exact.figures, duck_exact.figures) and same_figures(
        part.figures, duck_part.figures
    )
    result.counted = sum(exact.figures.participants.values())

    collaboration, session, size = probe_session()
    client = bench_client(collaboration)
    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["*"]):
        url = reverse("activities:attendance", args=[collaboration.code, session.code])
        response = client.get(url, secure=True)
        assert response.status_code == 200, f"attendance page answered {response.status_code}"
        result.probe = {
            "collaboration_participants": size,
            "tiles": response.content.count(b'class="tap"'),
            "bytes": len(response.content),
        }
        floor = reverse("bench_floor", args=[collaboration.code, session.code])
        assert client.get(floor, secure=True).status_code == 200, "the floor view failed"
        bare = client.get("/bench/bare/", secure=True)
        assert bare.content == b"ok", "the bare view did not see the logged-in user"
        followup = reverse("followup:plan", args=[collaboration.code])
        followup_plan(collaboration)
        assert client.get(followup, secure=True).status_code == 200, "the follow-up page failed"
        t.update(
            interleaved_medians(
                {
                    "attendance_page": lambda: client.get(url, secure=True),
                    "followup_page": lambda: client.get(followup, secure=True),
                    "floor_view": lambda: client.get(floor, secure=True),
                    "bare_view": lambda: client.get("/bench/bare/", secure=True),
                },
                rounds=repeat,
                calls=page_calls,
            )
        )
    t["followup_national"], _comparison = median_time(lambda: national_followup(year), repeat)
    # The national comparison pages as the national lead opens them (whole requests: access,
    # the disclosure-controlled figures and the template), each against the funder count.
    lead = national_client()
    with override_settings(ALLOWED_HOSTS=["*"]):
        for key, name in NATIONAL_PAGES.items():
            url = reverse(name) + NATIONAL_QUERIES.get(key, "").format(year=year)
            response = lead.get(url, secure=True)
            assert response.status_code == 200, f"{url} answered {response.status_code}"
            t[key], _response = median_time(lambda url=url: lead.get(url, secure=True), repeat)
    return result


NATIONAL_PAGES = {
    "national_model": "assessment:national",
    "national_surveys": "surveys:national_results",
    "national_gaps": "referrals:national_gaps",
}
# The survey results page counts answers sent in a period (by default this year so far): the
# year of the synthetic data, for the parent survey every synthetic collaboration runs. The
# gaps page shows all years by default.
NATIONAL_QUERIES = {
    "national_surveys": "?instrument=parent&start={year}-01-01&end={year}-12-31",
}


def national_client() -> Client:
    """A national lead with a verified second factor (national roles need one)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from samverka.accounts.models import NationalRole

    user, _ = User.objects.get_or_create(
        username="bench.nationell",
        defaults={"first_name": "Bench", "last_name": "Nationell"},
    )
    if user.national_role != NationalRole.NATIONAL_LEAD:
        user.national_role = NationalRole.NATIONAL_LEAD
        user.save(update_fields=["national_role"])
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def followup_plan(collaboration: Collaboration) -> None:
    """A follow-up plan for the probe collaboration: a goal per level and eight built-in
    indicators over attendance, surveys, self-assessment, referrals and learning decisions."""
    from samverka.followup.library import install_builtin_indicators
    from samverka.followup.models import Goal, IndicatorDefinition, PlanIndicator

    install_builtin_indicators()
    plan = {
        "families": ["FU-ATT-01", "FU-ATT-05", "FU-ATT-06", "FU-FAM-01"],
        "staff": ["FU-ATT-04", "FU-VAL-01"],
        "society": ["FU-COL-01", "FU-COL-06"],
    }
    for level, ids in plan.items():
        goal, _ = Goal.objects.get_or_create(
            collaboration=collaboration, title=f"Bench {level}", defaults={"level": level}
        )
        for builtin_id in ids:
            PlanIndicator.objects.get_or_create(
                goal=goal,
                definition=IndicatorDefinition.objects.get(builtin_id=builtin_id),
                defaults={"period_kind": "half", "target_value": 10},
            )


def national_followup(year: int):
    """The national follow-up comparison as the national lead reads it (FU-ATT-01 for `year`,
    every collaboration, and the four added values)."""
    from samverka.followup.national import comparison
    from samverka.orgs.decorators import NationalAccess

    national = NationalAccess(user=None, role=Role.NATIONAL_LEAD)
    return comparison(national, {"indicator": "FU-ATT-01", "year": str(year)})
