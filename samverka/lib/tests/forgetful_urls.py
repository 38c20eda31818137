"""A URLconf with a view that forgets to declare its scope (test_scoping.py)."""

from django.http import HttpResponse
from django.urls import path

from samverka.participants.models import Household
from samverka.urls import urlpatterns as app_urlpatterns


def forgetful(request):
    return HttpResponse(str(Household.objects.count()))


urlpatterns = [path("forgetful/", forgetful), *app_urlpatterns]
