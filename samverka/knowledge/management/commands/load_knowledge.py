"""Install or update the built-in knowledge bank and course outlines.

    python manage.py load_knowledge

Safe to run on every deploy: unchanged content is left alone; changed built-in text becomes a
new version (or a draft, when an editor has changed the item); editors' courses are kept.
"""

from django.core.management.base import BaseCommand

from samverka.knowledge.builtin.install import install_builtin_knowledge
from samverka.lib.scoping import national_scope


class Command(BaseCommand):
    help = (
        "Install the built-in method cards, parent-group themes, guides and the two course "
        "outlines (IMPACT topics, the collaboration model). Idempotent."
    )

    @national_scope()
    def handle(self, *args, **options):
        counts = install_builtin_knowledge(stdout=self.stdout)
        summary = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Built-in knowledge is up to date: {summary}."))
