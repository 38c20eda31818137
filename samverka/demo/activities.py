"""Demo activities, a term of weekly sessions, households, attendance and consent.

Everything is invented and generated from a fixed seed per municipality, relative to today,
so that the demo always has a running term with a session today in Kalmar.
"""

import random
from datetime import date, time, timedelta

from dateutil.easter import easter
from django.db import transaction
from django.utils import timezone

from samverka.accounts.models import User
from samverka.activities import calendar
from samverka.activities.models import (
    Activity,
    ActivityType,
    FocusArea,
    Headcount,
    Session,
    TargetGroup,
    Theme,
)
from samverka.activities.services import (
    attendance_record_bulk,
    session_create,
    session_update,
    sessions_generate,
)
from samverka.demo.synthetic_words import THEMES as PARENT_GROUP_THEMES
from samverka.lib.codes import unused_codes
from samverka.orgs.models import OrganisationKind
from samverka.participants.models import (
    ConsentGivenBy,
    ConsentMethod,
    ConsentPurpose,
    Household,
    Identity,
    Participant,
    new_participant_code,
)
from samverka.participants.services import consent_record_bulk

LANGUAGES = ["ar", "ar", "so", "so", "prs", "ti", "uk", "sv"]
# The parent groups' themes: the first six of the synthetic data's list.
THEMES = PARENT_GROUP_THEMES[:6]
# Invented first names for the encrypted identities of a few Kalmar participants.
DEMO_NAMES = ["Samira", "Abdi", "Leyla", "Omid", "Yonas", "Olena", "Hamza", "Ifrah"]


def _term(today):
    start = today - timedelta(weeks=10)
    return start, today + timedelta(weeks=5)


def _workday(day: date) -> date:
    """`day`, or the next day that is neither a weekend nor a public holiday (one-off events)."""
    while day.weekday() >= 5 or calendar.public_holiday(day):
        day += timedelta(days=1)
    return day


def _weekdays_of(year: int, week: int) -> list:
    monday = date.fromisocalendar(year, week, 1)
    return [monday.isoformat(), (monday + timedelta(days=4)).isoformat()]


def school_breaks(first: date, last: date, today: date) -> list[list[str]]:
    """The school breaks a coordinator lists for the term: sports break (week 8), Easter
    break (the week after Easter), autumn break (week 44) and the Christmas break, those that
    fall in the term, but not one that holds today (the demo keeps a session today)."""
    pairs = []
    for year in range(first.year - 1, last.year + 1):
        pairs.append(_weekdays_of(year, 8))
        monday = easter(year) + timedelta(days=1)
        pairs.append([monday.isoformat(), (monday + timedelta(days=4)).isoformat()])
        pairs.append(_weekdays_of(year, 44))
        pairs.append([date(year, 12, 22).isoformat(), date(year + 1, 1, 7).isoformat()])
    return [
        [a, b]
        for a, b in pairs
        if a <= last.isoformat() and b >= first.isoformat() and not a <= today.isoformat() <= b
    ]


def _activity(collaboration, name, **fields):
    activity, created = Activity.objects.get_or_create(
        collaboration=collaboration, name=name, defaults=fields
    )
    return activity, created


def _households(collaboration, rng, count, creator):
    this_year = timezone.localdate().year
    participants = []
    for _ in range(count):
        household = Household.objects.create(collaboration=collaboration)
        language = rng.choice(LANGUAGES)
        tcn = "no" if language == "sv" else rng.choice(["yes"] * 9 + ["unknown"])
        for index in range(rng.choice([1, 1, 2])):
            participants.append(
                Participant(
                    collaboration=collaboration,
                    household=household,
                    role="guardian",
                    birth_year=this_year - rng.randint(27, 48),
                    gender="female" if index == 0 and rng.random() < 0.7 else "male",
                    third_country_national=tcn,
                    language=language,
                    created_by=creator,
                )
            )
        for _ in range(rng.choice([1, 2, 2, 3])):
            age = rng.choice([6, 7, 8, 9, 10, 11, 12, 12, 14])
            participants.append(
                Participant(
                    collaboration=collaboration,
                    household=household,
                    role="child",
                    birth_year=this_year - age,
                    gender=rng.choice(["female", "male", "female", "male", "not_stated"]),
                    third_country_national=tcn,
                    language=language,
                    created_by=creator,
                )
            )
    codes = unused_codes(Participant, len(participants), new_participant_code)
    for participant, code in zip(participants, codes, strict=True):
        participant.code = code
    Participant.objects.bulk_create(participants)
    # In the order they were made: codes are random, so the model's order (by household and
    # participant code) would hand the seeded choices below to different people on each run.
    return list(Participant.objects.filter(collaboration=collaboration).order_by("pk"))


def _consents(participants, rng, creator, first_day):
    rates = {"funder_reporting": 0.88, "surveys": 0.7, "photos": 0.3, "contact": 0.6}
    with consent_record_bulk(by=creator) as ledger:
        for participant in participants:
            when = timezone.make_aware(
                timezone.datetime.combine(first_day, time(17, 0))
            ) + timedelta(days=rng.randint(0, 14))
            for purpose in ConsentPurpose.values:
                ledger.add(
                    participant.pk,
                    purpose,
                    rng.random() < rates[purpose],
                    given_at=when,
                    given_by=ConsentGivenBy.GUARDIAN
                    if participant.role == "child"
                    else ConsentGivenBy.SELF,
                    method=rng.choice([ConsentMethod.VERBAL, ConsentMethod.WRITTEN]),
                    notice_language=participant.language,
                )
            # One family in ten later withdrew photo consent: the ledger shows both entries.
            if rng.random() < 0.1:
                ledger.add(
                    participant.pk,
                    "photos",
                    False,
                    given_at=when + timedelta(days=30),
                    given_by=ConsentGivenBy.GUARDIAN,
                    method=ConsentMethod.VERBAL,
                    notice_language=participant.language,
                )


def _about(usual: int, rng) -> int:
    """A count near `usual` (within about a third either way, at least 1)."""
    spread = max(1, usual // 3)
    return max(1, usual + rng.randint(-spread, spread))


def _attend(people, rate, rng):
    return [p.pk for p in people if rng.random() < rate]


@transaction.atomic
def seed_collaboration(collaboration, *, index: int) -> None:
    if collaboration.activities.exists():
        return
    rng = random.Random(f"samverka-demo-{collaboration.municipality.code}")
    today = timezone.localdate()
    term_start, term_end = _term(today)
    coordinator = User.objects.filter(
        memberships__collaboration=collaboration, memberships__role="coordinator"
    ).first()
    leader = (
        User.objects.filter(
            memberships__collaboration=collaboration, memberships__role="activity_leader"
        ).first()
        or coordinator
    )
    club = collaboration.partners.filter(kind=OrganisationKind.ASSOCIATION).first()
    library = collaboration.partners.filter(kind=OrganisationKind.LIBRARY).first()
    social = collaboration.partners.filter(kind=OrganisationKind.SOCIAL_SERVICES).first()
    town = collaboration.municipality.name

    # The coordinator lists the school breaks; weekly sessions skip them and public holidays.
    breaks = school_breaks(term_start, term_end, today)
    # The leisure club meets on today's weekday in Kalmar, so the demo has a session today
    # (unless today is a public holiday).
    club_day = today.weekday() if collaboration.municipality.code == "0880" else (index % 5)
    leisure, _ = _activity(
        collaboration,
        "Fritidsklubben",
        focus_area=FocusArea.LEISURE,
        type=ActivityType.LEISURE,
        target_groups=[TargetGroup.CHILDREN_6_12],
        place=f"Idrottshallen, {town}",
        recurring=True,
        breaks=breaks,
        starts_on=term_start,
        ends_on=term_end,
        weekday=club_day,
        start_time=time(15, 30),
        end_time=time(17, 0),
        description="Lek, idrott och läxhjälp efter skolan, tillsammans med idrottsföreningen.",
    )
    parents, _ = _activity(
        collaboration,
        "Föräldragruppen",
        focus_area=FocusArea.PARENT_SUPPORT,
        type=ActivityType.PARENT_GROUP,
        target_groups=[TargetGroup.GUARDIANS],
        place=f"Stadsbiblioteket {town}",
        recurring=True,
        breaks=breaks,
        starts_on=term_start,
        ends_on=term_end,
        weekday=(club_day + 2) % 5,
        start_time=time(17, 30),
        end_time=time(19, 0),
        description="Föräldrar träffas varje vecka med tolk. Teman väljs tillsammans med gruppen.",
    )
    bikes, _ = _activity(
        collaboration,
        "Cykelverkstad",
        focus_area=FocusArea.LEISURE,
        type=ActivityType.LEISURE,
        target_groups=[TargetGroup.CHILDREN_6_12, TargetGroup.FAMILIES],
        place="Fritidsgården",
        recurring=True,
        breaks=breaks,
        starts_on=term_start + timedelta(weeks=2),
        ends_on=term_end - timedelta(weeks=3),
        weekday=5,
        start_time=time(11, 0),
        end_time=time(13, 0),
    )
    forum, _ = _activity(
        collaboration,
        "Dialogforum kommun och civilsamhälle",
        focus_area=FocusArea.COLLABORATION,
        type=ActivityType.DIALOGUE_FORUM,
        target_groups=[TargetGroup.PROFESSIONALS],
        place="Kommunhuset",
        recurring=False,
        starts_on=_workday(term_start + timedelta(weeks=3)),
    )
    open_day, _ = _activity(
        collaboration,
        "Öppen familjeträff",
        focus_area=FocusArea.LEISURE,
        type=ActivityType.MEETING_PLACE,
        target_groups=[TargetGroup.FAMILIES],
        place="Parken vid biblioteket",
        recurring=False,
        starts_on=_workday(term_start + timedelta(weeks=6)),
    )
    for activity, partner in ((leisure, club), (parents, library), (forum, social), (bikes, club)):
        if partner:
            activity.partners.add(partner)
    leisure.leaders.add(leader)
    parents.leaders.add(coordinator)
    bikes.leaders.add(leader)
    for position, title in enumerate(THEMES):
        Theme.objects.create(
            activity=parents,
            title=title,
            order=position,
            planned_for=term_start + timedelta(weeks=2 * position),
        )
    for activity in (leisure, parents, bikes, forum, open_day):
        sessions_generate(activity=activity, by=None)
    session_create(
        activity=forum,
        by=None,
        date=_workday(term_start + timedelta(weeks=9)),
        start_time=time(9, 0),
        theme="Hålrum mellan förvaltningarna",
    )

    people = _households(collaboration, rng, 14, coordinator)
    _consents(people, rng, coordinator, term_start)
    children = [p for p in people if p.role == "child" and p.birth_year >= today.year - 12]
    guardians = [p for p in people if p.role == "guardian"]
    regulars = rng.sample(children, k=min(len(children), 15))
    past = Session.objects.filter(activity__collaboration=collaboration, date__lt=today)
    rows = []  # (session, who was there, who recorded it)
    for session in past:
        if session.activity == leisure:
            rows.append((session, _attend(regulars, 0.8, rng), leader))
        elif session.activity == parents:
            rows.append((session, _attend(guardians, 0.6, rng), coordinator))
            session.theme = THEMES[min(len(THEMES) - 1, (session.date - term_start).days // 14)]
            session.volunteers = 1
            session.save(update_fields=["theme", "volunteers"])
        elif session.activity == bikes:
            rows.append((session, _attend(regulars[:8] + guardians[:3], 0.6, rng), leader))
        elif session.activity == forum:
            # Anonymous headcounts vary from one meeting and one town to the next.
            for gender, usual in (("female", 9), ("male", 4)):
                Headcount.objects.create(
                    session=session, age_band="18-64", gender=gender, count=_about(usual, rng)
                )
        elif session.activity == open_day:
            for band, gender, usual in (
                ("0-5", "female", 6),
                ("0-5", "male", 5),
                ("6-12", "female", 14),
                ("6-12", "male", 12),
                ("18-64", "female", 17),
                ("18-64", "male", 8),
            ):
                Headcount.objects.create(
                    session=session, age_band=band, gender=gender, count=_about(usual, rng)
                )
    # One session of the club was cancelled: nobody is recorded there.
    cancelled = past.filter(activity=leisure).order_by("date")[2]
    with attendance_record_bulk(by=leader) as attendance:
        for session, present, recorder in rows:
            if session != cancelled:
                attendance.add(session.pk, present, recorded_by=recorder)
    past.update(version=1)
    session_update(
        session=cancelled, cancelled=True, note="Inställt: idrottshallen upptagen", by=None
    )

    if collaboration.municipality.code == "0880":
        for participant, name in zip(guardians, DEMO_NAMES, strict=False):
            identity = Identity(participant=participant)
            identity.set(name=f"{name} (demo)", phone="070-000 00 00")
            identity.save()


def seed(collaborations) -> None:
    for index, collaboration in enumerate(collaborations.values()):
        seed_collaboration(collaboration, index=index)
