"""API routes of this app, mounted under /api/ (pages are the desk's: desk/urls.py)."""
from django.urls import path

from people import views

api_urlpatterns = [
    path("me/", views.MeView.as_view(), name="api-me"),
    path("users/", views.UserListView.as_view(), name="api-user-list"),
    path("users/<id:pk>/", views.UserDetailView.as_view(), name="api-user-detail"),
]
