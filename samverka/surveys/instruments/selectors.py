"""Reads of instrument versions that services, rules and views share."""

from samverka.surveys.instruments.models import InstrumentVersion, Item, Section


def ordered_items(version: InstrumentVersion) -> list[Item]:
    """The version's items in the order a respondent meets them."""
    return list(
        version.items.select_related("section", "condition_item")
        .prefetch_related("options")
        .order_by("section__position", "section_id", "position", "id")
    )


def suggest_item_id(version: InstrumentVersion, section: Section) -> str:
    """The next free id after the section's (or the version's) last question, like P-NET-04."""
    last = (
        section.items.order_by("-position", "-id").first()
        or version.items.order_by("-section__position", "-position", "-id").first()
    )
    if last is None:
        return ""
    head = last.item_id.rstrip("0123456789")
    digits = last.item_id[len(head) :]
    if not digits:
        return ""
    taken = set(version.items.values_list("item_id", flat=True))
    number = int(digits)
    while True:
        number += 1
        candidate = f"{head}{number:0{len(digits)}d}"
        if candidate not in taken:
            return candidate
