from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "samverka.research"
    label = "research"
    verbose_name = _("Research")

    def ready(self):
        # Registers the background producers (samverka/jobs) of the research exports.
        from samverka.research.datasets import jobs  # noqa: F401
