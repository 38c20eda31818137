from django.core.management.base import BaseCommand

from samverka.lib.scoping import national_scope
from samverka.surveys.respond import counts


class Command(BaseCommand):
    help = (
        "Fold the survey responses sent since the last run into the kept counts the national "
        "survey results read (the figures stay the same; the page reads fewer answers). Run it "
        "from cron, e.g. every 10 minutes."
    )

    @national_scope()  # sent responses of every collaboration
    def handle(self, *args, **options):
        folded = counts.fold()
        self.stdout.write(f"Folded {folded} sent survey responses into the kept counts.")
