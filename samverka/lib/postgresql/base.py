"""PostgreSQL as Django has it, with a health check of kept connections that costs no round trip.

With `conn_health_checks`, Django asks a kept connection `SELECT 1` before the first query of
every request: a round trip on every page (a quarter to a third of a respondent's). A server
that closes a connection (a restart, an idle timeout, `pg_terminate_backend`) first says so on
it, and then the socket is at its end: either way there is something to read. So the connection
is asked `SELECT 1` only when something is waiting to be read on it; an idle, healthy connection
has nothing to say, and is used as it is. What neither check can see before the request's own
query is a peer gone without a word (a cable pulled): `SELECT 1` would hang there just the same.
"""

import select

from django.db.backends.postgresql import base, operations
from psycopg.pq import ConnStatus


class DatabaseOperations(operations.DatabaseOperations):
    def last_executed_query(self, cursor, sql, params):
        """What Django's query log shows of a statement (only kept while it logs: tests, DEBUG).
        For a statement psycopg ran as a prepared one (`lib/prepared.py`) Django's answer is
        None; the statement with its values put in is shown instead."""
        shown = super().last_executed_query(cursor, sql, params)
        if shown is None and sql is not None:
            try:
                shown = self.compose_sql(sql, params)
            except Exception:  # only the log's text: the statement has run
                shown = sql
        return shown


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

    def close_if_health_check_failed(self):
        if (
            self.pool
            or self.connection is None
            or not self.health_check_enabled
            or self.health_check_done
        ):
            return
        if self._server_has_spoken() and not self.is_usable():
            self.close()
        self.health_check_done = True

    def _server_has_spoken(self) -> bool:
        """Whether the server sent anything since its last answer (or the link is not OK)."""
        pgconn = self.connection.pgconn
        if pgconn.status != ConnStatus.OK:
            return True
        try:
            readable, _, _ = select.select([pgconn.socket], [], [], 0)
        except (OSError, ValueError, base.Database.Error):
            return True
        return bool(readable)
