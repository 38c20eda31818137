"""The bench in miniature, so that `make bench` cannot rot: tiny sizes, one repetition.

Asserts only that the table has every row and that Django and DuckDB give the same funder
figures; never timings.
"""

import os

import pytest
from django.core.management import call_command

from bench.measure import measure_size
from bench.run import TABLE_ROWS, format_table, targets


@pytest.mark.django_db
def test_the_bench_table_has_every_row_and_django_agrees_with_duckdb(tmp_path, settings):
    settings.DEBUG = True
    results = []
    for name, municipalities, participants in (("tiny", 2, 60), ("small", 3, 150)):
        call_command(
            "seed_synthetic",
            municipalities=municipalities,
            participants=participants,
            weeks=6,
            append=True,
            quiet=True,
        )
        result = measure_size(name, repeat=1, page_calls=1, workdir=tmp_path / name, year=2025)
        assert result.totals_agree, f"Django and DuckDB disagree at {name}"
        assert result.counted > 0
        results.append(result.as_dict())

    table = format_table(results)
    for label, _spec in TABLE_ROWS:
        assert label in table
    assert "Django and DuckDB agree, cell by cell" in table
    assert table.count("yes") == 2
    assert len(targets(results)) == 11


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the load test builds its own database on the PostgreSQL server of the PG pass",
)
def test_the_load_test_runs_and_loses_no_submission(monkeypatch):
    """A few respondents and coordinators for a few seconds through two gunicorn instances
    behind nginx and locust (no timings): every row of the load table, nothing lost, and the
    instances share sessions, the cache and stored files. Its database is migrated from nothing,
    as a new installation's is: the suite's own test databases are made from the models
    (conftest.py), so this is where the PostgreSQL pass runs every migration."""
    import shutil

    from bench import load

    monkeypatch.setenv("BENCH_USERS", "4")
    monkeypatch.setenv("BENCH_LOAD_SECONDS", "4")
    monkeypatch.setenv("BENCH_WORKERS", "2")
    monkeypatch.setenv("BENCH_INSTANCES", "2")
    result = load.run(base=os.environ["DATABASE_URL"])
    data = result.data
    assert data["survey"]["flows"] > 0, result.text
    assert data["lost"] == 0, result.text
    assert data["survey"]["failures"] == 0, result.text
    assert data["attendance"]["requests"] > 0, result.text
    assert data["attendance"]["failures"] == 0, result.text
    assert data["instances"] == 2
    assert data["shared"] == {"session": True, "cache": True, "uploads": True}, result.text
    assert data["behind_nginx"] == bool(shutil.which("nginx") or os.path.exists("/usr/sbin/nginx"))
    for row in (
        "lost submissions",
        "throughput survey / bare view",
        "by locust: survey / bare view",
        "survey ≥ 0.5× the bare view",
        "0 errors under load (attendance page)",
        "no state in a process",
    ):
        assert row in result.text
