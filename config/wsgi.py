"""WSGI entry point."""
import os

from django.core.wsgi import get_wsgi_application

from config.serving import refuse_unconfigured, settle_after_startup

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
refuse_unconfigured()
settle_after_startup()
