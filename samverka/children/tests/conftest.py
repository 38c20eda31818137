from datetime import date, timedelta

import pytest
from django.utils import timezone

from samverka.accounts.models import Membership
from samverka.activities.models import Activity, ActivityType, Session
from samverka.children.models import Consultation, Decision, Voice


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def forum(world, today):
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Barnens dialogforum",
        focus_area=1,
        type=ActivityType.DIALOGUE_FORUM,
        starts_on=today - timedelta(days=30),
    )
    activity.leaders.add(world.kalmar_ledare)
    return activity


@pytest.fixture
def forum_session(forum, world, today):
    session = Session.objects.create(activity=forum, date=today)
    session.leaders.add(world.kalmar_ledare)
    return session


@pytest.fixture
def consultation(world, forum, forum_session):
    consultation = Consultation.objects.create(
        collaboration=world.kalmar,
        held_on=forum_session.date,
        topic="Vad skulle göra fritidsklubben bättre?",
        method="circle_talk",
        activity=forum,
        session=forum_session,
        children_by_age={"6-12": 9, "13-17": 3},
        created_by=world.kalmar_ledare,
    )
    voice = Voice.objects.create(
        consultation=consultation, theme="Fotboll på fredagar", words="Vi vill spela mer!", order=1
    )
    Decision.objects.create(
        consultation=consultation,
        voice=voice,
        text="Fotboll varje fredag från maj",
        decided_by="Fritidschef, Kalmar kommun",
        due_on=date.today() + timedelta(days=3),
    )
    return consultation


@pytest.fixture
def membership(world):
    def _of(user):
        return Membership.objects.get(user=user, collaboration=world.kalmar)

    return _of
