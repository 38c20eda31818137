"""The built-in survey instruments, written by us in plain language, in all eight survey languages.

Each module or package (`parent`, `child`, `partner`, `feedback`) declares one `INSTRUMENT` in
the small format below; `install.install_builtin_instruments` turns the definitions into
published instrument versions (and a new version whenever a definition changes).

Texts are dicts {language: text} over the family languages (`lib.languages.LANGUAGE_CODES`);
build them with `tr(...)`, which refuses a text that lacks a language. Swedish is the source.
A language a human translator has reviewed (`lib.languages.REVIEWED`, `Shipped.BUILTIN_SURVEYS`:
Swedish and English) ships as "reviewed"; the others were written by us and ship as "draft"
(`LANGUAGE_STATUS`).

Scale, yes/no and "don't know" options are not declared per item: they come from `scales`.
Item ids are stable across versions: change a text, never the id of a question that means the
same thing; a question that means something new gets a new id.
"""

import re
from dataclasses import dataclass, field

from samverka.lib.languages import LANGUAGE_CODES, Shipped, is_reviewed
from samverka.surveys.instruments.models import CHOICE_TYPES, ItemRole, ItemType, TranslationStatus

ITEM_ID_PATTERN = re.compile(r"^[A-Z]{1,2}-[A-Z]{2,3}-\d{2}$")
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9-]{0,39}$")

LANGUAGE_STATUS: dict[str, str] = {
    code: (
        TranslationStatus.REVIEWED.value
        if is_reviewed(code, Shipped.BUILTIN_SURVEYS)
        else TranslationStatus.DRAFT.value
    )
    for code in LANGUAGE_CODES
}

Texts = dict[str, str]


def tr(*, sv: str, sv_easy: str, en: str, ar: str, prs: str, so: str, ti: str, uk: str) -> Texts:
    """One text in every family language (`lib.languages`); the keyword `sv_easy` is "sv-easy".

    The keywords name the languages so that a text without one fails where it is written.
    """
    given = locals()
    texts = {code: given[code.replace("-", "_")] for code in LANGUAGE_CODES}
    empty = [code for code, value in texts.items() if not (value or "").strip()]
    if empty:
        raise ValueError(f"Text {sv!r} is empty in {', '.join(empty)}.")
    return {code: value.strip() for code, value in texts.items()}


@dataclass(frozen=True)
class OptionDef:
    value: str
    label: Texts


@dataclass(frozen=True)
class ConditionDef:
    """Show the item only when `item_id` (an earlier item) has one of `values` as answer."""

    item_id: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class ItemDef:
    item_id: str
    type: str  # models.ItemType
    text: Texts
    help: Texts = field(default_factory=dict)
    # None: offered for scales, yes/no and single choice; not for multiple choice, number, text.
    allow_dont_know: bool | None = None
    required: bool = False
    # Only for single and multiple choice; scales and yes/no get the standard labels.
    options: tuple[OptionDef, ...] = ()
    condition: ConditionDef | None = None
    number_min: int | None = None
    number_max: int | None = None
    role: str = ItemRole.NONE.value
    measure: str = ""

    @property
    def offers_dont_know(self) -> bool:
        if self.allow_dont_know is not None:
            return self.allow_dont_know and self.type in CHOICE_TYPES
        return self.type in (
            ItemType.AGREEMENT,
            ItemType.FACES,
            ItemType.YES_NO,
            ItemType.SINGLE,
        )


@dataclass(frozen=True)
class SectionDef:
    key: str
    title: Texts
    items: tuple[ItemDef, ...]
    intro: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class InstrumentDef:
    key: str
    kind: str  # models.InstrumentKind
    name: str  # what staff call it (Swedish)
    title: Texts
    intro: Texts
    sections: tuple[SectionDef, ...]
    attribution: str = ""
    language_status: dict[str, str] = field(default_factory=lambda: dict(LANGUAGE_STATUS))

    def items(self) -> list[ItemDef]:
        return [item for section in self.sections for item in section.items]


def agree(item_id: str, text: Texts, measure: str, **extra) -> ItemDef:
    """An agreement item (the 5-point scale in words) of a measure."""
    return ItemDef(item_id=item_id, type=ItemType.AGREEMENT, text=text, measure=measure, **extra)


def definitions() -> list[InstrumentDef]:
    """The built-in instruments, read from their modules at call time (tests may patch them)."""
    from samverka.surveys.builtin import child, feedback, parent, partner

    return [parent.INSTRUMENT, child.INSTRUMENT, partner.INSTRUMENT, feedback.INSTRUMENT]


def _check_texts(texts: Texts, where: str, problems: list[str], *, optional=False) -> None:
    if optional and not texts:
        return
    missing = [code for code in LANGUAGE_CODES if not (texts.get(code) or "").strip()]
    if missing:
        problems.append(f"{where}: no text in {', '.join(missing)}")
    unknown = sorted(set(texts) - set(LANGUAGE_CODES))
    if unknown:
        problems.append(f"{where}: unknown languages {', '.join(unknown)}")


def problems(definition: InstrumentDef) -> list[str]:
    """Everything wrong with a definition (empty when it can be installed)."""
    found: list[str] = []
    where = definition.key
    if not KEY_PATTERN.match(definition.key):
        found.append(f"{where}: key must be a lowercase slug")
    _check_texts(definition.title, f"{where} title", found)
    _check_texts(definition.intro, f"{where} intro", found, optional=True)
    if set(definition.language_status) - set(LANGUAGE_CODES):
        found.append(f"{where}: language_status names an unknown language")
    if set(definition.language_status.values()) - set(TranslationStatus.values) or (
        TranslationStatus.MISSING in definition.language_status.values()
    ):
        found.append(f"{where}: language_status must be draft, reviewed or back_translated")
    section_keys: set[str] = set()
    seen: dict[str, ItemDef] = {}
    for section in definition.sections:
        if not KEY_PATTERN.match(section.key) or section.key in section_keys:
            found.append(f"{where}: section key {section.key!r} is not a unique slug")
        section_keys.add(section.key)
        _check_texts(section.title, f"{where} section {section.key}", found)
        _check_texts(section.intro, f"{where} section {section.key} intro", found, optional=True)
        if not section.items:
            found.append(f"{where}: section {section.key} has no items")
        for item in section.items:
            at = f"{where} {item.item_id}"
            if not ITEM_ID_PATTERN.match(item.item_id):
                found.append(f"{at}: item id does not match {ITEM_ID_PATTERN.pattern}")
            if item.item_id in seen:
                found.append(f"{at}: item id used twice")
            if item.type not in ItemType.values:
                found.append(f"{at}: unknown type {item.type!r}")
            _check_texts(item.text, at, found)
            _check_texts(item.help, f"{at} help", found, optional=True)
            if item.type in (ItemType.SINGLE, ItemType.MULTIPLE):
                if len(item.options) < 2:
                    found.append(f"{at}: a choice needs at least two options")
            elif item.options:
                found.append(f"{at}: only single and multiple choice declare options")
            values = [option.value for option in item.options]
            if len(set(values)) != len(values) or "dk" in values:
                found.append(f"{at}: option values must be unique and not 'dk'")
            for option in item.options:
                _check_texts(option.label, f"{at} option {option.value}", found)
            if item.type != ItemType.NUMBER and (
                item.number_min is not None or item.number_max is not None
            ):
                found.append(f"{at}: only number items have a smallest or largest number")
            if item.role == ItemRole.AGE and item.type != ItemType.NUMBER:
                found.append(f"{at}: the age item must be a number")
            if item.condition is not None:
                target = seen.get(item.condition.item_id)
                if target is None:
                    found.append(f"{at}: condition must refer to an earlier item")
                elif target.type not in CHOICE_TYPES:
                    found.append(f"{at}: condition must refer to a choice item")
                elif not item.condition.values or not set(item.condition.values) <= set(
                    option_values(target)
                ):
                    found.append(f"{at}: condition values must be options of its item")
            seen[item.item_id] = item
    return found


def option_values(item: ItemDef) -> list[str]:
    """The option values an item will have once installed (standard ones included)."""
    from samverka.surveys.builtin.scales import options_for

    return [value for value, _label in options_for(item)]


# Texts several instruments share.
CHOOSE_MANY = tr(
    sv="Du kan välja flera.",
    sv_easy="Du kan välja fler än en.",
    en="You can choose more than one.",
    ar="يمكنك اختيار أكثر من إجابة.",
    prs="می‌توانید چند گزینه را انتخاب کنید.",
    so="Waxaad dooran kartaa wax ka badan hal.",
    ti="ካብ ሓደ ንላዕሊ ክትመርጹ ትኽእሉ ኢኹም።",
    uk="Можна вибрати кілька відповідей.",
)
SOMETHING_ELSE = tr(
    sv="Något annat",
    sv_easy="Något annat",
    en="Something else",
    ar="شيء آخر",
    prs="چیز دیگر",
    so="Wax kale",
    ti="ካልእ",
    uk="Щось інше",
)
LESS_THAN_A_YEAR = tr(
    sv="Mindre än ett år",
    sv_easy="Mindre än ett år",
    en="Less than a year",
    ar="أقل من سنة",
    prs="کمتر از یک سال",
    so="Wax ka yar hal sano",
    ti="ካብ ሓደ ዓመት ዝወሓደ",
    uk="Менше року",
)
ONE_TO_TWO_YEARS = tr(
    sv="1–2 år",
    sv_easy="1–2 år",
    en="1–2 years",
    ar="سنة إلى سنتين",
    prs="1 تا 2 سال",
    so="1–2 sano",
    ti="1–2 ዓመት",
    uk="1–2 роки",
)
