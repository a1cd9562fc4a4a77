"""Give a fresh development install one admin account, so `make run` ends with someone who can log in."""
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand

from people.services import user_create

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' for a local install if it does not exist, with a generated password "
        "printed once (it is stored only as a hash). Run again, it changes nothing and says how to reset the "
        "password. Used by `make run`; on a shared server create real accounts instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help="port the development server listens on (for the URLs)")

    def handle(self, *args, **options):
        base = f"http://127.0.0.1:{options['port']}"
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"The account '{USERNAME}' already exists; its password is not shown again.\n"
                              f"To set a new one: python manage.py changepassword {USERNAME}\n"
                              f"Log in at {base}/accounts/login/ or {base}/admin/.")
            return
        _, password = user_create(username=USERNAME, actor="command:create_local_admin", superuser=True)
        self.stdout.write(self.style.SUCCESS(f"Created the superuser '{USERNAME}'."))
        self.stdout.write(
            f"  password: {password}   (shown this once; keep it, or reset it with "
            f"`python manage.py changepassword {USERNAME}`)\n"
            f"  log in:   {base}/accounts/login/  (the site) or {base}/admin/  (Django admin)\n"
            f"  API token: python manage.py drf_create_token {USERNAME}\n"
            f"             then: curl -H \"Authorization: Token <token>\" {base}/api/me/"
        )
