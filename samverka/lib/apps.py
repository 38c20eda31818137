from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "samverka.lib"
    label = "lib"
