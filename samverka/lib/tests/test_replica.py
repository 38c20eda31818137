"""National reports read from a PostgreSQL streaming replica; everything else, and every write,
goes to the primary. The test of a real replica runs when scripts/with-postgres.sh --replica
started one (DATABASE_REPLICA_URL); the router's rules are checked everywhere."""

import os
import time

import dj_database_url
import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverka.lib.replica import REPLICA, ReplicaRouter, reading_replica
from samverka.orgs.models import Collaboration

REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
WRITES = ("INSERT", "UPDATE", "DELETE")


def test_the_router_sends_no_write_and_no_read_in_a_transaction_to_the_replica(db):
    router = ReplicaRouter()
    assert router.db_for_read(Collaboration) == "default"  # outside the block
    with reading_replica():
        assert router.db_for_write(Collaboration) == "default"
        assert router.allow_migrate(REPLICA, "orgs") is False
        assert router.allow_migrate("default", "orgs") is True
        # the test itself runs in a transaction on the primary: a service's reads stay there
        assert connections["default"].in_atomic_block
        assert router.db_for_read(Collaboration) == "default"


def _wait_for_replay(timeout: float = 20) -> None:
    """Until the replica has replayed everything the primary has written so far."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        (lsn,) = cursor.fetchone()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])
            if cursor.fetchone()[0]:
                return
        time.sleep(0.1)
    raise AssertionError("the replica did not catch up")


@pytest.fixture
def real_replica(settings):
    """The `replica` alias pointed at the running replica, reading this test's database (which
    streaming replication copied there when the test run created it on the primary)."""
    if not REPLICA_URL or connections["default"].vendor != "postgresql":
        pytest.skip("needs PostgreSQL and a streaming replica: scripts/with-postgres.sh --replica")
    settings.REPLICA_READS = True
    replica = connections[REPLICA]
    mirrored = replica.settings_dict  # in tests the alias mirrors the primary's test database
    server = dj_database_url.parse(REPLICA_URL)
    replica.close()
    replica.settings_dict = {**mirrored, "HOST": server["HOST"], "PORT": server["PORT"]}
    try:
        with replica.cursor() as cursor:
            cursor.execute("SELECT pg_is_in_recovery()")
            assert cursor.fetchone()[0], "the replica alias must reach a standby"
        yield replica
    finally:
        replica.close()
        replica.settings_dict = mirrored


@pytest.mark.django_db(transaction=True, databases=["default", REPLICA] if REPLICA_URL else None)
def test_national_reports_read_on_the_replica_and_everything_else_on_the_primary(
    real_replica, _migration_data, world, client, login_as
):
    login_as(world.nationell)
    _wait_for_replay()
    primary = connections["default"]
    with (
        CaptureQueriesContext(primary) as on_primary,
        CaptureQueriesContext(real_replica) as on_replica,
    ):
        page = client.get(reverse("assessment:national"))
    assert page.status_code == 200
    assert world.kalmar.name in page.content.decode()  # rows read on the replica
    replica_sql = [q["sql"] for q in on_replica.captured_queries]
    assert any('"orgs_collaboration"' in sql for sql in replica_sql)
    assert not any(sql.lstrip().upper().startswith(WRITES) for sql in replica_sql)
    # the session and the login are the primary's (read before the report)
    primary_sql = [q["sql"] for q in on_primary.captured_queries]
    assert any('"django_session"' in sql for sql in primary_sql)
    assert not any('"orgs_collaboration"' in sql for sql in primary_sql)

    # a collaboration's own page, and a write, stay on the primary
    login_as(world.kalmar_ngo)
    with CaptureQueriesContext(real_replica) as on_replica:
        assert client.get(reverse("home")).status_code == 200
        with reading_replica(), transaction.atomic():
            Collaboration.objects.filter(pk=world.kalmar.pk).update(name="Kalmar ny")
            assert Collaboration.objects.get(pk=world.kalmar.pk).name == "Kalmar ny"
    assert on_replica.captured_queries == []
