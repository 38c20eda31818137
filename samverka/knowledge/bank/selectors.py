"""Reads of the knowledge bank shared by its pages."""

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from samverka.activities.models import Activity
from samverka.knowledge.bank.models import ActivityMethod, Item, ItemKind, ThemeLink
from samverka.lib.scoping import national_scope
from samverka.lib.search import text_search

SEARCH_FIELDS = ["title", "summary", "body", "keywords"]


def items_for(user, *, can_edit: bool) -> QuerySet[Item]:
    """Published items for readers; editors also see items not yet published."""
    items = Item.objects.all()
    return items if can_edit else items.filter(current__isnull=False)


def item_for(code: str, *, can_edit: bool) -> Item:
    return get_object_or_404(items_for(None, can_edit=can_edit), code=code)


def public_item(code: str) -> Item:
    """A public item's published version, or 404 (also for items not marked public)."""
    return get_object_or_404(
        Item.objects.filter(is_public=True, current__isnull=False).select_related("current"),
        code=code,
    )


def filtered_items(items: QuerySet[Item], data: dict) -> QuerySet[Item]:
    """The bank's list narrowed by a valid BankFilterForm's cleaned data."""
    if data.get("kind"):
        items = items.filter(kind=data["kind"])
    if data.get("category"):
        items = items.filter(theme_category=data["category"])
    for field, value in (
        ("focus_areas", data.get("focus_area")),
        ("target_groups", data.get("target_group")),
        ("age_groups", data.get("age")),
    ):
        if value:
            # JSON lists: a plain containment test that SQLite and PostgreSQL both run.
            wanted = int(value) if field == "focus_areas" else value
            items = items.filter(
                pk__in=[i.pk for i in items if wanted in (getattr(i, field) or [])]
            )
    if data.get("language"):
        items = items.filter(translations__language=data["language"])
    return text_search(items, SEARCH_FIELDS, data.get("q", ""))


def method_items() -> QuerySet[Item]:
    return Item.objects.filter(kind=ItemKind.METHOD, current__isnull=False).order_by("title")


def theme_items() -> QuerySet[Item]:
    return Item.objects.filter(kind=ItemKind.THEME_MATERIAL, current__isnull=False).order_by(
        "theme_category", "title"
    )


def methods_of(activity: Activity) -> list[Item]:
    return [
        m.item for m in activity.knowledge_methods.select_related("item").order_by("item__title")
    ]


def theme_links(activity: Activity) -> dict[int, Item]:
    """theme id → the bank item it was taken from, for an activity's theme plan."""
    links = ThemeLink.objects.filter(theme__activity=activity).select_related("item")
    return {link.theme_id: link.item for link in links}


def method_usage(item: Item) -> dict[str, int]:
    """Where a method is used, as counts only: activities and municipalities.

    Read across every collaboration (national scope) on purpose: only two counts leave this
    function, never an activity, a collaboration or a municipality's name.
    """
    with national_scope():
        rows = ActivityMethod.objects.filter(item=item).aggregate(
            activities=Count("activity", distinct=True),
            municipalities=Count("activity__collaboration__municipality", distinct=True),
        )
    return {"activities": rows["activities"] or 0, "municipalities": rows["municipalities"] or 0}


def theme_usage(item: Item) -> dict[str, int]:
    """How many parent groups' plans took this theme (counts only, as method_usage)."""
    with national_scope():
        rows = ThemeLink.objects.filter(item=item).aggregate(
            themes=Count("theme", distinct=True),
            municipalities=Count("theme__activity__collaboration__municipality", distinct=True),
        )
    return {"themes": rows["themes"] or 0, "municipalities": rows["municipalities"] or 0}
