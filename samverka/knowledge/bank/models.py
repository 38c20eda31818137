"""The knowledge bank: national, shared by every collaboration (not a tenant model).

An item (method card, theme material, research summary, guide) keeps every version of its
text: a published version is never changed, editing makes a new one, and the page shows what
changed. Translations into the family languages are kept per item with their status and the
version they translate; attachments go through the same upload rules as every document.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.knowledge.languages import BASE_LANGUAGE, TranslationStatus
from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager
from samverka.lib.uploads import GeneratedName, StoredFile


class ItemKind(models.TextChoices):
    METHOD = "method", _("Method")
    THEME_MATERIAL = "theme_material", _("Theme material")
    RESEARCH_SUMMARY = "research_summary", _("Research summary")
    GUIDE = "guide", _("Guide")


class ThemeCategory(models.TextChoices):
    """The categories of a parent group's themes (the parent-support material)."""

    SOCIETY = "society", _("Society orientation")
    HEALTH = "health", _("Health and wellbeing")
    CHILD_RIGHTS = "child_rights", _("Children's rights and upbringing by age")
    SCHOOL_WORK_LANGUAGE = "school_work_language", _("School, work and language")
    LEISURE = "leisure", _("Leisure")


class AgeGroup(models.TextChoices):
    PRESCHOOL = "0-5", _("0–5 years")
    YOUNGER = "6-9", _("6–9 years")
    OLDER = "10-12", _("10–12 years")
    TEENS = "13-17", _("13–17 years")
    ADULTS = "adults", _("Adults")


class Item(models.Model):
    code = CodeField()
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    theme_category = models.CharField(
        _("theme category"), max_length=24, choices=ThemeCategory.choices, blank=True
    )
    focus_areas = models.JSONField(_("focus areas"), default=list, blank=True)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    age_groups = models.JSONField(_("ages"), default=list, blank=True)
    # For method cards: the activity types the method is written for (activities.ActivityType).
    activity_types = models.JSONField(_("activity types"), default=list, blank=True)
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Readable without login at a stable address (the published version)."),
    )
    # Built-in content written by the programme, marked as a starting point.
    builtin_key = models.CharField(max_length=60, unique=True, null=True, blank=True)
    builtin_hash = models.CharField(max_length=64, blank=True)
    # The published version readers see (denormalised for lists and search; set by services).
    current = models.ForeignKey(
        "ItemVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("knowledge-bank item")
        verbose_name_plural = _("knowledge bank")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="theme_material") | Q(theme_category=""),
                name="knowledge_item_category_only_for_themes",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def builtin(self) -> bool:
        return bool(self.builtin_key)

    @property
    def is_published(self) -> bool:
        return self.current_id is not None


class ItemVersion(models.Model):
    """One version of an item's text. Published versions are never changed."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"), max_length=400, blank=True, help_text=_("One or two sentences.")
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Markdown: # heading, **bold**, *italic*, - list, [link](https://…)."),
    )
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["item", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="knowledge_version_number"),
        ]

    def __str__(self):
        return f"{self.item_id} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def language(self) -> str:
        return BASE_LANGUAGE


class ItemTranslation(models.Model):
    """The item in one more family language, with its status and the version it translates."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10)
    title = models.CharField(_("title"), max_length=200, blank=True)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=TranslationStatus.choices,
        default=TranslationStatus.DRAFT,
    )
    source_version = models.PositiveIntegerField(_("translates version"), default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "language"], name="knowledge_translation_once_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.item_id} {self.language}"

    def outdated(self) -> bool:
        """The original has a newer published version than the one translated."""
        current = self.item.current
        return current is not None and current.number > self.source_version


class Attachment(StoredFile):
    code = CodeField()
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=10, default=BASE_LANGUAGE)
    file = models.FileField(upload_to=GeneratedName("knowledge"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class BankEditor(models.Model):
    """A person the national lead has named to write in the knowledge bank."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bank_editor"
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    named_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["user__username"]

    def __str__(self):
        return str(self.user)


class ActivityMethod(models.Model):
    """An activity names a method (a method card of the bank) it uses."""

    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="knowledge_methods"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="used_in")
    added_at = models.DateTimeField(default=timezone.now)

    objects = tenant_manager("activity__collaboration")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "item"], name="knowledge_method_once"),
        ]

    def __str__(self):
        return f"{self.activity_id} uses {self.item_id}"


class ThemeLink(models.Model):
    """A parent group's theme taken from the bank stays linked to the bank's theme material."""

    theme = models.OneToOneField(
        "activities.Theme", on_delete=models.CASCADE, related_name="bank_link"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="theme_links")

    objects = tenant_manager("theme__activity__collaboration")

    def __str__(self):
        return f"{self.theme_id} from {self.item_id}"
