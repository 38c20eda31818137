"""Reading uploaded spreadsheets safely: the one XLSX reader of every import.

An XLSX file is a ZIP archive of XML, and what it claims cannot be trusted: a 100 KB file can
say its sheet is `A1:XFD20001` (16,384 columns × 20,001 rows), unpack to gigabytes, or carry a
DTD with a billion-laughs entity or an external entity. General spreadsheet libraries believe
the claim (padding every row to the claimed width) and parse with entities on, so this module
reads only what an import needs:

- the archive's members are checked before anything is parsed (count, declared sizes, ratio);
  Python's zip reader never unpacks more than a member declares;
- XML is parsed with `defusedxml` (no DTD, no entities, no external references), streaming,
  row by row; `<dimension>` is never read;
- only the first `max_columns` columns are looked at, and the reader keeps only the columns the
  caller chose from the header (`Sheet.keep`), stopping after `max_rows` rows with content
  whatever the file says;
- shared strings are read once, bounded by the same limits; numbers that the cell style marks
  as dates become dates (1900 and 1904 calendars);
- text has Excel's `_xHHHH_` escapes decoded and control characters other than tab and line
  breaks removed (PostgreSQL cannot store a NUL).

Every problem is a `SpreadsheetError` with a message in the user's language; nothing raises
anything else for a malformed file.
"""

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from xml.etree import ElementTree

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

MAX_MEMBERS = 500
MAX_MEMBER_BYTES = {"sheet": 60 * 1024 * 1024, "strings": 30 * 1024 * 1024, "other": 5 << 20}
MAX_UNPACKED_BYTES = 120 * 1024 * 1024
MAX_RATIO = 1000  # unpacked / packed for one member; ordinary sheets compress 5-20×
MAX_EMPTY_ROWS = 1000  # row elements without content after the last row that had some
MAX_SHARED_STRINGS = 2_000_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class SpreadsheetError(Exception):
    """The file as a whole cannot be read; `message` says why, in the user's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def clean_text(text: str) -> str:
    """Excel's `_x000D_` escapes decoded; control characters (NUL …) removed."""
    if "_x" in text:
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return _CONTROL.sub("", text)


def column_index(letters: str) -> int:
    """'A' → 0, 'AB' → 27."""
    index = 0
    for char in letters:
        index = index * 26 + (ord(char) - 64)
    return index - 1


class Workbook:
    """An uploaded XLSX, checked and opened; `sheet(name)` reads one of its sheets."""

    def __init__(self, data: bytes):
        self.unreadable = _("The file could not be read as an Excel workbook (.xlsx).")
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            self._check_archive()
            workbook_path = self._workbook_path()
            self.sheets = self._sheets(workbook_path)
            self.date_styles = self._date_styles()
            self._strings: list[str] | None = None
        except SpreadsheetError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, OSError) as error:
            raise SpreadsheetError(self.unreadable) from error
        except DefusedXmlException as error:
            raise SpreadsheetError(_xml_message()) from error
        except (ValueError, SyntaxError) as error:  # ParseError is a SyntaxError
            raise SpreadsheetError(self.unreadable) from error
        if not self.sheets:
            raise SpreadsheetError(self.unreadable)

    def close(self) -> None:
        self.archive.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- the archive ---------------------------------------------------------------------

    def _check_archive(self) -> None:
        infos = self.archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise SpreadsheetError(self.unreadable)
        if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
            raise SpreadsheetError(_too_large())
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise SpreadsheetError(_too_large())

    def _open(self, path: str, kind: str = "other"):
        info = self.archive.getinfo(path)
        if info.file_size > MAX_MEMBER_BYTES[kind]:
            raise SpreadsheetError(_too_large())
        return self.archive.open(info)

    def _parse(self, path: str, kind: str = "other", events=("end",)):
        """Stream the elements of one member; DTDs, entities and external references refused.

        The small members go through defusedxml. The sheet and its shared strings can be tens
        of megabytes, which defusedxml's pure-Python parser takes seconds over, so they are
        first checked to hold no document type declaration — the rule defusedxml applies with
        `forbid_dtd` (without one, XML can neither declare an entity nor reach outside the
        file) — and then streamed by the standard library's C parser."""
        if kind == "other":
            with self._open(path, kind) as source:
                yield from iterparse(source, events=events, forbid_dtd=True)
            return
        with self._open(path, kind) as source:
            _refuse_declarations(source)
        with self._open(path, kind) as source:
            yield from ElementTree.iterparse(source, events=events)  # noqa: S314 (checked above)

    def _relationships(self, path: str) -> dict[str, str]:
        folder, name = posixpath.split(path)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        if rels not in self.archive.namelist():
            return {}
        targets = {}
        for _event, element in self._parse(rels):
            if _local(element.tag) == "Relationship":
                target = element.get("Target", "")
                if target.startswith("/"):
                    target = target[1:]
                else:
                    target = posixpath.normpath(posixpath.join(folder, target))
                targets[element.get("Id", "")] = target
        return targets

    def _workbook_path(self) -> str:
        for target in self._relationships("").values():
            if target.endswith(".xml") and "workbook" in target.lower():
                return target
        return "xl/workbook.xml"

    def _sheets(self, workbook_path: str) -> dict[str, str]:
        targets = self._relationships(workbook_path)
        self.workbook_path = workbook_path
        self.date1904 = False
        sheets = {}
        for _event, element in self._parse(workbook_path):
            tag = _local(element.tag)
            if tag == "workbookPr":
                self.date1904 = element.get("date1904", "0").lower() in {"1", "true"}
            elif tag == "sheet":
                target = targets.get(element.get(_REL, ""))
                if target:
                    sheets[element.get("name", "")] = target
        return sheets

    def _date_styles(self) -> set[int]:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        path = posixpath.join(posixpath.dirname(self.workbook_path), "styles.xml")
        for target in self._relationships(self.workbook_path).values():
            if target.endswith("styles.xml"):
                path = target
        if path not in self.archive.namelist():
            return set()
        formats = dict(BUILTIN_FORMATS)
        dates, index, in_cell_xfs = set(), 0, False
        for event, element in self._parse(path, events=("start", "end")):
            tag = _local(element.tag)
            if tag == "numFmt" and event == "end":
                try:
                    formats[int(element.get("numFmtId", "-1"))] = element.get("formatCode", "")
                except ValueError:
                    continue
            elif tag == "cellXfs":
                in_cell_xfs = event == "start"
            elif tag == "xf" and in_cell_xfs and event == "end":
                try:
                    number_format = formats.get(int(element.get("numFmtId", "0")), "")
                except ValueError:
                    number_format = ""
                if number_format and is_date_format(number_format):
                    dates.add(index)
                index += 1
        return dates

    def strings(self) -> list[str]:
        if self._strings is None:
            path = posixpath.join(posixpath.dirname(self.workbook_path), "sharedStrings.xml")
            for target in self._relationships(self.workbook_path).values():
                if target.endswith("sharedStrings.xml"):
                    path = target
            strings: list[str] = []
            if path in self.archive.namelist():
                parts: list[str] = []
                skip = 0  # inside a phonetic run (rPh), whose text is not the cell's
                for event, element in self._parse(path, "strings", events=("start", "end")):
                    tag = _local(element.tag)
                    if tag == "rPh":
                        skip += 1 if event == "start" else -1
                    elif tag == "t" and event == "end" and not skip:
                        parts.append(element.text or "")
                    elif tag == "si" and event == "end":
                        strings.append(clean_text("".join(parts)))
                        parts = []
                        element.clear()
                        if len(strings) > MAX_SHARED_STRINGS:
                            raise SpreadsheetError(_too_large())
            self._strings = strings
        return self._strings

    # --- a sheet ---------------------------------------------------------------------------

    def sheet(self, name: str | None = None, **limits) -> "Sheet":
        """The sheet called `name` (case and surrounding spaces do not matter), or the first."""
        if name is None:
            path = next(iter(self.sheets.values()))
        else:
            wanted = name.strip().casefold()
            found = [p for n, p in self.sheets.items() if n.strip().casefold() == wanted]
            if not found:
                raise KeyError(name)
            path = found[0]
        return Sheet(self, path, **limits)

    def has_sheet(self, name: str) -> bool:
        wanted = name.strip().casefold()
        return any(n.strip().casefold() == wanted for n in self.sheets)

    def first_sheet_name(self) -> str:
        return next(iter(self.sheets))


class Sheet:
    """The rows of one sheet, as lists of values (str, int, float, bool, datetime or None).

    Iterating yields `(row number, values)` for rows with content in the columns looked at: the
    first `max_columns` columns, narrowed to `keep` (0-based indexes) once the caller sets it
    (after reading the header). Iteration ends after `max_rows` such rows plus one — a caller
    that sees more than `max_rows` refuses the file — or after MAX_EMPTY_ROWS row elements in a
    row without content, whatever the sheet claims its size to be.
    """

    def __init__(self, workbook: Workbook, path: str, *, max_columns: int, max_rows: int):
        self.workbook = workbook
        self.path = path
        self.max_columns = max_columns
        self.max_rows = max_rows
        self.keep: set[int] | None = None

    def __iter__(self) -> Iterator[tuple[int, list]]:
        workbook = self.workbook
        try:
            yield from self._rows()
        except SpreadsheetError:
            raise
        except DefusedXmlException as error:
            raise SpreadsheetError(_xml_message()) from error
        except (zipfile.BadZipFile, KeyError, EOFError, OSError, ValueError, SyntaxError) as error:
            raise SpreadsheetError(workbook.unreadable) from error

    def _rows(self) -> Iterator[tuple[int, list]]:
        """Each `<row>` is handled when it ends (its cells are then complete) and cleared; the
        cells of columns not looked at are passed over on their reference alone."""
        workbook = self.workbook
        strings = workbook.strings()
        dates = workbook.date_styles
        calendar = _calendar(workbook.date1904)
        yielded = empty_run = number = 0
        for _event, row in workbook._parse(self.path, "sheet"):
            if row.tag not in _ROW_TAGS:
                continue
            try:
                number = int(row.get("r") or number + 1)
            except ValueError:
                number += 1
            values: dict[int, object] = {}
            keep, max_columns = self.keep, self.max_columns
            column = -1
            for cell in row:
                reference = _CELL_REF.match(cell.get("r", ""))
                column = column_index(reference.group(1)) if reference else column + 1
                if column >= max_columns or (keep is not None and column not in keep):
                    continue
                cell_type = cell.get("t", "n")
                if cell_type == "inlineStr":
                    text, inline = None, [t.text or "" for t in cell.iter() if _local(t.tag) == "t"]
                else:
                    found = next((c for c in cell if _local(c.tag) == "v"), None)
                    text, inline = (None if found is None else found.text or ""), []
                value = _value(cell_type, text, inline, cell.get("s", ""), strings, dates, calendar)
                if value is not None and value != "":
                    values[column] = value
            row.clear()
            if values:
                empty_run = 0
                yielded += 1
                yield number, [values.get(i) for i in range(max(values) + 1)]
                if yielded > self.max_rows:
                    return
            else:
                empty_run += 1
                if empty_run > MAX_EMPTY_ROWS:
                    return


_ROW_TAGS = {
    "row",
    "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}row",
    "{http://purl.oclc.org/ooxml/spreadsheetml/main}row",
}
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")


def _refuse_declarations(source, chunk: int = 1 << 20) -> None:
    """Raise DTDForbidden when the member declares a document type or an entity anywhere (also
    inside a comment: a file that needs neither has none). Only ASCII-compatible encodings are
    read, so the search cannot miss a declaration written in UTF-16."""
    head = source.read(chunk)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]:
        raise DTDForbidden(None, None, None)
    tail = b""
    while head:
        window = tail + head
        if any(declaration in window for declaration in _DECLARATIONS):
            raise DTDForbidden(None, None, None)
        tail = window[-16:]
        head = source.read(chunk)


def _calendar(date1904: bool):
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    return CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900


def _value(cell_type, text, inline, style, strings, dates, calendar):
    if cell_type == "inlineStr":
        return clean_text("".join(inline))
    if text is None:
        return None
    if cell_type == "s":
        index = int(text)
        if not 0 <= index < len(strings):
            raise ValueError("shared string out of range")
        return strings[index]
    if cell_type in {"str", "e"}:
        return clean_text(text)
    if cell_type == "b":
        return text.strip() in {"1", "true"}
    if cell_type == "d":
        return datetime.fromisoformat(text.strip())
    number = float(text)
    if style and style.isdigit() and int(style) in dates:
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(number, calendar)
        except (ValueError, OverflowError):
            return number
    return int(number) if number.is_integer() and "." not in text and "E" not in text else number


def _too_large() -> str:
    return _("The file unpacks to far more than a list needs, so it is not read.")


def _xml_message() -> str:
    return _(
        "The file contains XML that Samverka does not read (a document type definition or "
        "entities). Save it again from Excel as an ordinary workbook (.xlsx)."
    )
