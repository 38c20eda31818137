"""ConsentState kept in step with the consent ledger.

The ledger stays append-only; this table holds its latest entry per participant and purpose
(latest `given_at`, then latest `id`, as everywhere else). Whoever writes ledger entries calls
`refresh` for the participants concerned in the same transaction; `rebuild` recomputes the
whole table in one statement (migrations, bulk seeders, `rebuild_report_tables`).
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from samverka.lib.derived import count_differences, replace_all
from samverka.participants.models import ConsentEntry, ConsentState

CHUNK = 2000


def _latest(entries):
    """(participant id, purpose, given) of the latest entry per participant and purpose."""
    return (
        entries.order_by()
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("participant_id"), F("purpose")],
                order_by=[F("given_at").desc(), F("id").desc()],
            )
        )
        .filter(rank=1)
        .values_list("participant_id", "purpose", "given")
    )


@transaction.atomic
def refresh(participant_ids: Iterable[int]) -> None:
    """Recompute the state of these participants from their ledger entries."""
    ids = sorted(set(participant_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        ConsentState.objects.filter(participant_id__in=chunk).delete()
        latest = _latest(ConsentEntry.objects.filter(participant_id__in=chunk))
        ConsentState.objects.bulk_create(
            ConsentState(participant_id=pid, purpose=purpose, given=given)
            for pid, purpose, given in latest
        )


COLUMNS = ["participant_id", "purpose", "given"]


@transaction.atomic
def rebuild(entry_model=ConsentEntry, state_model=ConsentState) -> int:
    """Recompute the whole table from the ledger; returns its number of rows.

    The models can be a migration's historical ones.
    """
    sql, params = _latest(entry_model.objects.all()).query.sql_with_params()
    return replace_all(state_model, COLUMNS, sql, params)


def out_of_step() -> int:
    """How many rows the table lacks or has too many, compared with a rebuild."""
    sql, params = _latest(ConsentEntry.objects.all()).query.sql_with_params()
    return count_differences(ConsentState, COLUMNS, sql, params)
