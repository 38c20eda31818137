from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "samverka.followup"
    label = "followup"
    verbose_name = "Follow-up for learning"

    def ready(self):
        # The steering-group report is made by the background worker, which loads no URLs:
        # register its producers with the jobs app when the app is ready.
        from samverka.followup import report  # noqa: F401
