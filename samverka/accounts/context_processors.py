from django.conf import settings


def navigation(request):
    return {
        "site_languages": settings.LANGUAGES,
    }
