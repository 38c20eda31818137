"""Backup and restore, as README "Backup and restore" tells the operator to do it (PostgreSQL).

A seeded database (synthetic participants, attendance, consent ledger, audit trail written
through the services) is dumped with `pg_dump --format=custom`, restored with `pg_restore
--no-owner` into an empty database, and the copy is checked: every table has the same number of
rows, `manage.py audit_verify` finds the hash chain intact and `manage.py rebuild_report_tables
--check` finds the derived tables in step — both run as the operator would, against the copy.
"""

import glob
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from samverka.audit.services import audit_record

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str | None:
    return shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )


def _url(settings_dict: dict, name: str) -> str:
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{settings_dict['USER']}{password}@{host}:{port}/{name}"


def _counts(cursor) -> dict[str, int]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    counts = {}
    for (table,) in cursor.fetchall():
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 (names from the catalogue)
        counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.django_db(transaction=True)
def test_a_pg_dump_restores_into_an_empty_database_with_every_row_and_an_intact_trail(
    _migration_data, settings, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("backup and restore are PostgreSQL's (README, Backup and restore)")
    pg_dump, pg_restore = _tool("pg_dump"), _tool("pg_restore")
    if not pg_dump or not pg_restore:
        pytest.skip("pg_dump and pg_restore are not installed")
    settings.DEBUG = True
    call_command(
        "seed_synthetic",
        municipalities=9,
        participants=200,
        weeks=6,
        seed=3,
        quiet=True,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    audit_record(actor=None, action="security", detail="backup test")
    source = connection.settings_dict
    dump = tmp_path / "samverka.dump"
    env = {**os.environ, "PGPASSWORD": source.get("PASSWORD") or ""}
    subprocess.run(
        [pg_dump, "--format=custom", f"--file={dump}", _url(source, source["NAME"])],
        check=True,
        env=env,
        capture_output=True,
    )
    restored = f"{source['NAME']}_restored"
    with connection.cursor() as cursor:
        before = _counts(cursor)
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        cursor.execute(f'CREATE DATABASE "{restored}"')
    try:
        subprocess.run(
            [pg_restore, "--no-owner", f"--dbname={_url(source, restored)}", str(dump)],
            check=True,
            env=env,
            capture_output=True,
        )
        import psycopg

        with psycopg.connect(_url(source, restored)) as copy, copy.cursor() as cursor:
            after = _counts(cursor)
        assert after == before
        assert before["participants_participant"] >= 200
        assert before["audit_auditevent"] >= 1
        operator_env = {**env, "DATABASE_URL": _url(source, restored), "DEBUG": "1"}
        for command in (["audit_verify"], ["rebuild_report_tables", "--check"]):
            done = subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=operator_env,
                capture_output=True,
                text=True,
            )
            assert done.returncode == 0, (command, done.stdout, done.stderr)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')
