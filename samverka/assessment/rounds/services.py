"""Opening, answering and closing self-assessment rounds."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.assessment.instrument import INSTRUMENT_VERSION, ITEMS_BY_ID, SCALE_MAX, SCALE_MIN
from samverka.assessment.models import Answer, AssessmentRound, Level, Party, Response
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.orgs.models import Collaboration


@transaction.atomic
def round_open(
    *, collaboration: Collaboration, by, note: str = "", closes_on: date | None = None
) -> AssessmentRound:
    """Open the next round. Only one round is open at a time."""
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    rounds = AssessmentRound.objects.filter(collaboration=collaboration)
    if rounds.filter(closed_at__isnull=True).exists():
        raise ValidationError(_("A round is already open. Close it before opening a new one."))
    last = rounds.order_by("-number").values_list("number", flat=True).first() or 0
    try:
        with transaction.atomic():
            round = AssessmentRound.objects.create(
                collaboration=collaboration,
                number=last + 1,
                note=note.strip(),
                closes_on=closes_on,
                instrument_version=INSTRUMENT_VERSION,
                opened_at=timezone.now(),
                opened_by=by,
            )
    except IntegrityError as error:  # another coordinator opened one at the same moment
        raise ValidationError(
            _("A round is already open. Close it before opening a new one.")
        ) from error
    audit_record(actor=by, action=AuditAction.CREATE, obj=round, collaboration=collaboration)
    return round


@transaction.atomic
def round_close(*, round: AssessmentRound, by) -> AssessmentRound:
    """Close a round; from now on its results may be shown. Closing twice changes nothing."""
    round = AssessmentRound.objects.select_for_update().get(pk=round.pk)
    if round.closed_at is None:
        round.closed_at = timezone.now()
        round.closed_by = by
        round.save(update_fields=["closed_at", "closed_by"])
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=round,
            collaboration=round.collaboration,
            fields=["closed_at"],
        )
    return round


def _clean_answers(answers: dict[str, tuple[int | None, str]]) -> dict[str, tuple[int | None, str]]:
    clean = {}
    for item_id, (value, comment) in answers.items():
        if item_id not in ITEMS_BY_ID:
            raise ValidationError(_("Unknown question."))
        if value is not None and not SCALE_MIN <= int(value) <= SCALE_MAX:
            raise ValidationError(_("Answer on the scale from 1 to 5."))
        clean[item_id] = (None if value is None else int(value), (comment or "").strip()[:1000])
    return clean


@transaction.atomic
def response_save(
    *,
    round: AssessmentRound,
    party: str,
    level: str,
    answers: dict[str, tuple[int | None, str]],
    submit: bool,
    by,
) -> Response:
    """Save the answers of `by`, the respondent, in an open round: a draft, or submitted.

    `answers` maps item id to (1–5, or None for "don't know"; comment). Items left out are
    unanswered (drafts only). Saving again, or a second click on submit, updates the same
    response; a submitted response stays submitted.
    """
    round = AssessmentRound.objects.select_for_update().get(pk=round.pk)
    if not round.is_open:
        raise ValidationError(_("This round is closed. Answers can no longer be changed."))
    if party not in Party.values or level not in Level.values:
        raise ValidationError(_("Choose which side you answer for and at which level you work."))
    clean = _clean_answers(answers)
    if submit and set(clean) != set(ITEMS_BY_ID):
        raise ValidationError(_("Answer every question – “don't know” is an answer too."))
    response, created = Response.objects.get_or_create(
        round=round, respondent=by, defaults={"party": party, "level": level}
    )
    response.party, response.level = party, level
    first_submission = submit and response.submitted_at is None
    if first_submission:
        response.submitted_at = timezone.now()
    response.save()
    existing = {a.item_id: a for a in response.answers.all()}
    for item_id, (value, comment) in clean.items():
        answer = existing.get(item_id)
        if answer is None:
            Answer.objects.create(response=response, item_id=item_id, value=value, comment=comment)
        elif answer.value != value or answer.comment != comment:
            answer.value, answer.comment = value, comment
            answer.save(update_fields=["value", "comment"])
    audit_record(
        actor=by,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=response,
        collaboration=round.collaboration,
        detail="submitted"
        if first_submission
        else ("draft" if response.submitted_at is None else ""),
    )
    return response
