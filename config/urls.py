"""Every page lives in desk/urls.py; every API route under /api/, from each app's urls.py."""
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from batches import urls as batches_urls
from claims import urls as claims_urls
from config import schema  # noqa: F401 - registers the schema's id field extension
from config.security import API_DOCS_POLICY, content_security_policy
from desk import urls as desk_urls
from events import urls as events_urls
from ledger import urls as ledger_urls
from people import urls as people_urls
from sources import urls as sources_urls

api_urlpatterns = [
    *people_urls.api_urlpatterns,
    *ledger_urls.api_urlpatterns,
    *sources_urls.api_urlpatterns,
    *claims_urls.api_urlpatterns,
    *batches_urls.api_urlpatterns,
    *events_urls.api_urlpatterns,
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", content_security_policy(API_DOCS_POLICY)(SpectacularSwaggerSplitView.as_view(url_name="api-schema")),
         name="api-docs"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include(api_urlpatterns)),
    path("", include(desk_urls.urlpatterns)),
]

handler404 = "config.api.api_not_found"
handler500 = "config.api.api_server_error"
