"""Anonymous survey responses: one per respondent, a draft until it is sent, and its answers."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.codes import new_token
from samverka.lib.scoping import tenant_manager
from samverka.surveys.instruments.models import InstrumentVersion, Item
from samverka.surveys.rounds.models import RespondentLink, Round


class Response(models.Model):
    """One respondent's answers. Created when the language is chosen (a draft, addressed by an
    unguessable token in the URL, no cookie or login), submitted once at the end."""

    token = models.CharField(max_length=64, unique=True, editable=False, default=new_token)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="responses")
    link = models.ForeignKey(
        RespondentLink, null=True, on_delete=models.SET_NULL, related_name="responses"
    )
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="responses"
    )
    language = models.CharField(_("language"), max_length=10)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
        help_text=_("For partner surveys answered through an organisation's link."),
    )
    # Linked only when the respondent gave their code and has survey consent in the ledger.
    participant = models.ForeignKey(
        "participants.Participant",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    activity = models.ForeignKey(
        "activities.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    age_band = models.CharField(_("age band"), max_length=10, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    # A draft's answers so far, on its own row ({item pk: [[value, number, text], ...]}): a
    # page is saved with one UPDATE and read with the response. Sending writes them as Answer
    # rows (what results, exports and research read) and empties this.
    draft = models.JSONField(default=dict, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)
    # Whether its answers are counted into the kept counts (AnswerCount, ChooserCount,
    # RespondentCount) yet: sending leaves it false, and `respond.counts.fold` moves sent
    # responses in later, so sending writes nothing more (see respond/counts.py).
    folded = models.BooleanField(default=False, db_default=False, editable=False)

    objects = tenant_manager("round__collaboration")

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [
            models.Index(fields=["round", "submitted_at"], name="survey_resp_round_sub"),
            # The sent responses not yet folded in: few, read by every national results page.
            models.Index(
                fields=["submitted_at"],
                name="survey_resp_unfolded",
                condition=models.Q(folded=False, submitted_at__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.round_id}:{self.pk}"


class Answer(models.Model):
    """One answer to one item of a sent response. A multiple-choice item has one row per chosen
    option. (A draft keeps its answers in `Response.draft` until it is sent.)"""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="answers")
    value = models.CharField(max_length=40, blank=True)  # option value, or "" for number/text
    number = models.IntegerField(null=True, blank=True)
    text = models.CharField(max_length=1000, blank=True)

    objects = tenant_manager("response__round__collaboration")

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "item", "value"], name="survey_answer_unique"
            ),
        ]
        indexes = [models.Index(fields=["item", "value"], name="survey_answer_item_value")]

    def __str__(self):
        return f"{self.response_id}:{self.item_id}={self.value}"


# Kept counts of the sent answers, for the national results (`results.selectors`): the answers
# of the responses folded in (`Response.folded`), counted per round and month of sending (the
# month in settings.TIME_ZONE, as year * 100 + month). One writer: `respond.counts`. Deleting
# a round or an item removes its rows by cascade, as it removes the answers.


class KeptCount(models.Model):
    """What the kept counts share: a round, a month of sending and a count."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    month = models.IntegerField()
    n = models.IntegerField()

    objects = tenant_manager("round__collaboration")

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["round", "month"], name="%(app_label)s_%(class)s_round")]

    def __str__(self):
        return f"{self.round_id}:{self.month}:{self.n}"


class AnswerCount(KeptCount):
    """Answers per source item, round, month, value and number: `n` rows, `wrote` of them with
    a text."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    value = models.CharField(max_length=40, blank=True)
    number = models.IntegerField(null=True, blank=True)
    wrote = models.IntegerField()


class ChooserCount(KeptCount):
    """Responses with at least one answer (row) to an item, per round and month: a multiple
    choice item's choosers."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")


class RespondentCount(KeptCount):
    """Sent responses per round, version and month."""

    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="+")
