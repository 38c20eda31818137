"""Hostile and broken spreadsheets for the tests of every import (built here, never shipped)."""

import io
import zipfile

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook_bytes(rows: list[list], title: str | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    """The same archive with one member's content replaced (or added)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info.filename))
        target.writestr(name, content)
    return out.getvalue()


def _inline(column: str, row: int, text: str) -> str:
    return f'<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def huge_dimension(header: list[str], data: list[list[str]], rows: int = 20_000) -> bytes:
    """A sheet that claims A1:XFD20001 and has a cell in the last column of every row (as
    formatting left by a careless select-all would), with the real list in its first rows:
    about 100 KB packed."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    lines = [f'<worksheet xmlns="{NS}"><dimension ref="A1:XFD{rows + 1}"/><sheetData>']
    for number, values in enumerate([header, *data], start=1):
        cells = "".join(_inline(letters[i], number, v) for i, v in enumerate(values))
        lines.append(
            f'<row r="{number}" spans="1:16384">{cells}{_inline("XFD", number, " ")}</row>'
        )
    for number in range(len(data) + 2, rows + 2):
        lines.append(f'<row r="{number}" spans="1:16384">{_inline("XFD", number, " ")}</row>')
    lines.append("</sheetData></worksheet>")
    base = workbook_bytes([["x"]])
    return replace_member(base, SHEET, "".join(lines).encode())


def broken_sheet(rows: list[list]) -> bytes:
    data = workbook_bytes(rows)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read(SHEET)
    return replace_member(data, SHEET, sheet[: len(sheet) // 2])


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + f']>\n<worksheet xmlns="{NS}"><sheetData><row r="1">'
    + '<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
)

EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>&secret;</t></si></sst>'
)


def billion_laughs(rows: list[list]) -> bytes:
    return replace_member(workbook_bytes(rows), SHEET, BILLION_LAUGHS.encode())


def external_entity(rows: list[list]) -> bytes:
    """A workbook whose shared strings pull in a local file through an external entity."""
    data = workbook_bytes(rows)
    return replace_member(data, STRINGS, EXTERNAL_ENTITY.encode())
