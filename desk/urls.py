"""The desk's pages (no API routes: the API lives with each app)."""
from django.urls import path

from desk import editors, views

urlpatterns = [
    path("", views.home, name="desk-home"),
    path("documents/<int:pk>/", views.document_detail, name="desk-document"),
    path("documents/<int:pk>/withdraw/", views.document_withdraw, name="desk-document-withdraw"),
    path("documents/<int:pk>/correct/", views.document_correct, name="desk-document-correct"),
    path("claims/<int:pk>/", views.claim_detail, name="desk-claim"),
    path("claims/<int:pk>/attributions/", editors.claim_attribution, name="desk-claim-attribution"),
    path("claims/<int:pk>/links/", editors.claim_link, name="desk-claim-link"),
    path("claims/<int:pk>/event/", editors.claim_event, name="desk-claim-event"),
    path("marks/<int:pk>/withdraw/", editors.mark_withdraw, name="desk-mark-withdraw"),
    path("sources/", views.sources, name="desk-sources"),
    path("users/", editors.users, name="desk-users"),
    path("sources/<int:pk>/edit/", editors.source_edit, name="desk-source-edit"),
    path("sources/<int:pk>/merge/", editors.source_merge_page, name="desk-source-merge"),
    path("search/", views.search, name="desk-search"),
    path("sources/<int:pk>/", views.source_detail, name="desk-source"),
    path("ledger/", views.ledger, name="desk-ledger"),
    path("review/", views.review, name="desk-review"),
    path("events/", views.events, name="event-list"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
]
