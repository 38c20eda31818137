"""Survey URLs. Each part of the feature keeps its own list; they share the 'surveys' namespace."""

from samverka.surveys import urls_respond, urls_results, urls_rounds
from samverka.surveys.instruments import urls as instruments_urls

app_name = "surveys"

urlpatterns = [
    *instruments_urls.urlpatterns,
    *urls_rounds.urlpatterns,
    *urls_respond.urlpatterns,
    *urls_results.urlpatterns,
]
