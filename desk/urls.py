"""The desk's pages (no API routes: the API lives with each app)."""
from django.urls import path

from desk import batches, editors, views

urlpatterns = [
    path("", views.home, name="desk-home"),
    path("documents/<id:pk>/", views.document_detail, name="desk-document"),
    path("documents/<id:pk>/withdraw/", views.document_withdraw, name="desk-document-withdraw"),
    path("documents/<id:pk>/correct/", views.document_correct, name="desk-document-correct"),
    path("claims/<id:pk>/", views.claim_detail, name="desk-claim"),
    path("claims/<id:pk>/attributions/", editors.claim_attribution, name="desk-claim-attribution"),
    path("claims/<id:pk>/links/", editors.claim_link, name="desk-claim-link"),
    path("claims/<id:pk>/event/", editors.claim_event, name="desk-claim-event"),
    path("marks/<id:pk>/withdraw/", editors.mark_withdraw, name="desk-mark-withdraw"),
    path("sources/", views.sources, name="desk-sources"),
    path("sources/add/", editors.source_add, name="desk-source-add"),
    path("users/", editors.users, name="desk-users"),
    path("sources/<id:pk>/edit/", editors.source_edit, name="desk-source-edit"),
    path("sources/<id:pk>/merge/", editors.source_merge_page, name="desk-source-merge"),
    path("search/", views.search, name="desk-search"),
    path("sources/<id:pk>/", views.source_detail, name="desk-source"),
    path("ledger/", views.ledger, name="desk-ledger"),
    path("review/", views.review, name="desk-review"),
    path("events/", views.events, name="event-list"),
    path("events/<id:pk>/", views.event_detail, name="event-detail"),
    path("batches/", batches.batches, name="desk-batches"),
    path("batches/<uuid:pk>/", batches.batch, name="desk-batch"),
]
