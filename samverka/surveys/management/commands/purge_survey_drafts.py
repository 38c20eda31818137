from django.core.management.base import BaseCommand, CommandError

from samverka.lib.scoping import national_scope
from samverka.surveys.respond.services import PURGE_DAYS, drafts_due, drafts_purge


class Command(BaseCommand):
    help = (
        "Delete survey responses that were started but never sent, older than --days days. "
        "Dry run by default: lists what would be deleted. Run it from cron, e.g. daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply", action="store_true", help="Delete for real (without it nothing changes)."
        )
        parser.add_argument(
            "--days",
            type=int,
            default=PURGE_DAYS,
            help=f"Age in days of the unsent responses to delete (default {PURGE_DAYS}).",
        )

    @national_scope()  # unsent drafts of every collaboration
    def handle(self, *args, apply=False, days=PURGE_DAYS, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        if not apply:
            per_round: dict[str, int] = {}
            for title, code in drafts_due(days=days).values_list("round__title", "round__code"):
                key = f"{title} ({code})"
                per_round[key] = per_round.get(key, 0) + 1
            for name, count in sorted(per_round.items()):
                self.stdout.write(f"{name}: {count} unsent responses")
            total = sum(per_round.values())
            self.stdout.write(
                f"Dry run: {total} unsent responses older than {days} days would be deleted. "
                "Run with --apply to delete them."
            )
            return
        counts = drafts_purge(days=days)
        for round_, count in counts.items():
            self.stdout.write(f"{round_.title} ({round_.code}): {count} unsent responses")
        self.stdout.write(
            self.style.SUCCESS(f"Deleted {sum(counts.values())} unsent survey responses.")
        )
