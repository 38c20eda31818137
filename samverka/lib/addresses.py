"""The client's address, as the reverse proxies in front say it (PROXY_COUNT of them)."""

from django.conf import settings


def client_address(request) -> str:
    """REMOTE_ADDR without proxies; behind PROXY_COUNT proxies, the address the outermost one
    saw (the PROXY_COUNT-th entry of X-Forwarded-For from the right: entries further left are
    whatever the client chose to send)."""
    count = settings.PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "") or "unknown"
