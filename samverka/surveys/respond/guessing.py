"""Guessing survey links is throttled: failed /s/<code> look-ups are counted per client address
(lib/addresses: behind PROXY_COUNT proxies, the address the proxy saw) in Django's cache, and an
address with SURVEY_LINK_FAILURES failures within SURVEY_LINK_LOCKOUT_MINUTES gets a page that
asks it to wait (HTTP 429) for every survey link until the window has passed.

A person who mistyped a link gets a page in their language that says how to find the right one;
with six characters from a 31-letter alphabet (887 million codes) and 20 tries per 15 minutes,
finding one open round's link by guessing takes years.
"""

from django.conf import settings
from django.core.cache import cache

from samverka.lib.addresses import client_address

PREFIX = "survey-link-failures:"


def _key(request) -> str:
    return PREFIX + client_address(request)


def blocked(request) -> bool:
    return (cache.get(_key(request)) or 0) >= settings.SURVEY_LINK_FAILURES


def failed(request) -> None:
    """Count a failed look-up; the window starts with the first failure."""
    key = _key(request)
    timeout = settings.SURVEY_LINK_LOCKOUT_MINUTES * 60
    if cache.add(key, 1, timeout):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired in between
        cache.add(key, 1, timeout)
