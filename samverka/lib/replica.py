"""Reading national reports from a PostgreSQL streaming replica (DATABASE_REPLICA_URL).

With a replica configured, settings.DATABASES has a second alias, `replica`, and
`ReplicaRouter` sends a read there only inside `reading_replica()` and outside any transaction
on the primary; every write, every read in a transaction (a service's locks and checks), and
every read outside the block go to the primary (`default`). The national comparison pages open
the block for GET requests (`orgs.decorators.national_view`), so their heavy reads leave the
primary to the web's writes. A replica is a little behind the primary (usually well under a
second): fine for figures over months, never used for what a page has just written.

Without DATABASE_REPLICA_URL, `reading_replica()` changes nothing.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

REPLICA = "replica"
_reading = ContextVar("samverka_reading_replica", default=False)


@contextmanager
def reading_replica():
    """Reads in this block go to the replica when there is one (writes never do)."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def replica_configured() -> bool:
    """A replica alias that is not the primary itself (in tests it mirrors the primary: Django
    gives the mirror the primary's very settings; the replica test points it elsewhere)."""
    if not getattr(settings, "REPLICA_READS", False) or REPLICA not in connections.settings:
        return False
    return connections[REPLICA].settings_dict is not connections["default"].settings_dict


class ReplicaRouter:
    """Reads inside `reading_replica()` to the replica; everything else to the primary."""

    def db_for_read(self, model, **hints):
        if _reading.get() and replica_configured() and not connections["default"].in_atomic_block:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica follows the primary's schema by streaming
