"""API routes of this app (its files show on the desk's claim page and on the public pages)."""
from django.urls import path

from evidence import views

api_urlpatterns = [
    path("evidence/", views.EvidenceListView.as_view(), name="api-evidence-list"),
    path("evidence/<id:pk>/", views.EvidenceDetailView.as_view(), name="api-evidence-detail"),
    path("evidence/<id:pk>/download/", views.EvidenceDownloadView.as_view(), name="api-evidence-download"),
]
