from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from samverka.accounts.views import set_language
from samverka.lib.health import healthz
from samverka.orgs.views import home

# The admin is for operators only and always asks for the second factor.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("samverka.accounts.urls")),
    path("", include("samverka.orgs.urls")),
    path("", include("samverka.audit.urls")),
    path("", include("samverka.participants.urls")),
    path("", include("samverka.activities.urls")),
    path("", include("samverka.assessment.urls")),
    path("", include("samverka.referrals.urls")),
    path("", include("samverka.reports.urls")),
    path("", include("samverka.imports.urls")),
    path("", include("samverka.surveys.urls")),
    path("admin/", admin.site.urls),
]
