"""Survey URLs. Each part of the feature keeps its own list; they share the 'surveys' namespace."""

from samverka.surveys import urls_instruments, urls_respond, urls_results, urls_rounds

app_name = "surveys"

urlpatterns = [
    *urls_instruments.urlpatterns,
    *urls_rounds.urlpatterns,
    *urls_respond.urlpatterns,
    *urls_results.urlpatterns,
]
