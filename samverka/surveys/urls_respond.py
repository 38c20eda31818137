"""URLs of the survey respond pages (see urls.py)."""

urlpatterns = []
