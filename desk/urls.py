"""The desk's pages (no API routes: the API lives with each app)."""
from django.urls import path

from desk import batches, teamwork, views

urlpatterns = [
    path("", views.home, name="desk-home"),
    path("documents/<id:pk>/", views.document_detail, name="desk-document"),
    path("claims/<id:pk>/", views.claim_detail, name="desk-claim"),
    path("search/", views.search, name="desk-search"),
    path("sources/<id:pk>/", views.source_detail, name="desk-source"),
    path("ledger/", views.ledger, name="desk-ledger"),
    path("review/", views.review, name="desk-review"),
    path("notifications/", teamwork.notifications, name="desk-notifications"),
    path("claims/<id:pk>/review/", teamwork.claim_review, name="desk-claim-review"),
    path("claims/<id:pk>/comments/", teamwork.claim_comment, name="desk-claim-comment"),
    path("claims/<id:pk>/follow/", teamwork.claim_follow, name="desk-claim-follow"),
    path("events/", views.events, name="event-list"),
    path("events/<id:pk>/", views.event_detail, name="event-detail"),
    path("batches/", batches.batches, name="desk-batches"),
    path("batches/<uuid:pk>/", batches.batch, name="desk-batch"),
]
