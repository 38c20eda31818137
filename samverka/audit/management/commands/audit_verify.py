from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from samverka.audit.chain import first_break
from samverka.audit.models import AuditEvent


class Command(BaseCommand):
    help = (
        "Check the audit trail's hash chain; exit 1 and name the first entry whose link is "
        "broken (changed, removed or reordered entries)."
    )

    def handle(self, *args, **options):
        events = AuditEvent.objects.order_by("id").iterator(chunk_size=5000)
        checked, broken = first_break(events)
        if broken is not None:
            raise CommandError(
                _(
                    "The audit trail is broken at entry %(id)s (%(at)s): %(reason)s. "
                    "Entries from there on cannot be trusted; restore the trail from a backup "
                    "and find out who had access to the database."
                )
                % {
                    "id": broken.event_id,
                    "at": f"{broken.at:%Y-%m-%d %H:%M:%S}",
                    "reason": broken.reason,
                }
            )
        self.stdout.write(_("The audit trail is intact: %(n)s entries.") % {"n": checked})
