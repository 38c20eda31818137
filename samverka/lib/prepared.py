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
Only plain equality values (str, int) can be placeholders: each must appear as one parameter of
the SQL (`__in` lists and expressions are not supported, and building refuses them).

On PostgreSQL the server also parses and plans each such statement only once per connection:
`prepared_cursor` runs it as a prepared statement (psycopg's server-side binding). Planning the
respondent's six-table join took the server 1.1-1.3 ms each time, running it 0.2 ms. Other SQL
of the hot paths can use `prepared_cursor` too, if its text stays the same from call to call
(values as parameters) and PostgreSQL can tell each parameter's type (cast it where not).
"""

from functools import lru_cache

from django.db import connections
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

from samverka.lib.scoping import national_scope

_SENTINEL_INT = -2_000_000_000  # far from any id or number the placeholders stand for
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
    def __init__(self, build, **placeholders: type):
        """`build(**values)` returns the queryset; `placeholders` name its values and types
        (`str` or `int`)."""
        self._build = build
        self._placeholders = placeholders
        self._key = object()  # this query's entry in each connection's store

    def _sentinels(self) -> dict:
        values = {}
        for number, (name, kind) in enumerate(self._placeholders.items()):
            if kind is int:
                values[name] = _SENTINEL_INT - number
            elif kind is str:
                values[name] = f"\x00prepared-{name}-{number}"
            else:
                raise TypeError(f"placeholder {name}: only str and int, not {kind}")
        return values

    def _compiled(self, alias: str | None):
        connection = connections[alias or "default"]
        store = connection.__dict__.setdefault("_samverka_prepared", {})
        compiled = store.get(self._key)
        if compiled is None:
            compiled = store[self._key] = self._compile(connection.alias)
        return connection, compiled

    def _compile(self, alias: str) -> dict:
        sentinels = self._sentinels()
        with national_scope():
            queryset = self._build(**sentinels)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        slots = {}
        for position, param in enumerate(params):
            for name, sentinel in sentinels.items():
                if type(param) is type(sentinel) and param == sentinel:
                    slots[position] = name
        missing = set(sentinels) - set(slots.values())
        if missing or len(slots) != len(sentinels):
            raise ValueError(f"placeholders not found once each in the SQL: {sorted(missing)}")
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
            raise ValueError("a prepared query gives model instances or values_list tuples")
        return compiled

    def all(self, using: str | None = None, **values) -> list:
        """The queryset's results for these placeholder values."""
        connection, compiled = self._compiled(using)
        params = compiled["params"].copy()
        for position, name in compiled["slots"].items():
            params[position] = values[name]
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
