"""A dataset's files: data as CSV, XLSX and SPSS (.sav), a codebook, and a README that says
where the rows come from and what the k-anonymity check did. CSV and XLSX are written by
`samverka.lib.exports` (the one writer, which neutralises formula-looking text); the SPSS file
by pyreadstat. All in one ZIP."""

import io
import os
import tempfile
import zipfile

from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samverka.lib.exports import Sheet, csv_bytes, xlsx_bytes
from samverka.research.datasets.build import Table

ZIP_TYPE = "application/zip"


def _value_text(values: dict) -> str:
    return "; ".join(f"{value} = {label}" for value, label in values.items())


def codebook_rows(table: Table) -> list[list]:
    rows = []
    for variable in table.variables:
        values = dict(variable.values)
        if variable.name == "place":
            values = {}
        rows.append(
            [
                variable.name,
                variable.label,
                _("number") if variable.numeric else _("text"),
                _value_text(values),
                ", ".join(str(m) for m in variable.missing),
            ]
        )
    return rows


CODEBOOK_HEADERS = ("variable", "label", "type", "values", "missing")


def readme_lines(dataset, table: Table, *, by) -> list[str]:
    project = dataset.project
    report = table.report
    when = formats.date_format(timezone.localtime(), "DATETIME_FORMAT")
    lines = [
        f"{project.title} – {dataset.title}",
        "",
        _("Exported %(when)s by %(who)s from Samverka.") % {"when": when, "who": by},
        _("Ethical approval: %(ref)s of %(date)s (Swedish Ethical Review Authority).")
        % {"ref": project.ethics_reference, "date": project.ethics_approved_on.isoformat()},
        _("Period: %(start)s – %(end)s; attendance counted per %(period)s.")
        % {
            "start": dataset.starts_on.isoformat(),
            "end": dataset.ends_on.isoformat(),
            "period": dataset.get_period_display().lower(),
        },
        _("Collaborations included (approved by each coordinator): %(names)s.")
        % {"names": ", ".join(table.collaborations) or _("none with participants")},
        "",
        _("Who is in it"),
        _(
            "One row per participant who had given consent to funder reporting and attended at "
            "least one held session in the period. A person registered in two collaborations is "
            "two rows: Samverka cannot link registrations."
        ),
        _(
            "The pseudonym is a keyed hash with this project's own key: stable in every dataset "
            "of the project, impossible to link to other projects or to participant codes."
        ),
        _(
            "Survey answers only for participants whose latest survey consent is given, from the "
            "chosen rounds (latest answer per round); free-text answers are never included."
        ),
        "",
        _("k-anonymity (k = %(k)s)") % {"k": report.k},
        _(
            "Quasi-identifiers: age band, gender, third-country status and place. Every "
            "combination in the file is shared by at least %(k)s rows."
        )
        % {"k": report.k},
        _("Rows before the check: %(n)s.") % {"n": report.rows_in},
        _("Municipality replaced by the county: %(n)s rows.") % {"n": report.to_county},
        _("Place replaced by the whole country: %(n)s rows.") % {"n": report.to_national},
        _("Age band widened (neighbouring bands joined): %(n)s rows.")
        % {"n": report.bands_widened},
        _("Left out because their group stayed smaller than k: %(n)s rows.")
        % {"n": report.suppressed},
        _("Rows in the file: %(n)s in %(g)s groups; the smallest group has %(s)s rows.")
        % {"n": report.rows_out, "g": report.groups, "s": report.smallest_group},
    ]
    if table.rounds:
        lines += ["", _("Survey rounds"), *table.rounds]
        lines.append(
            _("Participants with survey answers in the file (before the check): %(n)s.")
            % {"n": table.survey_respondents}
        )
    lines += [
        "",
        _("Files"),
        _("data.csv and data.xlsx: the rows; codebook.csv: every variable with its values;"),
        _("data.sav: the same for SPSS, with variable and value labels."),
        "",
        _(
            "Do not try to identify anyone. Keep the file as the ethical approval says and "
            "delete it when the project ends."
        ),
    ]
    return lines


def _cells(table: Table) -> tuple[list[str], list[list]]:
    headers = [v.name for v in table.variables]
    return headers, [[row.get(name) for name in headers] for row in table.rows]


def sav_bytes(table: Table) -> bytes:
    import pandas as pd
    import pyreadstat

    headers, rows = _cells(table)
    frame = pd.DataFrame(rows, columns=headers)
    for variable in table.variables:
        column = variable.name
        if variable.numeric:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
        else:
            frame[column] = (
                frame[column].map(lambda v: "" if v is None else str(v)).astype("object")
            )
    labels = {v.name: v.label for v in table.variables}
    value_labels = {
        v.name: {(float(k) if v.numeric else str(k)): str(t) for k, t in v.values.items()}
        for v in table.variables
        if v.values
    }
    missing = {v.name: [float(m) for m in v.missing] for v in table.variables if v.missing}
    handle, path = tempfile.mkstemp(suffix=".sav")
    os.close(handle)
    try:
        pyreadstat.write_sav(
            frame,
            path,
            column_labels=labels,
            variable_value_labels=value_labels,
            missing_ranges=missing or None,
        )
        with open(path, "rb") as saved:
            return saved.read()
    finally:
        os.unlink(path)


def dataset_zip(dataset, table: Table, *, by) -> tuple[bytes, str]:
    headers, rows = _cells(table)
    readme = readme_lines(dataset, table, by=by)
    codebook = codebook_rows(table)
    data_csv = csv_bytes(headers, rows)
    codebook_csv = csv_bytes(CODEBOOK_HEADERS, codebook)
    workbook = xlsx_bytes(
        [
            Sheet("data", headers, rows),
            Sheet("codebook", CODEBOOK_HEADERS, codebook, widths=(24, 60, 10, 60, 10), wrap=True),
            Sheet("README", ["README"], [[line] for line in readme], widths=(120,), wrap=True),
        ]
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", "\n".join(readme) + "\n")
        archive.writestr("data.csv", data_csv)
        archive.writestr("codebook.csv", codebook_csv)
        archive.writestr("data.xlsx", workbook)
        archive.writestr("data.sav", sav_bytes(table))
    name = slugify(f"{dataset.project.title}-{dataset.title}")[:60] or "dataset"
    return out.getvalue(), f"{name}-{timezone.localdate():%Y%m%d}.zip"
