"""Pages (urlpatterns) and API routes (api_urlpatterns) of this app."""
from django.urls import path

from review import views

urlpatterns = []  # the desk's pages for reviews, comments and notifications are in desk/teamwork.py
api_urlpatterns = [
    path("claims/<int:pk>/review/", views.ClaimReviewStateView.as_view(), name="api-claim-review"),
    path("claims/<int:pk>/comments/", views.ClaimCommentsView.as_view(), name="api-claim-comments"),
    path("comments/<int:pk>/", views.CommentDetailView.as_view(), name="api-comment-detail"),
    path("comments/<int:pk>/resolve/", views.CommentResolveView.as_view(), name="api-comment-resolve"),
    path("notifications/", views.NotificationListView.as_view(), name="api-notification-list"),
    path("notifications/read/", views.NotificationsReadView.as_view(), name="api-notifications-read"),
    path("follows/", views.FollowListView.as_view(), name="api-follow-list"),
    path("follows/<int:pk>/", views.FollowDetailView.as_view(), name="api-follow-detail"),
]
