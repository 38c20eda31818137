"""The columns of an attendance list and the words accepted in them (English and Swedish)."""

import functools
import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from samverka.participants.models import (
    Gender,
    Language,
    ParticipantRole,
    ThirdCountryNational,
)

REQUIRED = ["date", "activity", "participant_code"]
# What the help calls required for a list to be useful (the reader insists on REQUIRED only).
REQUIRED_TEMPLATE = [*REQUIRED, "birth_year", "gender", "third_country_national"]
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


def _key(text: str) -> str:
    return normalise_word(text).replace(" ", "_")


@functools.cache
def _accepted(languages: tuple[str, ...]) -> dict[str, str]:
    """Every header a list may have for each column: its name, the Swedish aliases, and the
    label shown beside it on the upload page and in the template's instructions, in every
    interface language (the help and the reader share LABELS, so what is shown is read)."""
    accepted = {name: name for name in TEMPLATE_COLUMNS}
    accepted.update({_key(alias): column for alias, column in ALIASES.items()})
    for language in languages:
        with translation.override(language):
            accepted.update({_key(str(label)): column for column, label in LABELS.items()})
    return accepted


def column_for(header) -> str | None:
    """The column a header names: `participant_code`, `deltagarkod`, `participant code`, the
    label in any interface language, or as the instructions show it, `name (label)`."""
    accepted = _accepted(tuple(code for code, _name in settings.LANGUAGES))
    text = str(header or "")
    for candidate in (text, re.sub(r"\(.*\)\s*$", "", text)):
        column = accepted.get(_key(candidate))
        if column is not None:
            return column
    return None


def documented_headers() -> list[str]:
    """Every header the help shows, in the current language: each column's name, its label,
    the instructions' `name (label)` and the Swedish aliases (tests/…: each is accepted)."""
    shown = []
    for name in TEMPLATE_COLUMNS:
        shown += [name, str(LABELS[name]), f"{name} ({LABELS[name]})"]
    return shown + list(ALIASES)


def help_text() -> str:
    """The upload field's help, naming the columns from the one list."""
    required = ", ".join(REQUIRED_TEMPLATE)
    optional = ", ".join(c for c in TEMPLATE_COLUMNS if c not in REQUIRED_TEMPLATE)
    return _(
        "Columns: %(required)s; optional %(optional)s. Swedish column names and words work "
        "too. Dates as YYYY-MM-DD."
    ) % {"required": required, "optional": optional}


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
