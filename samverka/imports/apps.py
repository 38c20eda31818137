from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "samverka.imports"
    label = "imports"
    verbose_name = _("Imports")

    def ready(self):
        from samverka.imports import jobs  # noqa: F401  (registers the background work)
