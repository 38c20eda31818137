"""GRANTs for the database role the application runs as (PostgreSQL).

Deploy with two roles: an owner that runs migrations, and the application's role, which owns
nothing, may read and write the application's tables, but may only INSERT and SELECT on the
audit trail (no UPDATE, DELETE, TRUNCATE, and — not being the owner — no DISABLE TRIGGER).
Run as the owner after every `migrate` (new tables need their grants):

    DATABASE_URL=postgres://owner@.../samverka manage.py grant_app_role samverka_app
    manage.py grant_app_role samverka_app --print     # only show the SQL
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

AUDIT_TABLE = "audit_auditevent"


def statements(role: str) -> list[str]:
    from psycopg import sql

    name = sql.Identifier(role).as_string(None)
    return [
        f"GRANT USAGE ON SCHEMA public TO {name}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {AUDIT_TABLE} FROM {name}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {name}",
    ]


class Command(BaseCommand):
    help = "Grant the application's database role what it needs, and no more (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role the application connects as")
        parser.add_argument("--print", action="store_true", help="print the SQL, change nothing")

    def handle(self, *args, role, **options):
        if connection.vendor != "postgresql":
            raise CommandError("grant_app_role is for PostgreSQL only.")
        sqls = statements(role)
        if options["print"]:
            self.stdout.write(";\n".join(sqls) + ";")
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
            if cursor.fetchone() is None:
                raise CommandError(f"No database role {role}: create it first (CREATE ROLE ...).")
            for statement in sqls:
                cursor.execute(statement)
        self.stdout.write(f"granted: {role}")
