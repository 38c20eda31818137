"""URLs of the survey instruments pages (see urls.py)."""

urlpatterns = []
