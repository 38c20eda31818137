"""Small builders for the organisational memory's tests."""

from datetime import date

from samverka.accounts.models import Membership
from samverka.activities.models import Activity
from samverka.orgs.models import Collaboration

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def activity(collaboration, name="Läxhjälp", **fields) -> Activity:
    fields.setdefault("focus_area", 2)
    fields.setdefault("type", "leisure")
    fields.setdefault("starts_on", date(2025, 1, 7))
    return Activity.objects.create(collaboration=collaboration, name=name, **fields)


def membership(collaboration, user) -> Membership:
    return Membership.objects.filter(collaboration=collaboration, user=user).first()


def earlier_of(collaboration, name="Familjeträffar Kalmar") -> Collaboration:
    """An earlier collaboration in the same town that `collaboration` builds on."""
    earlier = Collaboration.objects.create(
        name=name,
        municipality=collaboration.municipality,
        lead_organisation=collaboration.lead_organisation,
        starts_on=date(2019, 9, 1),
        ends_on=date(2021, 12, 31),
        shared_goal_picture="Föräldrar som är nya i Sverige möts och stärks.",
        collaboration_idea="Träffar i biblioteket med tolk.",
    )
    collaboration.builds_on = earlier
    collaboration.save(update_fields=["builds_on"])
    return earlier
