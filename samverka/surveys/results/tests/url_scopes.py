"""Scopes of the survey results URLs for tests/test_url_scoping.py (through
samverka/surveys/tests/url_scopes.py)."""

SCOPES = {
    "surveys:results": "collaboration",
    "surveys:results_compare": "collaboration",
    "surveys:results_text": "collaboration",
    "surveys:results_export": "collaboration",
    "surveys:results_print": "collaboration",
    "surveys:national_results": "national",
}


def url_arguments(world):
    from samverka.surveys.tests.factories import make_response, make_round

    round_ = make_round(world.kalmar, title="Kalmar results round")
    for index in range(6):
        make_response(
            round_,
            {"T-NET-01": str(index % 5 + 1), "T-ABT-03": f"Svar {index}"},
            language="sv",
        )
    return {"round_code": round_.code, "fmt": "csv"}
