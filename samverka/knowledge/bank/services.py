"""Workflows of the knowledge bank: items and their versions, translations, attachments,
editors, and the ties to practice (an activity's methods, a theme taken from the bank)."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from samverka.activities.models import Activity, Theme
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.knowledge.bank.models import (
    ActivityMethod,
    Attachment,
    BankEditor,
    Item,
    ItemKind,
    ItemTranslation,
    ItemVersion,
    ThemeLink,
)
from samverka.lib.uploads import file_fields

TEXT_FIELDS = ("title", "summary", "body")
META_FIELDS = (
    "kind",
    "theme_category",
    "focus_areas",
    "target_groups",
    "age_groups",
    "activity_types",
    "keywords",
    "is_public",
)


class NotPublishable(Exception):
    pass


def _latest(item: Item) -> ItemVersion | None:
    return item.versions.order_by("-number").first()


@transaction.atomic
def item_create(
    *,
    kind: str,
    title: str,
    summary: str = "",
    body: str = "",
    meta: dict | None = None,
    publish: bool = False,
    change_note: str = "",
    by,
    builtin_key: str | None = None,
) -> Item:
    """A new item with its first version (a draft unless `publish`)."""
    item = Item(kind=kind, title=title, summary=summary, created_by=by, builtin_key=builtin_key)
    data = {name: value for name, value in (meta or {}).items() if name in META_FIELDS}
    data["kind"] = kind
    if kind != ItemKind.THEME_MATERIAL:
        data["theme_category"] = ""
    save_audited(item, data, by=by)
    version = ItemVersion.objects.create(
        item=item,
        number=1,
        title=title,
        summary=summary,
        body=body,
        change_note=change_note,
        created_by=by,
    )
    if publish:
        item_publish(item=item, by=by, version=version)
    return item


@transaction.atomic
def item_update(
    *,
    item: Item,
    title: str,
    summary: str,
    body: str,
    change_note: str = "",
    meta: dict | None = None,
    publish: bool = False,
    by,
) -> ItemVersion:
    """Save an edit. A published version is never changed: a changed text becomes a new draft
    version (or changes the draft that is already waiting). `publish` publishes it at once."""
    data = {name: value for name, value in (meta or {}).items() if name in META_FIELDS}
    if data.get("kind", item.kind) != ItemKind.THEME_MATERIAL:
        data["theme_category"] = ""
    if data:
        save_audited(item, data, by=by)
    latest = _latest(item)
    text = {"title": title, "summary": summary, "body": body}
    unchanged = latest is not None and all(getattr(latest, k) == v for k, v in text.items())
    if latest is not None and not latest.is_published:
        if not unchanged or latest.change_note != change_note:
            for name, value in text.items():
                setattr(latest, name, value)
            latest.change_note = change_note
            latest.created_by = by
            latest.save()
            audit_record(
                actor=by,
                action=AuditAction.UPDATE,
                obj=item,
                fields=["draft"],
                detail=f"v{latest.number}",
            )
        version = latest
    elif unchanged:
        version = latest
    else:
        version = ItemVersion.objects.create(
            item=item,
            number=(latest.number + 1) if latest else 1,
            change_note=change_note,
            created_by=by,
            **text,
        )
        audit_record(
            actor=by,
            action=AuditAction.CREATE,
            obj=item,
            fields=["version"],
            detail=f"v{version.number}",
        )
    if publish and not version.is_published:
        item_publish(item=item, by=by, version=version)
    return version


@transaction.atomic
def item_publish(*, item: Item, by, version: ItemVersion | None = None) -> ItemVersion:
    """Publish the waiting draft: readers see it from now on; it is never changed again."""
    version = version or _latest(item)
    if version is None or version.is_published:
        raise NotPublishable
    if not version.title.strip():
        raise NotPublishable
    version.published_at = timezone.now()
    version.published_by = by if getattr(by, "is_authenticated", False) else None
    version.save(update_fields=["published_at", "published_by"])
    item.current = version
    item.title, item.summary, item.body = version.title, version.summary, version.body
    item.save(update_fields=["current", "title", "summary", "body"])
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=item,
        fields=["published"],
        detail=f"v{version.number}",
    )
    return version


@transaction.atomic
def translation_save(
    *, item: Item, language: str, title: str, summary: str, body: str, status: str, by
) -> ItemTranslation:
    translation = ItemTranslation.objects.filter(item=item, language=language).first()
    translation = translation or ItemTranslation(item=item, language=language)
    translation.updated_by = by
    source = item.current.number if item.current_id else 1
    save_audited(
        translation,
        {
            "title": title,
            "summary": summary,
            "body": body,
            "status": status,
            "source_version": source,
        },
        by=by,
    )
    return translation


@transaction.atomic
def attachment_add(*, item: Item, upload, title: str, language: str, by) -> Attachment:
    """Store a file that passed the upload rules (UploadField sets `upload.kind`)."""
    attachment = Attachment(
        item=item, title=title, language=language, uploaded_by=by, **file_fields(upload)
    )
    attachment.file.save(attachment.original_name, upload, save=False)
    attachment.save()
    audit_record(actor=by, action=AuditAction.CREATE, obj=attachment, detail=item.code)
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: Attachment, by) -> None:
    audit_record(actor=by, action=AuditAction.DELETE, obj=attachment, detail=attachment.item.code)
    attachment.file.delete(save=False)
    attachment.delete()


@transaction.atomic
def editor_name(*, user, by) -> BankEditor:
    editor, created = BankEditor.objects.get_or_create(user=user, defaults={"named_by": by})
    if created:
        audit_record(actor=by, action=AuditAction.SECURITY, obj=user, detail="bank editor +")
    return editor


@transaction.atomic
def editor_remove(*, editor: BankEditor, by) -> None:
    audit_record(actor=by, action=AuditAction.SECURITY, obj=editor.user, detail="bank editor -")
    editor.delete()


@transaction.atomic
def activity_methods_set(*, activity: Activity, items: Iterable[Item], by) -> None:
    """The method cards an activity names as its methods (only published method items)."""
    wanted = {i.pk for i in items if i.kind == ItemKind.METHOD and i.current_id}
    current = set(activity.knowledge_methods.values_list("item_id", flat=True))
    if wanted == current:
        return
    activity.knowledge_methods.filter(item_id__in=current - wanted).delete()
    ActivityMethod.objects.bulk_create(
        [ActivityMethod(activity=activity, item_id=pk) for pk in wanted - current]
    )
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=activity,
        collaboration=activity.collaboration,
        fields=["methods"],
    )


@transaction.atomic
def theme_take_from_bank(
    *, activity: Activity, item: Item, planned_for: date | None, by, chosen_by_group: bool = True
) -> Theme:
    """Add a bank theme to a parent group's plan; the theme stays linked to the bank item."""
    theme = Theme.objects.create(
        activity=activity,
        title=item.title[:200],
        planned_for=planned_for,
        chosen_by_group=chosen_by_group,
        order=activity.themes.count(),
    )
    ThemeLink.objects.create(theme=theme, item=item)
    audit_record(
        actor=by,
        action=AuditAction.CREATE,
        obj=theme,
        collaboration=activity.collaboration,
        detail=f"from {item.code}",
    )
    return theme
