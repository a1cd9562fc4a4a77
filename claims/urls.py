"""API routes of this app, mounted under /api/ (pages are the desk's: desk/urls.py)."""
from django.urls import path

from claims import views

api_urlpatterns = [
    path("documents/", views.DocumentListView.as_view(), name="api-document-list"),
    path("documents/<id:pk>/", views.DocumentDetailView.as_view(), name="api-document-detail"),
    path("documents/<id:pk>/withdraw/", views.DocumentWithdrawView.as_view(), name="api-document-withdraw"),
    path("claims/", views.ClaimListView.as_view(), name="api-claim-list"),
    path("claims/export/", views.ClaimExportView.as_view(), name="api-claim-export"),
    path("claims/<id:pk>/", views.ClaimDetailView.as_view(), name="api-claim-detail"),
    path("claims/<id:pk>/history/", views.ClaimHistoryView.as_view(), name="api-claim-history"),
    path("claims/<id:pk>/attributions/", views.ClaimAttributionsView.as_view(), name="api-claim-attributions"),
    path("claims/<id:pk>/assessments/", views.ClaimAssessmentsView.as_view(), name="api-claim-assessments"),
    path("claims/<id:pk>/claimreview/", views.ClaimReviewView.as_view(), name="api-claim-claimreview"),
    path("attributions/<id:pk>/", views.AttributionDetailView.as_view(), name="api-attribution-detail"),
    path("assessments/", views.AssessmentListView.as_view(), name="api-assessment-list"),
    path("assessments/<id:pk>/withdraw/", views.AssessmentWithdrawView.as_view(), name="api-assessment-withdraw"),
]
