"""Helpers for tables derived from other tables (see activities.attendance_years and
participants.consent_state)."""

from django.db import connection


def count_differences(derived: str, params, kept: str) -> int:
    """Rows in the SELECT `derived` but not in `kept`, plus rows in `kept` but not in `derived`.

    Both are SQL compiled by us (Django querysets or fixed text), never user input.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({derived} EXCEPT {kept}) missing", params)  # noqa: S608
        missing = cursor.fetchone()[0]
        cursor.execute(f"SELECT COUNT(*) FROM ({kept} EXCEPT {derived}) extra", params)  # noqa: S608
        return missing + cursor.fetchone()[0]
