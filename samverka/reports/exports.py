"""The funder count as files, written by samverka/lib/exports.py.

- CSV (the command line and the web's plain CSV): codes, the columns of the contract
  `municipality_code,age_band,gender,third_country_national,participants`; a hidden figure
  reads ".."; in a disclosure-controlled file the rows are the published tables' cells and a
  summed dimension reads "total".
- CSV for Excel with Swedish settings: the same rows with semicolons and a byte-order mark,
  like the import template.
- XLSX: the same figures in words, in the language of the session (headers, sheet names, age
  groups, genders, statuses), with a sheet that says what the file is.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.lib import exports
from samverka.lib.disclosure import HIDDEN
from samverka.reports.funder import (
    TOTAL_CODE,
    FunderReport,
    age_label,
    gender_label,
    tcn_label,
)

PARTICIPANT_COLUMNS = [
    "municipality_code",
    "age_band",
    "gender",
    "third_country_national",
    "participants",
]


def _number(value: int | str) -> int | str:
    """A count as a number in the spreadsheet; ".." stays text."""
    return int(value) if isinstance(value, str) and value.isdigit() else value


def participants_csv(
    report: FunderReport, municipality: str | None = None, *, excel_swedish: bool = False
) -> bytes:
    return exports.csv_bytes(
        PARTICIPANT_COLUMNS, report.participant_rows(municipality), excel_swedish=excel_swedish
    )


def _word(value: str, label) -> str:
    return _("Total") if value == TOTAL_CODE else label(value)


def funder_xlsx(report: FunderReport, municipality: str | None = None, collaboration=None) -> bytes:
    names = {m.code: m.name for m in report.figures.municipalities}
    participants = exports.Sheet(
        _("Participants"),
        [
            _("Municipality code"),
            _("Municipality"),
            _("Age group"),
            _("Gender"),
            _("Third-country national"),
            _("Participants"),
        ],
        [
            (
                code,
                names.get(code, code),
                _word(age, age_label),
                _word(gender, gender_label),
                _word(tcn, tcn_label),
                _number(value),
            )
            for code, age, gender, tcn, value in report.participant_rows(municipality)
        ],
        widths=(14, 18, 14, 22, 24, 14),
    )
    headcounts = exports.Sheet(
        _("Anonymous headcounts"),
        [
            _("Municipality code"),
            _("Municipality"),
            _("Age group"),
            _("Gender"),
            _("Anonymous headcounts"),
        ],
        [
            (code, names.get(code, code), age_label(age), gender_label(gender), _number(value))
            for code, age, gender, value in report.headcount_rows(municipality)
        ],
        widths=(14, 18, 14, 22, 22),
    )
    focus_areas = exports.Sheet(
        _("Focus areas"),
        [
            _("Municipality code"),
            _("Municipality"),
            _("Focus area"),
            _("Sessions held"),
            _("Activities"),
        ],
        [
            (code, names.get(code, code), name, sessions, activities)
            for code, _area, name, sessions, activities in report.focus_area_rows(municipality)
        ],
        widths=(14, 18, 40, 14, 12),
    )
    about = exports.Sheet(
        _("About this file"),
        [],
        about_rows(report, municipality, names, collaboration),
        widths=(28, 80),
        wrap=True,
    )
    return exports.xlsx_bytes([participants, headcounts, focus_areas, about])


def about_rows(
    report: FunderReport, municipality: str | None, names: dict[str, str], collaboration=None
) -> list[tuple[str, str]]:
    where = [(_("Municipality"), _("All municipalities"))]
    if municipality:
        where = [
            (_("Municipality"), names.get(municipality, municipality)),
            (_("Municipality code"), municipality),
        ]
    if collaboration is not None:  # a collaboration's own figures
        where.insert(0, (_("Collaboration"), collaboration.name))
    return [
        (_("Report"), _("Funder count (AMIF)")),
        (_("From"), report.start.isoformat()),
        (_("To"), report.end.isoformat()),
        *where,
        (
            _("Figures"),
            _("Disclosure-controlled, may be shared")
            if report.controlled
            else _("Exact, for the funder report only – do not share"),
        ),
        (_("Created"), timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        (_("Note"), hidden_note() if report.controlled else _("Every figure is exact.")),
    ]


def hidden_note() -> str:
    return _(
        "“%(mark)s” marks a figure that is not shown: a count from 1 to 4, or another count "
        "hidden so that such a count cannot be worked out from the totals. It does not say "
        "how large the hidden figure is. Zero is shown as 0."
    ) % {"mark": HIDDEN}
