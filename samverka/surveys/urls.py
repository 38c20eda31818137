"""Survey URLs. Each room keeps its own list; they share the 'surveys' namespace."""

from samverka.surveys.instruments import urls as instruments_urls
from samverka.surveys.respond import urls as respond_urls
from samverka.surveys.results import urls as results_urls
from samverka.surveys.rounds import urls as rounds_urls

app_name = "surveys"

urlpatterns = [
    *respond_urls.urlpatterns,  # first: the respondents' pages are most of the traffic
    *instruments_urls.urlpatterns,
    *rounds_urls.urlpatterns,
    *results_urls.urlpatterns,
]
