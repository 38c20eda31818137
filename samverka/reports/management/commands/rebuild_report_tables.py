"""Rebuild (or check) the derived tables: those the funder count reads (AttendanceYear,
ActivityYear, ConsentState), the follow-up plan's ActivityAttendanceYear, and the survey
answers' kept counts the national survey results read (`surveys.respond.counts`; a rebuild
first folds in every sent response).

The app keeps them in step on every write; run this after repairing data by hand in the
database or restoring part of a backup, or with --check from monitoring.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from samverka.activities import activity_attendance_years, activity_years, attendance_years
from samverka.lib.scoping import national_scope
from samverka.participants import consent_state
from samverka.surveys.respond import counts as survey_counts


class Command(BaseCommand):
    help = (
        "Rebuild the derived tables behind the funder count (months attended per participant "
        "and year, sessions held per activity and year, current consent) from attendance, the "
        "sessions and the consent ledger, and the kept counts of survey answers from the "
        "answers; --check only compares and fails when they differ."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Compare with a rebuild without changing anything; exit 1 when they differ.",
        )

    @national_scope()  # the derived tables cover every collaboration
    def handle(self, *args, check: bool, **options):
        if check:
            years, consent = attendance_years.out_of_step(), consent_state.out_of_step()
            activities = activity_attendance_years.out_of_step()
            sessions = activity_years.out_of_step()
            answers = survey_counts.out_of_step()
            if years or consent or activities or sessions or answers:
                raise CommandError(
                    f"The report tables are out of step: {years} attendance-year rows, "
                    f"{activities} activity-attendance rows, {sessions} activity-year rows, "
                    f"{consent} consent rows and {answers} survey-count rows differ. Run "
                    "rebuild_report_tables to repair them."
                )
            self.stdout.write("The report tables are in step with attendance and consent.")
            return
        started = time.monotonic()
        consents = consent_state.rebuild()
        years = attendance_years.rebuild()  # after: its rows carry the consent
        activities = activity_attendance_years.rebuild()
        sessions = activity_years.rebuild()
        answers = survey_counts.rebuild()
        self.stdout.write(
            f"Rebuilt {years} participant-years of attendance, {activities} "
            f"participant-activity-years (the follow-up plan's), {sessions} activity-years of "
            f"sessions held, {consents} consent states and {answers} rows of survey counts in "
            f"{time.monotonic() - started:.1f} s."
        )
