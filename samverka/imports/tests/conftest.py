"""Helpers for the import tests: lists as CSV text, XLSX bytes and parsed rows."""

import io
from datetime import date

import pytest

from samverka.activities.models import Activity, ActivityType, FocusArea
from samverka.imports.reading import parse_upload

HEADER = "date,activity,participant_code,birth_year,gender,third_country_national"


def csv_rows(*lines: str, header: str = HEADER) -> list:
    """Parsed rows of a CSV list with the given data lines."""
    text = "\n".join([header, *lines]) + "\n"
    return parse_upload(filename="list.csv", data=text.encode()).rows


def xlsx_bytes(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def cykel(world) -> Activity:
    """An activity of the Kalmar collaboration."""
    return Activity.objects.create(
        collaboration=world.kalmar,
        name="Cykelverkstad",
        focus_area=FocusArea.LEISURE,
        type=ActivityType.LEISURE,
        starts_on=date(2025, 1, 1),
    )
