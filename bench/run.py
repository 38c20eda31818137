"""`make bench`: build synthetic data at three sizes on PostgreSQL and print a table of medians.

    DATABASE_URL=postgres://... python -m bench.run            # scripts/bench.sh sets it up
    BENCH_SIZES="small=9:1000,medium=60:100000,national=290:1000000"
        (name=municipalities:participants, comma-separated; a bare name picks its default)
    BENCH_REPEAT=5  BENCH_WEEKS=40  BENCH_YEAR=2025  BENCH_LOAD=1 (survey load test, if present)

Each size gets its own database in the cluster of DATABASE_URL (created, migrated, filled with
`seed_synthetic`, measured in a separate process, dropped). The figures go to standard output
and, as JSON, to test-artifacts/bench.json.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.pg import PG_SETTINGS, database_url, psql

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = "small=9:1000,medium=60:100000,national=290:1000000"


@dataclass(frozen=True)
class Size:
    name: str
    municipalities: int
    participants: int


def parse_sizes(text: str | None) -> list[Size]:
    """`name=municipalities:participants,...`; a bare name picks a default size."""
    defaults = {s.name: s for s in _parse(DEFAULT_SIZES)}
    sizes = []
    for item in (text or DEFAULT_SIZES).split(","):
        item = item.strip()
        if not item:
            continue
        if "=" not in item:
            if item not in defaults:
                raise SystemExit(
                    f"bench: unknown size {item!r}; use name=municipalities:participants"
                )
            sizes.append(defaults[item])
        else:
            sizes.extend(_parse(item))
    return sizes


def _parse(text: str) -> list[Size]:
    sizes = []
    for item in text.split(","):
        name, _, numbers = item.strip().partition("=")
        municipalities, _, participants = numbers.partition(":")
        try:
            sizes.append(
                Size(name.strip(), int(municipalities), int(participants.replace("_", "")))
            )
        except ValueError:
            raise SystemExit(
                f"bench: cannot read size {item!r}; use name=municipalities:participants"
            ) from None
    return sizes


# The table ---------------------------------------------------------------------------------------


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds >= 10:
        return f"{seconds:.1f} s"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds * 1000:.0f} ms"


def _ratio(a: float | None, b: float | None) -> str:
    if not a or not b:
        return "–"
    return f"{a / b:.2f}×"


def machine() -> str:
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    except OSError:
        pass
    system = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    return f"{os.cpu_count()} CPUs{memory}, {system}"


TABLE_ROWS = [
    # (label, key or callable)
    ("funder count, year, exact: Django + PostgreSQL", "funder_exact_django"),
    ("funder count, year, exact: DuckDB on Parquet", "funder_exact_duckdb"),
    (
        "  ratio Django / DuckDB (target ≤ 1×)",
        ("ratio", "funder_exact_django", "funder_exact_duckdb"),
    ),
    ("funder count, disclosure control: Django", "funder_controlled_django"),
    (
        "  ratio controlled / exact (target ≤ 1.3×)",
        ("ratio", "funder_controlled_django", "funder_exact_django"),
    ),
    ("funder count, disclosure control: DuckDB + same control", "funder_controlled_duckdb"),
    ("funder count, 10 Feb – 20 Sep: Django", "funder_part_django"),
    ("funder count, 10 Feb – 20 Sep: DuckDB", "funder_part_duckdb"),
    (
        "  ratio Django / DuckDB (target ≤ 2×)",
        ("ratio", "funder_part_django", "funder_part_duckdb"),
    ),
    ("attendance page of one session", "attendance_page"),
    ("bare view (authentication only)", "bare_view"),
    ("  ratio page / bare view", ("ratio", "attendance_page", "bare_view")),
    ("floor: access check + session + base template", "floor_view"),
    ("  ratio floor / bare view", ("ratio", "floor_view", "bare_view")),
    ("  ratio page / floor (target ≤ 1.5×)", ("ratio", "attendance_page", "floor_view")),
    ("  ratio page / page at the first size (target ≤ 1.2×)", ("first", "attendance_page")),
    ("follow-up page of one collaboration", "followup_page"),
    ("  ratio follow-up page / floor (target ≤ 3×)", ("ratio", "followup_page", "floor_view")),
    ("  ratio follow-up page / at the first size (target ≤ 1.2×)", ("first", "followup_page")),
    ("national comparison: collaboration model page", "national_model"),
    (
        "  ratio model page / funder count exact (target ≤ 2×)",
        ("ratio", "national_model", "funder_exact_django"),
    ),
    ("national comparison: survey results page", "national_surveys"),
    (
        "  ratio survey results page / funder count exact (target ≤ 2×)",
        ("ratio", "national_surveys", "funder_exact_django"),
    ),
    ("national comparison: referral gaps page", "national_gaps"),
    (
        "  ratio referral gaps page / funder count exact (target ≤ 2×)",
        ("ratio", "national_gaps", "funder_exact_django"),
    ),
    ("national follow-up comparison", "followup_national"),
    (
        "  ratio national follow-up / funder count controlled (target ≤ 2×)",
        ("ratio", "followup_national", "funder_controlled_django"),
    ),
]


def format_table(results: list[dict], *, header: str = "") -> str:
    """The bench table: one column per size, medians and ratios."""
    names = [r["name"] for r in results]
    width = max(len(label) for label, _ in TABLE_ROWS) + 2
    col = max(12, *(len(n) + 2 for n in names))
    lines = []
    if header:
        lines.append(header)
    lines.append("".ljust(width) + "".join(n.rjust(col) for n in names))

    def row(label, values):
        lines.append(label.ljust(width) + "".join(str(v).rjust(col) for v in values))

    row("municipalities", [f"{r['municipalities']:,}" for r in results])
    row("participants", [f"{r['participants']:,}" for r in results])
    row("attendance rows", [f"{r['attendance']:,}" for r in results])
    row("survey answers", [f"{r.get('survey_answers', 0):,}" for r in results])
    row("referrals", [f"{r.get('referrals', 0):,}" for r in results])
    row("seed_synthetic time", [_ms(r.get("seed_seconds")) for r in results])
    row("rebuild_report_tables time", [_ms(r.get("rebuild_seconds")) for r in results])
    row("Parquet export time", [_ms(r.get("export_seconds")) for r in results])
    row("participants counted (year)", [f"{r['counted']:,}" for r in results])
    row(
        "Django and DuckDB agree, cell by cell",
        ["yes" if r["totals_agree"] else "NO" for r in results],
    )
    row(
        "probe: participants in collaboration",
        [f"{r['probe'].get('collaboration_participants', 0):,}" for r in results],
    )
    row("probe: tiles on the page", [f"{r['probe'].get('tiles', 0):,}" for r in results])
    first = results[0]["timings"] if results else {}
    for label, spec in TABLE_ROWS:
        values = []
        for r in results:
            t = r["timings"]
            if isinstance(spec, str):
                values.append(_ms(t.get(spec)))
            elif spec[0] == "ratio":
                values.append(_ratio(t.get(spec[1]), t.get(spec[2])))
            else:
                values.append(_ratio(t.get(spec[1]), first.get(spec[1])))
        row(label, values)
    return "\n".join(lines)


def targets(results: list[dict]) -> list[str]:
    """The issue's targets at the largest size, as met or missed."""
    if not results:
        return []
    last, first = results[-1]["timings"], results[0]["timings"]
    checks = [
        (
            "funder count (year, exact) no slower than DuckDB, at every size",
            max(
                r["timings"]["funder_exact_django"] / r["timings"]["funder_exact_duckdb"]
                for r in results
            ),
            1.0,
        ),
        (
            "disclosure-controlled count within 1.3× of the exact count",
            last["funder_controlled_django"] / last["funder_exact_django"],
            1.3,
        ),
        (
            "part-month period within 2× of DuckDB on the same period",
            last["funder_part_django"] / last["funder_part_duckdb"],
            2.0,
        ),
        (
            "attendance page within 1.2× of the first size",
            last["attendance_page"] / first["attendance_page"],
            1.2,
        ),
        (
            "attendance page within 1.5× of the floor view",
            last["attendance_page"] / last["floor_view"],
            1.5,
        ),
        *(
            (
                f"national {label} page within 2× of the exact funder count",
                last[key] / last["funder_exact_django"],
                2.0,
            )
            for key, label in (
                ("national_model", "model"),
                ("national_surveys", "survey results"),
                ("national_gaps", "referral gaps"),
            )
        ),
        (
            "follow-up page within 1.2× of the first size",
            last["followup_page"] / first["followup_page"],
            1.2,
        ),
        (
            "follow-up page within 3× of the floor view",
            last["followup_page"] / last["floor_view"],
            3.0,
        ),
        (
            "national follow-up comparison within 2× of the national funder count",
            last["followup_national"] / last["funder_controlled_django"],
            2.0,
        ),
    ]
    return [
        f"{'met   ' if value <= limit else 'MISSED'} {label} at {results[-1]['name']}: {value:.2f}×"
        for label, value, limit in checks
    ]


# Orchestration ------------------------------------------------------------------------------------


def _run(command: list[str], env: dict) -> None:
    subprocess.run(command, cwd=ROOT, env=env, check=True)  # noqa: S603


def bench_size(size: Size, *, base: str, repeat: int, weeks: int, year: int, keep: bool) -> dict:
    database = f"bench_{size.name}"
    psql(base, f'DROP DATABASE IF EXISTS "{database}"')
    psql(base, f'CREATE DATABASE "{database}"')
    # The settings README.md (Performance) recommends for production.
    for setting in PG_SETTINGS:
        psql(base, f'ALTER DATABASE "{database}" SET {setting}')
    env = {**os.environ, "DATABASE_URL": database_url(base, database)}
    python = sys.executable
    print(
        f"\n== {size.name}: {size.municipalities} municipalities, "
        f"{size.participants:,} participants",
        flush=True,
    )
    _run([python, "manage.py", "migrate", "--noinput", "-v0"], env)
    started = time.perf_counter()
    _run(
        [
            python,
            "manage.py",
            "seed_synthetic",
            "--force",
            f"--municipalities={size.municipalities}",
            f"--participants={size.participants}",
            f"--weeks={weeks}",
            "--seed=1",
            f"--start={year}-01-13",
        ],
        env,
    )
    seed_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="samverka-bench-") as tmp:
        out = Path(tmp) / "result.json"
        _run(
            [
                python,
                "-m",
                "bench.run",
                "measure",
                size.name,
                str(out),
                f"--repeat={repeat}",
                f"--year={year}",
            ],
            env,
        )
        result = json.loads(out.read_text())
    result["seed_seconds"] = seed_seconds
    if not keep:
        psql(base, f'DROP DATABASE "{database}"')
    return result


def measure_main(argv: list[str]) -> None:
    """In a size's own process: measure the database of DATABASE_URL, write JSON."""
    import argparse

    parser = argparse.ArgumentParser(prog="bench.run measure")
    parser.add_argument("name")
    parser.add_argument("out")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--year", type=int, default=2025)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverka.settings")
    import django

    django.setup()
    from bench.measure import measure_size
    from samverka.lib.scoping import national_scope

    with tempfile.TemporaryDirectory(prefix="samverka-parquet-") as tmp, national_scope():
        result = measure_size(args.name, repeat=args.repeat, workdir=Path(tmp), year=args.year)
    Path(args.out).write_text(json.dumps(result.as_dict(), indent=2))


def main(argv: list[str]) -> int:
    if argv and argv[0] == "measure":
        measure_main(argv[1:])
        return 0
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        print("bench: DATABASE_URL must point at PostgreSQL; run `make bench`.", file=sys.stderr)
        return 2
    sizes = parse_sizes(os.environ.get("BENCH_SIZES"))
    repeat = int(os.environ.get("BENCH_REPEAT", "5"))
    weeks = int(os.environ.get("BENCH_WEEKS", "40"))
    year = int(os.environ.get("BENCH_YEAR", "2025"))
    keep = os.environ.get("BENCH_KEEP") == "1"
    results = [
        bench_size(size, base=base, repeat=repeat, weeks=weeks, year=year, keep=keep)
        for size in sizes
    ]
    load = None
    if os.environ.get("BENCH_LOAD", "1") == "1":
        from bench import load as load_test

        load = load_test.run(base=base)
        if os.environ.get("BENCH_SQLITE", "1") != "0":
            sqlite = load_test.run_sqlite()
            load = load_test.LoadResult(
                load.text + "\n\n" + sqlite.text, {**load.data, "sqlite": sqlite.data}
            )
    import psycopg

    with psycopg.connect(base) as conn:
        server = conn.execute("SHOW server_version").fetchone()[0]
    import duckdb

    header = (
        f"Samverka bench: medians of {repeat} runs each, {weeks} weeks of sessions, year {year}\n"
        f"machine: {machine()}; PostgreSQL {server}; DuckDB {duckdb.__version__}"
    )
    table = format_table(results, header=header)
    print("\n" + table)
    for line in targets(results):
        print(line)
    if load is not None:
        print("\n" + load.text)
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "bench.json").write_text(
        json.dumps({"sizes": results, "load": load.data if load else None}, indent=2)
    )
    (artifacts / "bench.txt").write_text(
        table + "\n" + "\n".join(targets(results)) + ("\n\n" + load.text if load else "") + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
