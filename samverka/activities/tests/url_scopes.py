from datetime import date

from samverka.activities.models import Activity, Session, Theme

SCOPES = {
    "activities:list": "collaboration",
    "activities:create": "collaboration",
    "activities:detail": "collaboration",
    "activities:edit": "collaboration",
    "activities:theme_add": "collaboration",
    "activities:theme_delete": "collaboration",
    "activities:session_create": "collaboration",
    "activities:my_sessions": "collaboration",
    "activities:attendance": "collaboration",
    "activities:session_edit": "collaboration",
    "activities:headcount": "collaboration",
}


def url_arguments(world):
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Föräldragrupp",
        focus_area=3,
        type="parent_group",
        starts_on=date(2025, 1, 1),
    )
    theme = Theme.objects.create(activity=activity, title="Barns rättigheter")
    session = Session.objects.create(activity=activity, date=date(2025, 1, 8))
    return {"activity_code": activity.code, "theme_code": theme.code, "session_code": session.code}
