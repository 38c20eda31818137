"""The "Ni sa – vi gjorde" (you said – we did) poster: per consultation or per term, written in
Swedish and translated into the family languages, each with its translation status."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverka.children.languages import LANGUAGE_CODES, SOURCE, TranslationStatus
from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class Icon(models.TextChoices):
    """Self-drawn pictures in static/img/children/ (no icon font, no CDN)."""

    PLAY = "play", _("Play and games")
    BALL = "ball", _("Sport")
    BICYCLE = "bicycle", _("Bicycles")
    BOOK = "book", _("Books and reading")
    FOOD = "food", _("Food and snacks")
    MUSIC = "music", _("Music")
    ART = "art", _("Drawing and crafts")
    NATURE = "nature", _("Nature and outdoors")
    WATER = "water", _("Swimming and water")
    TRIP = "trip", _("Trips")
    FRIENDS = "friends", _("Friends")
    FAMILY = "family", _("Families")
    SCHOOL = "school", _("School")
    SAFE = "safe", _("Feeling safe")
    TIME = "time", _("Times and days")
    IDEA = "idea", _("Other ideas")


class ItemState(models.TextChoices):
    DONE = "done", _("We did it")
    WORKING = "working", _("We are working on it")
    NOT_POSSIBLE = "not_possible", _("We could not – here is why")


class Poster(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="+"
    )
    consultation = models.ForeignKey(
        "children.Consultation",
        verbose_name=_("consultation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="posters",
    )
    term_starts_on = models.DateField(_("term from"), null=True, blank=True)
    term_ends_on = models.DateField(_("term to"), null=True, blank=True)
    title = models.CharField(_("heading"), max_length=120, default="Ni sa – vi gjorde")
    languages = models.JSONField(_("languages"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("“Ni sa – vi gjorde” poster")
        verbose_name_plural = _("“Ni sa – vi gjorde” posters")
        constraints = [
            # For one consultation, or for a term (both dates, in order).
            models.CheckConstraint(
                condition=Q(consultation__isnull=False)
                | Q(
                    term_starts_on__isnull=False,
                    term_ends_on__isnull=False,
                    term_ends_on__gte=models.F("term_starts_on"),
                ),
                name="poster_for_consultation_or_term",
            ),
        ]

    def __str__(self):
        return self.title

    def ordered_languages(self) -> list[str]:
        chosen = set(self.languages) | {SOURCE}
        return [code for code in LANGUAGE_CODES if code in chosen]


class PosterItem(models.Model):
    """One "you said … – we did …" pair, in Swedish (translations in PosterTranslation)."""

    code = CodeField()
    poster = models.ForeignKey(Poster, on_delete=models.CASCADE, related_name="items")
    icon = models.CharField(_("picture"), max_length=20, choices=Icon.choices, default=Icon.IDEA)
    said = models.CharField(_("you said"), max_length=200)
    did = models.CharField(_("we did"), max_length=200)
    state = models.CharField(
        _("how far"), max_length=20, choices=ItemState.choices, default=ItemState.DONE
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = tenant_manager("poster__collaboration")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("poster item")
        verbose_name_plural = _("poster items")

    def __str__(self):
        return self.said


class PosterTranslation(models.Model):
    """The poster's texts in one family language: {"title": ..., "items": {code: {said, did}}}.
    "Missing" is never stored: it is computed from the texts."""

    poster = models.ForeignKey(Poster, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=[c for c in TranslationStatus.choices if c[0] != TranslationStatus.MISSING],
        default=TranslationStatus.DRAFT,
    )
    texts = models.JSONField(default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = tenant_manager("poster__collaboration")

    class Meta:
        verbose_name = _("poster translation")
        verbose_name_plural = _("poster translations")
        constraints = [
            models.UniqueConstraint(
                fields=["poster", "language"], name="poster_translation_once_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.poster_id}:{self.language}"
