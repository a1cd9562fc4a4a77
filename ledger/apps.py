from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "ledger"
    verbose_name = "Ledger"

    def ready(self):
        """Register the signing-key system check (ledger.W001, ledger.E001)."""
        from ledger import checks  # noqa: F401
