"""Builders for the knowledge app's tests (data in fixtures, never through the browser)."""

from datetime import date, time

import pytest

from samverka.activities.models import Activity, Session
from samverka.knowledge.bank import services as bank_services
from samverka.knowledge.courses.models import Course, CourseRun, Module


def make_item(*, kind="method", title="Läxhjälp i grupp", body="Så gör vi.", publish=True, **meta):
    return bank_services.item_create(
        kind=kind,
        title=title,
        summary="Kort om metoden.",
        body=body,
        meta=meta,
        publish=publish,
        by=None,
    )


def make_activity(collaboration, *, name="Fritidsklubben", type="leisure", leaders=()):
    activity = Activity.objects.create(
        collaboration=collaboration,
        name=name,
        focus_area=3 if type == "parent_group" else 2,
        type=type,
        starts_on=date(2025, 1, 1),
    )
    activity.leaders.set(leaders)
    return activity


def make_session(activity, day=date(2025, 3, 5), **fields):
    fields.setdefault("start_time", time(15, 0))
    fields.setdefault("end_time", time(17, 0))
    return Session.objects.create(activity=activity, date=day, **fields)


def make_course(title="Kurs om barnrätt", modules=("Barnets rättigheter", "Trauma")):
    course = Course.objects.create(title=title)
    for order, module in enumerate(modules, start=1):
        Module.objects.create(course=course, title=module, order=order)
    return course


def make_run(collaboration, course=None, day=date(2025, 3, 10)):
    return CourseRun.objects.create(
        collaboration=collaboration,
        course=course or make_course(),
        starts_on=day,
        form="on_site",
        trainer="Utbildare Testsson",
        organiser=collaboration.lead_organisation,
    )


@pytest.fixture
def method(db):
    return make_item()
