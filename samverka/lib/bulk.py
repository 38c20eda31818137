"""Writing many rows at once, and the base of the bulk writers that keep a derived table.

`RowSink` writes tuples to one table in batches: with PostgreSQL's COPY (psycopg) when the
rows are known to be new, else one `INSERT … ON CONFLICT DO NOTHING` per batch (executemany),
so that a row somebody else wrote meanwhile is passed over instead of failing the load. Other
databases always use executemany.

`DerivedBulk` is the base of the bulk variants of the two writers whose rows another table is
derived from: attendance (`activities.services.attendance_record_bulk`, AttendanceYear) and
the consent ledger (`participants.services.consent_record_bulk`, ConsentState). A subclass
says how a row is made and which module keeps its derived table; the base writes the rows and
brings the derived table in step when the writer closes (README, "Derived tables").
"""

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import ModuleType

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Model


class RowSink:
    """Rows (tuples in `columns` order) for one model's table.

    PostgreSQL with `copy`: COPY FROM STDIN through psycopg. Otherwise: executemany of one
    INSERT (… ON CONFLICT DO NOTHING with `ignore_conflicts`), with dates, times and JSON
    adapted the way Django stores them.
    """

    def __init__(
        self,
        model: type[Model],
        columns: list[str],
        *,
        batch_size: int = 20_000,
        copy: bool = True,
        ignore_conflicts: bool = False,
    ):
        self.model = model
        opts = model._meta
        self.fields = [opts.get_field(name) for name in columns]
        self.table = opts.db_table
        self.columns = [f.column for f in self.fields]
        self.batch_size = batch_size
        self.rows: list[tuple] = []
        self.count = 0
        self.copy = copy and not ignore_conflicts and connection.vendor == "postgresql"
        self.ignore_conflicts = ignore_conflicts
        self.adapters = [self._adapter(f) for f in self.fields]
        self.needs_adapting = any(self.adapters)

    def _adapter(self, f):
        kind = f.get_internal_type()
        ops = connection.ops
        if kind == "JSONField":
            if connection.vendor == "postgresql":
                from psycopg.types.json import Jsonb

                return Jsonb
            return json.dumps
        if connection.vendor == "postgresql":
            return None
        if kind == "DateTimeField":
            return ops.adapt_datetimefield_value
        if kind == "DateField":
            return ops.adapt_datefield_value
        if kind == "TimeField":
            return ops.adapt_timefield_value
        return None

    def add(self, row: tuple) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.batch_size:
            self.flush()

    def extend(self, rows: Iterable[tuple]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        rows, self.rows = self.rows, []
        if self.needs_adapting:
            adapters = self.adapters
            rows = [
                tuple(
                    v if a is None or v is None else a(v) for v, a in zip(r, adapters, strict=True)
                )
                for r in rows
            ]
        qn = connection.ops.quote_name
        columns = ", ".join(qn(c) for c in self.columns)
        with connection.cursor() as cursor:
            if self.copy:
                with cursor.copy(f"COPY {qn(self.table)} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                conflicts = " ON CONFLICT DO NOTHING" if self.ignore_conflicts else ""
                cursor.executemany(
                    f"INSERT INTO {qn(self.table)} ({columns}) VALUES ({marks}){conflicts}",  # noqa: S608
                    rows,
                )
        self.count += len(rows)


def next_id(model: type[Model]) -> int:
    """The primary key after the largest one in the table (for rows given their ids here)."""
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX({qn(model._meta.pk.column)}) FROM {qn(model._meta.db_table)}")  # noqa: S608
        return (cursor.fetchone()[0] or 0) + 1


def reset_sequences(models: Iterable[type[Model]]) -> None:
    """Let the database hand out ids after those given here (PostgreSQL's sequences)."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models)):
            cursor.execute(sql)


class DerivedBulk:
    """Rows of a table that another table is derived from, written in bulk; the derived table
    is brought in step when the writer closes.

    Two ways, chosen by the caller:
    - ordinary (`large=False`: imports, the demo): rows get their ids from the database, a
      row that exists already is passed over, and the derived table is refreshed for the
      participants the rows concern;
    - large (`large=True`: seed_synthetic, which holds a lock on the tables in one
      transaction): rows are known to be new and get their ids here, PostgreSQL loads them
      with COPY, and the derived table is rebuilt as a whole in one statement, which for
      millions of rows is far cheaper than refreshing them participant by participant.

    A subclass names `model`, `columns` (without the id) and `derived`, the module that keeps
    the derived table (`refresh(participant_ids)`, `rebuild()`), and builds its rows through
    `_rows` / `_row`, noting the participants in `participants` when not large.
    """

    model: type[Model]
    columns: list[str]
    derived: ModuleType
    batch_size = 20_000

    def __init__(self, *, by, large: bool = False):
        self.by_id = by.pk if getattr(by, "is_authenticated", False) else None
        self.large = large
        self.participants: set[int] = set()
        columns = ["id", *self.columns] if large else self.columns
        self.sink = RowSink(
            self.model,
            columns,
            batch_size=self.batch_size,
            copy=large,
            ignore_conflicts=not large,
        )
        self._next = next_id(self.model) if large else 0

    @classmethod
    @contextmanager
    def writing(cls, *, by, large: bool = False) -> Iterator["DerivedBulk"]:
        """A writer for the block, in one transaction; at its end the rest is written and the
        derived table brought in step."""
        with transaction.atomic():
            writer = cls(by=by, large=large)
            yield writer
            writer.close()

    def _rows(self, count: int, *columns: Iterable) -> Iterable[tuple]:
        """`count` rows zipped from `columns` (iterables, some of them endless: `repeat(x)`),
        led by their ids in a large load."""
        if not self.large:
            return zip(*columns, strict=False)
        first, self._next = self._next, self._next + count
        return zip(range(first, first + count), *columns, strict=False)

    def _row(self, *values) -> tuple:
        if not self.large:
            return values
        self._next += 1
        return (self._next - 1, *values)

    def close(self) -> int:
        """Write what is left and bring the derived table in step; returns the rows written
        (in an ordinary load, those passed over as already there included)."""
        self.sink.flush()
        if self.large:
            reset_sequences([self.model])
            self.derived.rebuild()
        else:
            self.derived.refresh(self.participants)
        return self.sink.count
