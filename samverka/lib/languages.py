"""The family languages: the eight languages families read what Samverka gives them in.

The consent notice and "what we store about you" (participants), the survey pages, the survey
poster and the built-in survey instruments (surveys) are written in all eight. They are not
interface languages: staff pages are in Swedish or English (settings.LANGUAGES).

Two tables, one for each question:
- LANGUAGES: each language's code, its name in itself, its text direction and the name staff
  read (translated with the interface);
- REVIEWED: per language, which of the texts we ship a human translator has reviewed. The rest
  we wrote ourselves and no translator has checked; the pages say so where it matters (the
  printed notice, the poster) and the built-in instruments ship them as "draft".
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FamilyLanguage:
    code: str
    native: str  # the language's name in itself, as families look for it
    direction: str  # "ltr" or "rtl"
    label: Promise  # the name staff read, in the interface language

    @property
    def html_lang(self) -> str:
        """A valid BCP 47 tag for a lang attribute: easy Swedish is Swedish."""
        return "sv" if self.code == "sv-easy" else self.code


LANGUAGES: tuple[FamilyLanguage, ...] = (
    FamilyLanguage("sv", "Svenska", "ltr", _("Swedish")),
    FamilyLanguage("sv-easy", "Lättläst svenska", "ltr", _("Easy Swedish")),
    FamilyLanguage("en", "English", "ltr", _("English")),
    FamilyLanguage("ar", "العربية", "rtl", _("Arabic")),
    FamilyLanguage("prs", "دری", "rtl", _("Dari")),
    FamilyLanguage("so", "Soomaali", "ltr", _("Somali")),
    FamilyLanguage("ti", "ትግርኛ", "ltr", _("Tigrinya")),
    FamilyLanguage("uk", "Українська", "ltr", _("Ukrainian")),
)
BY_CODE: dict[str, FamilyLanguage] = {language.code: language for language in LANGUAGES}
LANGUAGE_CODES: list[str] = [language.code for language in LANGUAGES]
# The names staff read, {code: lazy translated name}.
LANGUAGE_LABELS = {language.code: language.label for language in LANGUAGES}


def native_name(code: str) -> str:
    return BY_CODE[code].native


def direction(code: str) -> str:
    """The text direction: "rtl" or "ltr" (an unknown code reads left to right)."""
    language = BY_CODE.get(code)
    return language.direction if language else "ltr"


def html_lang(code: str) -> str:
    return BY_CODE[code].html_lang if code in BY_CODE else code


class Shipped(StrEnum):
    """The texts we ship in every family language."""

    NOTICE = "notice"  # participants/notice_texts.py: the consent notice and "what we store"
    RESPONDENT_PAGES = "respondent pages"  # surveys/respond/respondent_texts.py
    POSTER = "poster"  # surveys/rounds/poster_texts.py
    BUILTIN_SURVEYS = "built-in surveys"  # surveys/builtin/: the four built-in instruments
    CHILDREN_POSTER = "children's poster"  # children/poster/texts.py: "Ni sa – vi gjorde"


_ALL = frozenset(Shipped)
_NONE: frozenset[Shipped] = frozenset()

# Per language: the shipped texts a human translator has reviewed. Everything else in that
# language is a draft written without a translator. When a translator has checked a text, add
# it here (the built-in instruments then get a new published version with the new status).
REVIEWED: dict[str, frozenset[Shipped]] = {
    "sv": _ALL,
    "sv-easy": _NONE,
    "en": _ALL,
    "ar": _NONE,
    "prs": _NONE,
    "so": _NONE,
    "ti": _NONE,
    "uk": _NONE,
}


class TranslationStatus(models.TextChoices):
    """How far a text written by staff has come in one language (instruments, posters, the
    knowledge bank): the same four steps everywhere."""

    MISSING = "missing", _("Missing")
    DRAFT = "draft", _("Draft, not checked by a translator")
    REVIEWED = "reviewed", _("Reviewed by a translator")
    BACK_TRANSLATED = "back_translated", _("Reviewed and back-translated")


def is_reviewed(code: str, texts: Shipped) -> bool:
    """Whether a human translator has reviewed `texts` in the language `code`."""
    return texts in REVIEWED.get(code, _NONE)
