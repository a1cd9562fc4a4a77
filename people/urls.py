"""Pages (urlpatterns) and API routes (api_urlpatterns) of this app."""
from django.urls import path

from people import views

urlpatterns = []
api_urlpatterns = [
    path("me/", views.MeView.as_view(), name="api-me"),
    path("users/", views.UserListView.as_view(), name="api-user-list"),
    path("users/<id:pk>/", views.UserDetailView.as_view(), name="api-user-detail"),
]
