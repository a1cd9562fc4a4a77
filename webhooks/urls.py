"""API routes (api_urlpatterns) of this app; it has no pages."""
from django.urls import path

from webhooks import views

urlpatterns = []
api_urlpatterns = [
    path("webhooks/", views.EndpointListView.as_view(), name="api-webhook-list"),
    path("webhooks/<int:pk>/", views.EndpointDetailView.as_view(), name="api-webhook-detail"),
    path("webhooks/<int:pk>/deliveries/", views.DeliveryListView.as_view(), name="api-webhook-deliveries"),
]
