"""The health check of kept PostgreSQL connections (samverka/lib/postgresql/base.py): a healthy
connection is used without a round trip, one the server closed is replaced before use."""

import time

import pytest
from django.db import connection, connections

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL backend"),
    pytest.mark.django_db,
]


@pytest.fixture
def kept():
    """A second connection to the test database, kept between requests as in production."""
    other = connections.create_connection("default")
    other.ensure_connection()
    other.health_check_enabled = True
    yield other
    other.close()


def next_request(conn) -> None:
    conn.close_if_unusable_or_obsolete()  # what Django does when a request starts and ends


def test_the_backend_is_ours_for_every_postgresql_database(settings):
    assert settings.DATABASES["default"]["ENGINE"] == "samverka.lib.postgresql"


def test_a_healthy_kept_connection_is_used_without_asking_it_first(kept, monkeypatch):
    asked = []
    monkeypatch.setattr(kept, "is_usable", lambda: asked.append(1) or True)
    pid = kept.connection.info.backend_pid
    for _ in range(3):
        next_request(kept)
        with kept.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            assert cursor.fetchone()[0] == pid
    assert asked == []


def test_a_connection_the_server_closed_is_replaced_before_the_request_uses_it(kept):
    pid = kept.connection.info.backend_pid
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    for _ in range(50):  # until the server has closed it
        if kept._server_has_spoken():
            break
        time.sleep(0.05)
    next_request(kept)
    with kept.cursor() as cursor:  # no error: a new connection answers
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid
