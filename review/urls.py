"""API routes of this app, mounted under /api/ (its pages are the desk's: desk/teamwork.py)."""
from django.urls import path

from review import views

api_urlpatterns = [
    path("claims/<id:pk>/review/", views.ClaimReviewStateView.as_view(), name="api-claim-review"),
    path("claims/<id:pk>/comments/", views.ClaimCommentsView.as_view(), name="api-claim-comments"),
    path("comments/<id:pk>/", views.CommentDetailView.as_view(), name="api-comment-detail"),
    path("comments/<id:pk>/resolve/", views.CommentResolveView.as_view(), name="api-comment-resolve"),
    path("notifications/", views.NotificationListView.as_view(), name="api-notification-list"),
    path("notifications/read/", views.NotificationsReadView.as_view(), name="api-notifications-read"),
    path("follows/", views.FollowListView.as_view(), name="api-follow-list"),
    path("follows/<id:pk>/", views.FollowDetailView.as_view(), name="api-follow-detail"),
]
