"""The client's address, as the reverse proxies in front say it (PROXY_COUNT of them), and the
public address links are made with (`site_url`)."""

from contextvars import ContextVar

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


# The address the current request came in on, for links made without a request at hand
# (invitations, survey links and their QR codes) while SITE_URL is not set in development.
_served_at: ContextVar[str] = ContextVar("samverka_served_at", default="")


def site_url() -> str:
    """The public address links are made with: SITE_URL; in development without SITE_URL, the
    address the app is being served on (so a link made on http://192.168.1.5:8000 works from a
    phone on the same network), else SITE_URL's default."""
    if settings.SITE_URL_FROM_REQUEST:
        served = _served_at.get()
        if served:
            return served
    return settings.SITE_URL


class ServedAddressMiddleware:
    """Remembers the request's scheme and host while SITE_URL_FROM_REQUEST (development)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.SITE_URL_FROM_REQUEST:
            return self.get_response(request)
        token = _served_at.set(f"{request.scheme}://{request.get_host()}")
        try:
            return self.get_response(request)
        finally:
            _served_at.reset(token)
