"""One page policy: every HTML response goes out with a strict Content-Security-Policy and its companions.

Django's SecurityMiddleware already sends X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy,
and XFrameOptionsMiddleware sends X-Frame-Options; this middleware adds what Django 5.2 lacks.
"""
import functools

from django.conf import settings

# Scripts and styles only from our own static files: a report that smuggles markup past escaping still cannot run.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The pages need no camera, microphone, location or payment: say so, so an injected frame cannot ask for them.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# The API's Swagger UI is drf-spectacular's page: its script and styles are our own static files (the sidecar
# package), and it keeps a short inline <style>; its init script is served separately (SpectacularSwaggerSplitView).
API_DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HTML_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "Permissions-Policy": PERMISSIONS_POLICY}


def _debug_error_page(response) -> bool:
    """Django's own 404 and 500 pages in DEBUG style themselves inline; they never reach a newsroom's readers."""
    return settings.DEBUG and response.status_code in (404, 500)


def is_html(response) -> bool:
    """Whether a response is a page a browser renders (the policy means nothing on JSON or files)."""
    return response.headers.get("Content-Type", "").split(";")[0].strip().lower() == "text/html"


class SecurityHeadersMiddleware:
    """Add the page policy to every HTML response that does not already carry one of its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_html(response) and not _debug_error_page(response):
            for name, value in HTML_HEADERS.items():
                response.headers.setdefault(name, value)
        return response


def content_security_policy(policy: str):
    """Give one view its own policy (set before the middleware runs, so the middleware leaves it)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response.headers["Content-Security-Policy"] = policy
            return response

        return wrapper

    return decorate
