"""The family languages and translation statuses, in one place for the whole knowledge app."""

from samverka.lib.languages import (
    LANGUAGE_CODES,
    LANGUAGE_LABELS,
    TranslationStatus,
    direction,
    native_name,
)

__all__ = [
    "LANGUAGE_CODES",
    "LANGUAGE_LABELS",
    "TranslationStatus",
    "direction",
    "language_choices",
    "native_name",
]

BASE_LANGUAGE = "sv"


def language_choices(*, include_base: bool = False) -> list[tuple[str, str]]:
    """(code, "label (native name)") for forms: the family languages items can exist in."""
    return [
        (code, f"{LANGUAGE_LABELS[code]} ({native_name(code)})")
        for code in LANGUAGE_CODES
        if include_base or code != BASE_LANGUAGE
    ]
