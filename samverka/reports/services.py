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
    if file_format not in FORMATS:
        raise ValueError(f"unknown format {file_format!r}")
    if file_format == "csv":
        content = exports.participants_csv(report, municipality).encode()
    else:
        content = exports.funder_xlsx(report, municipality)
    marking = "shared" if report.controlled else "exact"
    filename = "-".join(
        part
        for part in (
            "funder-report",
            municipality or "all",
            report.start.isoformat(),
            report.end.isoformat(),
            marking,
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
    return Export(content, FORMATS[file_format], f"{filename}.{file_format}")
