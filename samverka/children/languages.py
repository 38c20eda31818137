"""The family languages of the "Ni sa – vi gjorde" poster, and translation statuses."""

from samverka.lib.languages import (  # noqa: F401  (re-exported)
    LANGUAGE_CODES,
    LANGUAGE_LABELS,
    TranslationStatus,
    direction,
    native_name,
)

SOURCE = "sv"  # poster texts are written in Swedish and translated from it
