"""API routes of this app, mounted under /api/ (pages are the desk's: desk/urls.py)."""
from django.urls import path

from sources import views

api_urlpatterns = [
    path("sources/", views.SourceListView.as_view(), name="api-source-list"),
    path("sources/<id:pk>/", views.SourceDetailView.as_view(), name="api-source-detail"),
    path("sources/<id:pk>/merge/", views.SourceMergeView.as_view(), name="api-source-merge"),
    path("sources/<id:pk>/merge-preview/", views.SourceMergePreviewView.as_view(), name="api-source-merge-preview"),
    path("sources/<id:pk>/aliases/", views.SourceAliasView.as_view(), name="api-source-aliases"),
]
