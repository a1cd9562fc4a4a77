"""API routes of this app, mounted under /api/ (pages are the desk's: desk/urls.py)."""
from django.urls import path

from ledger import views

api_urlpatterns = [
    path("ledger/", views.LedgerEntryList.as_view(), name="ledger-list"),
    path("ledger/export/", views.LedgerExport.as_view(), name="ledger-export"),
    path("ledger/verify/", views.LedgerVerify.as_view(), name="ledger-verify"),
    path("ledger/head/", views.LedgerHeadView.as_view(), name="ledger-head"),
    path("ledger/public-key/", views.LedgerPublicKey.as_view(), name="ledger-public-key"),
    path("ledger/checkpoints/", views.LedgerCheckpointList.as_view(), name="ledger-checkpoints"),
    path("ledger/checkpoints/export/", views.LedgerCheckpointExport.as_view(), name="ledger-checkpoints-export"),
]
