from datetime import date, time

import pytest
from django.db import IntegrityError
from django.urls import reverse

from samverka.activities.models import Activity, Attendance, Headcount, Session
from samverka.audit.models import AuditEvent
from samverka.participants.models import Participant
from samverka.participants.services import participant_create


def make_participant(world, collaboration=None, **extra):
    values = {
        "collaboration": collaboration or world.kalmar,
        "by": world.kalmar_ngo,
        "role": "child",
        "birth_year": 2016,
        "gender": "male",
        "third_country_national": "yes",
        "language": "so",
    }
    values.update(extra)
    return participant_create(**values)


@pytest.fixture
def group(world):
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Läxhjälp och lek",
        focus_area=2,
        type="leisure",
        starts_on=date(2025, 9, 2),
        start_time=time(15, 0),
    )
    activity.leaders.add(world.kalmar_ledare)
    session = Session.objects.create(
        activity=activity, date=date(2025, 9, 2), start_time=time(15, 0)
    )
    children = [make_participant(world) for _ in range(15)]
    return activity, session, children


def page_url(world, session):
    return reverse("activities:attendance", args=[world.kalmar.code, session.code])


def save(client, world, session, codes, *, version=0, key="k1"):
    return client.post(
        page_url(world, session),
        {"present": codes, "version": version, "key": key, "action": "save"},
    )


def test_coordinator_creates_a_weekly_activity_and_its_sessions(client, world):
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("activities:create", args=[world.kalmar.code]),
        {
            "name": "Föräldragrupp tisdagar",
            "focus_area": "3",
            "type": "parent_group",
            "target_groups": ["guardians"],
            "partners": [world.kalmar_partner.pk],
            "place": "Stadsbiblioteket",
            "leaders": [world.kalmar_ledare.pk],
            "recurring": "on",
            "starts_on": "2025-09-01",
            "ends_on": "2025-10-31",
            "weekday": "1",
            "start_time": "17:30",
            "end_time": "19:00",
        },
    )
    activity = Activity.objects.get(name="Föräldragrupp tisdagar")
    assert response.status_code == 302
    dates = list(activity.sessions.values_list("date", flat=True))
    assert dates[0] == date(2025, 9, 2) and all(d.weekday() == 1 for d in dates)
    assert len(dates) == 9
    assert activity.sessions.first().leaders.filter(pk=world.kalmar_ledare.pk).exists()


def test_weekly_activity_needs_a_last_date(client, world):
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("activities:create", args=[world.kalmar.code]),
        {
            "name": "X",
            "focus_area": "2",
            "type": "leisure",
            "recurring": "on",
            "starts_on": "2025-09-01",
        },
    )
    assert response.context["form"].errors["ends_on"]
    assert not Activity.objects.exists()


def test_leader_registers_fifteen_children_at_once(client, world, group):
    _, session, children = group
    client.force_login(world.kalmar_ledare)
    response = save(client, world, session, [c.code for c in children])
    assert response.status_code == 302
    assert session.attendances.count() == 15
    assert AuditEvent.objects.filter(object_code=session.code, detail="+15 -0").exists()


def test_a_resent_save_is_a_no_op(client, world, group):
    _, session, children = group
    client.force_login(world.kalmar_ledare)
    save(client, world, session, [c.code for c in children[:3]], key="same")
    response = save(client, world, session, [c.code for c in children[:3]], key="same")
    assert response.status_code == 302
    assert session.attendances.count() == 3
    session.refresh_from_db()
    assert session.version == 1


def test_undo_a_tap_removes_the_attendance(client, world, group):
    _, session, children = group
    client.force_login(world.kalmar_ledare)
    save(client, world, session, [c.code for c in children[:3]], key="a")
    save(client, world, session, [c.code for c in children[:2]], version=1, key="b")
    assert set(session.attendances.values_list("participant", flat=True)) == {
        children[0].pk,
        children[1].pk,
    }


def test_two_leaders_see_a_conflict_instead_of_overwriting(client, world, group):
    _, session, children = group
    client.force_login(world.kalmar_ledare)
    save(client, world, session, [children[0].code], version=0, key="first")
    client.force_login(world.kalmar_ngo)
    response = save(client, world, session, [children[1].code], version=0, key="second")
    assert response.status_code == 409
    assert children[1].code in response.context["conflict_codes"]["only_mine"]
    assert list(session.attendances.values_list("participant", flat=True)) == [children[0].pk]


def test_one_participant_is_counted_once_per_session(world, group):
    _, session, children = group
    Attendance.objects.create(session=session, participant=children[0])
    with pytest.raises(IntegrityError):
        Attendance.objects.create(session=session, participant=children[0])


def test_codes_from_another_collaboration_are_ignored(client, world, group):
    _, session, _ = group
    boden_child = make_participant(world, collaboration=world.boden, by=world.boden_ngo)
    client.force_login(world.kalmar_ngo)
    save(client, world, session, [boden_child.code])
    assert session.attendances.count() == 0


def test_leader_adds_a_new_child_on_the_spot(client, world, group):
    _, session, children = group
    client.force_login(world.kalmar_ledare)
    response = client.post(
        page_url(world, session),
        {
            "present": [children[0].code],
            "version": 0,
            "key": "x",
            "action": "add",
            "new-role": "child",
            "new-birth_year": "2017",
            "new-gender": "female",
            "new-third_country_national": "yes",
            "new-household": children[0].household.code,
            "new-funder_consent": "on",
        },
    )
    assert response.status_code == 200
    new = Participant.objects.get(birth_year=2017)
    assert new.household == children[0].household
    assert new.has_consent("funder_reporting")
    assert new.pk in response.context["present_ids"]
    # The new child is saved as present at once; the other taps wait for the leader's save.
    assert list(session.attendances.values_list("participant", flat=True)) == [new.pk]


def test_unknown_household_code_is_refused_with_a_message(client, world, group):
    _, session, _ = group
    client.force_login(world.kalmar_ledare)
    response = client.post(
        page_url(world, session),
        {
            "version": 0,
            "key": "x",
            "action": "add",
            "new-role": "child",
            "new-gender": "male",
            "new-third_country_national": "no",
            "new-household": "ZZZZZZ",
        },
    )
    assert response.context["quick_form"].errors["household"]
    assert Participant.objects.count() == 15


def test_activity_leader_only_opens_sessions_of_activities_they_lead(client, world, group):
    other = Activity.objects.create(
        collaboration=world.kalmar,
        name="Cykelverkstad",
        focus_area=2,
        type="leisure",
        starts_on=date(2025, 9, 3),
    )
    other_session = Session.objects.create(activity=other, date=date(2025, 9, 3))
    client.force_login(world.kalmar_ledare)
    assert client.get(page_url(world, other_session)).status_code == 404
    _, session, _ = group
    assert client.get(page_url(world, session)).status_code == 200
    listing = client.get(reverse("activities:list", args=[world.kalmar.code])).content.decode()
    assert "Cykelverkstad" not in listing


def test_partner_and_researcher_cannot_record_attendance(client, world, group, login_as):
    _, session, children = group
    for user in (world.kalmar_partner_user, world.forskare):
        login_as(user)
        assert save(client, world, session, [children[0].code]).status_code == 404
    assert session.attendances.count() == 0


def test_boden_coordinator_cannot_open_a_kalmar_session(client, world, group):
    _, session, _ = group
    client.force_login(world.boden_ngo)
    assert client.get(page_url(world, session)).status_code == 404
    url = reverse("activities:attendance", args=[world.boden.code, session.code])
    assert client.get(url).status_code == 404


def test_anonymous_headcount_for_an_open_event(client, world, group):
    _, session, _ = group
    client.force_login(world.kalmar_ledare)
    assert "Räknade hittills" not in client.get(page_url(world, session)).content.decode()
    url = reverse("activities:headcount", args=[world.kalmar.code, session.code])
    response = client.post(
        url,
        {"version": 0, "key": "h", "n-6-12-female": "7", "n-6-12-male": "5", "n-18-64-female": "3"},
    )
    assert response.status_code == 302
    assert sum(Headcount.objects.values_list("count", flat=True)) == 15
    # The attendance page shows the total (read with its participants).
    assert "Räknade hittills: 15." in client.get(page_url(world, session)).content.decode()
    bad = client.post(url, {"version": 1, "key": "h2", "n-6-12-female": "-2"})
    assert bad.status_code == 400
    assert sum(Headcount.objects.values_list("count", flat=True)) == 15


def test_parent_group_has_a_theme_plan(client, world):
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Föräldragrupp",
        focus_area=3,
        type="parent_group",
        starts_on=date(2025, 9, 1),
    )
    client.force_login(world.kalmar_ngo)
    client.post(
        reverse("activities:theme_add", args=[world.kalmar.code, activity.code]),
        {"title": "Barns rättigheter", "chosen_by_group": "on"},
    )
    page = client.get(reverse("activities:detail", args=[world.kalmar.code, activity.code]))
    assert "Barns rättigheter" in page.content.decode()


def test_leader_cancels_a_session_with_a_note(client, world, group):
    _, session, _ = group
    client.force_login(world.kalmar_ledare)
    client.post(
        reverse("activities:session_edit", args=[world.kalmar.code, session.code]),
        {
            "date": "2025-09-02",
            "start_time": "15:00",
            "volunteers": "2",
            "note": "Snöstorm",
            "cancelled": "on",
        },
    )
    session.refresh_from_db()
    assert session.cancelled and session.volunteers == 2
