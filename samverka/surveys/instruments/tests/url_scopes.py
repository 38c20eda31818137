"""Scopes of the survey instruments URLs for tests/test_url_scoping.py (through
samverka/surveys/tests/url_scopes.py, which gathers the rooms' lists).

Every version page exists in a collaboration (`surveys:<name>`) and on the national pages
(`surveys:national_<name>`, the national lead's management of the built-in instruments).
"""

from samverka.surveys.instruments.urls import VERSION_PAGES
from samverka.surveys.tests.factories import make_version

SCOPES = {
    "surveys:instruments": "collaboration",
    "surveys:instrument_create": "collaboration",
    "surveys:version_copy": "collaboration",
    "surveys:national_instruments": "national",
}
for _suffix, _view, _name in VERSION_PAGES:
    SCOPES[f"surveys:{_name}"] = "collaboration"
    SCOPES[f"surveys:national_{_name}"] = "national"


def url_arguments(world):
    """A draft instrument of Kalmar's own (a Boden coordinator must not reach it)."""
    version = make_version(collaboration=world.kalmar, published=False, name="Kalmars enkät")
    return {
        "version_code": version.code,
        "section_key": "network",
        "item_id": "T-NET-01",
        "lang": "ar",
    }


# The exports registry (tests/test_export_injection.py): translations.xlsx carries every text
# of the version (name, title, sections, questions, options) in every language.
EXPORTS = {"surveys:translations_export": {"method": "get", "persona": "kalmar_ngo"}}


def plant(world, text: str) -> None:
    # The results room's plant renames every version Kalmar owns or uses.
    from samverka.surveys.results.tests.url_scopes import plant as plant_versions

    plant_versions(world, text)
