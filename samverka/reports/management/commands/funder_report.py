"""The funder count (AMIF) on the command line.

    python manage.py funder_report --from 2025-01-01 --to 2025-12-31 --format csv \
        [--disclosure-control] [--municipality 0880] [--output FILE]

CSV goes to standard output (or --output) with the header
municipality_code,age_band,gender,third_country_national,participants; XLSX needs --output.
Exact figures unless --disclosure-control; with it, the rows are the cells of the published
tables (a summed dimension reads "total", a hidden figure ".."), and the rows of one
municipality are a slice of the national controlled table, the same as on screen. Every run
is in the audit trail.
"""

import re
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverka.lib.scoping import national_scope
from samverka.orgs.models import Municipality
from samverka.reports.funder import funder_report
from samverka.reports.services import FORMATS, funder_report_export


def _date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(
            f"{option} must be a date written YYYY-MM-DD, for example 2025-01-01; got {value!r}."
        ) from None


class Command(BaseCommand):
    help = "Write the funder count (AMIF) for a period as CSV (standard output) or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("--format", dest="file_format", default="csv", help="csv or xlsx")
        parser.add_argument(
            "--disclosure-control",
            action="store_true",
            help="hide counts from 1 to 4 and what would reveal them (for sharing)",
        )
        parser.add_argument("--municipality", help="four-digit municipality code, e.g. 0880")
        parser.add_argument("--output", help="write to this file instead of standard output")

    @national_scope()  # the funder count is national (or one municipality)
    def handle(self, *args, **options):
        start = _date(options["start"], "--from")
        end = _date(options["end"], "--to")
        if end < start:
            raise CommandError(f"--to ({end}) is before --from ({start}).")
        file_format = (options["file_format"] or "").lower()
        if file_format not in FORMATS:
            raise CommandError(
                f"--format must be one of {', '.join(FORMATS)}; got {file_format!r}."
            )
        if file_format == "xlsx" and not options["output"]:
            raise CommandError("--format xlsx writes a file: give it with --output FILE.")
        municipality = options["municipality"]
        if municipality is not None:
            if not re.fullmatch(r"\d{4}", municipality):
                raise CommandError(
                    f"--municipality takes a four-digit code such as 0880; got {municipality!r}."
                )
            if not Municipality.objects.filter(code=municipality).exists():
                raise CommandError(f"There is no municipality with code {municipality}.")
        output = Path(options["output"]) if options["output"] else None
        if output is not None and not output.parent.is_dir():
            raise CommandError(f"The folder {output.parent} does not exist.")

        report = funder_report(start=start, end=end, controlled=options["disclosure_control"])
        export = funder_report_export(
            report=report,
            file_format=file_format,
            by=None,
            municipality=municipality,
            via="command",
        )
        if output is None:
            self.stdout.write(export.content.decode(), ending="")
        else:
            output.write_bytes(export.content)
            self.stderr.write(f"Wrote {output}")
