"""Guessing survey links is throttled per client address, and a mistyped link gets a clear page
in the respondent's language."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from samverka.surveys.tests.factories import make_round


@pytest.fixture(autouse=True)
def _fresh(settings):
    settings.SURVEY_LINK_FAILURES = 5
    settings.SURVEY_LINK_LOCKOUT_MINUTES = 15
    cache.clear()
    yield
    cache.clear()


def guess(client, code="ZZZZZZ", **headers):
    return client.get(reverse("surveys:respond", args=[code]), **headers)


def test_a_mistyped_link_gets_a_page_in_the_respondents_language(client, world):
    response = guess(client, HTTP_ACCEPT_LANGUAGE="ar,sv;q=0.5")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'lang="ar" dir="rtl"' in body
    assert "لا نجد هذا الاستبيان" in body
    assert "Vi hittar inte enkäten" in body  # and in Swedish below
    assert "/s/K7F3QX/" in body  # what an address looks like


def test_failed_lookups_are_limited_per_address_then_even_a_real_link_must_wait(client, world):
    round_ = make_round(world.kalmar)
    real = round_.links.first().code
    for _ in range(4):
        assert guess(client).status_code == 404
    assert guess(client, real).status_code == 200  # four mistakes: still welcome
    assert guess(client).status_code == 429  # the fifth reaches the limit
    blocked = guess(client, real, HTTP_ACCEPT_LANGUAGE="so")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "900"
    assert "Sug 15 daqiiqo" in blocked.content.decode()
    # another address is not affected
    assert guess(client, real, REMOTE_ADDR="10.1.2.3").status_code == 200


def test_behind_a_proxy_the_address_the_proxy_saw_is_counted(client, world, settings):
    settings.PROXY_COUNT = 1
    round_ = make_round(world.kalmar)
    real = round_.links.first().code
    for n in range(5):
        # a client cannot escape by writing its own X-Forwarded-For entries in front
        guess(client, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.7")
    assert guess(client, real, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert guess(client, real, HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 200
