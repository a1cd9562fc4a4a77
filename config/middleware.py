"""Middleware shared by every page: a lock wait outside the API answers 503 with Retry-After, not a 500."""
from django.conf import settings
from django.http import HttpResponse, JsonResponse

from config.api import BUSY, busy_body, is_lock_wait


class LockWaitMiddleware:
    """Turn a writer's lock timeout on a desk page (or an API view outside DRF) into 503 + Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_lock_wait(exception):
            return None
        if request.path.startswith("/api/"):
            response = JsonResponse(busy_body(), status=503)
        else:
            response = HttpResponse(BUSY, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(settings.CLAIMLEDGER_RETRY_AFTER_SECONDS)
        return response
