from django.db.models import QuerySet

from samverka.audit.models import AuditEvent


def events_for_collaboration(collaboration) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(collaboration_code=collaboration.code)


def recent_events_for_collaboration(collaboration, *, limit: int = 5) -> list[AuditEvent]:
    return list(events_for_collaboration(collaboration)[:limit])
