"""The bench's URLconf: the shipped app plus a bare view. Used only inside the bench."""

from django.http import HttpResponse
from django.urls import path

from samverka.urls import urlpatterns as app_urlpatterns


def bare(request):
    """Authentication only: the session and user are resolved by the middleware, nothing else."""
    return HttpResponse(b"ok" if request.user.is_authenticated else b"anonymous")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *app_urlpatterns]
