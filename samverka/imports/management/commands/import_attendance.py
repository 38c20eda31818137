"""Import an attendance list (CSV or XLSX) into a collaboration, all rows or none.

    python manage.py import_attendance <collaboration> <file> [--create-activities] [--dry-run]

<collaboration> is the collaboration's code, or its municipality's four-digit code when the
municipality has exactly one collaboration.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverka.accounts.models import User
from samverka.activities.models import ActivityType, FocusArea
from samverka.imports import services
from samverka.imports.reading import ImportFileError, parse_upload
from samverka.lib.scoping import collaboration_scope, national_scope
from samverka.orgs.models import Collaboration


def find_collaboration(value: str) -> Collaboration:
    value = value.strip()
    found = Collaboration.objects.filter(code=value.upper()).first()
    if found is not None:
        return found
    municipality = value.zfill(4) if value.isdigit() and len(value) == 3 else value
    if municipality.isdigit() and len(municipality) == 4:
        candidates = list(
            Collaboration.objects.filter(municipality__code=municipality).order_by("starts_on")
        )
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            listed = ", ".join(f"{c.code} ({c.name})" for c in candidates)
            raise CommandError(
                _(
                    "Municipality %(code)s has %(count)s collaborations. "
                    "Give the collaboration's code instead: %(listed)s"
                )
                % {"code": municipality, "count": len(candidates), "listed": listed}
            )
    raise CommandError(_("No collaboration with the code %(code)s.") % {"code": value})


class Command(BaseCommand):
    help = "Import an attendance list (CSV or XLSX) into a collaboration: all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("collaboration", help="collaboration code or municipality code")
        parser.add_argument("file", help="a .csv (UTF-8, comma or semicolon) or .xlsx file")
        parser.add_argument(
            "--create-activities",
            action="store_true",
            help="create activities whose names are not in the collaboration yet",
        )
        parser.add_argument(
            "--focus-area",
            type=int,
            choices=FocusArea.values,
            default=services.DEFAULT_FOCUS_AREA,
            help="focus area of created activities (default: 2, meaningful leisure)",
        )
        parser.add_argument(
            "--activity-type",
            choices=ActivityType.values,
            default=services.DEFAULT_ACTIVITY_TYPE,
            help="type of created activities (default: other)",
        )
        parser.add_argument(
            "--user", help="the username recorded in the audit trail as the importer"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and report; write nothing"
        )

    def handle(self, *args, **options):
        collaboration = find_collaboration(options["collaboration"])
        with national_scope():  # uploads that were never confirmed expire everywhere
            services.pending_imports_expire()
        with collaboration_scope(collaboration):
            self._import(collaboration, options)

    def _import(self, collaboration, options):
        by = None
        if options["user"]:
            by = User.objects.filter(username=options["user"]).first()
            if by is None:
                raise CommandError(_("No user %(name)s.") % {"name": options["user"]})
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": path, "error": error.strerror}
            ) from error
        try:
            parsed = parse_upload(filename=path.name, data=data)
        except ImportFileError as error:
            raise CommandError(error.message) from error

        def progress(phase, done, total):
            self.stderr.write(f"{phase} {done}/{total} rows")

        if options["dry_run"]:
            plan = services.import_plan(
                collaboration=collaboration, rows=parsed.rows, progress=progress
            )
            self._report_problems(plan, create_activities=options["create_activities"])
            self.stdout.write(self._summary(plan, dry_run=True))
            return
        choices = {
            services.activity_key(name): (options["focus_area"], options["activity_type"])
            for name in {row[1].get("activity", "") for row in parsed.rows}
        }
        try:
            plan = services.attendance_import(
                collaboration=collaboration,
                rows=parsed.rows,
                by=by,
                create_activities=options["create_activities"],
                activity_choices=choices,
                progress=progress,
            )
        except services.ImportRefused as refused:
            self._report_problems(refused.plan, create_activities=False)
            raise CommandError(_("Nothing was imported.")) from refused
        self.stdout.write(self._summary(plan, dry_run=False))

    def _report_problems(self, plan, *, create_activities: bool):
        """Print each bad row to stderr and stop when the import cannot go ahead."""
        for error in plan.errors:
            column = f" {error.column_label}:" if error.column_label else ""
            self.stderr.write(
                _("line %(line)s:%(column)s %(message)s")
                % {"line": error.line, "column": column, "message": error.message}
            )
        if plan.errors:
            raise CommandError(
                ngettext(
                    "Nothing was imported: %(count)s row has problems.",
                    "Nothing was imported: %(count)s rows have problems.",
                    plan.error_lines,
                )
                % {"count": plan.error_lines}
            )
        if plan.unknown_activities and not create_activities:
            raise CommandError(
                _(
                    "These activities are not in the collaboration: %(names)s. "
                    "Check the names, or run again with --create-activities to create them."
                )
                % {"names": ", ".join(plan.unknown_activities)}
            )

    def _summary(self, plan, *, dry_run: bool) -> str:
        counts = (
            f"rows={plan.rows} attendance_added={plan.attendance_to_add} "
            f"already_present={plan.already_present} new_participants={plan.new_participants} "
            f"new_households={plan.new_households} new_sessions={plan.new_sessions} "
            f"new_activities={plan.new_activities} consents={plan.consents_to_record}"
        )
        if dry_run:
            return _("Checked, nothing written: %(counts)s") % {"counts": counts}
        return _("Imported: %(counts)s") % {"counts": counts}
