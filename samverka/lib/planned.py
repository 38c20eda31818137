"""Written-out SQL that PostgreSQL parses and plans once per connection, for the hottest pages.

PostgreSQL plans a statement afresh every time it is sent. For a query of several joins and
subqueries that read a few hundred rows, planning costs as much as running it: the attendance
page's query took 2 ms to plan and 1.4 ms to run at the bench's small size (README,
Performance). A `PlannedStatement` runs through `lib/prepared.py`'s `prepared_cursor`, the one
way Samverka prepares statements: psycopg prepares it on its first run on a connection and
afterwards only executes it with the request's values; after five executions PostgreSQL keeps
one generic plan when it costs no more than the plans made for the values, and stops planning.
Other databases (SQLite) run the SQL as it is written.

    USUAL = PlannedStatement(
        "attendance_usual",
        "SELECT ... WHERE s.id = %(session)s AND s.date <= %(day)s",
        session="bigint",
        day="date",
    )
    rows = USUAL.rows(session=session.pk, day=session.date)

The SQL names each value `%(name)s` (it may repeat); each is declared with its PostgreSQL type,
which the statement sent to PostgreSQL casts it to (so one prepared statement serves every
value, whatever type psycopg would have guessed for it). Prepared statements belong to the
database session: a new connection prepares them again. Behind a pooler that hands one client's
statements to several server sessions (PgBouncer in transaction mode before 1.21) prepared
statements do not work (README, Deploying).
"""

import re

from django.db import connections

from samverka.lib.prepared import prepared_cursor

_NAMES: set[str] = set()
_VALUE = re.compile(r"%\((\w+)\)s")


class PlannedStatement:
    def __init__(self, name: str, sql: str, **types: str):
        """`name` is unique in the project (it names the statement in errors);
        `types` gives each `%(value)s` of `sql` its PostgreSQL type, e.g. `session="bigint"`."""
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise ValueError(f"{name!r}: lower-case letters, digits and _ only")
        if name in _NAMES:
            raise ValueError(f"a planned statement named {name!r} exists already")
        used = set(_VALUE.findall(sql))
        if used != set(types):
            raise ValueError(
                f"{name}: the SQL's values {sorted(used)} are not the declared {sorted(types)}"
            )
        if "%" in _VALUE.sub("", sql):
            raise ValueError(f"{name}: a literal % would be read differently once prepared")
        _NAMES.add(name)
        self.name = name
        self.sql = sql
        self._cast = _VALUE.sub(lambda m: f"CAST({m.group(0)} AS {types[m.group(1)]})", sql)

    def rows(self, connection=None, **values) -> list[tuple]:
        """The statement's rows for `values`, on `connection` (Django's; the default one if
        not given)."""
        connection = connection or connections["default"]
        sql = self._cast if connection.vendor == "postgresql" else self.sql
        with prepared_cursor(connection) as cursor:
            cursor.execute(sql, values)
            return cursor.fetchall()
