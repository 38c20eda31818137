"""Close self-assessment rounds whose planned closing date has passed (cron-friendly).

manage.py close_due_assessment_rounds            # close them
manage.py close_due_assessment_rounds --dry-run  # only list them
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from samverka.assessment.models import AssessmentRound
from samverka.assessment.rounds.services import round_close
from samverka.lib.scoping import national_scope


class Command(BaseCommand):
    help = "Close self-assessment rounds whose planned closing date has passed."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, but close nothing.")

    @national_scope()  # every collaboration's due rounds
    def handle(self, *args, dry_run=False, **options):
        due = AssessmentRound.objects.filter(
            closed_at__isnull=True, closes_on__lt=timezone.localdate()
        ).select_related("collaboration")
        count = 0
        for round in due:
            self.stdout.write(f"{round.collaboration} – {round}")
            if not dry_run:
                round_close(round=round, by=None)
            count += 1
        verb = "due" if dry_run else "closed"
        self.stdout.write(self.style.SUCCESS(f"{count} round(s) {verb}."))
