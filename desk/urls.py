"""The desk's pages (no API routes: the API lives with each app)."""
from django.urls import path

from desk import views

urlpatterns = [
    path("", views.home, name="desk-home"),
    path("documents/<id:pk>/", views.document_detail, name="desk-document"),
    path("claims/<id:pk>/", views.claim_detail, name="desk-claim"),
    path("search/", views.search, name="desk-search"),
    path("sources/<id:pk>/", views.source_detail, name="desk-source"),
    path("ledger/", views.ledger, name="desk-ledger"),
    path("review/", views.review, name="desk-review"),
    path("events/", views.events, name="event-list"),
    path("events/<id:pk>/", views.event_detail, name="event-detail"),
]
