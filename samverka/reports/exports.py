"""Writing the funder count as CSV and XLSX. Values are codes, hidden counts are "<5"."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from samverka.reports.funder import FunderReport

PARTICIPANT_COLUMNS = [
    "municipality_code",
    "age_band",
    "gender",
    "third_country_national",
    "participants",
]
HEADCOUNT_COLUMNS = ["municipality_code", "age_band", "gender", "headcount"]
FOCUS_AREA_COLUMNS = [
    "municipality_code",
    "focus_area",
    "focus_area_name",
    "sessions",
    "activities",
]


def _number(value: int | str) -> int | str:
    """A count as a number in the spreadsheet; "<5" stays text."""
    return int(value) if isinstance(value, str) and value.isdigit() else value


def participants_csv(report: FunderReport, municipality: str | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PARTICIPANT_COLUMNS)
    writer.writerows(report.participant_rows(municipality))
    return out.getvalue()


def funder_xlsx(report: FunderReport, municipality: str | None = None) -> bytes:
    workbook = Workbook()
    sheets = [
        ("participants", PARTICIPANT_COLUMNS, report.participant_rows(municipality)),
        ("headcounts", HEADCOUNT_COLUMNS, report.headcount_rows(municipality)),
        ("focus_areas", FOCUS_AREA_COLUMNS, report.focus_area_rows(municipality)),
    ]
    for index, (title, columns, rows) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = title
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([*row[:-1], _number(row[-1])])
        sheet.freeze_panes = "A2"
        for letter, width in zip("ABCDE", (18, 12, 12, 24, 14), strict=False):
            sheet.column_dimensions[letter].width = width
    about = workbook.create_sheet("about")
    for row in about_rows(report, municipality):
        about.append(row)
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 70
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def about_rows(report: FunderReport, municipality: str | None) -> list[tuple[str, str]]:
    return [
        (_("Report"), _("Funder count (AMIF)")),
        (_("From"), report.start.isoformat()),
        (_("To"), report.end.isoformat()),
        (_("Municipality"), municipality or _("All municipalities")),
        (
            _("Figures"),
            _("Disclosure-controlled, may be shared")
            if report.controlled
            else _("Exact, for the funder report only – do not share"),
        ),
        (_("Created"), timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        (
            _("Note"),
            _(
                "“<5” marks a hidden number: fewer than five, or hidden so that a small "
                "number cannot be worked out from the totals."
            ),
        ),
    ]
