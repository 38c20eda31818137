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


# The exports registry (tests/test_export_injection.py): the results as CSV and XLSX carry item
# texts, answer labels, group names (activities), the round's title and the instrument's name.
EXPORTS = {
    "surveys:results_export": [
        {"method": "get", "persona": "kalmar_ngo", "kwargs": {"fmt": "csv"}},
        {"method": "get", "persona": "kalmar_ngo", "kwargs": {"fmt": "xlsx"}},
        {
            "method": "get",
            "persona": "kalmar_ngo",
            "kwargs": {"fmt": "csv"},
            "query": "by=language",
        },
    ],
}


def plant(world, text: str) -> None:
    """Every text of Kalmar's rounds and of the versions they use (also a built-in's)."""
    from samverka.activities.models import Activity
    from samverka.surveys.instruments.models import Instrument, InstrumentVersion, Option, Section
    from samverka.surveys.rounds.models import Round

    rounds = Round.objects.filter(collaboration=world.kalmar)
    rounds.update(title=text)
    versions = InstrumentVersion.objects.filter(pk__in=rounds.values("version")) | (
        InstrumentVersion.objects.filter(instrument__collaboration=world.kalmar)
    )
    Instrument.objects.filter(pk__in=versions.values("instrument")).update(name=text)
    for version in versions:
        version.title = {**version.title, "sv": text, "en": text}
        version.save(update_fields=["title"])
        for item in version.items.all():
            item.text = {**item.text, "sv": text, "en": text}
            item.save(update_fields=["text"])
    for section in Section.objects.filter(version__in=versions):
        section.title = {**section.title, "sv": text, "en": text}
        section.save(update_fields=["title"])
    for option in Option.objects.filter(item__version__in=versions):
        option.label = {**option.label, "sv": text, "en": text}
        option.save(update_fields=["label"])
    Activity.objects.filter(collaboration=world.kalmar).update(name=text)
