"""DRF's drf_create_token, recorded: people.services.token_issue makes the token and appends the ledger entry."""
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from people.services import token_issue


class Command(BaseCommand):
    help = ("Create a DRF token for a user (or, with -r, replace it), recorded in the ledger: the entry names the "
            "token by the SHA-256 of its key, never the key. Prints 'Generated token <key> for user <username>'.")

    def add_arguments(self, parser):
        parser.add_argument("username", type=str)
        parser.add_argument("-r", "--reset", action="store_true", dest="reset_token", default=False,
                            help="Reset existing User token and create a new one")

    def handle(self, *args, **options):
        username = options["username"]
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Cannot create the Token: user {username} does not exist")
        token, _ = token_issue(user=user, reset=options["reset_token"], actor="command:drf_create_token")
        self.stdout.write(f"Generated token {token.key} for user {username}")
