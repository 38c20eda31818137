from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from samverka.accounts.models import User
from samverka.accounts.roles import NationalRole
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record


class Command(BaseCommand):
    help = (
        "Give a person a national role (national_lead or researcher), or remove it with 'none'. "
        "Used to appoint the first national lead of a new installation."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=["national_lead", "researcher", "none"])

    @transaction.atomic
    def handle(self, *args, username, role, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No person with username {username!r}.")
        user.national_role = NationalRole.NONE if role == "none" else role
        user.save(update_fields=["national_role"])
        audit_record(
            actor=None,
            action=AuditAction.UPDATE,
            obj=user,
            fields=["national_role"],
            detail="set_national_role command",
        )
        label = user.get_national_role_display()
        self.stdout.write(f"{username}: national role is now {label}.")
