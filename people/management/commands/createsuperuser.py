"""Django's createsuperuser, recorded: the account is made by people.services.user_create, with its ledger entry."""
import getpass
import os

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from config.errors import DomainError
from people.services import user_create

PASSWORD_ENV = "DJANGO_SUPERUSER_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a superuser, recorded in the ledger like every account change (the stock command writes the row "
        "behind the ledger's back). Same flags as Django's: --username, --email, --noinput (then the password comes "
        f"from {PASSWORD_ENV}, the username and email from DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_EMAIL "
        "when not given)."
    )
    requires_migrations_checks = True
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("--username", help="login name of the superuser")
        parser.add_argument("--email", help="email address of the superuser")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="ask nothing; the password comes from DJANGO_SUPERUSER_PASSWORD")
        parser.add_argument("--database", default="default", help="only 'default' is supported")

    def handle(self, *args, **options):
        if options["database"] != "default":
            raise CommandError("Only the default database is supported.")
        username = options["username"] or os.environ.get("DJANGO_SUPERUSER_USERNAME")
        email = options["email"] if options["email"] is not None else os.environ.get("DJANGO_SUPERUSER_EMAIL", "")
        password = os.environ.get(PASSWORD_ENV)
        if options["interactive"]:
            username = username or input("Username: ").strip()
            if options["email"] is None and "DJANGO_SUPERUSER_EMAIL" not in os.environ:
                email = input("Email address: ").strip()
            password = password or self._ask_password()
        elif not username:
            raise CommandError("You must use --username with --noinput.")
        elif not password:
            raise CommandError(f"Set {PASSWORD_ENV} with --noinput (a superuser without a password cannot log in).")
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"Error: That username is already taken: {username!r}.")
        try:
            user_create(username=username, email=email, password=password, superuser=True,
                        actor="command:createsuperuser")
        except DomainError as refused:
            raise CommandError(refused.message) from None
        if options["verbosity"] >= 1:
            self.stdout.write("Superuser created successfully.")

    def _ask_password(self) -> str:
        for _ in range(3):
            first = getpass.getpass()
            if first and first == getpass.getpass("Password (again): "):
                return first
            self.stderr.write("Error: Your passwords didn't match, or were blank.")
        raise CommandError("Aborting: no password was set.")
