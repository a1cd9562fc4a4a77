"""Checks made once when the site starts serving requests, or a worker starts taking tasks."""
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NO_SECRET_KEY = (
    "Refusing to serve without a secret key: set DJANGO_SECRET_KEY or DJANGO_SECRET_KEY_FILE "
    "(`make run` creates one in ~/.claim-ledger), or DJANGO_DEBUG=1 for a throwaway development key."
)
UNCONFIGURED = (
    "Refusing to start in production (DJANGO_DEBUG is off) without {missing}: set them (see .env.example and "
    "the README's deployment section), or DJANGO_DEBUG=1 to try the tool on this machine."
)


def refuse_without_secret_key() -> None:
    """Sessions signed with a per-process key would break on every restart and differ between workers."""
    if not settings.DEBUG and not settings.SECRET_KEY_CONFIGURED:
        raise ImproperlyConfigured(NO_SECRET_KEY)


def refuse_unconfigured() -> None:
    """A production server or worker needs every variable of its deployment, named rather than defaulted."""
    refuse_without_secret_key()
    if not settings.DEBUG and settings.PRODUCTION_MISSING:
        raise ImproperlyConfigured(UNCONFIGURED.format(missing=", ".join(settings.PRODUCTION_MISSING)))
