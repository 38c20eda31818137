"""Exporting the funder count. Every export is written to the audit trail."""

from dataclasses import dataclass

from django.db import transaction

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.reports import exports
from samverka.reports.funder import FunderReport

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The web also offers the CSV that Excel with Swedish settings opens directly.
WEB_FORMATS = {**FORMATS, "csv_excel": "text/csv; charset=utf-8"}
EXTENSIONS = {"csv": "csv", "csv_excel": "csv", "xlsx": "xlsx"}


@dataclass(frozen=True)
class Export:
    content: bytes
    content_type: str
    filename: str


@transaction.atomic
def funder_report_export(
    *,
    report: FunderReport,
    file_format: str,
    by,
    municipality: str | None = None,
    collaboration=None,
    via: str = "web",
) -> Export:
    """The report as CSV or XLSX, recorded as an export in the audit trail."""
    if file_format not in WEB_FORMATS:
        raise ValueError(f"unknown format {file_format!r}")
    if file_format == "xlsx":
        content = exports.funder_xlsx(report, municipality, collaboration)
    else:
        content = exports.participants_csv(
            report, municipality, excel_swedish=file_format == "csv_excel"
        )
    marking = "shared" if report.controlled else "exact"
    filename = "-".join(
        part
        for part in (
            "funder-report",
            municipality or "all",
            report.start.isoformat(),
            report.end.isoformat(),
            marking,
            "excel" if file_format == "csv_excel" else "",
        )
        if part
    )
    audit_record(
        actor=by,
        action=AuditAction.EXPORT,
        obj=collaboration,
        collaboration=collaboration,
        detail=(
            f"funder report {file_format} {report.start.isoformat()}..{report.end.isoformat()} "
            f"{'disclosure-controlled' if report.controlled else 'exact'} "
            f"municipality {municipality or 'all'} via {via}"
        ),
    )
    return Export(content, WEB_FORMATS[file_format], f"{filename}.{EXTENSIONS[file_format]}")
