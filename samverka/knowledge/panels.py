"""The competence section of the collaboration overview: requests for support from leaders'
reflections (until answered), volunteers whose criminal-records check is missing or too old,
course runs, and the way into the knowledge bank."""

from django.conf import settings
from django.utils import timezone

from samverka.accounts.roles import Capability
from samverka.knowledge.courses.models import CourseRun
from samverka.knowledge.reflections.models import Reflection
from samverka.knowledge.volunteers import selectors as volunteer_selectors
from samverka.orgs.panels import Panel


def knowledge_panel(request, access):
    collaboration = access.collaboration
    can_read_reflections = access.can(Capability.READ_REFLECTIONS)
    can_write_reflections = access.can(Capability.WRITE_REFLECTIONS)
    can_volunteers = access.can(Capability.MANAGE_VOLUNTEERS) and access.can(
        Capability.VIEW_IDENTITIES
    )
    can_training = access.can(Capability.MANAGE_TRAINING) or access.can(Capability.VIEW_AGGREGATES)
    waiting = (
        list(
            Reflection.objects.filter(
                session__activity__collaboration=collaboration,
                needs_support=True,
                answered_at__isnull=True,
            ).select_related("session__activity")[:10]
        )
        if can_read_reflections
        else []
    )
    context = {
        "collaboration": collaboration,
        "waiting": waiting,
        "can_read_reflections": can_read_reflections,
        "can_write_reflections": can_write_reflections,
        "can_volunteers": can_volunteers,
        "can_training": can_training,
        "checks_due": volunteer_selectors.checks_due(collaboration) if can_volunteers else [],
        "check_months": settings.CRIMINAL_RECORD_CHECK_MONTHS,
        "coming_runs": CourseRun.objects.filter(
            collaboration=collaboration, starts_on__gte=timezone.localdate()
        ).select_related("course")[:3]
        if access.can(Capability.MANAGE_TRAINING)
        else [],
    }
    return Panel(template="knowledge/panel.html", context=context, order=45)
