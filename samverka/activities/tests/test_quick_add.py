"""Adding a child on the spot from the attendance page: a birth year (or "not known"), saved
as present at once, errors at the top with focus there, a household picker that tells
families apart."""

from datetime import date, time

import pytest
from django.urls import reverse

from samverka.activities import services
from samverka.activities.models import Activity, Session
from samverka.participants.models import Participant
from samverka.participants.services import participant_create


@pytest.fixture
def group(world):
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Lek",
        focus_area=2,
        type="leisure",
        starts_on=date(2025, 9, 2),
    )
    activity.leaders.add(world.kalmar_ledare)
    last = Session.objects.create(activity=activity, date=date(2025, 9, 2), start_time=time(15))
    now = Session.objects.create(activity=activity, date=date(2025, 9, 9), start_time=time(15))
    sibling = participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2016,
        gender="female",
        third_country_national="yes",
        language="ar",
        display_name="Amina",
    )
    services.attendance_record(session=last, add=[sibling.pk], by=world.kalmar_ngo)
    return now, sibling


def add(client, world, session, **fields):
    data = {
        "version": session.version,
        "key": "add-1",
        "action": "add",
        "new-role": "child",
        "new-gender": "female",
        "new-third_country_national": "yes",
    }
    data.update({f"new-{name}": value for name, value in fields.items()})
    url = reverse("activities:attendance", args=[world.kalmar.code, session.code])
    return client.post(url, data)


def test_a_birth_year_or_not_known_is_needed(client, world, group):
    session, _ = group
    client.force_login(world.kalmar_ledare)
    response = add(client, world, session)
    assert response.context["quick_form"].errors["birth_year"]
    assert Participant.objects.count() == 1
    response = add(client, world, session, birth_year_unknown="on")
    new = Participant.objects.exclude(pk=group[1].pk).get()
    assert new.birth_year is None


def test_the_new_child_is_saved_as_present_at_once(client, world, group):
    session, _sibling = group
    client.force_login(world.kalmar_ledare)
    response = add(client, world, session, birth_year="2018", display_name="Bilal")
    new = Participant.objects.get(birth_year=2018)
    assert session.attendances.filter(participant=new).exists()
    assert new.pk in response.context["present_ids"]
    session.refresh_from_db()
    assert response.context["version"] == session.version  # the taps can still be saved
    assert "Bilal" in response.content.decode()  # the leader sees the name they gave
    # A reload (the same form sent again) adds nobody.
    add(client, world, session, birth_year="2018", display_name="Bilal")
    assert Participant.objects.filter(birth_year=2018).count() == 1


def test_a_failed_add_shows_its_error_at_the_top_with_focus(client, world, group):
    session, _ = group
    client.force_login(world.kalmar_ledare)
    response = add(client, world, session, household="ZZZZZZ")
    html = response.content.decode()
    summary = html.index('id="add-errors"')
    assert summary < html.index('id="attendance-form"')
    top = html[summary - 200 : summary + 800]
    assert "autofocus" in top and 'role="alert"' in top
    assert "There is no household" in top or "Det finns inget hushåll" in top


def test_the_household_picker_shows_the_members_codes_and_names(client, world, group):
    session, sibling = group
    client.force_login(world.kalmar_ledare)
    html = client.get(
        reverse("activities:attendance", args=[world.kalmar.code, session.code])
    ).content.decode()
    option = f'<option value="{sibling.household.code}">{sibling.household.code}: '
    assert option + f"{sibling.code} Amina</option>" in html
    add(client, world, session, birth_year="2019", household_pick=sibling.household.code)
    assert Participant.objects.get(birth_year=2019).household == sibling.household


def test_the_municipal_contact_sees_the_codes_but_no_names_in_the_picker(client, world, group):
    session, sibling = group
    client.force_login(world.kalmar_kommun)
    html = client.get(
        reverse("activities:attendance", args=[world.kalmar.code, session.code])
    ).content.decode()
    assert f"{sibling.household.code}: {sibling.code}</option>" in html
    assert "Amina" not in html


def test_a_partner_cannot_add_and_boden_cannot_reach_the_session(client, world, group):
    session, _ = group
    client.force_login(world.kalmar_partner_user)  # reaches no session at all
    assert add(client, world, session, birth_year="2018").status_code == 404
    client.force_login(world.boden_ngo)
    assert add(client, world, session, birth_year="2018").status_code == 404
    assert Participant.objects.count() == 1


def test_the_page_knows_whether_a_manager_leads_the_session(client, world, group):
    """Read with the session (led_by_user): the knowledge hook offers a reflection, and the
    page shows the usual participants' names, only to a manager who leads it."""
    session, _sibling = group
    url = reverse("activities:attendance", args=[world.kalmar.code, session.code])
    reflection = reverse("knowledge:reflection_write", args=[world.kalmar.code, session.code])
    client.force_login(world.kalmar_kommun)  # manages activities, leads none, no identities
    html = client.get(url).content.decode()
    assert reflection not in html and "Amina" not in html
    session.activity.leaders.add(world.kalmar_kommun)
    html = client.get(url).content.decode()
    assert reflection in html and "Amina" in html
