"""Scopes of the survey respond URLs for tests/test_url_scoping.py (through
samverka/surveys/tests/url_scopes.py).

The respondent's pages are public: the scoping test requests them anonymously with a real open
Kalmar round and a real draft response, and checks that they never show the collaboration.
"""

from samverka.surveys.respond.models import Response
from samverka.surveys.tests.factories import make_round

SCOPES = {
    "surveys:respond": "public",
    "surveys:respond_page": "public",
    "surveys:respond_finish": "public",
    "surveys:respond_done": "public",
    "surveys:respond_audio": "public",
}


def url_arguments(world):
    round_ = make_round(world.kalmar, title="Barn i fokus Kalmar – föräldraenkät")
    link = round_.links.get(organisation__isnull=True)
    response = Response.objects.create(
        round=round_, link=link, version=round_.version, language="ar"
    )
    return {
        "link_code": link.code,
        # Shared name with accounts:password_reset_confirm, where any token is invalid anyway.
        "token": response.token,
        "page": 1,
        "item_id": "T-NET-01",
        "lang": "ar",
    }
