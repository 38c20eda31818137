"""Who the attendance page offers as tiles, and how a tile and the quick-add form look."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from samverka.activities.models import Activity, Attendance, Session
from samverka.activities.views import OTHERS_LISTED, RECENT_SESSIONS
from samverka.participants.forms import QuickParticipantForm
from samverka.participants.models import Household, Participant

pytestmark = pytest.mark.django_db

FIRST = date(2025, 1, 7)


@pytest.fixture
def weekly(world):
    """A weekly group with sessions RECENT_SESSIONS + 3 weeks back, one of them cancelled."""
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Läxhjälp",
        focus_area=2,
        type="leisure",
        starts_on=FIRST,
    )
    sessions = [
        Session.objects.create(activity=activity, date=FIRST + timedelta(weeks=week))
        for week in range(RECENT_SESSIONS + 4)
    ]
    *earlier, today, next_week = sessions
    earlier[-2].cancelled = True  # does not count as one of the latest sessions
    earlier[-2].save()
    return activity, earlier, today, next_week


def person(world, household, code, **extra):
    return Participant.objects.create(
        collaboration=world.kalmar, household=household, code=code, **extra
    )


def page(client, world, session, **post):
    url = reverse("activities:attendance", args=[world.kalmar.code, session.code])
    return client.post(url, post) if post else client.get(url)


def test_usual_participants_came_to_the_latest_sessions_or_are_here(client, world, weekly):
    _activity, earlier, today, next_week = weekly
    household = Household.objects.create(collaboration=world.kalmar, code="HH0001")
    held = [s for s in earlier if not s.cancelled]
    attended = {
        "REGULR": held,  # every week: attendance was taken at every held session
        "LONGAGO": [held[0]],  # RECENT_SESSIONS + 1 held sessions back
        "EDGEWK": [held[-RECENT_SESSIONS]],  # the earliest that still counts
        "LASTWK": [held[-1]],
        "CANCEL": [earlier[-2]],  # only at the cancelled session
        "NEXTWK": [next_week],  # only at a later session
        "HEREAT": [today],  # saved as present today
    }
    for code, sessions in attended.items():
        someone = person(world, household, code)
        Attendance.objects.bulk_create(Attendance(session=s, participant=someone) for s in sessions)
    person(world, household, "NEVER1")
    client.force_login(world.kalmar_ngo)

    response = page(client, world, today)

    assert [p.code for p in response.context["regulars"]] == [
        "EDGEWK",
        "HEREAT",
        "LASTWK",
        "REGULR",
    ]
    assert sorted(p.code for p in response.context["others"]) == [
        "CANCEL",
        "LONGAGO",
        "NEVER1",
        "NEXTWK",
    ]
    assert response.context["others_total"] == 4
    here = Participant.objects.get(code="HEREAT")
    assert response.context["present_ids"] == {here.pk}
    html = response.content.decode()
    assert 'value="HEREAT" checked>' in html
    assert 'value="LASTWK">' in html


def test_sessions_where_nobody_was_recorded_take_no_place_among_the_latest(client, world, weekly):
    # Sessions are generated ahead for the whole term; weeks where the leader forgot to take
    # attendance must not push the group's regulars off the page.
    activity, earlier, today, _next_week = weekly
    household = Household.objects.create(collaboration=world.kalmar, code="HH0009")
    first = person(world, household, "FIRST1")
    Attendance.objects.create(session=earlier[0], participant=first)  # then nothing recorded
    morning = Session.objects.create(activity=activity, date=today.date)
    Attendance.objects.create(session=morning, participant=person(world, household, "MORNIN"))
    client.force_login(world.kalmar_ngo)

    response = page(client, world, today)

    assert [p.code for p in response.context["regulars"]] == ["FIRST1", "MORNIN"]
    assert response.context["present_ids"] == set()


def test_nobody_usual_yet(client, world, weekly):
    _activity, _earlier, today, _next_week = weekly
    person(world, Household.objects.create(collaboration=world.kalmar, code="HH0002"), "SOLO01")
    client.force_login(world.kalmar_ngo)
    response = page(client, world, today)
    assert response.context["regulars"] == []
    assert "Ingen har varit på aktiviteten på sistone." in response.content.decode()
    assert [p.code for p in response.context["others"]] == ["SOLO01"]


def test_someone_tapped_from_the_others_stays_among_the_usual_ones(client, world, weekly):
    _activity, _earlier, today, _next_week = weekly
    household = Household.objects.create(collaboration=world.kalmar, code="HH0003")
    tapped = person(world, household, "TAPPED")
    person(world, household, "UNTAPD")
    client.force_login(world.kalmar_ngo)
    response = page(
        client, world, today, present=["tapped"], version="0", key="k", find="", action="find"
    )
    assert [p.code for p in response.context["regulars"]] == ["TAPPED"]
    assert [p.code for p in response.context["others"]] == ["UNTAPD"]
    assert response.context["present_ids"] == {tapped.pk}
    assert 'value="TAPPED" checked>' in response.content.decode()
    assert not today.attendances.exists()


def test_finds_others_by_household_code(client, world, weekly):
    _activity, _earlier, today, _next_week = weekly
    family = Household.objects.create(collaboration=world.kalmar, code="FAM123")
    person(world, family, "KID001")
    person(world, family, "KID002")
    elsewhere = Household.objects.create(collaboration=world.kalmar, code="OTHER1")
    person(world, elsewhere, "FAM999")  # its own code starts like the household's
    person(world, elsewhere, "KID003")
    client.force_login(world.kalmar_ngo)
    response = page(client, world, today, version="0", key="k", find="fam", action="find")
    assert sorted(p.code for p in response.context["others"]) == ["FAM999", "KID001", "KID002"]
    assert response.context["others_total"] == 3


def test_a_tile_shows_code_role_birth_year_and_household_escaped(client, world, weekly):
    _activity, _earlier, today, _next_week = weekly
    household = Household.objects.create(collaboration=world.kalmar, code="H&<1>")
    child = person(world, household, "KID777", role="child", birth_year=2016)
    person(world, household, "MUM777", role="guardian")
    Attendance.objects.create(session=today, participant=child)
    client.force_login(world.kalmar_ngo)
    html = page(client, world, today).content.decode()
    assert (
        '<label class="tap" data-search="KID777 H&amp;&lt;1&gt;">'
        '<input type="checkbox" name="present" value="KID777" checked>'
        '<span class="tap-code">KID777</span>'
        '<span class="tap-meta">Barn · 2016 · H&amp;&lt;1&gt;</span></label>'
    ) in html
    assert (
        '<label class="tap" data-search="MUM777 H&amp;&lt;1&gt;">'
        '<input type="checkbox" name="present" value="MUM777">'
        '<span class="tap-code">MUM777</span>'
        '<span class="tap-meta">Vårdnadshavare · H&amp;&lt;1&gt;</span></label>'
    ) in html
    assert html.count('class="tap"') == 2


def test_lists_at_most_the_usual_ones_and_forty_others(client, world, weekly):
    _activity, earlier, today, _next_week = weekly
    household = Household.objects.create(collaboration=world.kalmar, code="HH0004")
    people = Participant.objects.bulk_create(
        Participant(collaboration=world.kalmar, household=household, code=f"P{n:05d}")
        for n in range(OTHERS_LISTED + 10)
    )
    Attendance.objects.bulk_create(Attendance(session=earlier[0], participant=p) for p in people)
    # P00000 keeps coming; the ten sessions since then push the first one out of "lately".
    Attendance.objects.bulk_create(
        Attendance(session=s, participant=people[0]) for s in earlier[1:] if not s.cancelled
    )
    client.force_login(world.kalmar_ngo)
    response = page(client, world, today)
    assert [p.code for p in response.context["regulars"]] == ["P00000"]
    others = response.context["others"]
    assert len(others) == OTHERS_LISTED
    assert [p.code for p in others] == sorted(p.code for p in others)  # one household
    assert response.context["others_total"] == len(people) - 1
    assert response.content.decode().count('class="tap"') == OTHERS_LISTED + 1


@pytest.mark.parametrize(("language", "label"), [("sv", "Födelseår"), ("en", "Birth year")])
def test_the_quick_add_form_is_in_the_page_language(client, world, weekly, language, label):
    _activity, _earlier, today, _next_week = weekly
    client.force_login(world.kalmar_ngo)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        form = QuickParticipantForm(collaboration=world.kalmar, prefix="new")
        del form.fields["household"]  # drawn beside the household picker
        expected = render_to_string("includes/form_body.html", {"form": form})
    assert label in expected
    for _ in range(2):  # also when the page has been shown before
        assert expected in page(client, world, today).content.decode()


def test_a_refused_quick_add_shows_the_leaders_input_and_the_error(client, world, weekly):
    _activity, _earlier, today, _next_week = weekly
    client.force_login(world.kalmar_ngo)
    response = page(
        client,
        world,
        today,
        version="0",
        key="k",
        action="add",
        **{"new-role": "guardian", "new-birth_year": "1980", "new-household": "NOSUCH"},
    )
    html = response.content.decode()
    assert response.context["quick_form"].errors["household"]
    assert 'value="NOSUCH"' in html and 'value="1980"' in html
    assert '<details class="card new-participant" open>' in html
