import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

LOGIN_AT_KEY = "samverka_login_at"

# Paths a logged-in user may reach before finishing two-factor authentication.
TWO_FACTOR_OPEN_NAMES = (
    "accounts:verify",
    "accounts:two_factor_setup",
    "accounts:logout",
    "set_language",
    "healthz",
)


class SessionLifetimeMiddleware:
    """Ends a session SESSION_ABSOLUTE_SECONDS after login, however active it is.

    The idle timeout is the session cookie age, renewed on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            login_at = request.session.get(LOGIN_AT_KEY)
            now = int(time.time())
            if login_at is None:
                request.session[LOGIN_AT_KEY] = now
            elif now - int(login_at) > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(request, _("Your session has ended. Please log in again."))
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)


def has_confirmed_device(request) -> bool:
    """Whether the person logged in on `request` has a confirmed second factor.

    Asked at most once per request and user: the middleware below and the navigation (context
    processor) both need it, and each ask is a query per device type.
    """
    from django_otp import user_has_device

    user = request.user
    known = getattr(request, "_samverka_has_device", None)
    if known is not None and known[0] is user:
        return known[1]
    answer = user_has_device(user, confirmed=True)
    request._samverka_has_device = (user, answer)
    return answer


class TwoFactorMiddleware:
    """Asks for the second factor when a person has one, and sets it up when required."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def open_paths(self):
        if self._open_paths is None:
            self._open_paths = {reverse(name) for name in TWO_FACTOR_OPEN_NAMES}
        return self._open_paths

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and request.path not in self.open_paths()
            and not request.path.startswith(settings.STATIC_URL)
        ):
            if has_confirmed_device(request):
                return redirect(
                    f"{reverse('accounts:verify')}?{urlencode({'next': request.get_full_path()})}"
                )
            if user.requires_two_factor:
                return redirect("accounts:two_factor_setup")
        return self.get_response(request)
