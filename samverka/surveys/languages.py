"""The languages families and partners answer surveys in.

These are survey languages, not interface languages: staff pages are in Swedish or English
(settings.LANGUAGES); a respondent's page is in any of these eight.
"""

from django.utils.translation import gettext_lazy as _

from samverka.participants.notice_texts import LANGUAGES as _NOTICE_LANGUAGES

# code: (native name, text direction); the same eight as the printed consent notice.
SURVEY_LANGUAGES: dict[str, tuple[str, str]] = dict(_NOTICE_LANGUAGES)
LANGUAGE_CODES: list[str] = list(SURVEY_LANGUAGES)
RTL_LANGUAGES = frozenset(code for code, (_name, way) in SURVEY_LANGUAGES.items() if way == "rtl")

# Language names as staff read them (Swedish/English interface).
LANGUAGE_LABELS = {
    "sv": _("Swedish"),
    "sv-easy": _("Easy Swedish"),
    "en": _("English"),
    "ar": _("Arabic"),
    "prs": _("Dari"),
    "so": _("Somali"),
    "ti": _("Tigrinya"),
    "uk": _("Ukrainian"),
}


def native_name(code: str) -> str:
    return SURVEY_LANGUAGES[code][0]


def direction(code: str) -> str:
    return SURVEY_LANGUAGES.get(code, ("", "ltr"))[1]
