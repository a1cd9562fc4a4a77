"""The Celery application: background ingest and other heavy follow-up work run on this queue.

The broker comes from CELERY_BROKER_URL (read in config/settings.py). Nothing here connects at import
time, so the synchronous paths (`manage.py ingest FILE`, the API's single upload) need no Redis.
"""
import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("claimledger")
# Every Celery setting lives in config/settings.py under the CELERY_ prefix.
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _refuse_unconfigured(**kwargs) -> None:
    """A production worker needs the same variables as the server it works for (SystemExit: Celery logs and
    carries on past ordinary exceptions raised by signal handlers)."""
    from django.core.exceptions import ImproperlyConfigured

    from config.serving import refuse_unconfigured

    try:
        refuse_unconfigured()
    except ImproperlyConfigured as exc:
        raise SystemExit(str(exc)) from None
