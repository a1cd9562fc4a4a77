"""API routes of this app, mounted under /api/ (pages are the desk's: desk/urls.py)."""
from django.urls import path

from events import views

api_urlpatterns = [
    path("claims/<id:pk>/competing/", views.CompetingAccountsView.as_view(), name="api-claim-competing"),
    path("claim-links/", views.ClaimLinkListView.as_view(), name="api-claimlink-list"),
    path("claim-links/<id:pk>/", views.ClaimLinkDetailView.as_view(), name="api-claimlink-detail"),
    path("events/", views.EventListView.as_view(), name="api-event-list"),
    path("event-suggestions/", views.EventSuggestionsView.as_view(), name="api-event-suggestions"),
    path("events/<id:pk>/", views.EventDetailView.as_view(), name="api-event-detail"),
    path("events/<id:pk>/claims/", views.EventClaimsView.as_view(), name="api-event-claims"),
]
