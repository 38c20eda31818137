"""The national lessons library (/lessons/): shared lessons only, for every logged-in person,
searchable (Swedish stemming on PostgreSQL, every word on SQLite) and filtered by tags."""

import pytest
from django.db import connection
from django.urls import reverse

from samverka.memory.lessons.models import Lesson

SHARED = "2025-05-01T10:00:00Z"


def _lesson(collaboration, title, learned, shared=True, **tags):
    return Lesson.objects.create(
        collaboration=collaboration,
        title=title,
        learned=learned,
        shared_at=SHARED if shared else None,
        **tags,
    )


def _titles(response) -> list[str]:
    return [lesson.title for lesson in response.context["page"].object_list]


def test_the_library_lists_shared_lessons_with_their_municipality_and_collaboration(
    world, login_as
):
    _lesson(world.kalmar, "Tolk från start", "Föräldrarna kom tillbaka.")
    _lesson(world.boden, "En ersättare för varje nyckelperson", "Allt fanns i en telefon.")
    _lesson(world.kalmar, "Inte delad", "Bara för Kalmar.", shared=False)
    for user in (world.boden_kommun, world.kalmar_partner_user, world.forskare, world.nationell):
        response = login_as(user).get(reverse("memory:library"))
        assert sorted(_titles(response)) == [
            "En ersättare för varje nyckelperson",
            "Tolk från start",
        ]
        body = response.content.decode()
        assert "Kalmar · Barn i fokus Kalmar" in body and "Boden · Barn i fokus Boden" in body
        assert "Bara för Kalmar" not in body


def test_anyone_logged_in_reads_a_shared_lesson_and_no_one_an_unshared_one(world, login_as, client):
    shared = _lesson(world.kalmar, "Tolk från start", "Föräldrarna kom tillbaka.")
    hidden = _lesson(world.kalmar, "Inte delad", "Bara för Kalmar.", shared=False)
    reader = login_as(world.boden_ngo)
    page = reader.get(reverse("memory:library_lesson", args=[shared.code]))
    assert page.status_code == 200 and "Från Barn i fokus Kalmar, Kalmar" in page.content.decode()
    assert reader.get(reverse("memory:library_lesson", args=[hidden.code])).status_code == 404
    client.logout()
    assert client.get(reverse("memory:library")).status_code == 302


def test_a_word_finds_its_longer_inflections(world, login_as):
    _lesson(world.kalmar, "Tema", "Föräldrarna valde tema själva.")
    _lesson(world.boden, "Cykelverkstad", "Barnen lagade cyklar.")
    client = login_as(world.boden_ngo)
    assert _titles(client.get(reverse("memory:library"), {"q": "föräldrar"})) == ["Tema"]
    assert _titles(client.get(reverse("memory:library"), {"q": "föräldrar cyklar"})) == []


def test_on_postgresql_swedish_stemming_finds_the_other_forms(world, login_as):
    if connection.vendor != "postgresql":
        pytest.skip("full-text search with stemming is PostgreSQL's")
    _lesson(world.kalmar, "Barnen", "Barnens röst hördes i nämnden.")
    _lesson(world.kalmar, "Föräldraträffar", "Vi hade träffar med föräldrar varje vecka.")
    client = login_as(world.boden_ngo)
    assert _titles(client.get(reverse("memory:library"), {"q": "barn"})) == ["Barnen"]
    # "föräldrarna" is a longer form: only stemming finds the shorter "föräldrar".
    assert _titles(client.get(reverse("memory:library"), {"q": "föräldrarna"})) == [
        "Föräldraträffar"
    ]


def test_the_library_is_filtered_by_tags_and_municipality(world, login_as):
    _lesson(world.kalmar, "Tolk", "a", focus_area=3, added_value="emotional", phase="transition")
    _lesson(world.boden, "Ersättare", "b", focus_area=1, added_value="functional")
    client = login_as(world.kalmar_ngo)
    url = reverse("memory:library")
    assert _titles(client.get(url, {"focus_area": "3"})) == ["Tolk"]
    assert _titles(client.get(url, {"added_value": "functional"})) == ["Ersättare"]
    assert _titles(client.get(url, {"phase": "transition", "focus_area": "1"})) == []
    assert _titles(client.get(url, {"municipality": "2582"})) == ["Ersättare"]
    # An unknown tag value is ignored rather than failing.
    assert len(_titles(client.get(url, {"focus_area": "x"}))) == 2


def test_the_library_pages_keep_the_search(world, login_as):
    for number in range(25):
        _lesson(world.kalmar, f"Lärdom {number:02d}", "Om föräldrarna.")
    response = login_as(world.kalmar_ngo).get(reverse("memory:library"), {"q": "föräldrar"})
    assert len(_titles(response)) == 20
    assert "q=f%C3%B6r%C3%A4ldrar&amp;page=2" in response.content.decode()


def test_the_national_lead_takes_a_lesson_out_of_the_library(world, login_as):
    lesson = _lesson(world.kalmar, "Tolk", "a")
    withdraw = reverse("memory:library_withdraw", args=[lesson.code])
    assert login_as(world.kalmar_ngo).post(withdraw).status_code == 404
    lesson.refresh_from_db()
    assert lesson.is_shared
    login_as(world.nationell).post(withdraw)
    lesson.refresh_from_db()
    assert not lesson.is_shared and Lesson.objects.filter(pk=lesson.pk).exists()
