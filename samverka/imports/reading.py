"""Reading an uploaded CSV or XLSX file into rows of text, keyed by the canonical column names.

Only the columns Samverka knows are kept; others (names, phone numbers, notes) are dropped
here and listed so the person importing sees they were ignored. Household labels are
replaced by a keyed digest at once: they are often family names.
"""

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from samverka.imports.columns import LABELS, REQUIRED, column_for, normalise_word

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
# An XLSX is a zip archive: refuse one that unpacks to far more than a list needs.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# An XLSX sheet may carry formatting far below the data; stop after this many empty rows.
MAX_EMPTY_RUN = 1_000


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
    return salted_hmac("samverka.imports.household", normalise_word(label)).hexdigest()


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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for values in reader:
            yield reader.line_num, [v.strip() for v in values]
    except csv.Error as error:
        raise ImportFileError(
            _("The file could not be read as CSV (line %(line)s).") % {"line": reader.line_num}
        ) from error


def _xlsx_lines(data: bytes) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    unreadable = _("The file could not be read as an Excel workbook.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise ImportFileError(unreadable) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(
            _("The file is too large. The limit is %(megabytes)s MB.")
            % {"megabytes": MAX_BYTES // (1024 * 1024)}
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportFileError(unreadable) from error
    try:
        sheet = workbook.worksheets[0]
        empty_run = 0
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            texts = [cell_text(v) for v in values]
            if any(texts):
                empty_run = 0
            else:
                empty_run += 1
                if empty_run > MAX_EMPTY_RUN:
                    break
            yield line, texts
    finally:
        workbook.close()


def parse_upload(*, filename: str, data: bytes) -> ParsedFile:
    """Rows of an attendance list; ImportFileError when the file as a whole is unusable."""
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
    lines = _xlsx_lines(data) if is_xlsx else _csv_lines(data)

    columns: list[str | None] | None = None
    parsed = ParsedFile()
    for line, values in lines:
        if not any(values):
            continue
        if columns is None:
            columns = _read_header(values, parsed)
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
