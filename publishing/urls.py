"""The public site's pages (urlpatterns, under /p/) and the editors' publishing API (api_urlpatterns)."""
from django.urls import path

from publishing import views

urlpatterns = [
    path("p/", views.public_index, name="public-index"),
    path("p/claims/", views.public_index, name="public-claims"),
    path("p/claims/<id:pk>/", views.public_claim, name="public-claim"),
    path("p/feed.atom", views.public_feed, name="public-feed"),
    path("p/corrections/", views.public_corrections, name="public-corrections"),
    path("p/evidence/<id:pk>/", views.public_evidence, name="public-evidence"),
]
api_urlpatterns = [
    path("claims/<id:pk>/publish/", views.ClaimPublishView.as_view(), name="api-claim-publish"),
    path("claims/<id:pk>/unpublish/", views.ClaimUnpublishView.as_view(), name="api-claim-unpublish"),
]
