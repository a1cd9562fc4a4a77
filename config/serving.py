"""Checks made once when the site starts serving requests, or a worker starts taking tasks."""
import gc

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Django's own bar for a secret key (its check security.W009), enforced here instead of merely warned about.
MIN_LENGTH = 50
MIN_DISTINCT = 5
NO_SECRET_KEY = (
    "Refusing to serve without a secret key: set DJANGO_SECRET_KEY or DJANGO_SECRET_KEY_FILE "
    "(`make run` creates one in ~/.claim-ledger), or DJANGO_DEBUG=1 for a throwaway development key."
)
WEAK_SECRET_KEY = (
    f"Refusing to serve with a weak secret key: it needs at least {MIN_LENGTH} characters, {MIN_DISTINCT} of them "
    "different, and no 'django-insecure-' prefix. Make one with "
    "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
)


def secret_key_is_weak(key: str) -> bool:
    """A key short enough, or repetitive enough, to guess: sessions and password-reset links depend on it."""
    return len(key) < MIN_LENGTH or len(set(key)) < MIN_DISTINCT or key.startswith("django-insecure-")


UNCONFIGURED = (
    "Refusing to start in production (DJANGO_DEBUG is off) without {missing}: set them (see .env.example and "
    "the README's deployment section), or DJANGO_DEBUG=1 to try the tool on this machine."
)


def refuse_without_secret_key() -> None:
    """Sessions signed with a per-process key would break on every restart; a weak key can be guessed."""
    if settings.DEBUG:
        return
    if not settings.SECRET_KEY_CONFIGURED:
        raise ImproperlyConfigured(NO_SECRET_KEY)
    if secret_key_is_weak(settings.SECRET_KEY):
        raise ImproperlyConfigured(WEAK_SECRET_KEY)


def refuse_unconfigured() -> None:
    """A production server or worker needs every variable of its deployment, named rather than defaulted."""
    refuse_without_secret_key()
    if not settings.DEBUG and settings.PRODUCTION_MISSING:
        raise ImproperlyConfigured(UNCONFIGURED.format(missing=", ".join(settings.PRODUCTION_MISSING)))


def settle_after_startup() -> None:
    """Load the URLconf, then freeze what start-up made out of the garbage collector's way (gc.freeze).

    A full collection would otherwise walk every module, setting and view again: in bench/scale.py's reading
    process that was a 50–70 ms pause every 26 searches, which set the p95. Requests' own garbage is still
    collected as before.
    """
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  imports every view, so their modules are frozen too
    gc.freeze()
