from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and roles"

    def ready(self):
        """Register accounts, tokens and role groups with the ledger's reconciliation."""
        from people.ledgering import register_accounts

        register_accounts()
