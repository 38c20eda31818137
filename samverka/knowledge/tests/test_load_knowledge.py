"""The built-in knowledge installs idempotently (run on every deploy and by the demo)."""

from io import StringIO

import pytest
from django.core.management import call_command

from samverka.knowledge.bank import services
from samverka.knowledge.bank.models import Item, ItemTranslation
from samverka.knowledge.builtin import install
from samverka.knowledge.builtin.methods import METHODS
from samverka.knowledge.builtin.themes import THEMES
from samverka.knowledge.courses.models import Course

pytestmark = pytest.mark.django_db


def _load() -> str:
    out = StringIO()
    call_command("load_knowledge", stdout=out)
    return out.getvalue()


def test_the_built_ins_are_installed_once_published_and_in_english_too():
    first = _load()
    assert "created" in first
    assert Item.objects.filter(kind="method").count() == len(METHODS) == 6
    assert Item.objects.filter(kind="theme_material").count() == len(THEMES)
    assert set(
        Item.objects.filter(kind="theme_material").values_list("theme_category", flat=True)
    ) == {
        "society",
        "health",
        "child_rights",
        "school_work_language",
        "leisure",
    }
    assert all(item.current and item.builtin for item in Item.objects.all())
    assert (
        ItemTranslation.objects.filter(language="en", status="reviewed").count()
        == Item.objects.count()
    )
    impact = Course.objects.get(builtin_key="course-impact")
    assert impact.modules.count() == 11
    model = Course.objects.get(builtin_key="course-collaboration-model")
    assert [m.key for m in model.modules.all()] == [
        "model-receptiveness",
        "model-capacity",
        "model-phases",
        "model-boundary",
    ]
    assert model.modules.get(key="model-phases").materials.exists()
    counts = (Item.objects.count(), Course.objects.count())
    assert "26 unchanged" in _load()
    assert (Item.objects.count(), Course.objects.count()) == counts


def test_a_changed_built_in_text_becomes_a_new_published_version(monkeypatch):
    _load()
    key = "method-excursion"
    types, areas, groups, ages, (title, summary, body), english = METHODS[key]
    changed = {
        **METHODS,
        key: (types, areas, groups, ages, (title, summary, body + "\n\nNytt stycke."), english),
    }
    monkeypatch.setattr(install, "METHODS", changed)
    _load()
    item = Item.objects.get(builtin_key=key)
    assert item.current.number == 2 and "Nytt stycke." in item.body


def test_an_editors_published_change_is_kept_and_the_new_built_in_text_waits_as_a_draft(
    monkeypatch, world
):
    _load()
    key = "method-excursion"
    item = Item.objects.get(builtin_key=key)
    services.item_update(
        item=item,
        title="Vår utflykt",
        summary="",
        body="Vår egen text.",
        publish=True,
        by=world.nationell,
    )
    types, areas, groups, ages, (title, summary, body), english = METHODS[key]
    changed = {
        **METHODS,
        key: (types, areas, groups, ages, (title, summary, body + " Ändrat."), english),
    }
    monkeypatch.setattr(install, "METHODS", changed)
    _load()
    item.refresh_from_db()
    assert item.title == "Vår utflykt" and item.current.number == 2
    latest = item.versions.order_by("-number").first()
    assert latest.number == 3 and not latest.is_published and latest.body.endswith("Ändrat.")


def test_a_course_changed_by_an_editor_is_left_alone(client, world, login_as, monkeypatch):
    _load()
    course = Course.objects.get(builtin_key="course-collaboration-model")
    login_as(world.nationell)
    client.post(
        f"/knowledge/courses/{course.code}/edit/",
        {"title": "Vår samverkanskurs", "summary": "", "audience": ""},
    )
    monkeypatch.setattr(
        install, "COURSES", {k: (t + "!", *rest) for k, (t, *rest) in install.COURSES.items()}
    )
    _load()
    course.refresh_from_db()
    assert course.title == "Vår samverkanskurs" and course.edited
    assert Course.objects.get(builtin_key="course-impact").title.endswith("!")


def test_the_built_in_markdown_renders(client, world, login_as):
    _load()
    login_as(world.kalmar_ledare)
    item = Item.objects.get(builtin_key="method-parent-group")
    page = client.get(f"/knowledge/{item.code}/").content.decode()
    assert "<h2>Så går det till</h2>" in page and "<strong>en gång i veckan</strong>" in page
    english = client.get(f"/knowledge/{item.code}/", {"lang": "en"}).content.decode()
    assert "How it works" in english
