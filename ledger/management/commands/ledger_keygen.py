import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ledger.keys import key_id_of, load_signing_key, public_pem, write_private_key

DEFAULT_PATH = "~/.claim-ledger/ledger-signing-key.pem"


class Command(BaseCommand):
    help = (
        "Create the Ed25519 private key that signs ledger checkpoints, readable by its owner only (0600), and print "
        "its public key. Keep the key outside the repository; point LEDGER_SIGNING_KEY_FILE at it. Refuses to "
        "overwrite an existing key (old checkpoints would no longer verify); --if-missing makes that a no-op."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--output", help=f"where to write the key (default: LEDGER_SIGNING_KEY_FILE, "
                                             f"else {DEFAULT_PATH})")
        parser.add_argument("--if-missing", action="store_true", help="do nothing (but print the public key) "
                                                                      "when the file already exists")

    def handle(self, *args, **options):
        path = Path(os.path.expanduser(options["output"] or settings.LEDGER_SIGNING_KEY_FILE or DEFAULT_PATH))
        if path.exists():
            if not options["if_missing"]:
                raise CommandError(f"{path} already exists; refusing to replace the ledger's signing key.")
            key = load_signing_key(str(path))
            self.stdout.write(f"key_id {key.key_id} (existing key at {path})\n{key.public_pem}")
            return
        public = write_private_key(path)
        self.stdout.write(f"wrote {path} (mode 0600)\nkey_id {key_id_of(public)}\n{public_pem(public)}")

