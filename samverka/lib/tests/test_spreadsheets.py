"""The safe XLSX reader: what a file claims is not believed, XML is read without entities."""

from datetime import date, datetime

import pytest

from samverka.lib import spreadsheets
from samverka.lib.spreadsheets import SpreadsheetError, Workbook
from samverka.lib.tests import hostile_files

HEADER = ["date", "activity", "participant_code"]


def read(data: bytes, **limits) -> list:
    with Workbook(data) as workbook:
        return list(workbook.sheet(**{"max_columns": 20, "max_rows": 100, **limits}))


def test_values_come_back_as_text_numbers_and_dates():
    data = hostile_files.workbook_bytes(
        [HEADER, [datetime(2025, 3, 14), "Läxhjälp\nKalmar", 2015], [date(2025, 3, 21), "x", 3.5]]
    )
    rows = read(data)
    assert rows[0] == (1, HEADER)
    assert rows[1] == (2, [datetime(2025, 3, 14), "Läxhjälp\nKalmar", 2015])
    assert rows[2][1][2] == 3.5


def test_a_claimed_sheet_of_16384_columns_and_20001_rows_reads_only_what_is_asked(monkeypatch):
    """The attack of issue 14: the work done does not grow with what the file claims. Only the
    cells of the columns looked at are converted, and reading stops at the row limit."""
    converted = []
    value = spreadsheets._value

    def counting(*args):
        converted.append(args)
        return value(*args)

    monkeypatch.setattr(spreadsheets, "_value", counting)
    data = hostile_files.huge_dimension(HEADER, [["2025-03-14", "Simskola", "AB23"]] * 3)
    assert len(data) < 200_000
    rows = read(data, max_columns=20, max_rows=100)
    assert [values for _n, values in rows] == [HEADER] + [["2025-03-14", "Simskola", "AB23"]] * 3
    assert len(converted) == 12  # 4 rows × 3 cells; the 20,001 cells in column XFD are skipped


def test_reading_stops_after_the_row_limit():
    data = hostile_files.workbook_bytes(
        [HEADER] + [["2025-03-14", "x", f"C{i}"] for i in range(50)]
    )
    assert len(read(data, max_rows=10)) == 11  # one more than the limit: the caller refuses


def test_only_the_kept_columns_are_read_after_the_header():
    data = hostile_files.workbook_bytes([["a", "name", "c"], ["1", "Ali Hassan", "3"]])
    with Workbook(data) as workbook:
        sheet = workbook.sheet(max_columns=20, max_rows=10)
        rows = iter(sheet)
        assert next(rows) == (1, ["a", "name", "c"])
        sheet.keep = {0, 2}
        assert next(rows) == (2, ["1", None, "3"])


@pytest.mark.parametrize(
    "make",
    [
        hostile_files.broken_sheet,
        hostile_files.billion_laughs,
        hostile_files.external_entity,
    ],
    ids=["broken sheet XML", "billion laughs", "external entity"],
)
def test_malformed_and_hostile_xml_is_refused_with_a_message(make):
    with pytest.raises(SpreadsheetError) as error:
        read(make([HEADER, ["2025-03-14", "Simskola", "AB23"]]))
    assert error.value.message
    assert "root:" not in error.value.message


def _zip_without_a_workbook() -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    return out.getvalue()


@pytest.mark.parametrize("data", [b"PK\x03\x04 not a zip", b"", _zip_without_a_workbook()])
def test_what_is_no_workbook_is_refused(data):
    with pytest.raises(SpreadsheetError):
        read(data)


def test_nul_and_control_characters_are_removed_and_excel_escapes_decoded():
    assert spreadsheets.clean_text("a\x00b\x07c_x000D_d\te") == "abc\rd\te"
