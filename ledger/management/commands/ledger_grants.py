from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ledger.grants import apply_grants, grant_statements


class Command(BaseCommand):
    help = (
        "PostgreSQL: give the application's role (DATABASE_URL's user, or --role) SELECT and INSERT on the ledger's "
        "tables and nothing more there (no UPDATE, DELETE, TRUNCATE, no UPDATE of the head), and the usual rights on "
        "the other tables. Run it as the owner of the tables (DATABASE_OWNER_URL); `migrate` runs it for you when "
        "DATABASE_OWNER_URL is set. --print shows the SQL instead of running it."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--role", help="the application's role (default: the user in DATABASE_URL)")
        parser.add_argument("--print", action="store_true", help="print the statements, run nothing")

    def handle(self, *args, **options):
        role = options["role"] or connection.settings_dict["USER"]
        if not role:
            raise CommandError("Name the application's role with --role.")
        if options["print"]:
            self.stdout.write(";\n".join(grant_statements(role)) + ";")
            return
        try:
            statements = apply_grants(role)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"granted {role!r} the application's rights ({len(statements)} statements)")
