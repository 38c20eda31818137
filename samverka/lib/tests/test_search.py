"""Full-text search: Swedish stemming on PostgreSQL, every word on SQLite."""

from django.db import connection

from samverka.activities.models import Activity
from samverka.lib.search import text_search


def _activity(world, name, description):
    return Activity.objects.create(
        collaboration=world.kalmar,
        name=name,
        description=description,
        focus_area=3,
        type="parent_group",
        starts_on="2025-01-01",
    )


def test_a_word_finds_longer_inflections_and_every_word_must_match(world):
    parents = _activity(world, "Föräldragrupp", "Föräldrarna valde tema själva.")
    _activity(world, "Cykelverkstad", "Barnen lagar cyklar.")
    found = text_search(Activity.objects.all(), ["name", "description"], "föräldrar")
    assert list(found) == [parents]
    assert list(text_search(Activity.objects.all(), ["name", "description"], "barnen tema")) == []
    assert text_search(Activity.objects.all(), ["name"], "  ").count() == 2


def test_on_postgresql_a_word_finds_its_other_forms(world):
    if connection.vendor != "postgresql":
        return
    club = _activity(world, "Läxhjälp", "Barnens läxor i biblioteket")
    assert list(text_search(Activity.objects.all(), ["name", "description"], "barn")) == [club]
