"""A page's question blocks before anything on it is answered are drawn once per published
version, page, link and language (respond/views.py `_blank_questions`): what the memo gives is
what the page draws afresh, in every language, for each link, and a changed survey is seen."""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from samverka.surveys.instruments.services.recordings import audio_save
from samverka.surveys.respond import views
from samverka.surveys.respond.models import Response
from samverka.surveys.rounds.models import RespondentLink
from samverka.surveys.tests.factories import make_round, make_version

FIRST_QUESTION = {
    "sv": "Jag har vänner här.",
    "en": "I have friends here.",
    "ar": "لدي أصدقاء هنا.",
}


def start(client, link, language) -> Response:
    answer = client.post(reverse("surveys:respond", args=[link.code]), {"language": language})
    assert answer.status_code == 302
    return Response.objects.filter(link=link).latest("id")


def page(client, response, number=1) -> str:
    url = reverse("surveys:respond_page", args=[response.link.code, response.token, number])
    answer = client.get(url)
    assert answer.status_code == 200
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", answer.content.decode())


@pytest.fixture
def survey_round(world):
    return make_round(world.kalmar, languages=["sv", "en", "ar"])


def test_the_kept_blocks_are_the_page_drawn_afresh_in_every_language(client, survey_round):
    link = survey_round.links.get(organisation__isnull=True)
    for language, question in FIRST_QUESTION.items():
        response = start(client, link, language)
        views._blank.clear()
        fresh = page(client, response)
        kept = page(client, response)  # from the memo
        assert kept == fresh
        assert question in kept
        assert [q for q in FIRST_QUESTION.values() if q in kept] == [question]
    # the memo holds one page per language: a Swedish page never answers an Arabic respondent
    for language, question in FIRST_QUESTION.items():
        assert question in page(client, start(client, link, language))
    assert {key[-1] for key in views._blank} == set(FIRST_QUESTION)


def test_answers_are_stored_and_an_answered_page_is_drawn_with_them(client, survey_round):
    link = survey_round.links.get(organisation__isnull=True)
    response = start(client, link, "ar")
    url = reverse("surveys:respond_page", args=[link.code, response.token, 1])
    assert client.post(url, {"a-T-NET-01": "4", "go": "next"}).status_code == 302
    response.refresh_from_db()
    assert [v for rows in response.draft.values() for v, _n, _t in rows] == ["4"]
    body = page(client, response)
    assert re.search(r'name="a-T-NET-01" value="4" checked', body)
    assert "checked" not in page(client, start(client, link, "ar"))  # the next respondent's


def test_a_draft_versions_questions_are_never_kept(client, world):
    survey_round = make_round(world.kalmar, make_version(published=False))
    link = survey_round.links.get(organisation__isnull=True)
    response = start(client, link, "sv")
    assert "Jag har vänner här." in page(client, response)
    survey_round.version.items.filter(item_id="T-NET-01").update(text={"sv": "Ändrad fråga."})
    body = page(client, response)
    assert "Ändrad fråga." in body and "Jag har vänner här." not in body


def test_each_link_and_a_new_recording_get_their_own_blocks(
    client, world, survey_round, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    general = survey_round.links.get(organisation__isnull=True)
    partner = RespondentLink.objects.create(round=survey_round, organisation=world.kalmar_partner)
    before = page(client, start(client, general, "ar"))
    assert "<audio" not in before
    item = survey_round.version.items.get(item_id="T-NET-01")
    upload = ContentFile(b"OggS-test-recording", name="fraga.ogg")
    audio_save(item=item, by=None, language="ar", upload=upload, content_type="audio/ogg")
    for link in (general, partner):
        url = reverse("surveys:respond_audio", args=[link.code, "T-NET-01", "ar"])
        assert f'src="{url}"' in page(client, start(client, link, "ar"))


def test_the_kept_language_and_thank_you_pages_are_those_drawn_afresh(client, world, survey_round):
    """Both hold nothing of a respondent's, so each is kept whole: per link, the round's
    languages and the lead organisation's name; the thank-you page also per language and
    whether a card code was given."""
    general = survey_round.links.get(organisation__isnull=True)
    partner = RespondentLink.objects.create(round=survey_round, organisation=world.kalmar_partner)
    pages_of = {}
    for link in (general, partner):
        urls = [reverse("surveys:respond", args=[link.code])]
        done = reverse("surveys:respond_done", args=[link.code])
        urls += [f"{done}?lang={code}" for code in ("sv", "en", "ar")] + [f"{done}?lang=sv&code=1"]
        for url in urls:
            views._blank.clear()
            fresh = client.get(url).content.decode()
            kept = client.get(url).content.decode()  # from the memo
            assert kept == fresh
            pages_of[url] = kept
    thanks = {url: html for url, html in pages_of.items() if "/done/" in url}
    assert len(set(thanks.values())) == len(thanks)  # each link, language and code its own
    # A round that offers another language is seen at once (the languages are in the key).
    survey_round.languages = ["sv", "en"]
    survey_round.save(update_fields=["languages"])
    choice = client.get(reverse("surveys:respond", args=[general.code])).content.decode()
    assert 'value="ar"' not in choice and 'value="en"' in choice
