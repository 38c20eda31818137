"""A version's texts per language, and the rules of their translation status.

- `text(mapping, language)`: a text of a JSON per-language field, with Swedish as the fallback.
- Text units: every respondent-facing text of a version, under a stable key, in every language
  (the basis of the translation status, of XLSX/PO export and import, and of the rule that a
  round cannot open in a language with missing text).
- Translation status: changing a text of a language sets that language back to "draft";
  changing the Swedish source sets every language back to "draft" (their translations were
  checked against the old source), unless the change states a status explicitly. "missing" is
  computed from the texts, never stored.
"""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from django.utils.translation import ngettext

from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS
from samverka.surveys.instruments.models import InstrumentVersion, Item, TranslationStatus

SOURCE_LANGUAGE = "sv"
MAX_TEXT_LENGTH = 1000
# Statuses a person may set; "missing" is computed, never stored.
SETTABLE_STATUSES = (
    TranslationStatus.DRAFT,
    TranslationStatus.REVIEWED,
    TranslationStatus.BACK_TRANSLATED,
)


def text(mapping: Mapping[str, str] | None, language: str, fallback: str = SOURCE_LANGUAGE) -> str:
    """A text in `language`, else in the fallback language, else ""."""
    mapping = mapping or {}
    return (mapping.get(language) or mapping.get(fallback) or "").strip()


@dataclass
class TextUnit:
    """One translatable text: `key` is stable across versions ("item.P-NET-01.text")."""

    key: str
    obj: object
    field: str
    context: str = ""  # what a translator sees next to it (item type, the question for options)

    @property
    def texts(self) -> dict:
        return getattr(self.obj, self.field) or {}

    @property
    def required(self) -> bool:
        """Only texts that exist in the source language (Swedish) must be translated."""
        return bool(self.texts.get(SOURCE_LANGUAGE, "").strip())

    def get(self, language: str) -> str:
        return (self.texts.get(language) or "").strip()

    def set(self, language: str, value: str) -> None:
        """Change the in-memory object; the caller saves it (`services.translations`)."""
        texts = dict(self.texts)
        value = (value or "").strip()
        if value:
            texts[language] = value
        else:
            texts.pop(language, None)
        setattr(self.obj, self.field, texts)


def text_units(version: InstrumentVersion) -> Iterator[TextUnit]:
    """Every respondent-facing text of a version, in the order a respondent meets them."""
    yield TextUnit("version.title", version, "title", "title")
    yield TextUnit("version.intro", version, "intro", "introduction")
    sections = list(version.sections.order_by("position", "id"))
    items = list(
        version.items.select_related("section")
        .prefetch_related("options")
        .order_by("section__position", "position", "id")
    )
    by_section: dict[int, list[Item]] = {}
    for item in items:
        by_section.setdefault(item.section_id, []).append(item)
    for section in sections:
        yield TextUnit(f"section.{section.key}.title", section, "title", "section title")
        yield TextUnit(f"section.{section.key}.intro", section, "intro", "section introduction")
        for item in by_section.get(section.pk, []):
            question = item.text.get(SOURCE_LANGUAGE, "")
            yield TextUnit(f"item.{item.item_id}.text", item, "text", item.get_type_display())
            yield TextUnit(f"item.{item.item_id}.help", item, "help", "help text")
            for option in item.options.all():
                yield TextUnit(f"option.{item.item_id}.{option.value}", option, "label", question)


def missing_texts(version: InstrumentVersion, language: str, units=None) -> list[str]:
    """Keys of the texts that exist in Swedish but not in `language`."""
    units = list(text_units(version)) if units is None else units
    return [u.key for u in units if u.required and not u.get(language)]


def language_states(version: InstrumentVersion) -> dict[str, str]:
    """Per survey language: missing, draft, reviewed or back_translated."""
    units = list(text_units(version))
    states = {}
    for language in LANGUAGE_CODES:
        if missing_texts(version, language, units):
            states[language] = TranslationStatus.MISSING
        else:
            states[language] = version.language_status.get(language) or TranslationStatus.DRAFT
    return states


def ready_languages(version: InstrumentVersion) -> list[str]:
    """Languages a round of this version may open in (no missing text)."""
    return [lang for lang, st in language_states(version).items() if st != "missing"]


# ------------------------------------------------------------------------------- changes


def clean_text(value) -> str:
    """A text as stored: stripped, with Unix line ends."""
    return str(value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def merge_texts(texts: Mapping | None, values: Mapping[str, str]) -> tuple[dict, set[str]]:
    """`texts` with `values` ({language: text}, "" removes) applied; and the changed languages."""
    result = dict(texts or {})
    changed = set()
    for language, value in values.items():
        value = clean_text(value)
        if value == clean_text(result.get(language)):
            continue
        changed.add(language)
        if value:
            result[language] = value
        else:
            result.pop(language, None)
    return result, changed


def statuses_after_change(
    status: Mapping | None, changed: Iterable[str], explicit: Mapping[str, str] | None = None
) -> dict:
    """Translation statuses after texts of `changed` languages changed (see the module text)."""
    status = dict(status or {})
    changed = set(changed)
    explicit = dict(explicit or {})
    affected = set(LANGUAGE_CODES) if SOURCE_LANGUAGE in changed else changed
    for language in affected:
        if language in explicit:
            continue
        if status.get(language) not in (None, TranslationStatus.DRAFT):
            status[language] = TranslationStatus.DRAFT.value
    for language, value in explicit.items():
        status[language] = str(value)
    return status


def not_complete_message(language: str, count: int) -> str:
    return ngettext(
        "%(language)s cannot be marked as checked: %(count)s text is missing.",
        "%(language)s cannot be marked as checked: %(count)s texts are missing.",
        count,
    ) % {"language": LANGUAGE_LABELS[language], "count": count}
