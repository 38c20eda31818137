from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from samverka.accounts.views import set_language
from samverka.lib.health import healthz
from samverka.lib.scoping import national_scope
from samverka.orgs.views import home


class AdminSite(OTPAdminSite):
    """The admin is for operators only, always asks for the second factor and works across
    every collaboration (the national tenant scope, samverka/lib/scoping.py)."""

    def admin_view(self, view, cacheable=False):
        return super().admin_view(national_scope()(view), cacheable)


admin.site.__class__ = AdminSite

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    # Early: the respondents' pages (/s/...) are most requests under load, and Django tries the
    # patterns in order (no other app's URL starts with s/ or has surveys/ as its third part).
    path("", include("samverka.surveys.urls")),
    path("", include("samverka.accounts.urls")),
    path("", include("samverka.orgs.urls")),
    path("", include("samverka.audit.urls")),
    path("", include("samverka.participants.urls")),
    path("", include("samverka.activities.urls")),
    path("", include("samverka.assessment.urls")),
    path("", include("samverka.referrals.urls")),
    path("", include("samverka.reports.urls")),
    path("", include("samverka.imports.urls")),
    path("", include("samverka.children.urls")),
    path("", include("samverka.jobs.urls")),
    path("", include("samverka.knowledge.urls")),
    path("", include("samverka.memory.urls")),
    path("", include("samverka.research.urls")),
    path("", include("samverka.privacy.urls")),
    path("", include("samverka.followup.urls")),
    path("admin/", admin.site.urls),
]
