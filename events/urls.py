"""Pages (urlpatterns) and API routes (api_urlpatterns) of this app."""

urlpatterns = []
api_urlpatterns = []
