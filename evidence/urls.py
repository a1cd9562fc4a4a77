"""API routes of this app (evidence has no pages of its own: the claim page and public pages show it)."""
from django.urls import path

from evidence import views

urlpatterns = []
api_urlpatterns = [
    path("evidence/", views.EvidenceListView.as_view(), name="api-evidence-list"),
    path("evidence/<id:pk>/", views.EvidenceDetailView.as_view(), name="api-evidence-detail"),
    path("evidence/<id:pk>/download/", views.EvidenceDownloadView.as_view(), name="api-evidence-download"),
]
