"""URLs of the survey results pages (see urls.py)."""

urlpatterns = []
