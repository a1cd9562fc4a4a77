"""API routes of this app, mounted under /api/ (it has no pages)."""
from django.urls import path

from webhooks import views

api_urlpatterns = [
    path("webhooks/", views.EndpointListView.as_view(), name="api-webhook-list"),
    path("webhooks/<id:pk>/", views.EndpointDetailView.as_view(), name="api-webhook-detail"),
    path("webhooks/<id:pk>/deliveries/", views.DeliveryListView.as_view(), name="api-webhook-deliveries"),
]
