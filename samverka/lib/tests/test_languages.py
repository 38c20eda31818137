"""The family languages and which shipped texts a translator has reviewed: one table each."""

from django.utils import translation

from samverka.lib.languages import (
    LANGUAGE_CODES,
    LANGUAGE_LABELS,
    LANGUAGES,
    REVIEWED,
    Shipped,
    direction,
    html_lang,
    is_reviewed,
    native_name,
)
from samverka.participants.models import Language


def test_there_are_eight_family_languages_swedish_first():
    assert LANGUAGE_CODES == ["sv", "sv-easy", "en", "ar", "prs", "so", "ti", "uk"]
    assert [language.code for language in LANGUAGES] == LANGUAGE_CODES


def test_arabic_and_dari_read_right_to_left_and_the_others_left_to_right():
    assert {code for code in LANGUAGE_CODES if direction(code) == "rtl"} == {"ar", "prs"}
    assert direction("xx") == "ltr"


def test_easy_swedish_is_swedish_to_a_browser_and_screen_reader():
    assert html_lang("sv-easy") == "sv"
    assert [html_lang(code) for code in LANGUAGE_CODES if code != "sv-easy"] == [
        code for code in LANGUAGE_CODES if code != "sv-easy"
    ]


def test_staff_read_the_language_names_in_the_interface_language():
    with translation.override("sv"):
        assert str(LANGUAGE_LABELS["prs"]) == "Dari"
        assert str(LANGUAGE_LABELS["sv-easy"]) == "Lättläst svenska"
    with translation.override("en"):
        assert str(LANGUAGE_LABELS["sv-easy"]) == "Easy Swedish"
    assert native_name("uk") == "Українська"


def test_the_review_table_covers_every_language_and_swedish_and_english_are_reviewed():
    assert set(REVIEWED) == set(LANGUAGE_CODES)
    for texts in Shipped:
        reviewed = {code for code in LANGUAGE_CODES if is_reviewed(code, texts)}
        assert reviewed == {"sv", "en"}, texts
    assert not is_reviewed("xx", Shipped.NOTICE)


def test_a_participants_language_is_a_family_language_by_its_own_name_or_another():
    for code, label in Language.choices:
        if code == Language.OTHER:
            continue
        assert code in LANGUAGE_CODES
        assert label == native_name(code)
    assert set(LANGUAGE_CODES) - set(Language.values) == {"sv-easy"}
