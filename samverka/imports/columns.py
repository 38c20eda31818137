"""The columns of an attendance list and the words accepted in them (English and Swedish)."""

import re

from django.utils.translation import gettext_lazy as _

from samverka.participants.models import (
    Gender,
    Language,
    ParticipantRole,
    ThirdCountryNational,
)

REQUIRED = ["date", "activity", "participant_code"]
TEMPLATE_COLUMNS = [
    "date",
    "activity",
    "participant_code",
    "birth_year",
    "gender",
    "third_country_national",
    "reporting_consent",
    "household",
    "language",
    "role",
]
COLUMNS = set(TEMPLATE_COLUMNS)

LABELS = {
    "date": _("date"),
    "activity": _("activity"),
    "participant_code": _("participant code"),
    "birth_year": _("birth year"),
    "gender": _("gender"),
    "third_country_national": _("third-country national"),
    "reporting_consent": _("consent to funder reporting"),
    "household": _("household"),
    "language": _("language"),
    "role": _("role"),
}

ALIASES = {
    "datum": "date",
    "aktivitet": "activity",
    "insats": "activity",
    "deltagarkod": "participant_code",
    "födelseår": "birth_year",
    "kön": "gender",
    "tredjelandsmedborgare": "third_country_national",
    "tcn": "third_country_national",
    "samtycke": "reporting_consent",
    "consent": "reporting_consent",
    "hushåll": "household",
    "familj": "household",
    "språk": "language",
    "roll": "role",
}


def normalise_word(value: str) -> str:
    """'  Ej_Angivet ' -> 'ej angivet': case, spaces, underscores and hyphens do not matter."""
    return re.sub(r"[\s_\-]+", " ", str(value)).strip().casefold()


def column_for(header) -> str | None:
    name = normalise_word(header or "").replace(" ", "_")
    if name in COLUMNS:
        return name
    return ALIASES.get(name) or ALIASES.get(name.replace("_", " "))


GENDER_WORDS = {
    "female": Gender.FEMALE,
    "male": Gender.MALE,
    "other": Gender.OTHER,
    "not stated": Gender.NOT_STATED,
    "kvinna": Gender.FEMALE,
    "flicka": Gender.FEMALE,
    "man": Gender.MALE,
    "pojke": Gender.MALE,
    "annat": Gender.OTHER,
    "ej angivet": Gender.NOT_STATED,
}

TCN_WORDS = {
    "yes": ThirdCountryNational.YES,
    "no": ThirdCountryNational.NO,
    "unknown": ThirdCountryNational.UNKNOWN,
    "ja": ThirdCountryNational.YES,
    "nej": ThirdCountryNational.NO,
    "okänt": ThirdCountryNational.UNKNOWN,
}

YES_NO_WORDS = {"yes": True, "no": False, "ja": True, "nej": False}

ROLE_WORDS = {
    "child": ParticipantRole.CHILD,
    "guardian": ParticipantRole.GUARDIAN,
    "barn": ParticipantRole.CHILD,
    "vårdnadshavare": ParticipantRole.GUARDIAN,
    "förälder": ParticipantRole.GUARDIAN,
}

LANGUAGE_WORDS = {
    **{code: code for code in Language.values},
    # Swedish names
    "svenska": Language.SWEDISH,
    "arabiska": Language.ARABIC,
    "dari": Language.DARI,
    "somaliska": Language.SOMALI,
    "tigrinja": Language.TIGRINYA,
    "ukrainska": Language.UKRAINIAN,
    "engelska": Language.ENGLISH,
    "annat": Language.OTHER,
    "annat språk": Language.OTHER,
    # English names
    "swedish": Language.SWEDISH,
    "arabic": Language.ARABIC,
    "somali": Language.SOMALI,
    "tigrinya": Language.TIGRINYA,
    "ukrainian": Language.UKRAINIAN,
    "english": Language.ENGLISH,
    "other language": Language.OTHER,
    # The languages' own names, as the choices show them
    **{normalise_word(label): code for code, label in Language.choices if code != "other"},
}
