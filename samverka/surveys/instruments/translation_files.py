"""Translation files: export a version's texts as XLSX or PO, read them back, plan an import.

XLSX: sheet 1 has the columns key, context, sv and every other survey language (one row per text
unit, `texts.text_units`); sheet 2 lists each language's status with an empty "new status"
column a translator may fill in; sheet 3 says which instrument and version the file came from.

PO: one file per language, msgctxt = the text unit's key, msgid = the Swedish text, msgstr =
the translation. The reader is deliberately small and strict: it reads the format written
here (and what PO editors such as Poedit make of it), and refuses anything else with the line.

Reading never changes the database. `plan_import` compares a read file with a version and
lists every change, error and warning per row; `services.translations.texts_apply` applies a
plan's changes in one transaction.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.lib.exports import Sheet, restore, xlsx_bytes
from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS
from samverka.lib.spreadsheets import SpreadsheetError, Workbook
from samverka.surveys.instruments.models import InstrumentVersion, TranslationStatus
from samverka.surveys.instruments.texts import (
    MAX_TEXT_LENGTH,
    SETTABLE_STATUSES,
    SOURCE_LANGUAGE,
    clean_text,
    language_states,
    missing_texts,
    not_complete_message,
    text_units,
)

SOURCE = SOURCE_LANGUAGE
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PO_TYPE = "text/x-gettext-translation; charset=utf-8"

TEXTS_SHEET = "texts"
STATUS_SHEET = "status"
ABOUT_SHEET = "about"
STATUS_COLUMNS = ["language", "name", "current_status", "missing", "new_status"]


class TranslationFileError(Exception):
    """The file as a whole cannot be read."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Row:
    where: str  # "Row 5" / "Line 12", for messages
    key: str
    texts: dict[str, str]  # {language: text} as read; "" means "no text in the file"
    source: str | None = None  # a PO entry's msgid: the Swedish text the translator saw


@dataclass
class ParsedFile:
    kind: str  # "xlsx" or "po"
    rows: list[Row] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)  # explicit new statuses
    problems: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    language: str = ""  # a PO file's language
    instrument_code: str = ""
    version_code: str = ""
    version_number: str = ""
    ignored_columns: list[str] = field(default_factory=list)

    def to_session(self) -> dict:
        return {
            "kind": self.kind,
            "rows": [[r.where, r.key, r.texts, r.source] for r in self.rows],
            "statuses": self.statuses,
            "problems": [list(p) for p in self.problems],
            "language": self.language,
            "instrument_code": self.instrument_code,
            "version_code": self.version_code,
            "version_number": self.version_number,
            "ignored_columns": self.ignored_columns,
        }

    @classmethod
    def from_session(cls, data: dict) -> "ParsedFile":
        return cls(
            kind=data["kind"],
            rows=[
                Row(where, key, dict(texts), source) for where, key, texts, source in data["rows"]
            ],
            statuses=dict(data["statuses"]),
            problems=[tuple(p) for p in data["problems"]],
            language=data["language"],
            instrument_code=data["instrument_code"],
            version_code=data["version_code"],
            version_number=data["version_number"],
            ignored_columns=list(data["ignored_columns"]),
        )


def file_stem(version: InstrumentVersion) -> str:
    name = re.sub(r"[^A-Za-z0-9]+", "-", version.instrument.name).strip("-").lower()
    return f"{name or 'survey'}-v{version.number}"


# ------------------------------------------------------------------------------------ XLSX


def export_xlsx(version: InstrumentVersion) -> bytes:
    """The workbook a translator fills in, written by the one export writer (lib/exports.py):
    a text that begins like a formula gets an apostrophe, which `parse_xlsx` takes off again."""
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    units = list(text_units(version))
    states = language_states(version)
    languages = [SOURCE, *[c for c in LANGUAGE_CODES if c != SOURCE]]
    text_rows = [
        [unit.key, unit.context, *[unit.get(lang) for lang in languages]]
        for unit in units
        if unit.required or any(unit.get(lang) for lang in languages)
    ]
    status_rows = [
        [
            language,
            str(LANGUAGE_LABELS[language]),
            str(states[language]),
            len(missing_texts(version, language, units)),
            None,
        ]
        for language in LANGUAGE_CODES
    ]
    about_rows = [
        ("instrument", version.instrument.name),
        ("instrument_code", version.instrument.code),
        ("version", version.number),
        ("version_code", version.code),
        ("exported", timezone.localtime().strftime("%Y-%m-%d %H:%M")),
    ]

    def finish(workbook):
        bold = Font(bold=True)
        grey = PatternFill("solid", fgColor="EEEEEE")
        sheet = workbook[TEXTS_SHEET]
        for header in (sheet[1], workbook[STATUS_SHEET][1]):
            for cell in header:
                cell.font, cell.fill = bold, grey
        for row in sheet.iter_rows(min_row=2, min_col=3):
            for cell in row:
                cell.protection = Protection(locked=False)
        sheet.freeze_panes = "C2"
        # The key and context columns are locked so they are not changed by mistake (no
        # password).
        sheet.protection.sheet = True
        sheet.protection.formatColumns = False
        sheet.protection.formatRows = False
        sheet.protection.formatCells = False
        sheet.protection.autoFilter = False
        sheet.protection.sort = False
        rule = DataValidation(
            type="list",
            formula1='"' + ",".join(str(s) for s in SETTABLE_STATUSES) + '"',
            allow_blank=True,
        )
        workbook[STATUS_SHEET].add_data_validation(rule)
        rule.add(f"E2:E{len(LANGUAGE_CODES) + 1}")

    return xlsx_bytes(
        [
            Sheet(
                TEXTS_SHEET,
                ["key", "context", *languages],
                text_rows,
                widths=[26, 24, *[40] * len(languages)],
                wrap=True,
            ),
            Sheet(STATUS_SHEET, STATUS_COLUMNS, status_rows, widths=[12, 18, 18, 10, 18]),
            Sheet(ABOUT_SHEET, (), about_rows, widths=[18, 40]),
        ],
        finish=finish,
    )


def cell_text(value) -> str:
    """A cell as text; what the export writer neutralised (a leading apostrophe before a
    formula-like text) is taken off, so a file makes the round trip unchanged."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return restore(str(value))


def parse_xlsx(data: bytes) -> ParsedFile:
    """Read a translations workbook with the safe reader (samverka/lib/spreadsheets.py): XML
    without entities, at most MAX_ROWS rows and the columns of the languages, whatever the
    file claims."""
    try:
        with Workbook(data) as workbook:
            parsed = ParsedFile(kind="xlsx")
            texts = TEXTS_SHEET if workbook.has_sheet(TEXTS_SHEET) else None
            columns = 2 + len(LANGUAGE_CODES) + 20  # key, context, languages, a few more
            sheet = workbook.sheet(texts, max_columns=columns, max_rows=MAX_ROWS + 1)
            _read_texts_sheet(sheet, parsed)
            if workbook.has_sheet(STATUS_SHEET):
                _read_status_sheet(
                    workbook.sheet(STATUS_SHEET, max_columns=10, max_rows=100), parsed
                )
            if workbook.has_sheet(ABOUT_SHEET):
                for _number, values in workbook.sheet(ABOUT_SHEET, max_columns=2, max_rows=20):
                    if len(values) >= 2 and values[0]:
                        label, value = cell_text(values[0]).strip(), cell_text(values[1]).strip()
                        if label == "instrument_code":
                            parsed.instrument_code = value
                        elif label == "version_code":
                            parsed.version_code = value
                        elif label == "version":
                            parsed.version_number = value
    except SpreadsheetError as error:
        raise TranslationFileError(error.message) from error
    return parsed


def _rows(sheet):
    for number, values in sheet:
        texts = [cell_text(v) for v in values]
        if any(t.strip() for t in texts):
            yield number, texts


def _read_texts_sheet(sheet, parsed: ParsedFile) -> None:
    columns: list[str | None] | None = None
    count = 0
    for number, values in _rows(sheet):
        where = _("Row %(row)s") % {"row": number}
        if columns is None:
            columns = _read_header(values, where, parsed)
            sheet.keep = {i for i, c in enumerate(columns) if c in ("key", *LANGUAGE_CODES)}
            continue
        count += 1
        if count > MAX_ROWS:
            raise TranslationFileError(
                _("The file has more than %(limit)s rows.") % {"limit": MAX_ROWS}
            )
        key = ""
        texts = {}
        for column, value in zip(columns, values, strict=False):
            if column == "key":
                key = value.strip()
            elif column in LANGUAGE_CODES:
                texts[column] = value
        parsed.rows.append(Row(where, key, texts))
    if columns is None:
        raise TranslationFileError(_("The file is empty."))


def _read_header(values: list[str], where: str, parsed: ParsedFile) -> list[str | None]:
    columns: list[str | None] = []
    for value in values:
        name = value.strip()
        lowered = name.lower()
        if not name:
            columns.append(None)
        elif lowered in ("key", "context"):
            columns.append(lowered)
        else:
            code = _language_code(name)
            if code is None:
                parsed.problems.append(
                    (
                        where,
                        _(
                            "The column “%(column)s” is not a survey language. "
                            "Use the codes %(codes)s."
                        )
                        % {"column": name[:40], "codes": ", ".join(LANGUAGE_CODES)},
                    )
                )
                columns.append(None)
                continue
            if code in columns:
                parsed.problems.append(
                    (where, _("The column “%(column)s” appears twice.") % {"column": name[:40]})
                )
                columns.append(None)
                continue
            columns.append(code)
    if "key" not in columns:
        raise TranslationFileError(_("The first row must name the columns, starting with “key”."))
    return columns


def _language_code(name: str) -> str | None:
    lowered = name.strip().lower()
    for code in LANGUAGE_CODES:
        if lowered == code.lower():
            return code
    return None


def _read_status_sheet(sheet, parsed: ParsedFile) -> None:
    columns = None
    for number, values in _rows(sheet):
        where = _("Status sheet, row %(row)s") % {"row": number}
        if columns is None:
            columns = [v.strip().lower() for v in values]
            if "language" not in columns or "new_status" not in columns:
                return  # not our sheet: nothing to read
            continue
        row = dict(zip(columns, values, strict=False))
        language = _language_code(row.get("language", ""))
        wanted = (row.get("new_status") or "").strip().lower()
        if not wanted:
            continue
        if language is None:
            parsed.problems.append(
                (
                    where,
                    _("“%(language)s” is not a survey language.")
                    % {"language": (row.get("language") or "")[:40]},
                )
            )
        elif wanted not in SETTABLE_STATUSES:
            parsed.problems.append((where, _status_error(wanted)))
        else:
            parsed.statuses[language] = wanted


def _status_error(value: str) -> str:
    return _("“%(status)s” is not a status. Write %(statuses)s.") % {
        "status": value[:40],
        "statuses": ", ".join(str(s) for s in SETTABLE_STATUSES),
    }


# -------------------------------------------------------------------------------------- PO


def _po_quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\t", "\\t")
        .replace("\r", "\\r")
        .replace("\n", "\\n")
    )
    return f'"{escaped}"'


def _po_field(keyword: str, text: str) -> list[str]:
    """`msgid "..."`, split after each line break like gettext does for multi-line texts."""
    if "\n" not in text.rstrip("\n"):
        return [f"{keyword} {_po_quote(text)}"]
    parts = text.splitlines(keepends=True)
    return [f'{keyword} ""', *(_po_quote(part) for part in parts)]


def export_po(version: InstrumentVersion, language: str) -> str:
    units = [u for u in text_units(version) if u.required]
    states = language_states(version)
    header = {
        "Project-Id-Version": f"Samverka {version.instrument.name} v{version.number}",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Samverka-Instrument": version.instrument.code,
        "X-Samverka-Version": version.code,
        "X-Samverka-Version-Number": str(version.number),
        "X-Samverka-Current-Status": str(states[language]),
        "X-Samverka-Status": "",
    }
    lines = [
        f"# {version.instrument.name}, version {version.number}: "
        f"{LANGUAGE_LABELS[language]} ({language}).",
        "# Translate each msgstr. Do not change msgctxt or msgid.",
        "# To set the language's status when you are done, write draft, reviewed or",
        "# back_translated after X-Samverka-Status in the header.",
        'msgid ""',
        'msgstr ""',
        *(_po_quote(f"{name}: {value}\n") for name, value in header.items()),
    ]
    for unit in units:
        lines.append("")
        if unit.context:
            for part in str(unit.context).splitlines() or [""]:
                lines.append(f"#. {part}")
        lines.append(f"msgctxt {_po_quote(unit.key)}")
        lines.extend(_po_field("msgid", unit.get(SOURCE)))
        lines.extend(_po_field("msgstr", unit.get(language)))
    return "\n".join(lines) + "\n"


_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r"}
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*)$")


def _po_unquote(text: str, line: int) -> str:
    text = text.strip()
    if len(text) < 2 or not text.startswith('"') or not text.endswith('"'):
        raise TranslationFileError(
            _("Line %(line)s: a text must be written in double quotes.") % {"line": line}
        )
    body, out, i = text[1:-1], [], 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            if i + 1 >= len(body) or body[i + 1] not in _ESCAPES:
                raise TranslationFileError(
                    _("Line %(line)s: unknown escape sequence.") % {"line": line}
                )
            out.append(_ESCAPES[body[i + 1]])
            i += 2
        elif char == '"':
            raise TranslationFileError(
                _('Line %(line)s: a double quote inside a text must be written \\".')
                % {"line": line}
            )
        else:
            out.append(char)
            i += 1
    return "".join(out)


@dataclass
class _Entry:
    line: int
    fields: dict = field(default_factory=dict)
    flags: set = field(default_factory=set)


def _has_msgstr(entry: _Entry) -> bool:
    return any(key == "msgstr" or key.startswith("msgstr[") for key in entry.fields)


def _po_entries(text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    last: str | None = None

    def finish():
        nonlocal current, last
        if current is not None and current.fields:
            if "msgid" not in current.fields or not _has_msgstr(current):
                raise TranslationFileError(
                    _("Line %(line)s: an entry needs both msgid and msgstr.")
                    % {"line": current.line}
                )
            entries.append(current)
        current, last = None, None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#"):
            if current is not None and _has_msgstr(current):
                finish()
            if line.startswith("#~"):
                continue  # an obsolete entry
            if current is None:
                current = _Entry(number)
            if line.startswith("#,"):
                current.flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, rest = match.groups()
            starts_entry = keyword in ("msgctxt", "msgid")
            if current is not None and _has_msgstr(current) and starts_entry:
                finish()
            if current is None:
                current = _Entry(number)
            if keyword in current.fields:
                raise TranslationFileError(
                    _("Line %(line)s: %(keyword)s appears twice in one entry.")
                    % {"line": number, "keyword": keyword}
                )
            current.fields[keyword] = _po_unquote(rest, number)
            last = keyword
            continue
        if line.startswith('"'):
            if current is None or last is None:
                raise TranslationFileError(
                    _("Line %(line)s: a text line without msgid or msgstr before it.")
                    % {"line": number}
                )
            current.fields[last] += _po_unquote(line, number)
            continue
        raise TranslationFileError(
            _("Line %(line)s: this line is not part of a PO file.") % {"line": number}
        )
    finish()
    return entries


def parse_po(data: bytes) -> ParsedFile:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TranslationFileError(_("A PO file must be saved as UTF-8.")) from error
    entries = _po_entries(text)
    parsed = ParsedFile(kind="po")
    header = next(
        (e for e in entries if e.fields.get("msgid") == "" and "msgctxt" not in e.fields), None
    )
    if header is None:
        raise TranslationFileError(_("The PO file has no header, so its language is unknown."))
    headers = {}
    for header_line in header.fields["msgstr"].split("\n"):
        name, sep, value = header_line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    parsed.language = headers.get("language", "")
    parsed.instrument_code = headers.get("x-samverka-instrument", "")
    parsed.version_code = headers.get("x-samverka-version", "")
    parsed.version_number = headers.get("x-samverka-version-number", "")
    status = headers.get("x-samverka-status", "").strip().lower()
    code = _language_code(parsed.language.replace("_", "-")) if parsed.language else None
    if not parsed.language:
        raise TranslationFileError(_("The PO file does not say its language (Language: …)."))
    if code is None or code == SOURCE:
        raise TranslationFileError(
            _("The PO file is for “%(language)s”, which is not a language to translate into.")
            % {"language": parsed.language[:40]}
        )
    parsed.language = code
    if status:
        if status in SETTABLE_STATUSES:
            parsed.statuses[code] = status
        else:
            parsed.problems.append(("X-Samverka-Status", _status_error(status)))
    for entry in entries:
        if entry is header:
            continue
        where = _("Line %(line)s") % {"line": entry.line}
        if "msgid_plural" in entry.fields or any(k.startswith("msgstr[") for k in entry.fields):
            parsed.problems.append((where, _("Plural forms are not used in survey texts.")))
            continue
        if "fuzzy" in entry.flags:
            # A translator marked it as unfinished: leave the text as it is.
            continue
        key = entry.fields.get("msgctxt", "").strip()
        parsed.rows.append(
            Row(where, key, {code: entry.fields["msgstr"]}, source=entry.fields["msgid"])
        )
        if len(parsed.rows) > MAX_ROWS:
            raise TranslationFileError(
                _("The file has more than %(limit)s rows.") % {"limit": MAX_ROWS}
            )
    return parsed


# ------------------------------------------------------------------------------- any file


def parse_upload(*, filename: str, data: bytes) -> ParsedFile:
    if not data.strip():
        raise TranslationFileError(_("The file is empty."))
    if b"\x00" in data and data[:2] != b"PK":
        raise TranslationFileError(
            _("The file contains a NUL character, so it is not a PO file. Export it again.")
        )
    if len(data) > MAX_FILE_BYTES:
        raise TranslationFileError(
            _("The file is too large. The limit is %(megabytes)s MB.")
            % {"megabytes": MAX_FILE_BYTES // (1024 * 1024)}
        )
    name = (filename or "").lower()
    if data[:2] == b"PK" or name.endswith(".xlsx"):
        return parse_xlsx(data)
    if name.endswith((".po", ".pot")):
        return parse_po(data)
    raise TranslationFileError(_("Upload an Excel workbook (.xlsx) or a PO file (.po)."))


# ---------------------------------------------------------------------------------- plans


@dataclass
class Change:
    where: str
    key: str
    language: str
    old: str
    new: str


@dataclass
class ImportPlan:
    changes: list[Change] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (where, key, message)
    warnings: list[tuple[str, str, str]] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error_rows(self) -> int:
        return len({where for where, _key, _message in self.errors})

    def per_language(self) -> list[tuple[str, str, int]]:
        counts: dict[str, int] = {}
        for change in self.changes:
            counts[change.language] = counts.get(change.language, 0) + 1
        return [
            (code, LANGUAGE_LABELS[code], counts[code]) for code in LANGUAGE_CODES if code in counts
        ]

    def change_tuples(self) -> list[tuple[str, str, str]]:
        return [(c.key, c.language, c.new) for c in self.changes]


def plan_import(
    version: InstrumentVersion, parsed: ParsedFile, *, only_language: str = ""
) -> ImportPlan:
    """What importing `parsed` into `version` would change, and every reason it cannot."""
    plan = ImportPlan()
    for where, message in parsed.problems:
        plan.errors.append((where, "", message))
    if parsed.instrument_code and parsed.instrument_code != version.instrument.code:
        plan.errors.append(
            (
                _("File"),
                "",
                _("The file was exported from another survey instrument, not from “%(name)s”.")
                % {"name": version.instrument.name},
            )
        )
    elif parsed.version_code and parsed.version_code != version.code:
        plan.warnings.append(
            (
                _("File"),
                "",
                _(
                    "The file was exported from version %(number)s of this instrument. "
                    "Texts are matched by their keys."
                )
                % {"number": parsed.version_number or "?"},
            )
        )
    if parsed.kind == "po" and only_language and parsed.language != only_language:
        plan.errors.append(
            (
                _("File"),
                "",
                _("The file is for %(file_language)s, but you chose %(language)s.")
                % {
                    "file_language": LANGUAGE_LABELS.get(parsed.language, parsed.language),
                    "language": LANGUAGE_LABELS[only_language],
                },
            )
        )

    units = {unit.key: unit for unit in text_units(version)}
    seen: dict[str, str] = {}
    for row in parsed.rows:
        texts = row.texts
        if not row.key:
            if any(clean_text(v) for v in texts.values()):
                plan.errors.append((row.where, "", _("The key is empty.")))
            continue
        unit = units.get(row.key)
        if unit is None:
            plan.errors.append(
                (row.where, row.key[:80], _("There is no text with this key in this version."))
            )
            continue
        if row.key in seen:
            plan.errors.append(
                (
                    row.where,
                    row.key,
                    _("The key appears twice (also on %(where)s).") % {"where": seen[row.key]},
                )
            )
            continue
        seen[row.key] = row.where
        if row.source is not None and clean_text(row.source) != unit.get(SOURCE):
            plan.warnings.append(
                (row.where, row.key, _("The Swedish text has changed since the file was made."))
            )
        for language, value in texts.items():
            if only_language and language != only_language:
                continue
            value = clean_text(value)
            if not value:
                continue  # an empty cell leaves the text as it is
            if len(value) > MAX_TEXT_LENGTH:
                plan.errors.append(
                    (
                        row.where,
                        row.key,
                        _("The %(language)s text is longer than %(limit)s characters.")
                        % {"language": LANGUAGE_LABELS[language], "limit": MAX_TEXT_LENGTH},
                    )
                )
                continue
            if language != SOURCE and not unit.required:
                plan.errors.append(
                    (
                        row.where,
                        row.key,
                        _("There is no Swedish text for this key, so it cannot be translated."),
                    )
                )
                continue
            old = unit.get(language)
            if value == old:
                plan.unchanged += 1
                continue
            plan.changes.append(Change(row.where, row.key, language, old, value))

    statuses = {
        lang: status
        for lang, status in parsed.statuses.items()
        if not only_language or lang == only_language
    }
    if statuses:
        after = {(c.key, c.language): c.new for c in plan.changes}
        for language, status in statuses.items():
            if status == TranslationStatus.DRAFT:
                plan.statuses[language] = status
                continue
            missing = [
                unit.key
                for unit in units.values()
                if unit.required and not (after.get((unit.key, language)) or unit.get(language))
            ]
            if missing:
                plan.errors.append(
                    (
                        _("Status"),
                        "",
                        not_complete_message(language, len(missing)),
                    )
                )
            else:
                plan.statuses[language] = status
    return plan
