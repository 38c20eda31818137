"""Install or update the built-in indicator library.

    python manage.py load_indicators

Safe to run on every deploy: an unchanged definition is left alone, a changed one is updated
in place (its stable id stays), one no longer shipped is archived, never deleted.
"""

from django.core.management.base import BaseCommand

from samverka.followup.library import BUILTINS, install_builtin_indicators


class Command(BaseCommand):
    help = (
        "Install the built-in follow-up indicators (stable ids FU-…). Unchanged ones are left "
        "alone; changed ones are updated; ones no longer shipped are archived."
    )

    def handle(self, *args, **options):
        install_builtin_indicators(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"{len(BUILTINS)} built-in indicators are up to date.")
        )
