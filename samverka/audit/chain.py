"""The audit trail is tamper-evident: each entry carries a hash over its content and the hash
of the entry before it (a hash chain). Changing, removing or reordering an entry breaks every
link after it; `manage.py audit_verify` reports the first broken one.

What the chain cannot show by itself: entries removed from the very end leave no broken link
(compare the count with a copy kept elsewhere, e.g. the nightly backup's). The database role the
application runs as cannot delete, update or truncate the table at all (README, Deploying).
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

GENESIS = "0" * 64
# One lock for every writer of the trail on PostgreSQL, held until the writing transaction
# ends, so that two entries never link to the same predecessor.
ADVISORY_LOCK_KEY = 0x5A4D_A0D1


def content(event) -> str:
    """The entry's content, in a fixed form: what its hash covers (besides the link)."""
    return json.dumps(
        [
            event.at.isoformat(),
            event.actor_id,
            event.actor_username,
            event.action,
            event.object_type,
            event.object_code,
            event.collaboration_code,
            sorted(event.fields or []),
            event.detail,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def link(previous_hash: str, event) -> str:
    return hashlib.sha256(f"{previous_hash}|{content(event)}".encode()).hexdigest()


def previous_hash(model) -> str:
    """The newest entry's hash, with the writers' lock taken (PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
    newest = model.objects.order_by("-id").values_list("chain_hash", flat=True).first()
    return newest or GENESIS


@dataclass(frozen=True)
class Break:
    event_id: int
    at: object
    reason: str


def first_break(events: Iterable) -> tuple[int, Break | None]:
    """Walk entries oldest first; (entries checked, the first broken link or None)."""
    expected_previous = GENESIS
    checked = 0
    for event in events:
        checked += 1
        if event.chain_hash != link(expected_previous, event):
            return checked, Break(event.id, event.at, "content or order changed")
        expected_previous = event.chain_hash
    return checked, None
