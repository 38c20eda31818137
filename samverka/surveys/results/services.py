"""What staff do with results that is written to the audit trail: exporting them, and reading
the free-text answers (the respondents' own words)."""

from django.db import transaction

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.lib.downloads import Download
from samverka.surveys.results.breakdowns import MIN_GROUP
from samverka.surveys.results.exports import FORMATS, results_csv, results_xlsx
from samverka.surveys.results.selectors import (
    FreeText,
    RoundResults,
    free_text_answers,
    submitted_count,
)


@transaction.atomic
def results_export(
    *, results: RoundResults, dimension: str, file_format: str, by, collaboration
) -> Download:
    """The results as CSV or XLSX, recorded as an export in the audit trail."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown format {file_format!r}")
    if file_format == "csv":
        content = results_csv(results, dimension)
    else:
        content = results_xlsx(results, dimension)
    breakdown = results.breakdown(dimension)
    audit_record(
        actor=by,
        action=AuditAction.EXPORT,
        obj=results.round,
        collaboration=collaboration,
        detail=(f"survey results {file_format} by {breakdown.dimension if breakdown else 'none'}"),
    )
    suffix = breakdown.dimension.replace("_", "-") if breakdown else "all"
    filename = f"survey-results-{results.round.code}-{suffix}.{file_format}"
    return Download(content, FORMATS[file_format], filename)


@transaction.atomic
def free_text_read(*, round_, by, language: str = "sv") -> list[FreeText] | None:
    """The free-text answers of a round with at least 5 submitted responses, else None.

    Reading them is recorded in the audit trail (the answers are the respondents' own words).
    """
    if submitted_count(round_) < MIN_GROUP:
        return None
    texts = free_text_answers(round_, language=language)
    audit_record(
        actor=by,
        action=AuditAction.VIEW,
        obj=round_,
        collaboration=round_.collaboration,
        fields=["free_text"],
        detail=f"{sum(len(t.answers) for t in texts)} free-text answers",
    )
    return texts
