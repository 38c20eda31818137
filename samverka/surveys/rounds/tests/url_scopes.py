"""Scopes of the survey rounds URLs for tests/test_url_scoping.py (through
samverka/surveys/tests/url_scopes.py)."""

from samverka.surveys.tests.factories import make_round

SCOPES = {
    "surveys:index": "collaboration",
    "surveys:round_create": "collaboration",
    "surveys:round": "collaboration",
    "surveys:round_edit": "collaboration",
    "surveys:round_close": "collaboration",
    "surveys:round_poster": "collaboration",
}


def url_arguments(world):
    return {"round_code": make_round(world.kalmar).code}
