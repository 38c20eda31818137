from django.apps import AppConfig


class MemoryConfig(AppConfig):
    name = "samverka.memory"
    label = "memory"
    verbose_name = "Organisational memory"

    def ready(self):
        # The dossier's PDF and ZIP are made by the background worker, which loads no URLs:
        # register their producers with the jobs app when the app is ready.
        from samverka.memory.dossier import exports  # noqa: F401
