"""The one writer of every file Samverka exports: CSV and XLSX.

Text that staff or families wrote reaches spreadsheets (item texts, round titles, names of
activities). A spreadsheet program runs a cell that begins with `=`, `+`, `-` or `@` as a
formula (and some begin one after a tab or carriage return), so `=HYPERLINK(...)` in a question
text could send a cell elsewhere when a researcher opens the file. Every cell therefore goes
through `cell()`: such text gets a leading apostrophe (OWASP's rule for CSV injection), numbers
and dates stay what they are, and in XLSX every text cell is stored as text, never as a formula.
Readers of our own files (the translations import) take the apostrophe off with `restore()`.

    content = xlsx_bytes([Sheet("participants", headers, rows)])
    return download(content, "funder-2025.xlsx")
"""

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cell(value: Any) -> Any:
    """A value safe to put in a spreadsheet cell: numbers and dates as they are, text that a
    spreadsheet would run as a formula with a leading apostrophe."""
    if value is None or isinstance(value, bool | int | float | Decimal | date | datetime):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def restore(text: Any) -> Any:
    """The text `cell()` was given, for code that reads back a file Samverka wrote."""
    if isinstance(text, str) and text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def csv_bytes(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, excel_swedish: bool = False
) -> bytes:
    """CSV as UTF-8. `excel_swedish`: semicolons and a byte-order mark, the form Excel with
    Swedish settings opens directly (as the import template); otherwise commas, no mark."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel_swedish else ",", lineterminator="\r\n")
    writer.writerow([cell(h) for h in headers])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    text = out.getvalue()
    return ("\ufeff" + text).encode("utf-8") if excel_swedish else text.encode("utf-8")


@dataclass
class Sheet:
    """One worksheet: a bold, frozen header row, then the rows; optional column widths."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    widths: Sequence[int] = ()
    wrap: bool = False  # wrap long text (and align it to the top)
    notes: Sequence[str] = field(default_factory=tuple)  # lines below the table


def _write_sheet(workbook: Workbook, sheet: Sheet) -> None:
    worksheet = workbook.create_sheet(title=sheet.title[:31])
    for index, width in enumerate(sheet.widths):
        worksheet.column_dimensions[_column(index)].width = width
    worksheet.freeze_panes = "A2" if sheet.headers else None
    bold = Font(bold=True)
    wrapped = Alignment(wrap_text=True, vertical="top") if sheet.wrap else None
    if sheet.headers:
        worksheet.append([_cell(worksheet, h, font=bold) for h in sheet.headers])
    for row in sheet.rows:
        worksheet.append([_cell(worksheet, v, alignment=wrapped) for v in row])
    if sheet.notes:
        worksheet.append([])
        for note in sheet.notes:
            worksheet.append([_cell(worksheet, note)])


def _cell(worksheet, value, *, font=None, alignment=None) -> WriteOnlyCell:
    written = WriteOnlyCell(worksheet, value=cell(value))
    if isinstance(written.value, str):
        written.data_type = "s"  # text, never a formula
    if font is not None:
        written.font = font
    if alignment is not None:
        written.alignment = alignment
    return written


def _column(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def xlsx_bytes(
    sheets: Sequence[Sheet], *, finish: Callable[[Workbook], None] | None = None
) -> bytes:
    """An XLSX workbook of `sheets`. `finish` may add what a sheet of rows cannot say (data
    validation lists, protection) once the cells are written; it must not write cell values."""
    workbook = Workbook(write_only=finish is None)
    if finish is not None:
        workbook.remove(workbook.active)
    for sheet in sheets:
        _write_sheet(workbook, sheet)
    if finish is not None:
        finish(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def download(content: bytes, filename: str, content_type: str | None = None) -> HttpResponse:
    """An attachment response for an export; the type follows the file name's ending."""
    if content_type is None:
        content_type = XLSX_TYPE if filename.endswith(".xlsx") else CSV_TYPE
    response = HttpResponse(content, content_type=content_type)
    safe = "".join(c for c in filename if c.isalnum() or c in "-_.") or "export"
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
