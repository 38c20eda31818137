"""Reading CSV and XLSX lists: delimiters, byte order marks, Excel cells, Swedish headers."""

from datetime import date, datetime

import pytest

from samverka.imports.reading import ImportFileError, household_digest, parse_upload
from samverka.imports.tests.conftest import xlsx_bytes


def parse(text: str, encoding="utf-8", name="list.csv"):
    return parse_upload(filename=name, data=text.encode(encoding))


def test_a_comma_separated_list_is_read_with_line_numbers():
    parsed = parse("date,activity,participant_code\n2025-03-14,Cykelverkstad,ab12\n")
    assert parsed.rows == [
        [2, {"date": "2025-03-14", "activity": "Cykelverkstad", "participant_code": "ab12"}]
    ]


def test_a_semicolon_separated_list_with_a_byte_order_mark_is_read():
    parsed = parse("\ufeffdate;activity;participant_code\n2025-03-14;Läxhjälp, Kalmar;AB12\n")
    assert parsed.rows[0][1]["activity"] == "Läxhjälp, Kalmar"
    assert parsed.rows[0][1]["date"] == "2025-03-14"


def test_swedish_headers_in_any_case_and_with_spaces_are_understood():
    parsed = parse(
        " Datum ; AKTIVITET ;Deltagarkod;Födelseår;Kön;Tredjelandsmedborgare;Samtycke;Språk\n"
        "2025-03-14;Cykelverkstad;AB12;2015;flicka;ja;ja;arabiska\n"
    )
    assert parsed.rows[0][1] == {
        "date": "2025-03-14",
        "activity": "Cykelverkstad",
        "participant_code": "AB12",
        "birth_year": "2015",
        "gender": "flicka",
        "third_country_national": "ja",
        "reporting_consent": "ja",
        "language": "arabiska",
    }


def test_windows_1252_from_swedish_excel_is_read():
    parsed = parse(
        "datum;aktivitet;deltagarkod;kön\n2025-03-14;Simskola;AB12;ej angivet\n", "cp1252"
    )
    assert parsed.rows[0][1]["activity"] == "Simskola"


def test_blank_lines_are_skipped_and_line_numbers_kept():
    parsed = parse("date,activity,participant_code\n\n2025-03-14,Simskola,AB12\n,,\n")
    assert [line for line, _ in parsed.rows] == [3]


def test_other_columns_are_dropped_and_named():
    parsed = parse(
        "date,activity,participant_code,Namn,Telefon\n2025-03-14,Simskola,AB12,Ali,070\n"
    )
    assert parsed.ignored_columns == ["Namn", "Telefon"]
    assert "Ali" not in str(parsed.rows)


def test_household_labels_are_kept_only_as_a_digest():
    parsed = parse("date,activity,participant_code,hushåll\n2025-03-14,Simskola,AB12,Familjen A\n")
    assert parsed.rows[0][1]["household"] == household_digest("familjen  a")
    assert "Familjen" not in str(parsed.rows)


def test_xlsx_with_datetime_and_float_cells_is_read():
    data = xlsx_bytes(
        [
            ["Datum", "Aktivitet", "Deltagarkod", "Födelseår", "Kön", "Tredjelandsmedborgare"],
            [datetime(2025, 3, 14), "Cykelverkstad", "AB12", 2015.0, "pojke", "nej"],
            [date(2025, 3, 21), "Cykelverkstad", "AB12", 2015, "pojke", "nej"],
            [None, None, None, None, None, None],
        ]
    )
    parsed = parse_upload(filename="närvaro.xlsx", data=data)
    assert parsed.rows == [
        [
            2,
            {
                "date": "2025-03-14",
                "activity": "Cykelverkstad",
                "participant_code": "AB12",
                "birth_year": "2015",
                "gender": "pojke",
                "third_country_national": "nej",
            },
        ],
        [
            3,
            {
                "date": "2025-03-21",
                "activity": "Cykelverkstad",
                "participant_code": "AB12",
                "birth_year": "2015",
                "gender": "pojke",
                "third_country_national": "nej",
            },
        ],
    ]


def test_xlsx_is_recognised_by_content_whatever_its_name():
    data = xlsx_bytes(
        [["date", "activity", "participant_code"], ["2025-03-14", "Simskola", "AB12"]]
    )
    assert len(parse_upload(filename="upload", data=data)) == 1


@pytest.mark.parametrize(
    "name, data",
    [
        ("list.csv", b""),
        ("list.csv", b"date,activity,participant_code\n"),
        ("list.csv", b"datum,plats\n2025-03-14,Kalmar\n"),
        ("list.csv", b"date,datum,activity,participant_code\n"),
        ("list.xlsx", b"PK\x03\x04 not really a workbook"),
        ("list.xls", b"\xd0\xcf\x11\xe0 old excel"),
    ],
)
def test_unusable_files_are_refused_as_a_whole(name, data):
    with pytest.raises(ImportFileError) as error:
        parse_upload(filename=name, data=data)
    assert error.value.message


def test_a_missing_column_is_named():
    with pytest.raises(ImportFileError) as error:
        parse("datum;aktivitet\n2025-03-14;Simskola\n")
    assert "participant_code" in error.value.message


def test_an_xlsx_that_unpacks_to_too_much_is_refused(monkeypatch):
    monkeypatch.setattr("samverka.lib.spreadsheets.MAX_UNPACKED_BYTES", 1000)
    data = xlsx_bytes(
        [["date", "activity", "participant_code"], ["2025-03-14", "Simskola", "AB23"]]
    )
    with pytest.raises(ImportFileError):
        parse_upload(filename="list.xlsx", data=data)
