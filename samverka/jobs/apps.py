from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "samverka.jobs"
    label = "jobs"
    verbose_name = "Background work"

    def ready(self):
        # Each app registers its producers in its `jobs` module; the worker (`db_worker`)
        # loads no URLconf, so they are imported here rather than through the views.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("jobs")
