"""Queries whose SQL is built once per database connection, for the hottest request paths.

Turning an ORM query into SQL is pure Python and costs 1–5 ms on this machine for a query that
follows a few relations (the database then answers in a tenth of a millisecond). A respondent's
survey page runs the same two or three queries on every request with only a value changed, so
`PreparedQuery` builds each once, with placeholder values, and afterwards only executes that SQL
with the request's values and turns the rows into what the queryset would have given: model
instances with their `select_related` objects, or the tuples of a `values_list`.

    _BY_TOKEN = PreparedQuery(
        lambda token: Response.objects.select_related("version").filter(token=token)[:1]
    )
    found = _BY_TOKEN.all(token=request_token)

The queryset is built inside `national_scope()`: a tenant filter of the first caller's scope
must never be kept for the next caller, so a prepared query on a tenant model must itself say
which rows it reads (by an unguessable token, or by the id of a row found that way).
Placeholders are plain values (str, int, date) or lists of them (`[int]`, `[str]`, `[date]`,
for `__in` lookups and for a query with a part per element, e.g. a filtered count per period):
each value, and each element of a list, must appear as one parameter of the SQL (expressions
are not supported, and building refuses them). The SQL is built once per connection and per
lengths of the lists; an empty list runs the queryset as built (Django refuses an empty `IN`).

On PostgreSQL the server also parses and plans each such statement only once per connection:
`prepared_cursor` runs it as a prepared statement (psycopg's server-side binding). Planning the
respondent's six-table join took the server 1.1-1.3 ms each time, running it 0.2 ms. Other SQL
of the hot paths can use `prepared_cursor` too, if its text stays the same from call to call
(values as parameters) and PostgreSQL can tell each parameter's type (cast it where not).
"""

from datetime import date
from functools import lru_cache

from django.db import connections
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

from samverka.lib.scoping import national_scope

_SENTINEL_INT = -2_000_000_000  # far from any id or number the placeholders stand for
_SENTINEL_DAY = 400  # date.fromordinal: early in the year 2, far from any real day
PREPARE_ONLY_WHEN_ASKED = 2**62  # psycopg's threshold: never prepare by count alone


def prepared_cursor(connection):
    """A cursor of `connection` (Django's wrapper: queries counted and logged as any other)
    whose statements PostgreSQL prepares on their first run on the connection and afterwards
    only executes; on other databases the usual cursor."""
    if connection.vendor != "postgresql":
        return connection.cursor()
    # As BaseDatabaseWrapper._cursor and the backend's create_cursor do for their own cursors.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        if connection.connection.prepare_threshold is None:
            # Django turns psycopg's automatic preparation off (for poolers in transaction
            # mode); this cursor prepares only what it runs itself, the others never prepare
            # (client-side binding), so only the hot paths' statements are ever prepared.
            connection.connection.prepare_threshold = PREPARE_ONLY_WHEN_ASKED
        raw = _preparing_cursor_class()(connection.connection)
        _same_time_zone(connection, raw)
    return connection._prepare_cursor(raw)


@lru_cache(maxsize=1)
def _preparing_cursor_class():
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparingCursor(ServerBindingCursor):
        """Every statement as a prepared one (psycopg keeps them per connection, by text and
        parameter types)."""

        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    return PreparingCursor


def _same_time_zone(connection, cursor) -> None:
    from django.db.backends.postgresql.base import TIMESTAMPTZ_OID
    from django.db.backends.postgresql.psycopg_any import register_tzloader
    from psycopg.pq import Format

    loader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
    if connection.timezone != loader.timezone:
        register_tzloader(connection.timezone, cursor)


class PreparedQuery:
    def __init__(self, build, **placeholders):
        """`build(**values)` returns the queryset; `placeholders` name its values and types
        (`str`, `int` or `date`, or a one-element list of one of them for a list)."""
        for name, kind in placeholders.items():
            element = kind[0] if isinstance(kind, list) and len(kind) == 1 else kind
            if element not in (int, str, date):
                raise TypeError(f"placeholder {name}: only str, int and date, not {kind}")
        self._build = build
        self._placeholders = placeholders
        self._key = object()  # this query's entry in each connection's store

    def _sentinels(self, lengths: dict) -> dict:
        values, number = {}, 0
        for name, kind in self._placeholders.items():
            many = isinstance(kind, list)
            element = kind[0] if many else kind
            made = []
            for _i in range(lengths[name] if many else 1):
                if element is int:
                    made.append(_SENTINEL_INT - number)
                elif element is str:
                    made.append(f"\x00prepared-{name}-{number}")
                else:
                    made.append(date.fromordinal(_SENTINEL_DAY + number))
                number += 1
            values[name] = made if many else made[0]
        return values

    def _lengths(self, values: dict) -> dict:
        return {
            name: len(values[name])
            for name, kind in self._placeholders.items()
            if isinstance(kind, list)
        }

    def _compiled(self, alias: str | None, lengths: dict):
        connection = connections[alias or "default"]
        store = connection.__dict__.setdefault("_samverka_prepared", {})
        key = (self._key, *sorted(lengths.items()))
        compiled = store.get(key)
        if compiled is None:
            compiled = store[key] = self._compile(connection.alias, lengths)
        return connection, compiled

    def _compile(self, alias: str, lengths: dict) -> dict:
        sentinels = self._sentinels(lengths)
        with national_scope():
            queryset = self._build(**sentinels)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        # (name, index in its list or None, as text): where each value goes in the params.
        wanted = {}
        for name, value in sentinels.items():
            for index, sentinel in enumerate(value) if isinstance(value, list) else [(None, value)]:
                wanted[type(sentinel), sentinel] = (name, index, False)
                if isinstance(sentinel, date):  # a date parameter as text (SQLite)
                    wanted[str, sentinel.isoformat()] = (name, index, True)
        slots = {}
        for position, param in enumerate(params):
            slot = wanted.get((type(param), param))
            if slot is not None:
                slots[position] = slot
        found = [(name, index) for name, index, _text in slots.values()]
        expected = sum(len(value) if isinstance(value, list) else 1 for value in sentinels.values())
        if len(set(found)) != expected or len(found) != expected:
            raise ValueError("placeholders not found once each in the SQL")
        fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
        compiled = {
            "sql": sql,
            "params": list(params),
            "slots": slots,
            "compiler": compiler,
            "converters": compiler.get_converters(fields),
            "iterable": queryset._iterable_class,
        }
        if queryset._iterable_class is ModelIterable:
            klass_info = compiler.klass_info
            select_fields = klass_info["select_fields"]
            start, end = select_fields[0], select_fields[-1] + 1
            compiled["model"] = klass_info["model"]
            compiled["span"] = (start, end)
            compiled["init_list"] = [f[0].target.attname for f in compiler.select[start:end]]
            compiled["populators"] = get_related_populators(klass_info, compiler.select, alias)
            if compiler.annotation_col_map or queryset._known_related_objects:
                raise ValueError("annotations and known related objects are not supported")
        elif queryset._iterable_class is not ValuesListIterable or queryset._fields is None:
            compiled["iterable"] = None  # only its SQL can be had (`sql_with_params`)
        return compiled

    def sql_with_params(self, using: str | None = None, **values) -> tuple[str, list]:
        """The SQL and the parameters of the queryset for these values (for a part of a
        larger statement); it must have no empty list."""
        _connection, compiled = self._compiled(using, self._lengths(values))
        return compiled["sql"], self._params(compiled, values)

    @staticmethod
    def _params(compiled: dict, values: dict) -> list:
        params = compiled["params"].copy()
        for position, (name, index, text) in compiled["slots"].items():
            value = values[name] if index is None else values[name][index]
            params[position] = value.isoformat() if text else value
        return params

    def all(self, using: str | None = None, **values) -> list:
        """The queryset's results for these placeholder values."""
        lengths = self._lengths(values)
        if not all(lengths.values()):
            with national_scope():
                return list(self._build(**values).using(using))
        connection, compiled = self._compiled(using, lengths)
        if compiled["iterable"] is None:
            raise ValueError("a prepared query gives model instances or values_list tuples")
        params = self._params(compiled, values)
        with prepared_cursor(connection) as cursor:
            cursor.execute(compiled["sql"], params)
            rows = cursor.fetchall()
        if not rows:
            return []
        converters = compiled["converters"]
        if converters:
            rows = compiled["compiler"].apply_converters(rows, converters)
        if compiled["iterable"] is ValuesListIterable:
            return [tuple(row) for row in rows]
        model, (start, end) = compiled["model"], compiled["span"]
        init_list, populators = compiled["init_list"], compiled["populators"]
        objects = []
        for row in rows:
            obj = model.from_db(connection.alias, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects
