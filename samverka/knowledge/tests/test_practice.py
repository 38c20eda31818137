"""The bank tied to practice: an activity names its methods, a parent group takes themes from
the bank (linked, with their category), and a method shows where it is used as counts only."""

import pytest

from samverka.activities.models import Theme
from samverka.knowledge.bank.models import ActivityMethod, ThemeLink
from samverka.knowledge.tests.conftest import make_activity, make_item

pytestmark = pytest.mark.django_db


def test_a_coordinator_names_the_methods_an_activity_uses(client, world, login_as):
    method = make_item(title="Fritidsklubb")
    activity = make_activity(world.kalmar)
    login_as(world.kalmar_ngo)
    url = f"/c/{world.kalmar.code}/activities/{activity.code}/methods/"
    assert client.post(url, {"items": [method.pk]}).status_code == 302
    assert list(ActivityMethod.objects.values_list("item", flat=True)) == [method.pk]
    page = client.get(f"/c/{world.kalmar.code}/activities/{activity.code}/").content.decode()
    assert f"/knowledge/{method.code}/" in page


def test_only_published_method_cards_can_be_named(client, world, login_as):
    theme = make_item(kind="theme_material", title="Skolan", theme_category="school_work_language")
    draft = make_item(title="Utkast", publish=False)
    activity = make_activity(world.kalmar)
    login_as(world.kalmar_ngo)
    client.post(
        f"/c/{world.kalmar.code}/activities/{activity.code}/methods/",
        {"items": [theme.pk, draft.pk]},
    )
    assert not ActivityMethod.objects.exists()


def test_an_activity_leader_sees_the_methods_but_cannot_change_them(client, world, login_as):
    method = make_item(title="Cykelverkstad")
    activity = make_activity(world.kalmar, leaders=[world.kalmar_ledare])
    ActivityMethod.objects.create(activity=activity, item=method)
    login_as(world.kalmar_ledare)
    page = client.get(f"/c/{world.kalmar.code}/activities/{activity.code}/").content.decode()
    assert "Cykelverkstad" in page and "/methods/" not in page
    url = f"/c/{world.kalmar.code}/activities/{activity.code}/methods/"
    assert client.post(url, {"items": []}).status_code == 403
    assert ActivityMethod.objects.count() == 1


def test_another_collaboration_cannot_change_an_activitys_methods(client, world, login_as):
    method = make_item()
    activity = make_activity(world.kalmar)
    login_as(world.boden_ngo)
    url = f"/c/{world.kalmar.code}/activities/{activity.code}/methods/"
    assert client.post(url, {"items": [method.pk]}).status_code == 404
    url = f"/c/{world.boden.code}/activities/{activity.code}/methods/"
    assert client.post(url, {"items": [method.pk]}).status_code == 404
    assert not ActivityMethod.objects.exists()


def test_a_method_shows_where_it_is_used_as_counts_only(client, world, login_as):
    method = make_item(title="Fritidsklubb")
    for collaboration, name in (
        (world.kalmar, "Klubben"),
        (world.kalmar, "Läxklubben"),
        (world.boden, "Klubben"),
    ):
        ActivityMethod.objects.create(activity=make_activity(collaboration, name=name), item=method)
    login_as(world.kalmar_ledare)
    page = client.get(f"/knowledge/{method.code}/").content.decode()
    assert "3 aktiviteter i 2 kommuner" in page or "3 activities in 2 municipalities" in page
    assert "Boden" not in page and "Läxklubben" not in page


def test_a_parent_group_takes_a_theme_from_the_bank_and_stays_linked(client, world, login_as):
    theme = make_item(kind="theme_material", title="Vården i Sverige", theme_category="health")
    group = make_activity(world.kalmar, name="Föräldragruppen", type="parent_group")
    login_as(world.kalmar_ngo)
    response = client.post(
        f"/c/{world.kalmar.code}/activities/{group.code}/themes/from-bank/",
        {"item": theme.pk, "planned_for": "2025-04-02"},
    )
    assert response.status_code == 302
    planned = Theme.objects.get(activity=group)
    assert planned.title == "Vården i Sverige" and str(planned.planned_for) == "2025-04-02"
    assert ThemeLink.objects.get(theme=planned).item == theme
    page = client.get(f"/c/{world.kalmar.code}/activities/{group.code}/").content.decode()
    assert f"/knowledge/{theme.code}/" in page
    assert "Hälsa och välmående" in page or "Health and wellbeing" in page
    item_page = client.get(f"/knowledge/{theme.code}/").content.decode()
    assert "1 föräldragrupps plan" in item_page or "1 parent group's plan" in item_page


def test_a_theme_from_the_bank_is_refused_for_an_activity_that_is_not_a_parent_group(
    client, world, login_as
):
    theme = make_item(kind="theme_material", title="Vården", theme_category="health")
    club = make_activity(world.kalmar)
    login_as(world.kalmar_ngo)
    client.post(
        f"/c/{world.kalmar.code}/activities/{club.code}/themes/from-bank/", {"item": theme.pk}
    )
    assert not Theme.objects.exists()


def test_a_method_card_cannot_be_taken_as_a_theme(client, world, login_as):
    method = make_item(title="Fritidsklubb")
    group = make_activity(world.kalmar, name="Föräldragruppen", type="parent_group")
    login_as(world.kalmar_ngo)
    client.post(
        f"/c/{world.kalmar.code}/activities/{group.code}/themes/from-bank/", {"item": method.pk}
    )
    assert not Theme.objects.exists()
