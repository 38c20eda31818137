"""Kept counts of the sent survey answers, for the national results: AnswerCount (answers per
source item, round, month, value and number, and how many wrote a text), ChooserCount
(responses with an answer to an item, per round and month: a multiple-choice item's choosers)
and RespondentCount (sent responses per round, version and month). The month is the month of
sending in settings.TIME_ZONE, as year * 100 + month.

They count only the responses folded in (`Response.folded`). Sending a response writes nothing
here – 200 respondents sending at once to the same round would otherwise queue on the same
counter rows – so a sent response stays "unfolded" until `fold` moves it in; the national
results read the kept counts plus the answers of the unfolded responses, in one statement
(`surveys.results.selectors`), so the figures are the same before and after a fold.

`fold` is the one writer: it marks the sent responses not yet folded as folded and recomputes
the rows of their (round, month) keys from the folded responses, in one transaction under a
lock. It runs from cron (`manage.py fold_survey_answers`), when a round closes (`round_close`)
and in `rebuild_report_tables`; `rebuild` recomputes the whole tables (after folding every sent
response), `out_of_step` compares them with a rebuild. Nothing changes a sent response's
answers or its time of sending; deleting a round or an item removes its rows by cascade, as it
removes the answers; erasing a participant leaves their responses (anonymous from then on).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from samverka.lib.derived import count_differences, replace_all
from samverka.lib.scoping import national_scope
from samverka.surveys.respond.models import (
    Answer,
    AnswerCount,
    ChooserCount,
    RespondentCount,
    Response,
)

CHUNK = 2000
ANSWER_COLUMNS = ["round_id", "item_id", "month", "value", "number", "wrote", "n"]
CHOOSER_COLUMNS = ["round_id", "item_id", "month", "n"]
RESPONDENT_COLUMNS = ["round_id", "version_id", "month", "n"]


def zone() -> ZoneInfo:
    """The time zone of the kept months."""
    return ZoneInfo(settings.TIME_ZONE)


def month_key(prefix: str = ""):
    """The month of sending (year * 100 + month in settings.TIME_ZONE), as an expression."""
    field = f"{prefix}submitted_at"
    return ExtractYear(field, tzinfo=zone()) * 100 + ExtractMonth(field, tzinfo=zone())


def month_start(month: int) -> datetime:
    """The first moment of a kept month (year * 100 + month)."""
    return timezone.make_aware(datetime(month // 100, month % 100, 1), zone())


def next_month(month: int) -> int:
    year, number = divmod(month, 100)
    return (year + 1) * 100 + 1 if number == 12 else month + 1


def _answers(responses: Q):
    """The AnswerCount rows of the answers of `responses` (a filter on Response)."""
    return (
        Answer.objects.filter(prefixed(responses, "response__"))
        .order_by()
        .values(
            "item_id",
            "value",
            "number",
            round_id=F("response__round_id"),
            month=month_key("response__"),
        )
        .annotate(wrote=Count("pk", filter=~Q(text="")), n=Count("pk"))
        .values(*ANSWER_COLUMNS)
    )


def _choosers(responses: Q):
    return (
        Answer.objects.filter(prefixed(responses, "response__"))
        .order_by()
        .values("item_id", round_id=F("response__round_id"), month=month_key("response__"))
        .annotate(n=Count("response_id", distinct=True))
        .values(*CHOOSER_COLUMNS)
    )


def _respondents(responses: Q):
    return (
        Response.objects.filter(responses)
        .order_by()
        .values("round_id", "version_id", month=month_key())
        .annotate(n=Count("pk"))
        .values(*RESPONDENT_COLUMNS)
    )


TABLES = [
    (AnswerCount, ANSWER_COLUMNS, _answers),
    (ChooserCount, CHOOSER_COLUMNS, _choosers),
    (RespondentCount, RESPONDENT_COLUMNS, _respondents),
]
FOLDED = Q(folded=True, submitted_at__isnull=False)


def prefixed(q: Q, prefix: str) -> Q:
    """`q` (a filter on Response) as a filter through `prefix`."""
    result = Q(_connector=q.connector, _negated=q.negated)
    for child in q.children:
        if isinstance(child, Q):
            result.children.append(prefixed(child, prefix))
        else:
            result.children.append((f"{prefix}{child[0]}", child[1]))
    return result


def _lock() -> None:
    """One writer at a time (PostgreSQL; SQLite writes one transaction at a time anyway)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('samverka.survey_counts'))")


def _refresh(keys: Iterable[tuple[int, int]]) -> None:
    """Recompute the rows of these (round pk, month) keys from the folded responses."""
    rounds_by_month: dict[int, set[int]] = defaultdict(set)
    for round_pk, month in keys:
        rounds_by_month[month].add(round_pk)
    for month, round_pks in sorted(rounds_by_month.items()):
        ordered = sorted(round_pks)
        for start in range(0, len(ordered), CHUNK):
            chunk = ordered[start : start + CHUNK]
            responses = FOLDED & Q(
                round_id__in=chunk,
                submitted_at__gte=month_start(month),
                submitted_at__lt=month_start(next_month(month)),
            )
            for model, _columns, derived in TABLES:
                model.objects.filter(round_id__in=chunk, month=month).delete()
                model.objects.bulk_create(model(**row) for row in derived(responses))


@transaction.atomic
def fold(round_ids: Iterable[int] | None = None) -> int:
    """Move the sent responses not yet folded in (of these rounds, or all) into the kept
    counts; returns how many. Sending is not held up: a response being sent is not yet sent."""
    with national_scope():
        _lock()
        pending = Response.objects.filter(folded=False, submitted_at__isnull=False)
        if round_ids is not None:
            pending = pending.filter(round_id__in=list(round_ids))
        rows = list(
            pending.select_for_update().order_by("pk").values_list("pk", "round_id", "submitted_at")
        )
        if not rows:
            return 0
        keys = set()
        for _pk, round_pk, sent in rows:
            local = timezone.localtime(sent, zone())
            keys.add((round_pk, local.year * 100 + local.month))
        pks = [pk for pk, _round, _sent in rows]
        for start in range(0, len(pks), CHUNK):
            Response.objects.filter(pk__in=pks[start : start + CHUNK]).update(folded=True)
        _refresh(keys)
        return len(rows)


def _sql(table) -> tuple[str, list[str], tuple]:
    _model, columns, rows = table
    sql, params = rows(FOLDED).query.sql_with_params()
    return f"SELECT {', '.join(columns)} FROM ({sql}) derived", columns, params  # noqa: S608


@transaction.atomic
def rebuild() -> int:
    """Fold every sent response in and recompute the three tables; returns their rows."""
    with national_scope():
        _lock()
        Response.objects.filter(folded=False, submitted_at__isnull=False).update(folded=True)
        total = 0
        for table in TABLES:
            sql, columns, params = _sql(table)
            total += replace_all(table[0], columns, sql, params)
        return total


def out_of_step() -> int:
    """How many rows the tables lack or have too many, compared with a rebuild of the
    responses folded in."""
    with national_scope():
        total = 0
        for table in TABLES:
            sql, columns, params = _sql(table)
            total += count_differences(table[0], columns, sql, params)
        return total
