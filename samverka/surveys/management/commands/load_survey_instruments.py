"""Install or update the built-in survey instruments.

    python manage.py load_survey_instruments

Safe to run on every deploy: an instrument whose definition has not changed is left alone; a
changed definition becomes a new published version (rounds keep the version they use).
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from samverka.surveys.builtin.install import install_builtin_instruments


class Command(BaseCommand):
    help = (
        "Install the built-in survey instruments (parent, child, partner, activity feedback) "
        "in all eight survey languages. A changed definition becomes a new published version; "
        "an unchanged one is left alone."
    )

    def handle(self, *args, **options):
        try:
            versions = install_builtin_instruments(stdout=self.stdout)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(f"{len(versions)} built-in survey instruments are up to date.")
        )
