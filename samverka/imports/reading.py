"""Reading an uploaded CSV or XLSX file into rows of text, keyed by the canonical column names.

XLSX files are read by `samverka.lib.spreadsheets` (entity expansion off, the sheet's claimed
size ignored, only the columns named in the header that Samverka knows, at most MAX_ROWS
rows). Only the columns Samverka knows are kept; others (names, phone numbers, notes) are dropped
here and listed so the person importing sees they were ignored. Household labels are
replaced by a keyed digest at once: they are often family names.
"""

import csv
import functools
import hashlib
import hmac
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.conf import settings
from django.utils.translation import gettext as _

from samverka.imports.columns import LABELS, REQUIRED, column_for, normalise_word
from samverka.lib.spreadsheets import SpreadsheetError, Workbook, clean_text

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
# Columns looked at for the header; a list's columns Samverka knows are among the first ones.
MAX_COLUMNS = 100
PROGRESS_EVERY = 1000


class ImportFileError(Exception):
    """The file as a whole cannot be read (not the problem of one row)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class ParsedFile:
    rows: list[list] = field(default_factory=list)  # [[line, {column: text}], ...]
    ignored_columns: list[str] = field(default_factory=list)

    def __len__(self):
        return len(self.rows)


def household_digest(label: str) -> str:
    """`salted_hmac("samverka.imports.household", label)` with its key derived once."""
    return hmac.new(
        _household_key(settings.SECRET_KEY), normalise_word(label).encode(), "sha1"
    ).hexdigest()


@functools.cache
def _household_key(secret: str) -> bytes:
    # The key Django's salted_hmac derives (SHA-1, as it does), so earlier digests still match.
    return hashlib.sha1(("samverka.imports.household" + secret).encode()).digest()  # noqa: S324


def cell_text(value) -> str:
    """A spreadsheet cell as text: dates as ISO, 2015.0 as 2015, TRUE as yes."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return str(value).strip()


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Swedish Excel's "CSV (semicolon separated)" is Windows-1252.
        return data.decode("cp1252", errors="replace")


def _csv_lines(data: bytes) -> Iterator[tuple[int, list[str]]]:
    text = _decode(data)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportFileError(
            _(
                "Line %(line)s contains a NUL character, which a list cannot hold: the file is "
                "probably not a text file. Save the list from Excel as CSV (UTF-8) or as .xlsx."
            )
            % {"line": line}
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for values in reader:
            yield reader.line_num, [clean_text(v).strip() for v in values[:MAX_COLUMNS]]
    except csv.Error as error:
        raise ImportFileError(
            _("The file could not be read as CSV (line %(line)s).") % {"line": reader.line_num}
        ) from error


class _XlsxLines:
    """The first sheet's rows as text; once the header is read, only the columns Samverka
    knows are read (`keep`), and reading stops after MAX_ROWS rows whatever the file claims."""

    def __init__(self, data: bytes):
        try:
            self.workbook = Workbook(data)
            self.sheet = self.workbook.sheet(max_columns=MAX_COLUMNS, max_rows=MAX_ROWS + 1)
        except SpreadsheetError as error:
            raise ImportFileError(error.message) from error

    def keep(self, columns: set[int]) -> None:
        self.sheet.keep = columns

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        try:
            for line, values in self.sheet:
                yield line, [cell_text(v) for v in values]
        except SpreadsheetError as error:
            raise ImportFileError(error.message) from error
        finally:
            self.workbook.close()


def parse_upload(
    *, filename: str, data: bytes, progress: Callable[[int], None] | None = None
) -> ParsedFile:
    """Rows of an attendance list; ImportFileError when the file as a whole is unusable.
    `progress(rows read)` is told every PROGRESS_EVERY rows."""
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            _("The file is too large. The limit is %(megabytes)s MB.")
            % {"megabytes": MAX_BYTES // (1024 * 1024)}
        )
    is_xlsx = data[:2] == b"PK" or filename.lower().endswith((".xlsx", ".xlsm"))
    if filename.lower().endswith(".xls") and not is_xlsx:
        raise ImportFileError(
            _("Old Excel files (.xls) cannot be read. Save the list as .xlsx or CSV.")
        )
    lines = _XlsxLines(data) if is_xlsx else _csv_lines(data)

    columns: list[str | None] | None = None
    parsed = ParsedFile()
    for line, values in lines:
        if not any(values):
            continue
        if columns is None:
            columns = _read_header(values, parsed)
            if is_xlsx:
                lines.keep({index for index, column in enumerate(columns) if column})
            continue
        row = {
            column: value
            for column, value in zip(columns, values, strict=False)
            if column and value
        }
        if not row:
            continue
        if "household" in row:
            row["household"] = household_digest(row["household"])
        parsed.rows.append([line, row])
        if progress is not None and len(parsed.rows) % PROGRESS_EVERY == 0:
            progress(len(parsed.rows))
        if len(parsed.rows) > MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(limit)s rows. Split it into smaller files.")
                % {"limit": f"{MAX_ROWS}"}
            )
    if columns is None:
        raise ImportFileError(_("The file is empty."))
    if not parsed.rows:
        raise ImportFileError(_("The file has column names but no rows."))
    return parsed


def _read_header(values: list[str], parsed: ParsedFile) -> list[str | None]:
    columns: list[str | None] = []
    for header in values:
        column = column_for(header)
        if column is not None and column in columns:
            raise ImportFileError(
                _("The column “%(column)s” appears twice.") % {"column": LABELS[column]}
            )
        if column is None and header:
            parsed.ignored_columns.append(header[:50])
        columns.append(column)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ImportFileError(
            _("Missing column(s): %(columns)s.")
            % {"columns": ", ".join(f"{c} ({LABELS[c]})" for c in missing)}
        )
    return columns
