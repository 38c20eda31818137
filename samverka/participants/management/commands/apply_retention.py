from django.conf import settings
from django.core.management.base import BaseCommand

from samverka.lib.scoping import national_scope
from samverka.participants.retention import due_for_erasure
from samverka.participants.services import participant_erase


class Command(BaseCommand):
    help = (
        "Erase participants whose collaboration ended more than RETENTION_MONTHS ago and who "
        "have not attended since. Dry run by default: lists what would be erased."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply", action="store_true", help="Erase for real (without it nothing changes)."
        )
        parser.add_argument(
            "--months",
            type=int,
            default=settings.RETENTION_MONTHS,
            help=f"Months after the collaboration's end (default {settings.RETENTION_MONTHS}).",
        )

    @national_scope()  # retention runs over every collaboration
    def handle(self, *args, apply=False, months=None, **options):
        due = list(due_for_erasure(months=months))
        by_collaboration: dict[str, int] = {}
        for participant in due:
            key = f"{participant.collaboration.name} ({participant.collaboration.code})"
            by_collaboration[key] = by_collaboration.get(key, 0) + 1
        for name, count in by_collaboration.items():
            self.stdout.write(f"{name}: {count} participants")
        if not apply:
            self.stdout.write(
                f"Dry run: {len(due)} participants would be erased. Run with --apply to erase them."
            )
            return
        for done, participant in enumerate(due, start=1):
            participant_erase(participant=participant, by=None)
            if done % 100 == 0 or done == len(due):
                self.stderr.write(f"erased {done}/{len(due)}")
        self.stdout.write(self.style.SUCCESS(f"Erased {len(due)} participants."))
