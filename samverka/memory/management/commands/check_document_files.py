"""Compare the document archive's records with the files under MEDIA_ROOT/documents/.

After restoring a backup, the database and the files must belong together: a record whose file
is missing cannot be downloaded, and a file without a record (left by a restore of an older
database, or a crash between storing and saving) is personal data nobody can see or delete.

    manage.py check_document_files                    # report; exit 1 when they differ
    manage.py check_document_files --delete-orphans   # also delete files without a record
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverka.lib.scoping import national_scope
from samverka.memory.documents.models import Document

AREA = "documents"


class Command(BaseCommand):
    help = (
        "Compare document records with the files in MEDIA_ROOT/documents/ (exit 1 if they differ)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete-orphans",
            action="store_true",
            help="Delete files under MEDIA_ROOT/documents/ that no document record names.",
        )

    @national_scope()  # every collaboration's archive
    def handle(self, *args, delete_orphans=False, **options):
        root = Path(settings.MEDIA_ROOT)
        named = dict(Document.objects.values_list("file", "code"))
        on_disk = {
            path.relative_to(root).as_posix() for path in (root / AREA).rglob("*") if path.is_file()
        }
        missing = sorted(name for name in named if name not in on_disk)
        orphans = sorted(on_disk - named.keys())
        for name in missing:
            self.stdout.write(f"missing file: {name} (document {named[name]})")
        for name in orphans:
            if delete_orphans:
                (root / name).unlink()
                self.stdout.write(f"deleted file without a record: {name}")
            else:
                self.stdout.write(f"file without a record: {name}")
        self.stdout.write(
            f"{len(named)} documents, {len(missing)} missing files, {len(orphans)} files "
            "without a record" + (" (deleted)" if delete_orphans and orphans else "")
        )
        if missing or (orphans and not delete_orphans):
            raise CommandError("The document archive and MEDIA_ROOT/documents/ differ.")
