from django.conf import settings


def navigation(request):
    """Header navigation appears only once the person has fully logged in."""
    user = getattr(request, "user", None)
    fully_logged_in = bool(
        user is not None
        and user.is_authenticated
        and (user.is_verified() if hasattr(user, "is_verified") else True)
    )
    if user is not None and user.is_authenticated and not fully_logged_in:
        from samverka.accounts.middleware import has_confirmed_device

        fully_logged_in = not has_confirmed_device(request) and not user.requires_two_factor
    return {"site_languages": settings.LANGUAGES, "show_navigation": fully_logged_in}
