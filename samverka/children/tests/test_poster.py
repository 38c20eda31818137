"""The "Ni sa – vi gjorde" poster: made from the decisions, translated with a status per
language, printable in Arabic right to left, and as a PDF whose text reads back."""

from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from samverka.children.models import Poster, PosterTranslation
from samverka.children.poster import selectors, services


def _url(world, name, **kwargs):
    return reverse(f"children:{name}", kwargs={"code": world.kalmar.code, **kwargs})


def _poster(world, consultation):
    return services.poster_create(
        collaboration=world.kalmar,
        consultation=consultation,
        title="Ni sa – vi gjorde",
        languages=["ar"],
        by=world.kalmar_ngo,
    )


def test_a_poster_starts_from_the_decisions_with_a_picture_for_each(world, login_as, consultation):
    response = login_as(world.kalmar_ngo).post(
        _url(world, "poster_create"),
        {"consultation": consultation.pk, "title": "Ni sa – vi gjorde", "languages": ["ar", "prs"]},
    )
    poster = Poster.objects.get()
    assert response.status_code == 302
    assert poster.ordered_languages() == ["sv", "ar", "prs"]
    item = poster.items.get()
    assert (item.said, item.did, item.icon, item.state) == (
        "Fotboll på fredagar",
        "Fotboll varje fredag från maj",
        "ball",
        "working",
    )


def test_a_term_poster_needs_both_dates(world, login_as):
    response = login_as(world.kalmar_ngo).post(
        _url(world, "poster_create"), {"term_starts_on": "2025-01-10", "title": "Ni sa"}
    )
    assert response.status_code == 400
    assert not Poster.objects.exists()


def test_each_language_has_its_translation_status(world, consultation):
    poster = _poster(world, consultation)
    item = poster.items.get()
    assert selectors.language_state(poster, "sv") == "reviewed"
    assert selectors.language_state(poster, "ar") == "missing"
    services.poster_translation_save(
        poster=poster,
        language="ar",
        title="قلتم – فعلنا",
        items={item.code: ("نريد كرة القدم", "")},
        status="draft",
        by=world.kalmar_ngo,
    )
    assert selectors.language_state(poster, "ar") == "missing"
    services.poster_translation_save(
        poster=poster,
        language="ar",
        title="قلتم – فعلنا",
        items={item.code: ("نريد كرة القدم", "نلعب كل يوم جمعة")},
        status="draft",
        by=world.kalmar_ngo,
    )
    assert selectors.language_state(poster, "ar") == "draft"
    # English: both its fixed words and the poster's texts can be reviewed.
    services.poster_translation_save(
        poster=poster,
        language="en",
        title="You said – we did",
        items={item.code: ("More football", "Football every Friday")},
        status="reviewed",
        by=world.kalmar_ngo,
    )
    assert selectors.language_state(poster, "en") == "reviewed"
    # Arabic's fixed words are not checked by a translator yet, so it stays a draft.
    services.poster_translation_save(
        poster=poster,
        language="ar",
        title="قلتم – فعلنا",
        items={item.code: ("نريد كرة القدم", "نلعب كل يوم جمعة")},
        status="reviewed",
        by=world.kalmar_ngo,
    )
    assert selectors.language_state(poster, "ar") == "draft"


def test_an_incomplete_translation_cannot_be_marked_reviewed(world, login_as, consultation):
    poster = _poster(world, consultation)
    item = poster.items.get()
    response = login_as(world.kalmar_ngo).post(
        _url(world, "poster_translate", poster_code=poster.code, lang="ar"),
        {
            "title": "قلتم",
            f"said_{item.code}": "نريد",
            f"did_{item.code}": "",
            "status": "reviewed",
        },
    )
    assert response.status_code == 400
    assert not PosterTranslation.objects.exists()


def test_the_arabic_poster_is_right_to_left(world, login_as, consultation):
    poster = _poster(world, consultation)
    item = poster.items.get()
    services.poster_translation_save(
        poster=poster,
        language="ar",
        title="قلتم – فعلنا",
        items={item.code: ("نريد كرة القدم", "نلعب كل يوم جمعة")},
        status="draft",
        by=world.kalmar_ngo,
    )
    body = (
        login_as(world.kalmar_ledare)
        .get(_url(world, "poster_print", poster_code=poster.code) + "?lang=ar")
        .content.decode()
    )
    assert 'class="kids-poster" lang="ar" dir="rtl"' in body
    assert "نلعب كل يوم جمعة" in body and "قلتم" in body
    assert "img/children/ball.svg" in body


def test_the_pdf_reads_back_in_swedish(world, login_as, consultation):
    poster = _poster(world, consultation)
    response = login_as(world.kalmar_ngo).get(
        _url(world, "poster_pdf", poster_code=poster.code) + "?lang=sv"
    )
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Ni sa" in text and "Fotboll varje fredag från maj" in text
    assert "Vi jobbar på det" in text


def test_the_pdf_of_every_language_has_a_page_each(world, login_as, consultation):
    poster = _poster(world, consultation)
    item = poster.items.get()
    services.poster_translation_save(
        poster=poster,
        language="en",
        title="You said – we did",
        items={item.code: ("More football", "Football every Friday")},
        status="reviewed",
        by=world.kalmar_ngo,
    )
    response = login_as(world.kalmar_ngo).get(
        _url(world, "poster_pdf", poster_code=poster.code) + "?lang=all"
    )
    reader = PdfReader(BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 2  # Swedish and English; Arabic has no texts yet
    assert "Football every Friday" in text and "We are working on it" in text


def test_a_poster_line_with_a_participant_code_is_refused(world, login_as, consultation):
    from samverka.participants.models import Household

    household = Household.objects.create(collaboration=world.kalmar)
    poster = _poster(world, consultation)
    item = poster.items.get()
    response = login_as(world.kalmar_ngo).post(
        _url(world, "poster_edit", poster_code=poster.code),
        {
            "title": "Ni sa",
            "item-TOTAL_FORMS": "1",
            "item-INITIAL_FORMS": "1",
            "item-0-code": item.code,
            "item-0-icon": "ball",
            "item-0-said": f"{household.code} vill spela",
            "item-0-did": "Fotboll",
            "item-0-state": "done",
        },
    )
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.said == "Fotboll på fredagar"


def test_researchers_see_the_poster_but_cannot_change_it(world, login_as, consultation):
    poster = _poster(world, consultation)
    client = login_as(world.forskare)
    assert client.get(_url(world, "poster", poster_code=poster.code)).status_code == 200
    assert client.get(_url(world, "poster_edit", poster_code=poster.code)).status_code == 403
    assert client.post(_url(world, "poster_delete", poster_code=poster.code)).status_code == 403
    assert (
        login_as(world.boden_ngo)
        .get(_url(world, "poster_print", poster_code=poster.code))
        .status_code
        == 404
    )
