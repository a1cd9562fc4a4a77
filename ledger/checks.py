"""System checks: a ledger without a signing key works, but nobody outside can hold it to its history."""
from django.conf import settings
from django.core.checks import Error, Warning, register

from ledger.keys import signing_key

NO_KEY = Warning(
    "LEDGER_SIGNING_KEY_FILE is not set: ledger checkpoints are NOT signed, so a rewritten history cannot be proved.",
    hint="Create a key outside the repository with `manage.py ledger_keygen --output ~/.claim-ledger/"
         "ledger-signing-key.pem` and set LEDGER_SIGNING_KEY_FILE to that path.",
    id="ledger.W001",
)


@register()
def signing_key_configured(app_configs, **kwargs):
    """Warn when no key is configured; fail when the configured key cannot be read."""
    if not settings.LEDGER_SIGNING_KEY_FILE:
        return [NO_KEY]
    try:
        signing_key()
    except (OSError, ValueError, TypeError) as exc:
        return [Error(f"LEDGER_SIGNING_KEY_FILE={settings.LEDGER_SIGNING_KEY_FILE!r} cannot be used: {exc}",
                      hint="Run `manage.py ledger_keygen` to create a key, or fix the path.", id="ledger.E001")]
    return []
