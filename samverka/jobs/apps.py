from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "samverka.jobs"
    label = "jobs"
    verbose_name = "Background work"
