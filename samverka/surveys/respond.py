"""The respondent's side of a survey: starting, saving page by page, sending once.

A response is created as a draft when the respondent chooses a language, reached through an
unguessable token in the URL (no login, no cookie), filled in one page per section and sent
once. Nothing here knows who the respondent is, unless they give the code of their Samverka
card at the end and have said yes to surveys in the consent ledger.

Conditions (`instruments.rules.is_visible`) are evaluated on the answers saved so far, in item
order, so an item hidden by a condition also hides the items that depend on it.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from django.db import transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.lib import agebands
from samverka.participants.models import ConsentPurpose, Participant
from samverka.surveys.forms_respond import AnswerValue, PageInput
from samverka.surveys.instruments.rules import is_visible
from samverka.surveys.models import (
    DONT_KNOW,
    Answer,
    InstrumentVersion,
    Item,
    ItemAudio,
    ItemRole,
    ItemType,
    RespondentLink,
    Response,
    Round,
    Section,
)

PURGE_DAYS = 2


class SurveyClosed(Exception):
    """The round is not open (closed, closed early, or not yet open)."""

    def __init__(self, state: str = "closed"):
        super().__init__(state)
        self.state = state


class AlreadySubmitted(Exception):
    """The response was sent before; it can no longer change."""


class MissingAnswers(Exception):
    """A required question is not answered; `page` is where it is (1-based)."""

    def __init__(self, page: int):
        super().__init__(page)
        self.page = page


# ----------------------------------------------------------------------------- structure


@dataclass
class Survey:
    """An instrument version as the respondent meets it: one page per section."""

    version: InstrumentVersion
    sections: list[Section]
    items: list[Item]
    by_section: dict[int, list[Item]] = field(default_factory=dict)

    @property
    def page_count(self) -> int:
        return len(self.sections)

    def section(self, page: int) -> Section:
        return self.sections[page - 1]

    def page_items(self, page: int) -> list[Item]:
        return self.by_section.get(self.section(page).pk, [])

    def page_of(self, item: Item) -> int:
        for number, section in enumerate(self.sections, start=1):
            if section.pk == item.section_id:
                return number
        raise ValueError(item)


def load_survey(version: InstrumentVersion) -> Survey:
    """The survey of `version`. A published version is frozen except for its recordings, so
    it is built once per process and recordings (added or removed) make a new key."""
    if not version.is_published:
        return _build_survey(version)
    audio = ItemAudio.objects.filter(item__version=version).aggregate(
        n=Count("id"), last=Max("uploaded_at"), ids=Sum("id")
    )
    # The code is random per version: a key never meets another version (ids can be reused).
    return _published_survey(version.pk, version.code, (audio["n"], audio["last"], audio["ids"]))


@lru_cache(maxsize=64)
def _published_survey(version_pk: int, _code: str, _audio_signature: tuple) -> Survey:
    return _build_survey(InstrumentVersion.objects.get(pk=version_pk))


def _build_survey(version: InstrumentVersion) -> Survey:
    sections = list(version.sections.order_by("position", "id"))
    items = list(
        version.items.select_related("condition_item")
        .prefetch_related("options", "audio")
        .order_by("section__position", "section_id", "position", "id")
    )
    by_section: dict[int, list[Item]] = {}
    for item in items:
        by_section.setdefault(item.section_id, []).append(item)
    return Survey(version=version, sections=sections, items=items, by_section=by_section)


Answers = dict[int, list[AnswerValue]]  # item pk -> answers


def saved_answers(response: Response) -> Answers:
    answers: Answers = {}
    for item_pk, value, number, text in Answer.objects.filter(response=response).values_list(
        "item_id", "value", "number", "text"
    ):
        answers.setdefault(item_pk, []).append(AnswerValue(value=value, number=number, text=text))
    return answers


def visible_ids(survey: Survey, answers: Answers) -> set[int]:
    """Items the respondent sees given `answers`; a hidden item's answers do not count."""
    effective: dict[str, list[str]] = {}
    visible = set()
    for item in survey.items:
        if not is_visible(item, effective):
            continue
        visible.add(item.pk)
        values = answers.get(item.pk)
        if values:
            effective[item.item_id] = [v.as_string() for v in values]
    return visible


@dataclass
class Shown:
    item: Item
    # The condition item is on the same page: shown with a note, hidden live by respond.js.
    same_page_condition: bool = False


def shown_items(survey: Survey, page: int, answers: Answers) -> list[Shown]:
    """What page `page` shows. An item whose condition is on an earlier page appears only when
    the condition is met; one whose condition is on this page always appears, with a note."""
    visible = visible_ids(survey, answers)
    items = survey.page_items(page)
    on_page = {item.pk for item in items}
    shown: list[Shown] = []
    shown_pks: set[int] = set()
    for item in items:
        if item.condition_item_id is not None and item.condition_item_id in on_page:
            if item.condition_item_id in shown_pks:
                shown.append(Shown(item, same_page_condition=True))
                shown_pks.add(item.pk)
        elif item.pk in visible:
            shown.append(Shown(item))
            shown_pks.add(item.pk)
    return shown


def step_page(survey: Survey, page: int, answers: Answers, step: int) -> int | None:
    """The next (step=1) or previous (step=-1) page with something to show, or None."""
    candidate = page + step
    while 1 <= candidate <= survey.page_count:
        if shown_items(survey, candidate, answers):
            return candidate
        candidate += step
    return None


def merged_answers(saved: Answers, page_items: list[Item], page_values: Answers) -> Answers:
    """Saved answers with those of one page replaced by what was just sent."""
    on_page = {item.pk for item in page_items}
    merged = {pk: values for pk, values in saved.items() if pk not in on_page}
    merged.update({pk: values for pk, values in page_values.items() if values})
    return merged


def check_page(
    survey: Survey,
    page: int,
    shown: list[Shown],
    sent: PageInput,
    saved: Answers,
    required_message: str | None,
) -> None:
    """Settle a sent page against its conditions.

    A question hidden by an answer on the same page (respond.js hides it live) cannot be
    corrected by the respondent, so its messages are dropped. With `required_message`, each
    visible required question without an answer gets that message.
    """
    merged = merged_answers(saved, survey.page_items(page), sent.values)
    visible = visible_ids(survey, merged)
    for item in (s.item for s in shown):
        if item.pk not in visible:
            sent.errors.pop(item.pk, None)
        elif (
            required_message
            and item.required
            and item.pk not in sent.errors
            and not sent.values.get(item.pk)
        ):
            sent.errors[item.pk] = required_message


def answered_count(survey: Survey, answers: Answers) -> tuple[int, int]:
    """(answered, asked) over the items the respondent sees."""
    visible = visible_ids(survey, answers)
    answered = sum(1 for pk in visible if answers.get(pk))
    return answered, len(visible)


def first_missing_page(survey: Survey, answers: Answers) -> int | None:
    visible = visible_ids(survey, answers)
    for item in survey.items:
        if item.required and item.pk in visible and not answers.get(item.pk):
            return survey.page_of(item)
    return None


# ------------------------------------------------------------------------------ services


def _require_open(round_) -> None:
    state = round_.state
    if state != "open":
        raise SurveyClosed(state)


@transaction.atomic
def response_start(*, link: RespondentLink, language: str) -> Response:
    """A draft response in `language` for a respondent who opened `link`."""
    round_ = link.round
    _require_open(round_)
    if language not in round_.languages:
        raise ValueError(f"{language} is not a language of this round")
    return Response.objects.create(
        round=round_,
        link=link,
        version=round_.version,
        language=language,
        organisation=link.organisation,
        activity=round_.activity,
    )


@transaction.atomic
def page_save(*, response: Response, section: Section, values: Answers) -> None:
    """Replace the answers of one page (section) of a draft response.

    Drafts are not in the audit trail: they hold no personal data and are purged unless sent
    (`purge_survey_drafts`); sending is recorded (`response_submit`).
    """
    locked = (
        Response.objects.select_for_update(of=("self",)).select_related("round").get(pk=response.pk)
    )
    if locked.submitted_at is not None:
        raise AlreadySubmitted
    _require_open(locked.round)
    items = {item.pk: item for item in section.items.all()}
    Answer.objects.filter(response=locked, item_id__in=items).delete()
    Answer.objects.bulk_create(
        Answer(
            response=locked,
            item=items[pk],
            value=answer.value,
            number=answer.number,
            text=answer.text,
        )
        for pk, answers in values.items()
        if pk in items
        for answer in answers
    )


def normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()[:20]


def _participant_for(collaboration, code: str) -> Participant | None:
    """The participant of `collaboration` with this card code and survey consent, else None."""
    code = normalise_code(code or "")
    if not code:
        return None
    return (
        Participant.objects.with_consent(ConsentPurpose.SURVEYS)
        .filter(collaboration=collaboration, code=code)
        .first()
    )


def _age_band(survey: Survey, answers: Answers, participant: Participant | None, day) -> str:
    for item in survey.items:
        if item.role == ItemRole.AGE and item.type == ItemType.NUMBER:
            for answer in answers.get(item.pk, []):
                if answer.number is not None and answer.value != DONT_KNOW:
                    return agebands.band_for(answer.number)
    if participant is not None and participant.birth_year is not None:
        return agebands.band_for(participant.age_on(day))
    return agebands.band_for(None)


@transaction.atomic
def response_submit(*, response: Response, participant_code: str = "") -> bool:
    """Send a response once. True when this call sent it; False when it had been sent already
    (a double tap or a resent form changes nothing).

    Answers to items hidden by conditions are deleted. The response is linked to a participant
    only when `participant_code` is the card code of a participant of the round's collaboration
    with survey consent; the caller shows the same message whatever happened.
    Raises SurveyClosed when the round is no longer open and MissingAnswers when a visible
    required question has no answer; nothing changes then.
    """
    locked = (
        Response.objects.select_for_update(of=("self",))
        .select_related("round__collaboration", "version")
        .get(pk=response.pk)
    )
    if locked.submitted_at is not None:
        return False
    round_ = locked.round
    _require_open(round_)
    survey = load_survey(locked.version)
    answers = saved_answers(locked)
    missing = first_missing_page(survey, answers)
    if missing is not None:
        raise MissingAnswers(missing)
    visible = visible_ids(survey, answers)
    Answer.objects.filter(response=locked).exclude(item_id__in=visible).delete()
    answers = {pk: values for pk, values in answers.items() if pk in visible}
    participant = _participant_for(round_.collaboration, participant_code)
    today = timezone.localdate()
    # The conditional update is the guard against a parallel request that got here too.
    claimed = Response.objects.filter(pk=locked.pk, submitted_at__isnull=True).update(
        submitted_at=timezone.now(),
        participant=participant,
        age_band=_age_band(survey, answers, participant, today),
    )
    if not claimed:
        transaction.set_rollback(True)
        return False
    fields = ["answers", "language", "age_band"]
    if participant is not None:
        fields.append("participant")
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=locked,
        collaboration=round_.collaboration,
        fields=fields,
        detail="survey response sent",
    )
    return True


# ------------------------------------------------------------------------------ drafts


def drafts_due(*, days: int = PURGE_DAYS):
    """Responses started more than `days` days ago and never sent."""
    cutoff = timezone.now() - timedelta(days=days)
    return Response.objects.filter(submitted_at__isnull=True, started_at__lt=cutoff)


@transaction.atomic
def drafts_purge(*, days: int = PURGE_DAYS) -> dict:
    """Delete unsent responses older than `days` days; {round: count} of what was deleted."""
    by_round: dict[int, list[int]] = {}
    for pk, round_pk in drafts_due(days=days).values_list("pk", "round_id"):
        by_round.setdefault(round_pk, []).append(pk)
    counts: dict = {}
    for round_ in Round.objects.filter(pk__in=by_round).select_related("collaboration"):
        pks = by_round[round_.pk]
        Response.objects.filter(pk__in=pks, submitted_at__isnull=True).delete()
        counts[round_] = len(pks)
        audit_record(
            actor=None,
            action=AuditAction.DELETE,
            obj=round_,
            collaboration=round_.collaboration,
            fields=["responses"],
            detail=f"{len(pks)} unsent survey responses older than {days} days",
        )
    return counts
