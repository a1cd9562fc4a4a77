"""`migrate`, connecting as the owner role when DATABASE_OWNER_URL is set, then granting the application's role."""
import contextlib

import dj_database_url
from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import DEFAULT_DB_ALIAS, connections

from ledger.grants import apply_grants

CREDENTIALS = ("USER", "PASSWORD", "HOST", "PORT")


@contextlib.contextmanager
def connected_as_owner(owner_url: str):
    """Point the default connection at the owner's credentials (same database) for the block."""
    connection = connections[DEFAULT_DB_ALIAS]
    owner = dj_database_url.parse(owner_url)
    saved = {name: connection.settings_dict.get(name) for name in CREDENTIALS}
    connection.close()
    connection.settings_dict.update({name: owner.get(name) or "" for name in CREDENTIALS})
    try:
        yield saved["USER"]
    finally:
        connection.close()
        connection.settings_dict.update(saved)


class Command(DjangoMigrate):
    help = (DjangoMigrate.help + " With DATABASE_OWNER_URL set (PostgreSQL), it connects as that owner role and "
            "afterwards grants DATABASE_URL's role the application's rights (see `manage.py ledger_grants`).")

    def handle(self, *args, **options):
        owner_url = settings.DATABASE_OWNER_URL
        if not owner_url or options["database"] != DEFAULT_DB_ALIAS:
            return super().handle(*args, **options)
        if connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
            raise CommandError("DATABASE_OWNER_URL is for PostgreSQL; unset it for SQLite.")
        with connected_as_owner(owner_url) as app_role:
            super().handle(*args, **options)
            if app_role and app_role != dj_database_url.parse(owner_url).get("USER"):
                apply_grants(app_role)
                if options["verbosity"]:
                    self.stdout.write(f"Granted {app_role!r} the application's rights (ledger/grants.py).")
