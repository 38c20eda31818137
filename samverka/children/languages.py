"""The family languages of the "Ni sa – vi gjorde" poster, and translation statuses.

The one place this app takes them from: when the shared `samverka.lib.languages` lands, repoint
these imports here and nothing else in the app changes.
"""

from samverka.surveys.languages import (  # noqa: F401  (re-exported)
    LANGUAGE_CODES,
    LANGUAGE_LABELS,
    direction,
    native_name,
)
from samverka.surveys.models import TranslationStatus  # noqa: F401  (re-exported)

SOURCE = "sv"  # poster texts are written in Swedish and translated from it
