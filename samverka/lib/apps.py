from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "samverka.lib"
    label = "lib"

    def ready(self):
        from samverka.lib import checks  # noqa: F401  (registers the deploy checks)
