"""Samverka keeps no state in a process: what one web process counts or remembers, another
sees. The cache (guessed survey links, kept survey results) is in the database, as are
sessions and failed logins; uploads are files under MEDIA_ROOT, a directory the processes share.
"""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache, caches
from django.test import Client
from django.urls import reverse

from samverka import settings as project_settings
from samverka.surveys.respond import guessing


@pytest.fixture(autouse=True)
def _database_cache(settings, db):
    """The suite keeps its cache in memory (conftest); these tests use production's."""
    settings.CACHES = project_settings.CACHES


def fresh_cache():
    """A cache client of its own, as another process would open it (a new backend object)."""
    return caches.create_connection("default")


def test_the_cache_is_in_the_database_so_processes_share_it():
    database_cache = "django.core.cache.backends.db.DatabaseCache"
    assert project_settings.CACHES["default"]["BACKEND"] == database_cache
    one, other = fresh_cache(), fresh_cache()
    assert one is not other
    one.set("shared-counter", 1, 60)
    one.incr("shared-counter")
    assert other.get("shared-counter") == 2
    other.incr("shared-counter")
    assert one.get("shared-counter") == 3


def test_guessed_survey_links_counted_by_one_process_block_the_address_in_another(world, settings):
    settings.SURVEY_LINK_FAILURES = 3
    guesser = Client(REMOTE_ADDR="192.0.2.44")
    for _ in range(3):
        assert guesser.get(reverse("surveys:respond", args=["ZZZZZZ"])).status_code in (404, 429)
    key = guessing.PREFIX + "192.0.2.44"
    assert fresh_cache().get(key) == 3  # what another process reads
    # and the counter another process adds to is the one this process checks
    fresh_cache().set(key, 0, 60)
    assert cache.get(key) == 0
    assert guesser.get(reverse("surveys:respond", args=["ZZZZZZ"])).status_code == 404


def test_sessions_and_failed_logins_are_kept_in_the_database(world):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    client = Client()
    client.force_login(world.kalmar_ngo)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    # another process opens the same session by its key alone
    assert SessionStore(session_key=key).get("_auth_user_id") == str(world.kalmar_ngo.pk)


def test_failed_logins_in_one_process_lock_the_account_in_another(world, settings):
    """Each Client stands for a process behind the load balancer: only the database is shared."""
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post(
            reverse("accounts:login"),
            {"username": "kalmar.ngo", "password": "wrong-password-123"},
        )
    assert AccessAttempt.objects.get(username="kalmar.ngo").failures_since_start == (
        settings.AXES_FAILURE_LIMIT
    )
    right = {"username": "kalmar.ngo", "password": "a-long-test-password-42"}
    assert Client().post(reverse("accounts:login"), right).status_code == 429
