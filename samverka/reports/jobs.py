"""The national funder export as background work: at national size the count, the disclosure
control and the XLSX take longer than a request should (issue 20.5). The page starts the job and
goes to its progress page; the file is downloaded from there."""

from datetime import date

from django.utils.translation import gettext as _

from samverka.accounts.models import User
from samverka.jobs.services import Output, producer
from samverka.reports.funder import funder_report
from samverka.reports.services import funder_report_export

NATIONAL_EXPORT = "reports.national_funder"


@producer(NATIONAL_EXPORT)
def national_funder(job, progress) -> Output:
    params = job.params
    progress(10, _("Counting the participants"))
    report = funder_report(
        start=date.fromisoformat(params["from"]),
        end=date.fromisoformat(params["to"]),
        controlled=params["controlled"],
    )
    progress(60, _("Writing the file"))
    export = funder_report_export(
        report=report,
        file_format=params["format"],
        by=User.objects.get(pk=job.requested_by_id),
        municipality=params.get("municipality") or None,
    )
    return Output(export.content, export.filename, export.content_type)
