"""Delete uploaded attendance lists that were never confirmed and have expired (a day after
upload), with any file still waiting. Run it from cron, e.g. hourly:

    python manage.py expire_pending_imports
"""

from django.core.management.base import BaseCommand

from samverka.imports.services import pending_imports_expire
from samverka.lib.scoping import national_scope


class Command(BaseCommand):
    help = "Delete uploaded attendance lists that were never confirmed and have expired."

    @national_scope()
    def handle(self, *args, **options):
        count = pending_imports_expire()
        self.stdout.write(f"{count} expired uploads deleted")
