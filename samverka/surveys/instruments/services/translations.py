"""A version's languages: texts set per language (the translate form, an imported file), a
language's translation status (also on a published version), and the texts exported to
translate elsewhere."""

from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.lib.downloads import Download
from samverka.lib.languages import LANGUAGE_CODES
from samverka.surveys.instruments import translation_files
from samverka.surveys.instruments.models import InstrumentVersion, TranslationStatus
from samverka.surveys.instruments.services import EditRefused, audit_change, locked_version
from samverka.surveys.instruments.texts import (
    MAX_TEXT_LENGTH,
    SETTABLE_STATUSES,
    SOURCE_LANGUAGE,
    TextUnit,
    clean_text,
    missing_texts,
    not_complete_message,
    statuses_after_change,
    text_units,
)


def _save_units(units: list[TextUnit]) -> None:
    """Save the objects whose texts were changed through `TextUnit.set` (every changed field)."""
    fields: dict[int, tuple[object, set[str]]] = {}
    for unit in units:
        fields.setdefault(id(unit.obj), (unit.obj, set()))[1].add(unit.field)
    for obj, names in fields.values():
        obj.save(update_fields=sorted(names))


def _units_by_key(version: InstrumentVersion) -> dict[str, TextUnit]:
    return {unit.key: unit for unit in text_units(version)}


def _check_status(version, language: str, status: str, units) -> None:
    if status not in SETTABLE_STATUSES:
        raise EditRefused(_("“%(status)s” is not a translation status.") % {"status": status})
    if status != TranslationStatus.DRAFT:
        missing = missing_texts(version, language, units)
        if missing:
            raise EditRefused(not_complete_message(language, len(missing)))


@transaction.atomic
def texts_apply(
    *,
    version: InstrumentVersion,
    by,
    changes: Iterable[tuple[str, str, str]],
    statuses: Mapping[str, str] | None = None,
    source: str = "form",
) -> int:
    """Set texts [(key, language, text)] of a draft and, optionally, language statuses.

    All or nothing: an unknown key or language, a text that is too long, a text for a key that
    has no Swedish source, or a status that the texts do not allow refuses the whole change.
    Returns the number of texts that changed.
    """
    version = locked_version(version)
    units = _units_by_key(version)
    changed_languages: set[str] = set()
    touched = []
    count = 0
    for key, language, value in changes:
        unit = units.get(key)
        if unit is None:
            raise EditRefused(_("“%(key)s” is not a text of this version.") % {"key": key})
        if language not in LANGUAGE_CODES:
            raise EditRefused(
                _("“%(language)s” is not a survey language.") % {"language": language}
            )
        value = clean_text(value)
        if len(value) > MAX_TEXT_LENGTH:
            raise EditRefused(
                _("The text for %(key)s is longer than %(limit)s characters.")
                % {"key": key, "limit": MAX_TEXT_LENGTH}
            )
        if value == unit.get(language):
            continue
        if language != SOURCE_LANGUAGE and value and not unit.required:
            raise EditRefused(
                _("%(key)s has no Swedish text, so it cannot be translated.") % {"key": key}
            )
        if language == SOURCE_LANGUAGE and not value and unit.field in ("text", "label", "title"):
            raise EditRefused(_("A question or an answer option needs its Swedish text."))
        unit.set(language, value)
        touched.append(unit)
        changed_languages.add(language)
        count += 1
    _save_units(touched)
    explicit = {lang: str(s) for lang, s in (statuses or {}).items() if s}
    all_units = list(units.values())
    for language, status in explicit.items():
        if language not in LANGUAGE_CODES:
            raise EditRefused(
                _("“%(language)s” is not a survey language.") % {"language": language}
            )
        _check_status(version, language, status, all_units)
    new_status = statuses_after_change(version.language_status, changed_languages, explicit)
    fields = [f"texts.{lang}" for lang in sorted(changed_languages)]
    if new_status != (version.language_status or {}):
        version.language_status = new_status
        version.save(update_fields=["language_status"])
        fields.append("language_status")
    if fields:
        audit_change(
            by,
            AuditAction.UPDATE,
            version,
            version,
            fields,
            detail=f"{source}: {count} texts",
        )
    return count


@transaction.atomic
def language_status_set(*, version: InstrumentVersion, by, language: str, status: str) -> bool:
    """Set one language's translation status (also on a published version); False if unchanged."""
    version = locked_version(version, draft=False)
    if language not in LANGUAGE_CODES:
        raise EditRefused(_("“%(language)s” is not a survey language.") % {"language": language})
    _check_status(version, language, status, list(text_units(version)))
    if (version.language_status or {}).get(language) == status:
        return False
    version.language_status = {**(version.language_status or {}), language: str(status)}
    version.save(update_fields=["language_status"])
    audit_change(by, AuditAction.UPDATE, version, version, ["language_status"], detail=language)
    return True


@transaction.atomic
def translations_export(*, version: InstrumentVersion, language: str = "", by) -> Download:
    """The version's texts to translate elsewhere, recorded as an export: an XLSX workbook with
    every language, or with `language` a PO file of that language."""
    stem = translation_files.file_stem(version)
    if language:
        if language not in LANGUAGE_CODES or language == SOURCE_LANGUAGE:
            raise EditRefused(
                _("“%(language)s” is not a survey language.") % {"language": language}
            )
        content = translation_files.export_po(version, language).encode("utf-8")
        download = Download(content, translation_files.PO_TYPE, f"{stem}-{language}.po")
    else:
        content = translation_files.export_xlsx(version)
        download = Download(content, translation_files.XLSX_TYPE, f"{stem}-translations.xlsx")
    audit_change(
        by,
        AuditAction.EXPORT,
        version,
        version,
        ["texts"],
        detail=f"po {language}" if language else "xlsx",
    )
    return download
