from django.core.management.base import BaseCommand, CommandError

from samverka.accounts.models import User
from samverka.accounts.roles import NationalRole
from samverka.accounts.services import person_update


class Command(BaseCommand):
    help = (
        "Give a person a national role (national_lead or researcher), or remove it with 'none'. "
        "Used to appoint the first national lead of a new installation."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=["national_lead", "researcher", "none"])

    def handle(self, *args, username, role, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No person with username {username!r}.")
        national_role = NationalRole.NONE if role == "none" else role
        person_update(person=user, national_role=national_role, by=None)
        user.refresh_from_db()
        label = user.get_national_role_display()
        self.stdout.write(f"{username}: national role is now {label}.")
