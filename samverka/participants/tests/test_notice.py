"""The printed consent notice names every item GDPR article 13 asks for, in every family
language, with the same content as the Swedish text."""

import re

import pytest
from django.urls import reverse

from samverka.lib.languages import LANGUAGE_CODES
from samverka.participants.notice_texts import NOTICE

# Article 13 item → the notice's key(s) that carry it.
ARTICLE_13 = {
    "controller (organisation and municipality)": ["controller_heading", "controller"],
    "contact, also of the data protection officer": ["contact", "contact_line"],
    "purposes": ["why", "purposes"],
    "legal basis": ["legal_basis_heading", "legal_basis"],
    "recipients (the municipality, referrals only with consent, no transfer outside the EU)": [
        "recipients_heading",
        "recipients",
    ],
    "retention": ["retention_heading", "retention"],
    "rights (access, rectification, erasure, restriction, objection, portability, withdrawal)": [
        "rights"
    ],
    "automated decisions": ["rights"],
    "right to complain to IMY": ["complaint"],
    "whether one must answer": ["choice"],
}


def _shape(value):
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return len(value)
    return "text"


def _placeholders(value) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_placeholders(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_placeholders(v) for v in value))
    return set(re.findall(r"\{(\w+)\}", value))


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_language_has_every_article_13_item(language):
    texts = NOTICE[language]
    for item, keys in ARTICLE_13.items():
        for key in keys:
            assert texts.get(key), f"{language}: {item} ({key}) missing"
    assert "{organisation}" in texts["controller"] and "{municipality}" in texts["controller"]
    assert "{municipality}" in texts["recipients"][0]  # the co-owner, named
    assert "{retention_months}" in texts["retention"]
    assert "{own_age}" in texts["children"]
    assert "IMY" in texts["complaint"] and "imy.se" in texts["complaint"]
    assert "6.1" in " ".join(texts["legal_basis"]) or "6(1)" in " ".join(texts["legal_basis"])
    assert "{municipality}" in texts["contact"]  # the municipality's data protection officer


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != "sv"])
def test_every_language_says_as_much_as_swedish(language):
    """Same sections, same number of points in each list, same placeholders: nothing added
    or left out against the Swedish text."""
    assert _shape(NOTICE[language]) == _shape(NOTICE["sv"])
    for key, value in NOTICE["sv"].items():
        assert _placeholders(NOTICE[language][key]) == _placeholders(value), (language, key)


def test_the_arabic_gender_line_is_the_swedish_one():
    # "Ditt kön." — no "(male or female)": Samverka also stores "other" and "not stated".
    assert NOTICE["sv"]["what_we_store"][2] == "Ditt kön."
    assert NOTICE["ar"]["what_we_store"][2] == "جنسك."


def test_the_printed_notice_fills_in_who_is_responsible_and_the_settings(client, world, settings):
    settings.RETENTION_MONTHS = 18
    settings.CONSENT_OWN_AGE = 13
    client.force_login(world.kalmar_ngo)
    url = reverse("participants:notice", args=[world.kalmar.code])
    for language in LANGUAGE_CODES:
        page = client.get(url, {"lang": language}).content.decode()
        main = page.split("<main", 1)[1].split("</main>", 1)[0]
        assert world.kalmar.lead_organisation.name in main, language
        assert world.kalmar.municipality.name in main, language
        assert "IMY" in main and "18" in main and "13" in main, language
        assert "{" not in main, language
