"""Survey instruments: versioned multilingual questionnaires.

Texts that respondents read are stored per language in JSON fields ({"sv": "...", "ar": ...}),
so one row holds an item or option in all eight family languages (`lib.languages.LANGUAGE_CODES`).
A language's state per instrument version is in `InstrumentVersion.language_status`; "missing"
is never stored, it is computed from the texts (`texts.missing_texts`).

An instrument has versions. A published version is frozen: editing it makes a new draft
version (a deep copy), and rounds and responses stay tied to the version they used.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverka.lib.codes import new_code
from samverka.lib.fields import CodeField
from samverka.lib.languages import TranslationStatus  # noqa: F401  (re-exported)


class InstrumentKind(models.TextChoices):
    PARENT = "parent", _("Parent survey")
    CHILD = "child", _("Child survey")
    PARTNER = "partner", _("Partner survey")
    FEEDBACK = "feedback", _("Activity feedback")
    OTHER = "other", _("Other survey")


class Instrument(models.Model):
    """A survey. Built-in ones belong to no collaboration and are copied, never edited."""

    code = CodeField()
    key = models.SlugField(
        _("key"),
        max_length=40,
        blank=True,
        help_text=_("Stable key of a built-in instrument, for example 'parent'."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InstrumentKind.choices)
    name = models.CharField(_("name"), max_length=200, help_text=_("What staff call it."))
    builtin = models.BooleanField(_("built in"), default=False)
    collaboration = models.ForeignKey(
        "orgs.Collaboration",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_instruments",
        help_text=_("Empty for built-in instruments."),
    )
    copied_from = models.ForeignKey(
        "InstrumentVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-builtin", "name"]
        verbose_name = _("survey instrument")
        verbose_name_plural = _("survey instruments")
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(builtin=True), name="survey_builtin_key_unique"
            ),
            models.CheckConstraint(
                condition=Q(builtin=False) | Q(collaboration__isnull=True),
                name="survey_builtin_has_no_collaboration",
            ),
        ]

    def __str__(self):
        return self.name

    def latest_version(self):
        return self.versions.order_by("-number").first()

    def published_version(self):
        return self.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (can be edited)")
    PUBLISHED = "published", _("Published (frozen)")


class InstrumentVersion(models.Model):
    code = CodeField()
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    title = models.JSONField(_("title"), default=dict, help_text=_("Per language."))
    intro = models.JSONField(
        _("introduction"), default=dict, blank=True, help_text=_("Per language.")
    )
    attribution = models.TextField(
        _("attribution"),
        blank=True,
        help_text=_("Source and licence of validated scales used in this version."),
    )
    # {"ar": "draft", "sv": "reviewed", ...}; a language without an entry counts as draft when
    # all its texts are present and as missing otherwise.
    language_status = models.JSONField(_("translation status"), default=dict, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Set whenever a recording is added, replaced or removed (services/recordings.py): the
    # respondent pages keep a published version's structure in memory and know from this
    # column, read with the response, when that copy is out of date (respond/pages.py).
    recordings_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["instrument", "-number"]
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="survey_version_number_unique"
            ),
        ]

    def __str__(self):
        return f"{self.instrument} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED


class Section(models.Model):
    """One page of the respondent's survey."""

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="sections"
    )
    key = models.SlugField(_("key"), max_length=40)
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.JSONField(_("title"), default=dict)
    intro = models.JSONField(_("introduction"), default=dict, blank=True)

    class Meta:
        ordering = ["version", "position", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="survey_section_key_unique"),
        ]

    def __str__(self):
        return self.key


class ItemType(models.TextChoices):
    AGREEMENT = "agreement", _("Agreement scale (5 points, words)")
    FACES = "faces", _("Agreement scale (5 points, faces)")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    YES_NO = "yes_no", _("Yes or no")
    NUMBER = "number", _("Number")
    TEXT = "text", _("Short free text")


# Item types whose answers are options (stored as Option rows, also for the scales and yes/no).
CHOICE_TYPES = frozenset(
    {ItemType.AGREEMENT, ItemType.FACES, ItemType.SINGLE, ItemType.MULTIPLE, ItemType.YES_NO}
)
SCALE_TYPES = frozenset({ItemType.AGREEMENT, ItemType.FACES})
# The option value of "don't know / don't want to answer"; never counted in means or shares.
DONT_KNOW = "dk"


class ItemRole(models.TextChoices):
    """What an item also tells the results pages (breakdowns), besides its own answer."""

    NONE = "", _("None")
    AGE = "age", _("Age in years (used for age bands)")


class Item(models.Model):
    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="items")
    item_id = models.CharField(
        _("item id"),
        max_length=40,
        help_text=_("Stable id, kept across versions and languages, for example 'P-NET-01'."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    type = models.CharField(_("type"), max_length=10, choices=ItemType.choices)
    text = models.JSONField(_("question"), default=dict)
    help = models.JSONField(_("help text"), default=dict, blank=True)
    allow_dont_know = models.BooleanField(
        _("offer “don't know / don't want to answer”"), default=True
    )
    required = models.BooleanField(_("must be answered"), default=False)
    # Show this item only when `condition_item` has one of `condition_values` as answer.
    condition_item = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dependent_items",
        verbose_name=_("show only when item"),
    )
    condition_values = models.JSONField(_("has one of the answers"), default=list, blank=True)
    number_min = models.IntegerField(_("smallest number"), null=True, blank=True)
    number_max = models.IntegerField(_("largest number"), null=True, blank=True)
    role = models.CharField(
        _("used for"), max_length=10, choices=ItemRole.choices, default=ItemRole.NONE, blank=True
    )
    measure = models.SlugField(
        _("measure"),
        max_length=40,
        blank=True,
        help_text=_("Groups items in results, for example 'wellbeing' or 'networks'."),
    )

    class Meta:
        ordering = ["section__position", "position", "id"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        constraints = [
            models.UniqueConstraint(fields=["version", "item_id"], name="survey_item_id_unique"),
        ]

    def __str__(self):
        return self.item_id

    @property
    def is_choice(self) -> bool:
        return self.type in CHOICE_TYPES

    @property
    def is_scale(self) -> bool:
        return self.type in SCALE_TYPES


class Option(models.Model):
    """An answer option. Scale points ("1".."5"), yes/no and "dk" are options too."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="options")
    value = models.CharField(_("value"), max_length=40)
    position = models.PositiveIntegerField(_("position"), default=0)
    label = models.JSONField(_("label"), default=dict)

    class Meta:
        ordering = ["item", "position", "id"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(fields=["item", "value"], name="survey_option_value_unique"),
        ]

    def __str__(self):
        return f"{self.item_id}={self.value}"


def audio_path(instance, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"survey-audio/{new_code(16)}.{extension}"


class ItemAudio(models.Model):
    """A recording of an item (question and options read aloud) in one language."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="audio")
    language = models.CharField(_("language"), max_length=10)
    file = models.FileField(_("recording"), upload_to=audio_path)
    content_type = models.CharField(max_length=50, default="audio/mpeg")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")
        constraints = [
            models.UniqueConstraint(fields=["item", "language"], name="survey_audio_unique"),
        ]

    def __str__(self):
        return f"{self.item_id}:{self.language}"
