"""Django's changepassword, recorded: people.services.user_update sets it and appends the ledger entry."""
import getpass

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from config.errors import DomainError
from people.services import user_update

MAX_TRIES = 3


class Command(BaseCommand):
    help = ("Change a user's password, recorded in the ledger like every account change (the stock command writes "
            "the row behind the ledger's back). Asks twice; the password must pass the site's validators.")
    requires_migrations_checks = True
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="whose password (default: the current system user)")
        parser.add_argument("--database", default="default", help="only 'default' is supported")

    def handle(self, *args, **options):
        username = options["username"] or getpass.getuser()
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"user '{username}' does not exist")
        self.stdout.write(f"Changing password for user '{username}'")
        for _ in range(MAX_TRIES):
            first = getpass.getpass()
            if first != getpass.getpass("Password (again): "):
                self.stdout.write("Passwords do not match. Please try again.")
                continue
            try:
                user_update(user=user, password=first, actor="command:changepassword")
            except DomainError as refused:
                self.stderr.write(refused.message)
                continue
            self.stdout.write(f"Password changed successfully for user '{username}'")
            return
        raise CommandError(f"Aborting password change for user '{username}' after {MAX_TRIES} attempts")
