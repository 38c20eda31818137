"""The respondent's side of a survey: starting, saving page by page, sending once; and the
purge of drafts never sent.

A response is created as a draft when the respondent chooses a language, reached through an
unguessable token in the URL (no login, no cookie), filled in one page per section and sent
once. Nothing here knows who the respondent is, unless they give the code of their Samverka
card at the end and have said yes to surveys in the consent ledger.
"""

import json
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.lib import agebands
from samverka.lib.prepared import PreparedQuery, prepared_cursor
from samverka.participants.models import ConsentPurpose, Participant
from samverka.surveys.instruments.models import DONT_KNOW, Item, ItemRole, ItemType
from samverka.surveys.respond.models import Answer, Response
from samverka.surveys.respond.pages import (
    Answers,
    Survey,
    draft_rows,
    first_missing_page,
    load_survey,
    saved_answers,
    visible_ids,
)
from samverka.surveys.rounds.models import RespondentLink, Round

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


# ------------------------------------------------------------------------------ responses


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


def _page_update_sql() -> str:
    """One UPDATE that replaces a page's answers in a draft's `draft`, only while the draft is
    unsent and its round open: parameters (page item keys, the page's answers as JSON, the
    draft's id, today twice). The merge happens in the database, so two tabs of one draft
    saving different pages at once both keep their page."""
    table = connection.ops.quote_name(Response._meta.db_table)
    rounds = connection.ops.quote_name(Round._meta.db_table)
    if connection.vendor == "postgresql":
        merged = "(draft - %s::text[]) || %s::jsonb"
    else:  # SQLite: JSON merge patch; the page's keys are sent as null (removed) or answers
        merged = "json_patch(draft, json_patch(%s, %s))"
    return (
        f"UPDATE {table} SET draft = {merged} WHERE id = %s AND submitted_at IS NULL "  # noqa: S608
        f"AND EXISTS (SELECT 1 FROM {rounds} r WHERE r.id = {table}.round_id "
        "AND r.closed_at IS NULL AND r.opens_on <= %s AND r.closes_on >= %s)"
    )


def page_save(*, response: Response, items: list[Item], values: Answers) -> None:
    """Replace the answers of one page of a draft response: `items` are the page's items (of
    the response's version, as `pages.load_survey` holds them), `values` the answers by item.

    Drafts are not in the audit trail: they hold no personal data and are purged unless sent
    (`purge_survey_drafts`); sending is recorded (`response_submit`). One statement: the
    page's answers replace its old ones on the draft's row, only while the draft is unsent and
    its round open (else nothing changes and the reason is raised). A single statement is
    atomic by itself: no transaction block around it (it would add BEGIN and COMMIT).
    """
    keys = sorted(str(item.pk) for item in items if item.version_id == response.version_id)
    page = draft_rows({pk: v for pk, v in values.items() if str(pk) in keys})
    today = timezone.localdate()
    if connection.vendor == "postgresql":
        params = [keys, json.dumps(page)]
    else:
        params = [json.dumps(dict.fromkeys(keys)), json.dumps(page)]
    with prepared_cursor(connection) as cursor:  # one text per database: planned once
        cursor.execute(_page_update_sql(), [*params, response.pk, today, today])
        saved = cursor.rowcount
    if not saved:  # rare: say why
        found = Response.objects.filter(pk=response.pk).select_related("round").first()
        if found is None:
            raise Response.DoesNotExist
        if found.submitted_at is not None:
            raise AlreadySubmitted
        _require_open(found.round)


def _answers_insert(response_pk: int, answers: Answers) -> None:
    """The answers of a response being sent, as Answer rows in one INSERT (SQL of our own: the
    ORM spent more time building it than the database took to run it; the values are plain:
    ids from the survey, cleaned answer strings and numbers). On PostgreSQL the rows go as
    five arrays into one statement whose text never changes, prepared once per connection
    (composing 35 rows' worth of placeholders had cost more than the rest of the send)."""
    rows = [
        (pk, answer.value, answer.number, answer.text)
        for pk, values in answers.items()
        for answer in values
    ]
    if not rows:
        return
    table = connection.ops.quote_name(Answer._meta.db_table)
    columns = "(response_id, item_id, value, number, text)"
    if connection.vendor == "postgresql":
        items, values, numbers, texts = (list(column) for column in zip(*rows, strict=True))
        with prepared_cursor(connection) as cursor:
            cursor.execute(
                f"INSERT INTO {table} {columns} SELECT %s::bigint, * FROM "  # noqa: S608
                "unnest(%s::bigint[], %s::text[], %s::integer[], %s::text[])",
                [response_pk, items, values, numbers, texts],
            )
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} {columns} VALUES "  # noqa: S608
            + ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows)),
            [value for row in rows for value in (response_pk, *row)],
        )


def normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()[:20]


# The card code given at sending: one participant of the round's collaboration (by its id, not
# the request's scope: see lib/prepared.py) with survey consent. Only what the send keeps.
_PARTICIPANT_BY_CODE = PreparedQuery(
    lambda collaboration_id, code: (
        Participant.objects.with_consent(ConsentPurpose.SURVEYS)
        .filter(collaboration_id=collaboration_id, code=code)
        .only("pk", "birth_year")
        .order_by()[:1]
    ),
    collaboration_id=int,
    code=str,
)


def _participant_for(collaboration, code: str) -> Participant | None:
    """The participant of `collaboration` with this card code and survey consent, else None."""
    code = normalise_code(code or "")
    if not code:
        return None
    found = _PARTICIPANT_BY_CODE.all(collaboration_id=collaboration.pk, code=code)
    return found[0] if found else None


def _claim_sql() -> str:
    """Mark a draft sent, only if it is still unsent (parameters: when, participant id or
    None, age band, the draft's id): one text, prepared once per connection."""
    table = connection.ops.quote_name(Response._meta.db_table)
    return (
        f"UPDATE {table} SET submitted_at = %s, participant_id = %s, age_band = %s, "  # noqa: S608
        "draft = '{}' WHERE id = %s AND submitted_at IS NULL"
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


_LOCKED_TO_SEND = PreparedQuery(
    lambda pk: (
        Response.objects.select_for_update(of=("self",))
        .select_related("round__collaboration", "version")
        .filter(pk=pk)
        .order_by()
    ),
    pk=int,
)


@transaction.atomic
def response_submit(*, response: Response, participant_code: str = "") -> bool:
    """Send a response once. True when this call sent it; False when it had been sent already
    (a double tap or a resent form changes nothing).

    The draft's answers become Answer rows, except those to items hidden by conditions. The
    response is linked to a participant only when `participant_code` is the card code of a
    participant of the round's collaboration with survey consent; the caller shows the same
    message whatever happened.
    Raises SurveyClosed when the round is no longer open and MissingAnswers when a visible
    required question has no answer; nothing changes then.
    """
    found = _LOCKED_TO_SEND.all(pk=response.pk)
    if not found:
        raise Response.DoesNotExist
    locked = found[0]
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
    answers = {pk: values for pk, values in answers.items() if pk in visible}
    participant = _participant_for(round_.collaboration, participant_code)
    today = timezone.localdate()
    # The conditional update is the guard against a parallel request that got here too.
    with prepared_cursor(connection) as cursor:
        cursor.execute(
            _claim_sql(),
            [
                timezone.now(),
                participant.pk if participant is not None else None,
                _age_band(survey, answers, participant, today),
                locked.pk,
            ],
        )
        claimed = cursor.rowcount
    if not claimed:
        transaction.set_rollback(True)
        return False
    _answers_insert(locked.pk, answers)
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
