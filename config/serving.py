"""Checks made once when the site starts serving requests."""
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NO_SECRET_KEY = (
    "Refusing to serve without a secret key: set DJANGO_SECRET_KEY or DJANGO_SECRET_KEY_FILE "
    "(`make run` creates one in ~/.claim-ledger), or DJANGO_DEBUG=1 for a throwaway development key."
)


def refuse_without_secret_key() -> None:
    """Sessions signed with a per-process key would break on every restart and differ between workers."""
    if not settings.DEBUG and not settings.SECRET_KEY_CONFIGURED:
        raise ImproperlyConfigured(NO_SECRET_KEY)
