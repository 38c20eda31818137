"""Tables derived from other tables (see activities.attendance_years and
participants.consent_state): replace their rows from a derived SELECT, or count how far they
have drifted from it. The SELECTs are compiled by us (Django querysets), never user input."""

from django.db import connection


def replace_all(model, columns: list[str], derived: str, params) -> int:
    """Empty `model`'s table and fill `columns` from the SELECT `derived`; returns the rows.

    PostgreSQL empties it with TRUNCATE (transactional there): a DELETE would leave every old
    row behind as a dead one until VACUUM, and the file twice its size for every later scan
    (the funder count reads the whole year). Readers wait for the rebuild to commit. The
    foreign-key checks still pending in the transaction are made first, since PostgreSQL
    truncates no table with pending checks."""
    table = connection.ops.quote_name(model._meta.db_table)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {table}")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    else:
        model.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({', '.join(columns)}) {derived}", params)
    return model.objects.count()


def count_differences(model, columns: list[str], derived: str, params) -> int:
    """Rows the SELECT `derived` gives that `model`'s table lacks, plus rows it has too many."""
    table = connection.ops.quote_name(model._meta.db_table)
    kept = f"SELECT {', '.join(columns)} FROM {table}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({derived} EXCEPT {kept}) missing", params)  # noqa: S608
        missing = cursor.fetchone()[0]
        cursor.execute(f"SELECT COUNT(*) FROM ({kept} EXCEPT {derived}) extra", params)  # noqa: S608
        return missing + cursor.fetchone()[0]
