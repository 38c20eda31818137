"""The downloadable blank attendance lists (CSV and XLSX).

Only the column names: an example row left in by mistake would register a participant.
The XLSX has drop-down lists for the coded columns and a second sheet that explains them.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samverka.imports.columns import LABELS, REQUIRED, TEMPLATE_COLUMNS
from samverka.lib import exports


def csv_bytes() -> bytes:
    # Semicolons and a byte order mark: what Excel with Swedish settings opens directly.
    return exports.csv_bytes(TEMPLATE_COLUMNS, [], excel_swedish=True)


def _choices() -> dict[str, list[str]]:
    swedish = (get_language() or "sv").startswith("sv")
    if swedish:
        return {
            "gender": ["kvinna", "flicka", "man", "pojke", "annat", "ej angivet"],
            "third_country_national": ["ja", "nej", "okänt"],
            "reporting_consent": ["ja", "nej"],
            "role": ["barn", "vårdnadshavare"],
        }
    return {
        "gender": ["female", "male", "other", "not_stated"],
        "third_country_national": ["yes", "no", "unknown"],
        "reporting_consent": ["yes", "no"],
        "role": ["child", "guardian"],
    }


def explanations() -> dict[str, str]:
    return {
        "date": _("The day of the session, as YYYY-MM-DD (or an Excel date)."),
        "activity": _(
            "The activity's name as in Samverka. New names create activities after you confirm."
        ),
        "participant_code": _(
            "The participant's code: 4–8 characters, letters A–Z and digits 2–9. "
            "A new code registers a new participant."
        ),
        "birth_year": _("Four digits, for example 2015. Never a date of birth."),
        "gender": _(
            "kvinna, flicka, man, pojke, annat or ej angivet (or female, male, other, not_stated)."
        ),
        "third_country_national": _("ja, nej or okänt (or yes, no, unknown)."),
        "reporting_consent": _(
            "ja or nej (or yes, no): consent to funder reporting, given on paper. "
            "Leave empty if it was not asked."
        ),
        "household": _(
            "Any label that is the same for everyone in one family, for example F1. "
            "Samverka keeps only a scrambled form of it."
        ),
        "language": _("sv, ar, prs, so, ti, uk, en, other, or svenska, arabiska, dari …"),
        "role": _("barn or vårdnadshavare (or child, guardian). Empty means child."),
    }


def xlsx_bytes() -> bytes:
    """The blank list (column names only) with drop-down lists for the coded columns, and a
    sheet that explains each column; written by the one export writer (lib/exports.py)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    list_title = _("Attendance")[:31]
    widths = [max(14, len(column) + 4) for column in TEMPLATE_COLUMNS]
    widths[TEMPLATE_COLUMNS.index("activity")] = 28
    explanation = explanations()
    instructions = [
        [
            f"{column} ({LABELS[column]})",
            _("Yes") if column in REQUIRED else _("No"),
            explanation[column],
        ]
        for column in TEMPLATE_COLUMNS
    ]

    def finish(workbook):
        sheet = workbook[list_title]
        for column, words in _choices().items():
            letter = get_column_letter(TEMPLATE_COLUMNS.index(column) + 1)
            validation = DataValidation(
                type="list", formula1='"' + ",".join(words) + '"', allow_blank=True
            )
            validation.add(f"{letter}2:{letter}5000")
            sheet.add_data_validation(validation)
        dates = get_column_letter(TEMPLATE_COLUMNS.index("date") + 1)
        sheet.column_dimensions[dates].number_format = "yyyy-mm-dd"

    return exports.xlsx_bytes(
        [
            exports.Sheet(list_title, TEMPLATE_COLUMNS, [], widths=widths),
            exports.Sheet(
                _("Instructions")[:31],
                [_("Column"), _("Required"), _("What to write")],
                instructions,
                widths=[40, 10, 90],
            ),
        ],
        finish=finish,
    )
