"""Pages (urlpatterns; the desk's batch page lives in desk) and API routes (api_urlpatterns) of this app."""
from django.urls import path

from batches import views

urlpatterns = []
api_urlpatterns = [
    path("documents/batch/", views.BatchCreateView.as_view(), name="api-batch-create"),
    path("batches/<uuid:pk>/", views.BatchDetailView.as_view(), name="api-batch-detail"),
]
