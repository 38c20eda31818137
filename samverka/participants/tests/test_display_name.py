"""A participant's display name: encrypted, on the attendance tiles (code beneath) for the
leaders of activities the child attends and for coordinators, found by the filter, never in
exports or the audit trail's values, erased with the participant."""

from datetime import date, time

import pytest
from django.core.cache import cache
from django.urls import reverse

from samverka.activities import services as activity_services
from samverka.activities.models import Activity, Session
from samverka.audit.models import AuditEvent
from samverka.lib import crypto
from samverka.participants.models import Identity, Participant
from samverka.participants.services import display_name_set, participant_create
from tests.test_export_injection import EXPORTS, download, file_problems
from tests.test_url_scoping import kalmar_kwargs

NAME = "Zuhurabibi"


def child(world, **extra):
    values = {
        "collaboration": world.kalmar,
        "by": world.kalmar_ngo,
        "role": "child",
        "birth_year": 2016,
        "gender": "female",
        "third_country_national": "yes",
        "language": "so",
    }
    values.update(extra)
    return participant_create(**values)


@pytest.fixture
def lek(world):
    """An activity led by the Kalmar leader; one child came last week, another never did."""
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
    came = child(world, display_name=NAME)
    never = child(world, display_name="Nooravelle")
    activity_services.attendance_record(session=last, add=[came.pk], by=world.kalmar_ngo)
    return now, came, never


def page(client, world, session, **post):
    url = reverse("activities:attendance", args=[world.kalmar.code, session.code])
    return client.post(url, post) if post else client.get(url)


def test_the_display_name_is_stored_encrypted_and_the_audit_trail_names_only_the_field(world):
    participant = child(world, display_name=NAME)
    identity = Identity.objects.get(participant=participant)
    assert NAME not in identity.display_name_encrypted
    assert identity.display_name == NAME
    display_name_set(participant=participant, display_name="Zuhura", by=world.kalmar_ngo)
    events = AuditEvent.objects.filter(fields=["display_name"])
    assert events.count() == 2
    for event in AuditEvent.objects.all():
        assert "Zuhura" not in f"{event.fields} {event.detail} {event.object_code}"


def test_the_leader_sees_the_name_of_a_child_who_attends_with_the_code_beneath(client, world, lek):
    session, came, _never = lek
    client.force_login(world.kalmar_ledare)
    response = page(client, world, session)
    html = response.content.decode()
    assert response.context["names"] == {came.pk: NAME}
    tile = html.split(f'value="{came.code}"')[1].split("</label>")[0]
    assert tile.index(NAME) < tile.index(came.code)  # the name first, the code beneath
    assert f'data-search="{came.code} {came.household.code} {NAME}"' in html
    assert "Nooravelle" not in html  # never came to an activity this leader leads


def test_the_coordinator_sees_every_name_and_the_municipal_contact_none(client, world, lek):
    session, _came, _never = lek
    client.force_login(world.kalmar_ngo)
    html = page(client, world, session).content.decode()
    assert NAME in html and "Nooravelle" in html
    client.force_login(world.kalmar_kommun)
    html = page(client, world, session).content.decode()
    assert NAME not in html and "Nooravelle" not in html


def test_the_find_button_finds_a_name_the_person_may_see(client, world, lek):
    session, _came, never = lek
    client.force_login(world.kalmar_ngo)
    response = page(client, world, session, action="find", find="noora", version=0)
    assert [t.code for t in response.context["others"]] == [never.code]
    client.force_login(world.kalmar_ledare)
    response = page(client, world, session, action="find", find="noora", version=0)
    assert response.context["others"] == []


def test_a_change_by_someone_who_may_not_see_it_leaves_it_alone(client, world):
    participant = child(world, display_name=NAME)
    client.force_login(world.kalmar_kommun)
    url = reverse("participants:edit", args=[world.kalmar.code, participant.code])
    response = client.get(url)
    assert "display_name" not in response.context["form"].fields
    assert NAME not in response.content.decode()
    client.force_login(world.kalmar_ngo)
    response = client.get(url)
    assert response.context["form"]["display_name"].value() == NAME


def test_the_boden_coordinator_sees_no_kalmar_name(client, world, lek):
    session, _, _ = lek
    client.force_login(world.boden_ngo)
    assert page(client, world, session).status_code == 404


def test_the_name_is_erased_with_the_participant(client, world):
    participant = child(world, display_name=NAME)
    client.force_login(world.kalmar_ngo)
    client.post(
        reverse("participants:erase", args=[world.kalmar.code, participant.code]),
        {"confirm": participant.code},
    )
    assert not Participant.objects.exists() and not Identity.objects.exists()


@pytest.fixture
def nothing_kept():
    """This process's kept names start empty (other tests showed the same name)."""
    crypto._kept.clear()
    yield
    crypto._kept.clear()


@pytest.mark.usefixtures("nothing_kept")
def test_a_name_shown_on_a_page_leaves_the_process_when_erased_or_changed(client, world, lek):
    """Pages keep decrypted names per process; the process that erases or renames forgets the
    name at once, and any other process within crypto.KEPT_SECONDS."""
    session, came, _never = lek
    client.force_login(world.kalmar_ngo)
    assert NAME in page(client, world, session).content.decode()
    assert NAME in crypto._kept.values()
    display_name_set(participant=came, display_name="Ayaanle", by=world.kalmar_ngo)
    assert NAME not in crypto._kept.values()
    html = page(client, world, session).content.decode()
    assert "Ayaanle" in html and NAME not in html
    client.post(
        reverse("participants:erase", args=[world.kalmar.code, came.code]),
        {"confirm": came.code},
    )
    assert "Ayaanle" not in crypto._kept.values()


@pytest.mark.usefixtures("nothing_kept")
def test_names_kept_in_a_process_are_dropped_after_the_time_bound(monkeypatch):
    token = crypto.encrypt(NAME)
    clock = [crypto._kept_since[0] + 1]
    monkeypatch.setattr(crypto.time, "monotonic", lambda: clock[0])
    assert crypto.shown_kept(token) == NAME and NAME in crypto._kept.values()
    clock[0] += crypto.KEPT_SECONDS + 1
    other = crypto.encrypt("Nooravelle")
    assert crypto.shown_kept(other) == "Nooravelle"
    assert NAME not in crypto._kept.values()  # a name not asked for again is gone too


@pytest.mark.usefixtures("nothing_kept")
def test_what_cannot_be_decrypted_is_never_kept(settings):
    settings.FIELD_ENCRYPTION_KEYS = [crypto.Fernet.generate_key().decode()]
    token = crypto.encrypt(NAME)
    settings.FIELD_ENCRYPTION_KEYS = [crypto.Fernet.generate_key().decode()]
    assert crypto.shown_kept(token) != NAME
    assert token not in crypto._kept


@pytest.mark.parametrize(("module", "name", "entry"), EXPORTS)
def test_no_export_carries_a_display_name(module, name, entry, world, login_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    kwargs = {**kalmar_kwargs(name, world), **entry.get("kwargs", {})}
    for participant in Participant.objects.all():
        display_name_set(participant=participant, display_name=NAME, by=None)
    url = reverse(name, kwargs=kwargs)
    if entry.get("query"):
        url += "?" + entry["query"]
    client = login_as(getattr(world, entry.get("persona", "kalmar_ngo")))
    cache.clear()
    method = getattr(client, entry.get("method", "get"))
    filename, content = download(client, method(url, entry.get("data", {})))
    _bad, cells = file_problems(filename, content)
    assert not any(NAME in cell for cell in cells)
    assert NAME.encode() not in content
