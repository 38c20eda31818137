"""The bench's URLconf: the shipped app plus two reference views. Used only inside the bench.

- `bare`: authentication only, the framework's ceiling (the issue's yardstick).
- `floor`: what every session page of the app does before drawing anything of its own: the
  collaboration access check and tenant scope (the decorator the app's views use), the session
  (as the attendance page reads it) and the site's base template around one line. The
  attendance page cannot be faster than this.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from samverka.activities import selectors
from samverka.orgs.decorators import collaboration_view
from samverka.urls import urlpatterns as app_urlpatterns

FLOOR_TEMPLATE = engines["django"].from_string(
    '{% extends "base.html" %}{% block title %}{{ session.activity }}{% endblock %}'
    "{% block content %}<h1>{{ session.activity.name }}</h1>{% endblock %}"
)


def bare(request):
    """Authentication only: the session and user are resolved by the middleware, nothing else."""
    return HttpResponse(b"ok" if request.user.is_authenticated else b"anonymous")


@collaboration_view()
def floor(request, access, session_code):
    session = selectors.session_for(access, session_code)
    context = {"collaboration": access.collaboration, "session": session}
    return HttpResponse(FLOOR_TEMPLATE.render(context, request))


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/floor/<str:code>/<str:session_code>/", floor, name="bench_floor"),
    *app_urlpatterns,
]
