"""URLs of the survey rounds pages (see urls.py)."""

urlpatterns = []
