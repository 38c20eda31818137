from django.conf import settings
from django.core.management.base import BaseCommand

from samverka.jobs.services import jobs_purge
from samverka.lib.scoping import national_scope


class Command(BaseCommand):
    help = "Delete background work and its files older than JOB_FILE_DAYS (cron, daily)."

    @national_scope()  # every person's finished work
    def handle(self, *args, **options):
        count = jobs_purge()
        self.stdout.write(f"deleted={count} older_than_days={settings.JOB_FILE_DAYS}")
