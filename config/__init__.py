"""Load the Celery application with Django, so that @shared_task binds to it in every process; register the
<id:…> URL converter every urls.py uses."""
from config import converters  # noqa: F401
from config.celery import app as celery_app

__all__ = ["celery_app"]
