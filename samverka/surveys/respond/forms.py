"""Reading and checking one page of a respondent's answers.

Not a Django form: each item has its own input name (`a-<item id>`, and `dk-<item id>` for the
"don't know" box of number and text items), the inputs are drawn as large touch targets by the
template, and every message is in the respondent's survey language (`respondent_texts`).
"""

from collections.abc import Mapping

from samverka.surveys.instruments.models import DONT_KNOW, Item, ItemType
from samverka.surveys.respond.pages import AnswerValue, PageInput

TEXT_MAX = 1000
# Beyond this an "integer" is a typing accident, and it would not fit every database column.
NUMBER_LIMIT = 1_000_000_000

# Respondents type with Arabic, Persian and other keyboards: accept their digits too.
_DIGITS = {
    **{ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")},  # Arabic-Indic
    **{ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")},  # Extended (Persian, Dari)
    ord("−"): "-",  # minus sign
}


def input_name(item: Item) -> str:
    return f"a-{item.item_id}"


def dont_know_name(item: Item) -> str:
    return f"dk-{item.item_id}"


def choice_values(item: Item) -> list[str]:
    """The option values a respondent may send for a choice item, "don't know" last."""
    values = [o.value for o in item.options.all() if o.value != DONT_KNOW]
    if item.allow_dont_know:
        values.append(DONT_KNOW)
    return values


def parse_number(raw: str) -> int | None:
    """An integer from what was typed, or None if it is not one."""
    cleaned = raw.translate(_DIGITS).replace(" ", "").replace("\u00a0", "")
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    body = cleaned[1:] if cleaned.startswith("-") else cleaned
    if not body or not body.isascii() or not body.isdigit():
        return None
    number = int(cleaned)
    if abs(number) >= NUMBER_LIMIT:
        return None
    return number


def _number_error(item: Item, number: int, texts: Mapping) -> str:
    low, high = item.number_min, item.number_max
    if low is not None and high is not None and not low <= number <= high:
        return texts["error_range"].format(min=low, max=high)
    if low is not None and high is None and number < low:
        return texts["error_min"].format(min=low)
    if high is not None and low is None and number > high:
        return texts["error_max"].format(max=high)
    return ""


def read_item(item: Item, data, texts: Mapping) -> tuple[list[AnswerValue], str, dict]:
    """(answers, message, raw input) for one item from the POST data."""
    name = input_name(item)
    if item.type in (
        ItemType.AGREEMENT,
        ItemType.FACES,
        ItemType.SINGLE,
        ItemType.MULTIPLE,
        ItemType.YES_NO,
    ):
        chosen = [v for v in data.getlist(name) if v != ""]
        raw = {"chosen": chosen}
        allowed = set(choice_values(item))
        if any(v not in allowed for v in chosen):
            return [], texts["error_choice"], raw
        chosen = list(dict.fromkeys(chosen))  # a repeated value counts once
        if item.type != ItemType.MULTIPLE and len(chosen) > 1:
            return [], texts["error_choice"], raw
        if DONT_KNOW in chosen and len(chosen) > 1:
            return [], texts["error_dk_alone"], raw
        return [AnswerValue(value=v) for v in chosen], "", raw

    typed = (data.get(name) or "").strip()
    dont_know = item.allow_dont_know and data.get(dont_know_name(item)) == DONT_KNOW
    raw = {"typed": typed, "dont_know": dont_know}
    if dont_know:
        return [AnswerValue(value=DONT_KNOW)], "", raw
    if not typed:
        return [], "", raw
    if item.type == ItemType.NUMBER:
        number = parse_number(typed)
        if number is None:
            return [], texts["error_number"], raw
        message = _number_error(item, number, texts)
        if message:
            return [], message, raw
        return [AnswerValue(number=number)], "", raw
    if len(typed) > TEXT_MAX:
        return [], texts["error_text_long"].format(max=TEXT_MAX), raw
    return [AnswerValue(text=typed)], "", raw


def read_page(items: list[Item], data, texts: Mapping) -> PageInput:
    """Read every item shown on a page. Required answers are checked by the caller, which
    knows which items are visible (see `pages.check_page`)."""
    page = PageInput()
    for item in items:
        answers, message, raw = read_item(item, data, texts)
        page.raw[item.pk] = raw
        if message:
            page.errors[item.pk] = message
        else:
            page.values[item.pk] = answers
    return page
