"""What a poster looks like in one language, and each language's translation status."""

from samverka.children.languages import (
    LANGUAGE_LABELS,
    SOURCE,
    TranslationStatus,
    direction,
    native_name,
)
from samverka.children.poster.models import ItemState, Poster
from samverka.children.poster.texts import TEXTS
from samverka.lib.languages import Shipped, html_lang, is_reviewed

ORDER = [
    TranslationStatus.MISSING,
    TranslationStatus.DRAFT,
    TranslationStatus.REVIEWED,
    TranslationStatus.BACK_TRANSLATED,
]


def language_state(poster: Poster, language: str, translations=None) -> str:
    """missing / draft / reviewed / back_translated, as for survey instruments: the poster's own
    texts (the lower of their status and that of the poster's fixed words)."""
    fixed = (
        TranslationStatus.REVIEWED
        if is_reviewed(language, Shipped.CHILDREN_POSTER)
        else TranslationStatus.DRAFT
    )
    if language == SOURCE:
        return fixed
    if translations is None:
        translations = {t.language: t for t in poster.translations.all()}
    translation = translations.get(language)
    if translation is None:
        return TranslationStatus.MISSING
    texts = translation.texts or {}
    items = texts.get("items", {})
    for item in poster.items.all():
        if not (items.get(item.code, {}).get("said") and items.get(item.code, {}).get("did")):
            return TranslationStatus.MISSING
    if not texts.get("title"):
        return TranslationStatus.MISSING
    return min(TranslationStatus(translation.status), fixed, key=ORDER.index)


def language_rows(poster: Poster) -> list[dict]:
    translations = {t.language: t for t in poster.translations.all()}
    rows = []
    for code in poster.ordered_languages():
        state = language_state(poster, code, translations)
        rows.append(
            {
                "code": code,
                "label": LANGUAGE_LABELS[code],
                "native": native_name(code),
                "state": state,
                "state_label": TranslationStatus(state).label,
                "ready": state != TranslationStatus.MISSING,
                "draft": state == TranslationStatus.DRAFT,
            }
        )
    return rows


def rendered(poster: Poster, language: str) -> dict:
    """The poster's texts in `language`, fixed words included, ready for a template."""
    words = TEXTS[language]
    translation = poster.translations.filter(language=language).first()
    texts = (translation.texts if translation else {}) or {}
    items = []
    for item in poster.items.all():
        own = texts.get("items", {}).get(item.code, {}) if language != SOURCE else {}
        items.append(
            {
                "icon": item.icon,
                "said": own.get("said") or item.said if language == SOURCE else own.get("said", ""),
                "did": own.get("did") or item.did if language == SOURCE else own.get("did", ""),
                "state": item.state,
                "state_text": words[item.state],
                "done": item.state == ItemState.DONE,
            }
        )
    state = language_state(poster, language)
    return {
        "language": language,
        "lang": html_lang(language),
        "dir": direction(language),
        "native": native_name(language),
        "title": poster.title if language == SOURCE else texts.get("title", ""),
        "words": words,
        "items": items,
        "state": state,
        "draft": state == TranslationStatus.DRAFT,
    }
