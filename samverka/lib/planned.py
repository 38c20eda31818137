"""Written-out SQL that PostgreSQL parses and plans once per connection, for the hottest pages.

PostgreSQL plans a statement afresh every time it is sent. For a query of several joins and
subqueries that read a few hundred rows, planning costs as much as running it: the attendance
page's query took 2 ms to plan and 1.4 ms to run at the bench's small size (README,
Performance). A `PlannedStatement` is sent once per database connection as `PREPARE` and
afterwards only as `EXECUTE` with the request's values; after five executions PostgreSQL keeps
one generic plan when it costs no more than the plans made for the values, and stops planning.
Other databases (SQLite) run the SQL as it is written.

    USUAL = PlannedStatement(
        "attendance_usual",
        "SELECT ... WHERE s.id = %(session)s AND s.date <= %(day)s",
        session="bigint",
        day="date",
    )
    with connection.cursor() as cursor:
        USUAL.execute(cursor, session=session.pk, day=session.date)
        rows = cursor.fetchall()

The SQL names each value `%(name)s` (it may repeat); each is declared with its PostgreSQL type.
A prepared statement belongs to the database session (it survives a rolled-back transaction and
ends with the connection), so which statements a connection has is kept per connection object:
Django's new connection after a close or a failed health check prepares them again. It pays
off with connections kept between requests (`DATABASE_CONN_MAX_AGE`, 60 s by default); with a
connection per request the `PREPARE` would be one more round trip on each. Every
statement stays visible to Django's query log (`PREPARE` once, then `EXECUTE`), so tests that
count queries see them. Behind a pooler that hands one client's statements to several server
sessions (PgBouncer in transaction mode before 1.21) prepared statements do not work; Samverka
connects to PostgreSQL directly (README, Deploying).
"""

import re
import weakref

# The statements each open PostgreSQL connection has prepared (connection object → names).
_PREPARED: "weakref.WeakKeyDictionary[object, set[str]]" = weakref.WeakKeyDictionary()
_NAMES: set[str] = set()
_VALUE = re.compile(r"%\((\w+)\)s")


class PlannedStatement:
    def __init__(self, name: str, sql: str, **types: str):
        """`name` is unique in the project (PostgreSQL's statement is `samverka_<name>`);
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
        self.name = f"samverka_{name}"
        self.sql = sql
        self._order = list(types)
        numbered = _VALUE.sub(lambda m: f"${self._order.index(m.group(1)) + 1}", sql)
        self._prepare = f"PREPARE {self.name} ({', '.join(types.values())}) AS {numbered}"
        self._execute = f"EXECUTE {self.name} ({', '.join(['%s'] * len(types))})"

    def execute(self, cursor, **values) -> None:
        """Run the statement with `values` on `cursor` (a Django cursor); read its rows from the
        cursor as after `cursor.execute`."""
        connection = cursor.db
        if connection.vendor != "postgresql":
            cursor.execute(self.sql, values)
            return
        prepared = _PREPARED.setdefault(connection.connection, set())
        if self.name not in prepared:
            cursor.execute(self._prepare)
            prepared.add(self.name)
        cursor.execute(self._execute, [values[name] for name in self._order])
