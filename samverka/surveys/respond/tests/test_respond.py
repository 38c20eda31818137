"""The respondent's pages at /s/<code>: language choice, pages, conditions, sending once,
linking to a participant only with consent, closed rounds, audio, page size, draft purge."""

import re
import string
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samverka.activities.models import Activity
from samverka.audit.models import AuditEvent
from samverka.lib.languages import LANGUAGE_CODES, Shipped, is_reviewed
from samverka.participants.services import consent_record, participant_create
from samverka.surveys.instruments.models import ItemAudio, ItemType, Section
from samverka.surveys.respond.models import Answer, Response
from samverka.surveys.respond.respondent_texts import KEYS, TEXTS
from samverka.surveys.rounds.models import RespondentLink
from samverka.surveys.tests.factories import add_item, make_round, make_version, t

PAGE_LIMIT = 50_000

PAGE_1 = {
    "a-T-NET-01": "4",
    "a-T-NET-02": "5",
    "a-T-NET-03": "yes",
    "a-T-NET-04": "full",
    "go": "next",
}
PAGE_2 = {
    "a-T-ABT-01": ["school", "library"],
    "a-T-ABT-02": "35",
    "a-T-ABT-03": "Bra aktiviteter.",
    "go": "next",
}


@pytest.fixture
def survey_round(world):
    return make_round(world.kalmar)


def link_of(round_) -> RespondentLink:
    return round_.links.get(organisation__isnull=True)


def start(client, round_, language="sv") -> Response:
    link = link_of(round_)
    answer = client.post(reverse("surveys:respond", args=[link.code]), {"language": language})
    assert answer.status_code == 302
    response = Response.objects.filter(round=round_).latest("id")
    assert answer["Location"] == page_url(response, 1)
    return response


def page_url(response, page) -> str:
    return reverse("surveys:respond_page", args=[response.link.code, response.token, page])


def finish_url(response) -> str:
    return reverse("surveys:respond_finish", args=[response.link.code, response.token])


def answers_of(response) -> dict:
    """Item id -> answers: a draft's from its row, a sent response's from its Answer rows."""
    response.refresh_from_db()
    if response.submitted_at is None:
        assert not Answer.objects.filter(response=response).exists()  # a draft has none
        item_ids = dict(response.version.items.values_list("pk", "item_id"))
        rows = [
            (item_ids[int(pk)], value, number, text)
            for pk, answers in response.draft.items()
            for value, number, text in answers
        ]
    else:
        assert response.draft == {}
        rows = [
            (a.item.item_id, a.value, a.number, a.text)
            for a in Answer.objects.filter(response=response).select_related("item").order_by("id")
        ]
    result = {}
    for item_id, value, number, text in rows:
        result.setdefault(item_id, []).append(value or (number if number is not None else text))
    return result


# ------------------------------------------------------------------------ language choice


def test_language_choice_offers_the_round_languages_and_says_what_happens(client, survey_round):
    link = link_of(survey_round)
    answer = client.get(reverse("surveys:respond", args=[link.code]))
    assert answer.status_code == 200
    body = answer.content.decode()
    for native in ("Svenska", "English", "العربية"):
        assert f">{native}</button>" in body
    assert "Soomaali" not in body  # not a language of this round
    assert 'dir="rtl"' in body  # the Arabic button and texts
    assert "Vad händer med dina svar?" in body
    assert "minst 5 personer" in body
    assert "Enkät från Barnkraft Kalmar" in body
    assert "Barn i fokus Kalmar" not in body
    assert survey_round.title not in body
    assert "no-store" in answer["Cache-Control"]
    assert "<script" not in body and "style=" not in body


def test_link_code_is_case_insensitive_and_unknown_code_is_404(client, survey_round):
    link = link_of(survey_round)
    assert client.get(f"/s/{link.code.lower()}/").status_code == 200
    assert client.get("/s/ZZZZZZ/").status_code == 404


def test_choosing_a_language_not_of_the_round_starts_nothing(client, survey_round):
    link = link_of(survey_round)
    answer = client.post(reverse("surveys:respond", args=[link.code]), {"language": "so"})
    assert answer.status_code == 200
    assert not Response.objects.exists()


def test_choosing_a_language_starts_a_draft_with_link_organisation_and_activity(client, world):
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Föräldragruppen",
        focus_area=3,
        type="parent_group",
        starts_on=timezone.localdate(),
    )
    round_ = make_round(world.kalmar, activity=activity)
    partner_link = RespondentLink.objects.create(round=round_, organisation=world.kalmar_partner)
    client.post(reverse("surveys:respond", args=[partner_link.code]), {"language": "en"})
    response = Response.objects.get()
    assert response.link == partner_link
    assert response.organisation == world.kalmar_partner
    assert response.activity == activity
    assert response.version == round_.version
    assert response.language == "en"
    assert response.submitted_at is None


# ----------------------------------------------------------------------------- the flow


def test_whole_flow_in_arabic(client, survey_round):
    response = start(client, survey_round, "ar")

    first = client.get(page_url(response, 1))
    body = first.content.decode()
    assert first.status_code == 200
    assert '<html lang="ar" dir="rtl">' in body
    assert "لدي أصدقاء هنا." in body  # the question in Arabic
    assert "الصفحة 1 من 2" in body  # progress
    assert "التالي" in body and "رجوع" in body
    assert "no-store" in first["Cache-Control"]
    assert "faces/5.svg" in body
    assert 'value="dk"' in body

    answer = client.post(page_url(response, 1), PAGE_1)
    assert answer["Location"] == page_url(response, 2)

    second = client.get(page_url(response, 2))
    assert '<html lang="ar" dir="rtl">' in second.content.decode()
    assert 'inputmode="numeric"' in second.content.decode()
    # Arabic-Indic digits are numbers too.
    answer = client.post(page_url(response, 2), {**PAGE_2, "a-T-ABT-02": "٣٥"})
    assert answer["Location"] == finish_url(response)

    finish = client.get(finish_url(response))
    assert '<html lang="ar" dir="rtl">' in finish.content.decode()
    assert "أجبت على 7 من أصل 7 أسئلة." in finish.content.decode()
    sent = client.post(finish_url(response), {"participant_code": "", "go": "send"})
    done_url = reverse("surveys:respond_done", args=[response.link.code]) + "?lang=ar"
    assert sent["Location"] == done_url

    done = client.get(done_url)
    body = done.content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert "شكراً لك!" in body
    assert response.token not in body
    assert set(client.cookies) <= {settings.CSRF_COOKIE_NAME}

    response.refresh_from_db()
    assert response.submitted_at is not None
    assert response.language == "ar"
    assert response.participant is None
    assert response.age_band == "18-64"
    assert answers_of(response) == {
        "T-NET-01": ["4"],
        "T-NET-02": ["5"],
        "T-NET-03": ["yes"],
        "T-NET-04": ["full"],
        "T-ABT-01": ["school", "library"],
        "T-ABT-02": [35],
        "T-ABT-03": ["Bra aktiviteter."],
    }


def test_answers_are_shown_again_when_going_back(client, survey_round):
    response = start(client, survey_round)
    client.post(page_url(response, 1), PAGE_1)
    back = client.post(page_url(response, 2), {**PAGE_2, "go": "back"})
    assert back["Location"] == page_url(response, 1)
    body = client.get(page_url(response, 1)).content.decode()
    assert re.search(r'name="a-T-NET-03" value="yes" checked', body)
    body = client.get(page_url(response, 2)).content.decode()
    assert 'value="35"' in body
    assert "Bra aktiviteter.</textarea>" in body


def test_back_from_the_first_page_returns_to_the_language_choice(client, survey_round):
    response = start(client, survey_round)
    answer = client.post(page_url(response, 1), {"go": "back"})
    assert answer["Location"] == reverse("surveys:respond", args=[response.link.code])


def test_nothing_is_required_unless_the_item_says_so(client, survey_round):
    response = start(client, survey_round)
    assert client.post(page_url(response, 1), {"go": "next"})["Location"] == page_url(response, 2)
    assert client.post(page_url(response, 2), {"go": "next"})["Location"] == finish_url(response)
    client.post(finish_url(response), {"go": "send"})
    response.refresh_from_db()
    assert response.submitted_at is not None
    assert response.age_band == "unknown"
    assert not Answer.objects.filter(response=response).exists()


def test_dont_know_is_stored_as_its_own_answer(client, survey_round):
    version = survey_round.version
    version.items.filter(item_id="T-ABT-02").update(allow_dont_know=True)
    response = start(client, survey_round)
    body = client.get(page_url(response, 2)).content.decode()
    assert 'name="dk-T-ABT-02" value="dk"' in body
    client.post(page_url(response, 1), {"a-T-NET-01": "dk", "go": "next"})
    client.post(page_url(response, 2), {"a-T-ABT-02": "12", "dk-T-ABT-02": "dk", "go": "next"})
    assert answers_of(response) == {"T-NET-01": ["dk"], "T-ABT-02": ["dk"]}


# ---------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("page", "data", "message"),
    [
        (2, {"a-T-ABT-02": "130"}, "Skriv ett tal från 0 till 120."),
        (2, {"a-T-ABT-02": "tre"}, "Skriv ett tal med bara siffror."),
        (2, {"a-T-ABT-03": "x" * 1001}, "Skriv högst 1000 tecken."),
        (2, {"a-T-ABT-01": ["school", "moon"]}, "Välj ett av svaren."),
        (1, {"a-T-NET-01": "7"}, "Välj ett av svaren."),
        (1, {"a-T-NET-03": ["yes", "no"]}, "Välj ett av svaren."),
        (1, {"a-T-NET-01": ["4", "dk"]}, "Välj ett av svaren."),
    ],
)
def test_bad_input_shows_the_page_again_and_saves_nothing(
    client, survey_round, page, data, message
):
    response = start(client, survey_round)
    client.post(page_url(response, page), {"a-T-NET-02": "3", "a-T-ABT-03": "Före", "go": "next"})
    before = answers_of(response)
    answer = client.post(page_url(response, page), {**data, "a-T-NET-02": "1", "go": "next"})
    assert answer.status_code == 200
    body = answer.content.decode()
    assert message in body
    assert "Titta på de markerade frågorna." in body
    assert 'class="q q-has-error"' in body
    assert answers_of(response) == before


def test_bad_input_message_is_in_the_respondents_language(client, survey_round):
    response = start(client, survey_round, "ar")
    answer = client.post(page_url(response, 2), {"a-T-ABT-02": "-4", "go": "next"})
    assert "اكتب رقماً من 0 إلى 120." in answer.content.decode()
    assert answers_of(response) == {}


def test_a_required_item_must_be_answered_to_go_on_but_not_to_go_back(client, survey_round):
    survey_round.version.items.filter(item_id="T-NET-02").update(required=True)
    response = start(client, survey_round)
    body = client.get(page_url(response, 1)).content.decode()
    assert "(Måste besvaras)" in body
    answer = client.post(page_url(response, 1), {"a-T-NET-01": "2", "go": "next"})
    assert answer.status_code == 200
    assert "Svara på den här frågan." in answer.content.decode()
    assert answers_of(response) == {}
    answer = client.post(page_url(response, 1), {"a-T-NET-01": "2", "go": "back"})
    assert answer.status_code == 302
    assert answers_of(response) == {"T-NET-01": ["2"]}


def test_sending_refuses_an_unanswered_required_item_and_points_to_its_page(client, survey_round):
    survey_round.version.items.filter(item_id="T-ABT-03").update(required=True)
    response = start(client, survey_round)
    answer = client.post(finish_url(response), {"go": "send"})
    assert answer.status_code == 200
    body = answer.content.decode()
    assert "Några frågor måste besvaras innan du skickar." in body
    assert page_url(response, 2) in body
    response.refresh_from_db()
    assert response.submitted_at is None


# ---------------------------------------------------------------------------- conditions


def test_same_page_condition_shows_a_note_and_a_hidden_answer_is_dropped_at_sending(
    client, survey_round
):
    response = start(client, survey_round)
    body = client.get(page_url(response, 1)).content.decode()
    assert "Svara bara om du valde ”Ja” ovanför." in body
    assert 'data-condition="a-T-NET-03" data-condition-values="yes"' in body
    client.post(page_url(response, 1), {**PAGE_1, "a-T-NET-03": "no", "a-T-NET-04": "part"})
    assert answers_of(response)["T-NET-04"] == ["part"]  # kept while the respondent may go back
    client.post(finish_url(response), {"go": "send"})
    response.refresh_from_db()
    assert response.submitted_at is not None
    assert "T-NET-04" not in answers_of(response)
    assert answers_of(response)["T-NET-03"] == ["no"]


def test_a_question_hidden_by_an_answer_on_its_page_is_neither_checked_nor_required(
    client, survey_round
):
    survey_round.version.items.filter(item_id="T-NET-04").update(required=True)
    response = start(client, survey_round)
    answer = client.post(page_url(response, 1), {"a-T-NET-03": "no", "a-T-NET-04": "moon"})
    assert answer["Location"] == page_url(response, 2)
    assert answers_of(response) == {"T-NET-03": ["no"]}
    answer = client.post(page_url(response, 1), {"a-T-NET-03": "yes", "go": "next"})
    assert "Svara på den här frågan." in answer.content.decode()


@pytest.fixture
def chained_round(world):
    """T-NET-04 moves to page 2 (its condition T-NET-03 is on page 1); page 3 holds only an
    item that depends on T-NET-03 too."""
    version = make_version()
    second = version.sections.get(key="about")
    version.items.filter(item_id="T-NET-04").update(section=second, position=9)
    third = Section.objects.create(
        version=version, key="work", position=2, title=t("Arbete", "Work", "العمل")
    )
    add_item(
        third,
        "T-WRK-01",
        ItemType.AGREEMENT,
        t("Jag trivs på jobbet.", "I like my work.", "أحب عملي."),
        condition_item=version.items.get(item_id="T-NET-03"),
        condition_values=["yes"],
    )
    return make_round(world.kalmar, version)


def test_condition_on_an_earlier_page_skips_the_item_and_an_empty_page(client, chained_round):
    response = start(client, chained_round)
    client.post(page_url(response, 1), {"a-T-NET-03": "no", "go": "next"})
    body = client.get(page_url(response, 2)).content.decode()
    assert "Hur många timmar?" not in body
    assert "Svara bara om" not in body
    # Page 3 has nothing to show: next goes straight to sending, and page 3 itself moves on.
    assert client.post(page_url(response, 2), {"go": "next"})["Location"] == finish_url(response)
    assert client.get(page_url(response, 3))["Location"] == finish_url(response)
    assert "Sida 2 av 3" in body
    # Back from sending skips the empty page too.
    assert client.post(finish_url(response), {"go": "back"})["Location"] == page_url(response, 2)


def test_condition_met_on_an_earlier_page_shows_the_item_without_a_note(client, chained_round):
    response = start(client, chained_round)
    client.post(page_url(response, 1), {"a-T-NET-03": "yes", "go": "next"})
    body = client.get(page_url(response, 2)).content.decode()
    assert "Hur många timmar?" in body
    assert "Svara bara om" not in body
    assert client.post(page_url(response, 2), {"a-T-NET-04": "part", "go": "next"})[
        "Location"
    ] == page_url(response, 3)


def test_changing_an_earlier_answer_drops_the_later_dependent_answers(client, chained_round):
    response = start(client, chained_round)
    client.post(page_url(response, 1), {"a-T-NET-03": "yes", "go": "next"})
    client.post(page_url(response, 2), {"a-T-NET-04": "part", "go": "next"})
    client.post(page_url(response, 3), {"a-T-WRK-01": "5", "go": "next"})
    client.post(page_url(response, 1), {"a-T-NET-03": "no", "go": "next"})
    client.post(finish_url(response), {"go": "send"})
    assert answers_of(response) == {"T-NET-03": ["no"]}


# ------------------------------------------------------------------------- sending once


def test_double_tap_and_resend_make_one_submitted_response(client, survey_round):
    response = start(client, survey_round)
    client.post(page_url(response, 1), PAGE_1)
    first = client.post(finish_url(response), {"go": "send"})
    response.refresh_from_db()
    sent_at = response.submitted_at
    again = client.post(finish_url(response), {"go": "send", "participant_code": "ABC234"})
    assert again.status_code == 302
    assert again["Location"] == first["Location"]
    # A page resent after sending changes nothing either.
    late = client.post(page_url(response, 1), {"a-T-NET-01": "1", "go": "next"})
    assert late["Location"].startswith(reverse("surveys:respond_done", args=[response.link.code]))
    response.refresh_from_db()
    assert response.submitted_at == sent_at
    assert response.participant is None
    assert answers_of(response)["T-NET-01"] == ["4"]
    assert Response.objects.filter(submitted_at__isnull=False).count() == 1
    events = AuditEvent.objects.filter(object_type="surveys.response", action="create")
    assert events.count() == 1
    assert events.get().collaboration_code == survey_round.collaboration.code


def test_a_sent_responses_pages_lead_to_the_thank_you_page(client, survey_round):
    response = start(client, survey_round, "en")
    client.post(finish_url(response), {"go": "send"})
    done = reverse("surveys:respond_done", args=[response.link.code]) + "?lang=en"
    assert client.get(page_url(response, 1))["Location"] == done
    assert client.get(finish_url(response))["Location"] == done


def test_a_token_of_another_link_or_round_is_404(client, world, survey_round):
    response = start(client, survey_round)
    other_round = make_round(world.kalmar)
    other = link_of(other_round)
    partner = RespondentLink.objects.create(round=survey_round, organisation=world.kalmar_partner)
    for link in (other, partner):
        assert client.get(f"/s/{link.code}/{response.token}/1/").status_code == 404
        assert client.post(f"/s/{link.code}/{response.token}/send/").status_code == 404
    assert client.get(f"/s/{response.link.code}/not-a-token/1/").status_code == 404
    assert client.get(page_url(response, 3)).status_code == 404


def test_the_next_respondent_on_a_shared_tablet_starts_afresh(client, survey_round):
    response = start(client, survey_round)
    client.post(page_url(response, 1), PAGE_1)
    client.post(finish_url(response), {"go": "send"})
    done = client.get(reverse("surveys:respond_done", args=[response.link.code]))
    body = done.content.decode()
    assert "Börja ett nytt svar" in body
    assert response.token not in body
    nxt = start(client, survey_round)
    assert nxt.pk != response.pk
    assert answers_of(nxt) == {}
    assert "checked" not in client.get(page_url(nxt, 1)).content.decode()


# ------------------------------------------------------------------- participant linking


@pytest.fixture
def participants(world):
    def make(collaboration, *, consent):
        participant = participant_create(
            collaboration=collaboration,
            by=None,
            role="guardian",
            birth_year=timezone.localdate().year - 40,
            gender="female",
            third_country_national="yes",
            language="ar",
            consents={} if consent is None else {"surveys": consent},
        )
        return participant

    return make


def send_with_code(client, round_, code) -> tuple[Response, str]:
    response = start(client, round_, "ar")
    client.post(page_url(response, 1), {"a-T-NET-01": "3", "go": "next"})
    sent = client.post(finish_url(response), {"participant_code": code, "go": "send"})
    page = client.get(sent["Location"]).content.decode()
    response.refresh_from_db()
    assert response.submitted_at is not None
    return response, page


def test_a_code_links_the_answers_only_with_survey_consent_and_the_message_is_the_same(
    client, world, survey_round, participants
):
    consenting = participants(world.kalmar, consent=True)
    declined = participants(world.kalmar, consent=False)
    never_asked = participants(world.kalmar, consent=None)
    withdrawn = participants(world.kalmar, consent=True)
    consent_record(participant=withdrawn, purpose="surveys", given=False, by=None)
    foreign = participants(world.boden, consent=True)

    linked, linked_page = send_with_code(client, survey_round, f" {consenting.code.lower()} ")
    assert linked.participant == consenting
    assert linked.age_band == "18-64"  # from the birth year: no age was answered

    pages = {linked_page}
    for code in (declined.code, never_asked.code, withdrawn.code, foreign.code, "QQQQQQ"):
        response, page = send_with_code(client, survey_round, code)
        assert response.participant is None
        assert response.age_band == "unknown"
        pages.add(page)
    assert len(pages) == 1  # never reveals whether a code exists or has consent
    assert "نربط الإجابات بالرمز فقط" in pages.pop()


# -------------------------------------------------------------------- closed and planned


def test_a_closed_round_says_so_in_every_round_language(client, world):
    round_ = make_round(world.kalmar, opens_in_days=-40, days=10)
    link = link_of(round_)
    answer = client.get(reverse("surveys:respond", args=[link.code]))
    body = answer.content.decode()
    assert "Enkäten är stängd" in body
    assert "This survey is closed" in body
    assert "هذا الاستبيان مغلق" in body
    assert "<form" not in body
    client.post(reverse("surveys:respond", args=[link.code]), {"language": "sv"})
    assert not Response.objects.exists()


def test_a_round_closed_early_is_closed(client, world):
    round_ = make_round(world.kalmar, closed_at=timezone.now())
    body = client.get(reverse("surveys:respond", args=[link_of(round_).code])).content.decode()
    assert "Enkäten är stängd" in body


def test_a_planned_round_says_when_it_opens(client, world):
    round_ = make_round(world.kalmar, opens_in_days=5)
    answer = client.get(reverse("surveys:respond", args=[link_of(round_).code]))
    body = answer.content.decode()
    assert "Enkäten har inte öppnat än" in body
    assert f"Du kan svara från och med {round_.opens_on.isoformat()}." in body
    assert "لم يُفتح هذا الاستبيان بعد" in body


def test_a_round_that_closed_meanwhile_saves_and_sends_nothing(client, survey_round):
    response = start(client, survey_round, "en")
    client.post(page_url(response, 1), {"a-T-NET-01": "2", "go": "next"})
    survey_round.closed_at = timezone.now()
    survey_round.save()
    answer = client.post(page_url(response, 1), {"a-T-NET-01": "5", "go": "next"})
    body = answer.content.decode()
    assert "This survey is closed" in body
    assert "Your answers have not been sent." in body
    assert '<html lang="en" dir="ltr">' in body
    sent = client.post(finish_url(response), {"go": "send"})
    assert "This survey is closed" in sent.content.decode()
    response.refresh_from_db()
    assert response.submitted_at is None
    assert answers_of(response) == {"T-NET-01": ["2"]}


# ------------------------------------------------------------------------------- audio


@pytest.fixture
def recording(settings, tmp_path, survey_round):
    settings.MEDIA_ROOT = tmp_path
    item = survey_round.version.items.get(item_id="T-NET-01")
    audio = ItemAudio(item=item, language="ar", content_type="audio/ogg")
    audio.file.save("fraga.ogg", ContentFile(b"OggS-test-recording"), save=True)
    return audio


def test_audio_is_played_on_the_page_and_served_for_its_link_and_language(
    client, world, survey_round, recording
):
    link = link_of(survey_round)
    response = start(client, survey_round, "ar")
    body = client.get(page_url(response, 1)).content.decode()
    url = reverse("surveys:respond_audio", args=[link.code, "T-NET-01", "ar"])
    assert f'<audio controls preload="none" src="{url}"' in body
    assert "استمع" in body
    served = client.get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "audio/ogg"
    assert b"".join(served.streaming_content) == b"OggS-test-recording"

    swedish = start(client, survey_round, "sv")
    assert "<audio" not in client.get(page_url(swedish, 1)).content.decode()


def test_audio_is_404_for_another_language_item_or_link(client, world, survey_round, recording):
    link = link_of(survey_round)
    audio = "surveys:respond_audio"
    assert client.get(reverse(audio, args=[link.code, "T-NET-01", "en"])).status_code == 404
    assert client.get(reverse(audio, args=[link.code, "T-NET-02", "ar"])).status_code == 404
    survey_round.languages = ["sv", "en"]
    survey_round.save()
    assert client.get(reverse(audio, args=[link.code, "T-NET-01", "ar"])).status_code == 404
    other = link_of(make_round(world.kalmar))  # another version with the same item ids
    assert client.get(reverse(audio, args=[other.code, "T-NET-01", "ar"])).status_code == 404


# --------------------------------------------------------------------------- page size


def transferred(answer) -> int:
    """Bytes of a page and every stylesheet, script and image it references on our server."""
    body = answer.content.decode()
    total = len(answer.content)
    for url in set(re.findall(r'(?:src|href)="(/static/[^"]+)"', body)):
        path = finders.find(url.removeprefix(settings.STATIC_URL))
        assert path, url
        total += Path(path).stat().st_size
    return total


def test_every_page_type_is_under_50_kb_with_its_css_js_and_images(client, world, survey_round):
    link = link_of(survey_round)
    pages = {"language": client.get(reverse("surveys:respond", args=[link.code]))}
    response = start(client, survey_round, "ar")
    pages["page 1"] = client.get(page_url(response, 1))
    pages["page 2"] = client.get(page_url(response, 2))
    pages["errors"] = client.post(page_url(response, 2), {"a-T-ABT-02": "999", "go": "next"})
    pages["finish"] = client.get(finish_url(response))
    pages["done"] = client.get(client.post(finish_url(response), {"go": "send"})["Location"])
    closed = make_round(world.kalmar, closed_at=timezone.now())
    pages["closed"] = client.get(reverse("surveys:respond", args=[link_of(closed).code]))
    for name, answer in pages.items():
        assert answer.status_code == 200, name
        assert "/static/vendor/" not in answer.content.decode(), name
        assert transferred(answer) < PAGE_LIMIT, name


# ------------------------------------------------------------------------- security


def test_the_forms_work_without_a_csrf_token_and_the_pages_set_no_cookie(survey_round):
    """The respondent's forms act on no credential the browser holds (the URL's link code or
    draft token decides), so they carry no CSRF token; no page sets a cookie."""
    client = Client(enforce_csrf_checks=True)
    link = link_of(survey_round)
    url = reverse("surveys:respond", args=[link.code])
    first = client.get(url)
    assert "csrfmiddlewaretoken" not in first.content.decode()
    started = client.post(url, {"language": "sv"})
    assert started.status_code == 302
    response = Response.objects.get(token=started["Location"].strip("/").split("/")[2])
    visited = [first, started]
    visited.append(client.get(page_url(response, 1)))
    visited.append(client.post(page_url(response, 1), {"a-T-NET-01": "4", "go": "next"}))
    visited.append(client.post(finish_url(response), {"go": "send"}))
    visited.append(client.get(visited[-1]["Location"]))
    assert [a.status_code for a in visited] == [200, 302, 200, 302, 302, 200]
    assert all(not a.cookies for a in visited)
    assert not client.cookies
    response.refresh_from_db()
    assert response.submitted_at is not None


def test_respondent_pages_never_show_the_collaboration(client, survey_round):
    response = start(client, survey_round)
    for url in (page_url(response, 1), page_url(response, 2), finish_url(response)):
        body = client.get(url).content.decode()
        assert survey_round.collaboration.name not in body
        assert survey_round.title not in body


def test_a_logged_in_staff_member_answers_like_anyone_else(client, world, survey_round):
    client.force_login(world.boden_ngo)
    response = start(client, survey_round)
    assert client.get(page_url(response, 1)).status_code == 200
    client.post(finish_url(response), {"go": "send"})
    response.refresh_from_db()
    assert response.submitted_at is not None


# ------------------------------------------------------------------------- texts


def test_respondent_texts_exist_in_all_eight_languages_with_the_same_placeholders():
    assert set(TEXTS) == set(LANGUAGE_CODES)
    assert all(is_reviewed(code, Shipped.RESPONDENT_PAGES) for code in ("sv", "en"))

    def placeholders(value):
        lines = value if isinstance(value, list) else [value]
        return {n for line in lines for _, n, _, _ in string.Formatter().parse(line) if n}

    for language, texts in TEXTS.items():
        assert set(texts) == set(KEYS), language
        for key in KEYS:
            assert texts[key], (language, key)
            assert placeholders(texts[key]) == placeholders(TEXTS["sv"][key]), (language, key)


# ------------------------------------------------------------------------- purge


def test_purge_survey_drafts_is_a_dry_run_unless_applied(survey_round, capsys):
    old = Response.objects.create(
        round=survey_round,
        link=link_of(survey_round),
        version=survey_round.version,
        language="sv",
        started_at=timezone.now() - timedelta(days=3),
    )
    Answer.objects.create(response=old, item=survey_round.version.items.first(), value="3")
    recent = Response.objects.create(
        round=survey_round, link=link_of(survey_round), version=survey_round.version, language="sv"
    )
    sent = Response.objects.create(
        round=survey_round,
        link=link_of(survey_round),
        version=survey_round.version,
        language="sv",
        started_at=timezone.now() - timedelta(days=30),
        submitted_at=timezone.now() - timedelta(days=29),
    )

    call_command("purge_survey_drafts")
    out = capsys.readouterr().out
    assert "Dry run: 1 unsent responses" in out
    assert Response.objects.count() == 3

    call_command("purge_survey_drafts", "--apply")
    assert set(Response.objects.all()) == {recent, sent}
    assert not Answer.objects.filter(response_id=old.pk).exists()
    event = AuditEvent.objects.get(action="delete", object_type="surveys.round")
    assert event.detail.startswith("1 unsent")

    call_command("purge_survey_drafts", "--apply", "--days", "0")
    assert set(Response.objects.all()) == {sent}
