import shlex
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverka.demo import data
from samverka.lib.scoping import national_scope


class Command(BaseCommand):
    help = "Create or refresh the invented demo data and print the demo logins. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (never on a server with real families' data).",
        )

    @national_scope()  # the demo builds every collaboration
    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a published password. It refuses to run "
                "with DEBUG off; use --force on a demo server only."
            )
        collaborations = data.seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(collaborations)} municipalities with a collaboration each."
            )
        )
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {data.DEMO_PASSWORD}):")
        for login in data.DEMO_LOGINS:
            self.stdout.write(f"  {login.username:<15} {login.description}")
        self.stdout.write(
            "  <town>.ngo / <town>.kommun  coordinator / municipal contact in the other towns"
        )
        self.stdout.write("")
        self.stdout.write(
            "The national lead needs a second factor. Add this key to an authenticator app: "
            f"{data.DEMO_TOTP_KEY_BASE32}"
        )
        self.stdout.write(f"or print the current code with: {totp_command('nationell')}")


def totp_command(username: str) -> str:
    """The demo_totp command as it works when pasted into a new shell: from the project folder,
    with the project's Python, and with DEBUG on (demo_totp refuses without it) or, on a demo
    server run with DEBUG off, with --force."""
    python = Path(".venv/bin/python")
    if not (settings.BASE_DIR / python).exists():
        python = Path(sys.executable)
    command = f"{python} manage.py demo_totp {username}"
    command = f"DEBUG=1 {command}" if settings.DEBUG else f"{command} --force"
    return f"cd {shlex.quote(str(settings.BASE_DIR))} && {command}"
