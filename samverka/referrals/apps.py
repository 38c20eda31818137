from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "samverka.referrals"
    label = "referrals"
    verbose_name = _("Actor map and referrals")
