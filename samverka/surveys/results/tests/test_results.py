"""Survey results for staff: roles, scoping, disclosure control, figures, comparison, exports.

Interface texts are asserted in Swedish (the default language).
"""

import copy
import csv
import html
import io
import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from conftest import on_the_shared_world
from samverka.activities.models import Activity
from samverka.audit.models import AuditAction, AuditEvent
from samverka.lib.disclosure import TOTAL
from samverka.surveys.instruments.models import Item, ItemType, Option
from samverka.surveys.instruments.services.versions import (
    instrument_copy,
    version_draft,
    version_publish,
)
from samverka.surveys.results.breakdowns import OTHER
from samverka.surveys.results.selectors import round_results
from samverka.surveys.tests.factories import make_response, make_round, make_version

pytestmark = pytest.mark.django_db

TOO_FEW = "Resultaten visas när minst 5 personer har svarat"


def url(name, round_, *args, query=""):
    return reverse(f"surveys:{name}", args=[round_.collaboration.code, round_.code, *args]) + query


def answer_many(round_, count, answers, **extra):
    return [make_response(round_, answers, **extra) for _ in range(count)]


def text_of(response) -> str:
    """The page as text, without tags and chart data (the json_script blocks)."""
    body = response.content.decode()
    body = re.sub(r"<script[^>]*>.*?</script>", " ", body, flags=re.S)
    body = re.sub(r"<[a-zA-Z/!][^>]*>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(body))


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def _thirty_answers(world):
    """A Kalmar round with 30 submitted answers in Swedish and Arabic, and 2 drafts."""
    round_ = make_round(world.kalmar)
    for index in range(30):
        make_response(
            round_,
            {
                "T-NET-01": ["4", "5", "5"][index % 3],
                "T-NET-02": "5" if index < 20 else "3",
                "T-NET-03": "yes" if index < 10 else "no",
                "T-ABT-01": ["school", "library"] if index < 15 else ["school"],
                "T-ABT-02": 30 + index % 2 * 10,
                "T-ABT-03": f"Svar nummer {index:02d}",
            },
            language="sv" if index < 18 else "ar",
            age_band="18-64",
        )
    answer_many(round_, 2, {"T-NET-01": "1"}, submitted=False)
    return round_


# Built once for the module; each test reads it in its own savepoint, with its own copy.
_round_30 = on_the_shared_world(_thirty_answers)


@pytest.fixture
def round_30(world, _round_30):
    return copy.deepcopy(_round_30)


# ----------------------------------------------------------------------------- roles


@pytest.mark.parametrize(
    "persona", ["kalmar_ngo", "kalmar_kommun", "kalmar_ledare", "forskare", "nationell"]
)
@pytest.mark.parametrize("name", ["results", "results_print", "results_compare"])
def test_staff_with_results_capability_open_the_results(world, login_as, round_30, persona, name):
    response = login_as(getattr(world, persona)).get(url(name, round_30))
    assert response.status_code == 200


@pytest.mark.parametrize("persona", ["kalmar_ngo", "kalmar_ledare", "forskare"])
def test_staff_with_results_capability_export(world, login_as, round_30, persona):
    response = login_as(getattr(world, persona)).get(url("results_export", round_30, "csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize(
    "name,args",
    [
        ("results", ()),
        ("results_print", ()),
        ("results_compare", ()),
        ("results_text", ()),
        ("results_export", ("csv",)),
        ("results_export", ("xlsx",)),
    ],
)
def test_partner_is_refused_every_results_page(world, login_as, round_30, name, args):
    response = login_as(world.kalmar_partner_user).get(url(name, round_30, *args))
    assert response.status_code == 403


@pytest.mark.parametrize(
    "name,args",
    [
        ("results", ()),
        ("results_print", ()),
        ("results_compare", ()),
        ("results_text", ()),
        ("results_export", ("csv",)),
    ],
)
def test_boden_coordinator_cannot_open_kalmar_results(world, login_as, round_30, name, args):
    response = login_as(world.boden_ngo).get(url(name, round_30, *args))
    assert response.status_code == 404
    assert b"Barn i fokus Kalmar" not in response.content


def test_a_round_of_another_collaboration_is_not_found_through_ones_own_code(world, login_as):
    boden_round = make_round(world.boden)
    answer_many(boden_round, 6, {"T-NET-01": "4"})
    path = reverse("surveys:results", args=[world.kalmar.code, boden_round.code])
    assert login_as(world.kalmar_ngo).get(path).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, round_30):
    response = client.get(url("results", round_30))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", ["kalmar_ngo", "kalmar_kommun", "forskare"])
def test_free_text_is_for_coordinators_municipal_contacts_and_researchers(
    world, login_as, round_30, persona
):
    response = login_as(getattr(world, persona)).get(url("results_text", round_30))
    assert response.status_code == 200
    assert "Svar nummer 07" in text_of(response)


@pytest.mark.parametrize("persona", ["kalmar_ledare", "kalmar_partner_user", "nationell"])
def test_free_text_is_refused_to_other_roles(world, login_as, round_30, persona):
    response = login_as(getattr(world, persona)).get(url("results_text", round_30))
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()


def test_activity_leader_sees_the_count_of_free_text_answers_but_no_link(world, login_as, round_30):
    page = text_of(login_as(world.kalmar_ledare).get(url("results", round_30)))
    assert "30 svar" in page
    assert "se fritextsvaren" not in page
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_30)))
    assert "se fritextsvaren" in page


# ---------------------------------------------------------------------- the results page


def test_results_page_shows_header_distributions_and_charts(world, login_as, round_30):
    response = login_as(world.kalmar_ngo).get(url("results", round_30))
    page = text_of(response)
    body = response.content.decode()
    assert "Resultat: Föräldraenkät hösten" in page
    assert "Preliminärt: omgången är öppen" in page  # the round is open
    assert "Inskickade svar 30" in page  # drafts do not count
    assert "Jag har vänner här." in page
    assert 'data-survey-chart="item-1-t-net-01-chart-data"' in body
    assert 'id="item-1-t-net-01-chart-data" type="application/json"' in body
    # T-NET-01: 10 × 4 and 20 × 5: everyone agrees, mean 4.7.
    assert "Instämmer (4–5): 100 %" in page
    assert "Medelvärde (1–5): 4,7" in page
    assert "Stämmer ganska bra 10 33 %" in page
    assert "Stämmer helt 20 67 %" in page


def test_a_closed_round_is_not_marked_preliminary(world, login_as):
    round_ = make_round(world.kalmar, opens_in_days=-40, days=10)
    answer_many(round_, 5, {"T-NET-01": "4"})
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_)))
    assert "Stängd" in page
    assert "preliminära" not in page


def test_item_texts_follow_the_staff_interface_language(world, login_as, round_30):
    client = login_as(world.kalmar_ngo)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = text_of(client.get(url("results", round_30)))
    assert "I have friends here." in page
    assert "Jag har vänner här." not in page


def test_a_new_answer_or_closing_the_round_shows_at_once(world, login_as):
    round_ = make_round(world.kalmar)
    answer_many(round_, 5, {"T-NET-01": "5"})
    client = login_as(world.kalmar_ngo)
    assert "Inskickade svar 5" in text_of(client.get(url("results", round_)))
    answer_many(round_, 1, {"T-NET-01": "5"})
    page = text_of(client.get(url("results", round_)))
    assert "Inskickade svar 6" in page
    assert "Preliminärt: omgången är öppen" in page
    round_.closed_at = timezone.now()
    round_.save()
    page = text_of(client.get(url("results", round_)))
    assert "Preliminärt: omgången är öppen" not in page
    assert "Stängd" in page


def test_a_round_with_four_answers_shows_no_distribution(world, login_as):
    round_ = make_round(world.kalmar)
    answer_many(round_, 4, {"T-NET-01": "5", "T-ABT-03": "Hemligt svar"})
    answer_many(round_, 3, {"T-NET-01": "5"}, submitted=False)  # drafts never count
    client = login_as(world.kalmar_ngo)
    response = client.get(url("results", round_))
    page = text_of(response)
    assert TOO_FEW in page
    assert "<table" not in response.content.decode()
    assert "Stämmer helt" not in page
    assert "Inskickade svar färre än 5" in page

    printed = text_of(client.get(url("results_print", round_)))
    assert TOO_FEW in printed
    assert "Stämmer helt" not in printed

    exported = client.get(url("results_export", round_, "csv"))
    assert exported.content.decode().strip().splitlines() == [
        "item_id,question,option_value,option_label,group_dimension,group,count,percent,"
        "n_group,value"
    ]
    free_text = text_of(client.get(url("results_text", round_)))
    assert TOO_FEW in free_text
    assert "Hemligt svar" not in free_text
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()


# -------------------------------------------------------------------------- disclosure


@pytest.fixture
def languages_round(world):
    """12 in Swedish, 10 in Arabic, 3 in Somali: Somali is too small to show."""
    round_ = make_round(world.kalmar, languages=("sv", "ar", "so"))
    for language, count, value in (("sv", 12, "4"), ("ar", 10, "5"), ("so", 3, "1")):
        answer_many(round_, count, {"T-NET-01": value, "T-NET-03": "yes"}, language=language)
    return round_


def test_a_group_of_three_is_never_shown_on_its_own(world, login_as, languages_round):
    client = login_as(world.kalmar_ngo)
    page = text_of(client.get(url("results", languages_round, query="?by=language")))
    assert "Somaliska" not in page
    # Three Somali answers alone would still be too few: "other" takes the next smallest
    # group (Arabic, 10) as well, so Arabic is not shown separately either.
    assert "Svenska" in page
    assert "Övriga (små grupper tillsammans)" in page
    assert "Arabiska" not in page
    assert "Svarande efter språk Svenska: 12; Övriga (små grupper tillsammans): 13" in page

    results = round_results(languages_round)
    breakdown = results.breakdowns["language"]
    assert [g.key for g in breakdown.groups] == ["sv", OTHER]
    assert breakdown.key_of("so") == OTHER
    item = results.item("T-NET-01")
    # No cell of any cube is about the Somali group alone.
    assert all("so" not in key for key in item.cube)
    assert all("so" not in key for key in results.sizes)

    rows = csv_rows(client.get(url("results_export", languages_round, "csv", query="?by=language")))
    assert {(r["group_dimension"], r["group"]) for r in rows} == {
        ("all", "all"),
        ("language", "sv"),
        ("language", "other"),
    }
    workbook = load_workbook(
        io.BytesIO(
            client.get(url("results_export", languages_round, "xlsx", query="?by=language")).content
        )
    )
    groups = {row[5] for row in workbook["results"].iter_rows(min_row=2, values_only=True)}
    assert groups == {"all", "sv", "other"}


def test_small_groups_are_merged_together_when_that_reaches_five(world, login_as):
    round_ = make_round(world.kalmar, languages=("sv", "ar", "so", "ti"))
    for language, count in (("sv", 12), ("ar", 10), ("so", 3), ("ti", 2)):
        answer_many(round_, count, {"T-NET-01": "5"}, language=language)
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_, query="?by=language")))
    assert (
        "Svarande efter språk Svenska: 12; Arabiska: 10; Övriga (små grupper tillsammans): 5"
        in (page)
    )
    assert "Somaliska" not in page
    assert "Tigrinska" not in page


def test_small_counts_inside_a_group_of_five_or_more_are_shown(world, login_as):
    """The protected unit is the group of respondents, not the cell: 3 of 18 is shown."""
    round_ = make_round(world.kalmar)
    answer_many(round_, 3, {"T-NET-01": "1"})
    answer_many(round_, 9, {"T-NET-01": "5"})
    answer_many(round_, 6, {"T-NET-01": "4"})
    client = login_as(world.kalmar_ngo)
    item = round_results(round_).item("T-NET-01")
    assert (item.count("1"), item.count("4"), item.count("5")) == (3, 6, 9)
    assert item.answered() == 18
    assert item.share_agreeing() == pytest.approx(100 * 15 / 18)
    assert item.mean() == pytest.approx((3 * 1 + 6 * 4 + 9 * 5) / 18)
    page = text_of(client.get(url("results", round_)))
    assert "Stämmer inte alls 3 17 %" in page
    assert "Stämmer helt 9 50 %" in page
    assert "Instämmer (4–5): 83 %" in page
    assert "Medelvärde (1–5): 4,0" in page
    rows = {
        r["option_value"]: r
        for r in csv_rows(client.get(url("results_export", round_, "csv")))
        if r["item_id"] == "T-NET-01"
    }
    assert rows["1"]["count"] == "3"
    assert rows["4"]["count"] == "6"
    assert rows["_mean"]["value"] != ""


def test_an_item_answered_by_fewer_than_five_shows_no_answers(world, login_as):
    """Only 3 of 10 answered the follow-up question: no distribution figure, no mean."""
    round_ = make_round(world.kalmar)
    answer_many(round_, 3, {"T-NET-01": "5", "T-NET-03": "yes", "T-NET-04": "full"})
    answer_many(round_, 7, {"T-NET-01": "5", "T-NET-03": "no"})
    item = round_results(round_).item("T-NET-04")
    assert item.answered() == 3
    assert item.no_answer() == 7
    assert item.count("full") is None
    assert item.count("part") is None
    assert item.percent("full") is None
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_)))
    assert "Heltid .." in page
    assert "Heltid 3" not in page
    # A scale answered by everyone has a mean; one answered by nobody has none.
    scale = round_results(round_).item("T-NET-01")
    assert scale.mean() == 5.0
    assert round_results(round_).item("T-NET-02").mean() is None


def test_dont_know_is_its_own_row_and_left_out_of_mean_and_share(world, login_as):
    round_ = make_round(world.kalmar)
    answer_many(round_, 5, {"T-NET-01": "5"})
    answer_many(round_, 5, {"T-NET-01": "1"})
    answer_many(round_, 5, {"T-NET-01": "dk"})
    item = round_results(round_).item("T-NET-01")
    assert item.count("dk") == 5
    assert item.answered() == 15
    assert item.share_agreeing() == pytest.approx(50.0)
    assert item.mean() == pytest.approx(3.0)
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_)))
    assert "Vet inte / vill inte svara 5 33 %" in page
    assert "Instämmer (4–5): 50 %" in page
    assert "Medelvärde (1–5): 3,0" in page


def test_breakdown_means_are_shown_for_every_group_of_five_or_more(world, login_as):
    round_ = make_round(world.kalmar)
    answer_many(round_, 6, {"T-NET-01": "4"}, language="sv")
    answer_many(round_, 5, {"T-NET-01": "5"}, language="ar")
    answer_many(round_, 3, {"T-NET-01": "2"}, language="ar")
    answer_many(round_, 2, {"T-NET-01": "1"}, language="so")  # too few on their own:
    answer_many(round_, 3, {"T-NET-01": "3"}, language="en")  # together "other"
    item = round_results(round_).item("T-NET-01")
    assert item.mean("language", "sv") == pytest.approx(4.0)
    assert item.share_agreeing("language", "sv") == pytest.approx(100.0)
    assert item.mean("language", "ar") == pytest.approx(31 / 8)
    assert item.count("2", "language", "ar") == 3
    assert item.mean("language", "_other") == pytest.approx(11 / 5)
    assert item.mean() == pytest.approx(66 / 19)
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_, query="?by=language")))
    assert "Somaliska" not in page
    assert "Medelvärde (1–5) 3,5" in page


def test_breakdown_that_is_not_possible_says_so(world, login_as, round_30):
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_30, query="?by=activity")))
    assert "Svaren kan inte delas upp efter aktivitet" in page
    for wrong in ("nonsense", "municipality"):
        response = login_as(world.kalmar_ngo).get(url("results", round_30, query=f"?by={wrong}"))
        assert "Välj ett giltigt alternativ" in text_of(response)


def test_breakdown_by_activity_and_age_band(world, login_as):
    round_ = make_round(world.kalmar)
    football = Activity.objects.create(
        collaboration=world.kalmar,
        name="Fotboll",
        focus_area=2,
        type="sport",
        starts_on=date(2024, 3, 1),
    )
    answer_many(round_, 6, {"T-NET-03": "yes"}, activity=football, age_band="18-64")
    answer_many(round_, 7, {"T-NET-03": "no"}, age_band="13-17")
    client = login_as(world.kalmar_ngo)
    page = text_of(client.get(url("results", round_, query="?by=activity")))
    assert "Fotboll" in page
    assert "Ingen aktivitet angiven" in page
    assert "Ja 6 (46 %) 6 (100 %) 0 (0 %)" in page
    page = text_of(client.get(url("results", round_, query="?by=age_band")))
    assert "Svarande efter åldersgrupp 13–17: 7; 18–64: 6" in page
    rows = csv_rows(client.get(url("results_export", round_, "csv", query="?by=activity")))
    assert {r["group"] for r in rows} == {"all", "Fotboll", "Ingen aktivitet angiven"}


def test_multiple_choice_shows_the_share_of_respondents_choosing_each_option(world, login_as):
    round_ = make_round(world.kalmar)
    answer_many(round_, 5, {"T-ABT-01": ["school", "library"]})
    answer_many(round_, 5, {"T-ABT-01": ["school"]})
    answer_many(round_, 2, {"T-NET-01": "4"})  # did not answer the multiple choice
    item = round_results(round_).item("T-ABT-01")
    assert item.count("school") == 10
    assert item.answered() == 10
    assert item.percent("school") == pytest.approx(100.0)
    assert item.percent("library") == pytest.approx(50.0)
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_)))
    assert "Var träffar du andra? (flera svar möjliga)" in page
    assert "Skolan 10 100 %" in page
    assert "Biblioteket 5 50 %" in page
    assert "Idrott 0 0 %" in page

    answer_many(round_, 3, {"T-ABT-01": ["sport", "school"]})
    item = round_results(round_).item("T-ABT-01")
    assert item.answered() == 13
    assert item.percent("school") == pytest.approx(100.0)
    assert item.count("sport") == 3
    assert item.percent("sport") == pytest.approx(100 * 3 / 13)


def test_number_item_shows_n_mean_median_and_controlled_bins(world, login_as):
    round_ = make_round(world.kalmar)
    for age in (30, 30, 30, 30, 30, 40, 40, 40, 40, 41):
        make_response(round_, {"T-ABT-02": age})
    item = round_results(round_).item("T-ABT-02")
    stats = item.number_stats()
    assert (stats.n, stats.mean, stats.median) == (10, pytest.approx(35.1), 35.0)
    assert item.bins[0][0] == "30–31"
    assert item.count("30–31") == 5
    assert item.count("40–41") == 5
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_)))
    assert "Medelvärde: 35,1" in page
    assert "Median: 35,0" in page
    assert "30–31 5 50 %" in page


def test_number_means_by_group_when_every_group_has_five_numbers(world, login_as):
    round_ = make_round(world.kalmar)
    answer_many(round_, 10, {"T-ABT-02": 30}, language="sv")
    answer_many(round_, 6, {"T-ABT-02": 40}, language="sv")
    answer_many(round_, 5, {"T-ABT-02": 31}, language="ar")
    item = round_results(round_).item("T-ABT-02")
    assert item.number_stats().n == 21
    sv, ar = item.number_stats("language", "sv"), item.number_stats("language", "ar")
    assert (sv.n, sv.mean, sv.median) == (16, pytest.approx(33.75), 30.0)
    assert (ar.n, ar.mean, ar.median) == (5, 31.0, 31.0)
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_, query="?by=language")))
    assert "Medelvärde 33,1 33,8 31,0" in page


def test_number_means_by_group_need_every_group(world, login_as):
    """The Arabic group has only 3 numbers: no group mean at all, since the Swedish mean and the
    total would give the Arabic one away."""
    round_ = make_round(world.kalmar)
    answer_many(round_, 10, {"T-ABT-02": 30}, language="sv")
    answer_many(round_, 6, {"T-ABT-02": 40}, language="sv")
    answer_many(round_, 3, {"T-ABT-02": 31}, language="ar")
    answer_many(round_, 5, {"T-NET-01": "4"}, language="ar")
    item = round_results(round_).item("T-ABT-02")
    assert item.base("language", "sv") == 16  # the Swedish count alone could be shown
    assert item.number_stats("language", "sv") is None
    assert item.number_stats("language", "ar") is None
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_, query="?by=language")))
    number_item = page.split("Hur gammal är du?")[-1].split("Något mer?")[0]
    assert "33,8" not in number_item
    assert "31,0" not in number_item


def test_measures_get_a_summary_line(world, login_as, round_30):
    page = text_of(login_as(world.kalmar_ngo).get(url("results", round_30)))
    assert "Sammanfattning per område" in page
    assert "Delaktighet i samhället och nätverk 1 fråga: i genomsnitt instämmer 100 %" in page


# ----------------------------------------------------------------------- comparison


def _second_version(version):
    """v2 of the same instrument: a changed question text, one item removed, one added."""
    draft = version_draft(version=version, by=None)
    friends = draft.items.get(item_id="T-NET-01")
    friends.text = {**friends.text, "sv": "Jag har goda vänner här."}
    friends.save()
    draft.items.get(item_id="T-NET-02").delete()
    section = draft.sections.first()
    new = Item.objects.create(
        version=draft,
        section=section,
        item_id="T-NEW-01",
        type=ItemType.YES_NO,
        position=9,
        text={"sv": "Ny fråga?", "en": "New question?"},
    )
    Option.objects.create(item=new, value="yes", label={"sv": "Ja"})
    return version_publish(version=draft, by=None)


def test_comparison_matches_items_by_id_across_versions(world, login_as):
    v1 = make_version(collaboration=world.kalmar)
    v2 = _second_version(v1)
    spring = make_round(world.kalmar, v1, title="Våren", opens_in_days=-200, days=30)
    autumn = make_round(world.kalmar, v2, title="Hösten")
    answer_many(spring, 5, {"T-NET-01": "1", "T-NET-02": "5"})
    answer_many(spring, 5, {"T-NET-01": "5"})
    answer_many(autumn, 10, {"T-NET-01": "5", "T-NEW-01": "yes"})
    client = login_as(world.kalmar_ngo)

    chooser = text_of(client.get(url("results_compare", autumn)))
    assert "Våren" in chooser

    response = client.get(url("results_compare", autumn, query=f"?with={spring.code}"))
    page = text_of(response)
    assert "Jag har goda vänner här." in page  # round A's (v2's) wording
    assert "T-NET-01" in page
    assert "T-NET-02" not in page  # removed in v2
    assert "T-NEW-01" not in page  # not in v1
    # Autumn: everyone agrees; spring: half. +50 points; the mean 5.0 against 3.0: +2.0.
    assert "Instämmer (4–5) 100 % 50 % +50" in page
    assert "Medelvärde (1–5) 5,0 3,0 +2,0" in page
    assert 'data-survey-chart="compare-1-t-net-01-chart-data"' in response.content.decode()


def test_comparison_lists_copies_with_shared_ids_but_not_unrelated_or_planned_rounds(
    world, login_as
):
    v1 = make_version(collaboration=world.kalmar)
    copy = instrument_copy(version=v1, by=None, collaboration=world.kalmar, name="Kopia")
    copy_version = version_publish(version=copy.latest_version(), by=None)
    unrelated = make_version(collaboration=world.kalmar, name="Annan")
    for index, item in enumerate(unrelated.items.all()):
        item.item_id = f"X-{index}"
        item.save()
    this = make_round(world.kalmar, v1, title="Denna")
    make_round(world.kalmar, copy_version, title="Kopians omgång", opens_in_days=-60, days=10)
    make_round(world.kalmar, unrelated, title="Orelaterad omgång", opens_in_days=-60, days=10)
    make_round(world.kalmar, v1, title="Planerad omgång", opens_in_days=10)
    make_round(world.boden, v1, title="Bodens omgång", opens_in_days=-60, days=10)
    page = text_of(login_as(world.kalmar_ngo).get(url("results_compare", this)))
    assert "Kopians omgång" in page
    assert "Orelaterad omgång" not in page
    assert "Planerad omgång" not in page
    assert "Bodens omgång" not in page


def test_comparison_refuses_a_round_outside_the_list(world, login_as, round_30):
    make_round(world.kalmar, round_30.version, title="Våren", opens_in_days=-90, days=5)
    boden_round = make_round(world.boden, round_30.version, title="Bodens omgång")
    answer_many(boden_round, 6, {"T-NET-01": "1"})
    page = text_of(
        login_as(world.kalmar_ngo).get(
            url("results_compare", round_30, query=f"?with={boden_round.code}")
        )
    )
    assert "Välj en av omgångarna i listan." in page
    assert "Bodens omgång" not in page


def test_comparison_needs_five_answers_in_both_rounds(world, login_as, round_30):
    small = make_round(world.kalmar, round_30.version, title="Liten", opens_in_days=-90, days=5)
    answer_many(small, 4, {"T-NET-01": "1"})
    page = text_of(
        login_as(world.kalmar_ngo).get(
            url("results_compare", round_30, query=f"?with={small.code}")
        )
    )
    assert TOO_FEW in page
    assert "Instämmer (4–5)" not in page


# -------------------------------------------------------------------------- exports


def test_csv_export_is_long_format_controlled_and_audited(world, login_as, round_30):
    client = login_as(world.kalmar_kommun)
    response = client.get(url("results_export", round_30, "csv", query="?by=language"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="survey-results-{round_30.code}-language.csv"'
    )
    rows = csv_rows(response)
    assert list(rows[0]) == [
        "item_id",
        "question",
        "option_value",
        "option_label",
        "group_dimension",
        "group",
        "count",
        "percent",
        "n_group",
        "value",
    ]
    by_key = {(r["item_id"], r["option_value"], r["group"]): r for r in rows}
    agree = by_key[("T-NET-01", "5", "all")]
    assert agree["question"] == "Jag har vänner här."
    assert agree["option_label"] == "Stämmer helt"
    assert (agree["count"], agree["percent"], agree["n_group"]) == ("20", "66.7", "30")
    assert by_key[("T-NET-01", "_share_agreeing", "all")]["value"] == "100.0"
    assert by_key[("T-NET-01", "_mean", "all")]["value"] == "4.67"
    assert by_key[("T-NET-01", "5", "sv")]["n_group"] == "18"
    assert by_key[("T-ABT-02", "_median", "all")]["value"] == "35.00"
    assert by_key[("T-ABT-03", "_answered", "all")]["count"] == "30"
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.object_code == round_30.code
    assert event.collaboration_code == world.kalmar.code
    assert event.actor == world.kalmar_kommun
    assert "csv" in event.detail and "language" in event.detail


def test_xlsx_export_has_numbers_and_a_note_and_is_audited(world, login_as, round_30):
    response = login_as(world.forskare).get(url("results_export", round_30, "xlsx"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["results", "about"]
    rows = list(workbook["results"].iter_rows(values_only=True))
    assert rows[0][:3] == ("item_id", "question", "option_value")
    five = next(r for r in rows if r[0] == "T-NET-01" and r[2] == "5")
    assert five[6] == 20
    assert five[7] == pytest.approx(66.7)
    about = dict(workbook["about"].iter_rows(values_only=True))
    assert about["Enkätomgång"] == "Föräldraenkät hösten"
    assert "”..”" in about["Anmärkning"]
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=world.forskare).count() == 1


def test_export_in_an_unknown_format_is_not_found(world, login_as, round_30):
    response = login_as(world.kalmar_ngo).get(url("results_export", round_30, "pdf"))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_printable_summary_has_tables_without_charts(world, login_as, round_30):
    response = login_as(world.kalmar_ngo).get(url("results_print", round_30, query="?by=language"))
    body = response.content.decode()
    page = text_of(response)
    assert "Enkätresultat – sammanfattning" in page
    assert "Uppdelat efter språk" in page
    assert "<table" in body
    assert "<canvas" not in body
    assert "chart.umd.min.js" not in body
    assert "varje kolumn bygger på minst 5 personer" in page


# ------------------------------------------------------------------------- free text


def test_free_text_is_sorted_by_text_without_anything_beside_it_and_audited(world, login_as):
    round_ = make_round(world.kalmar)
    for language, words in (
        ("ar", "Önskar mer"),
        ("sv", "Bra"),
        ("so", "allt var fint"),
        ("sv", "Cykelturen"),
        ("en", "  "),
    ):
        make_response(round_, {"T-ABT-03": words}, language=language)
    response = login_as(world.forskare).get(url("results_text", round_))
    body = response.content.decode()
    items = re.findall(r'<li dir="auto">(.*?)</li>', body)
    assert items == ["allt var fint", "Bra", "Cykelturen", "Önskar mer"]
    assert "Arabiska" not in body and "Somaliska" not in body
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert event.object_code == round_.code
    assert event.actor == world.forskare
    assert event.fields == ["free_text"]


# ------------------------------------------------------------------ cube consistency


def test_every_view_is_a_slice_of_one_cube(world):
    """The distribution without breakdown is the same cells whatever breakdown is asked for."""
    round_ = make_round(world.kalmar)
    answer_many(round_, 7, {"T-NET-01": "4"}, language="sv", age_band="18-64")
    answer_many(round_, 3, {"T-NET-01": "2"}, language="sv", age_band="13-17")
    answer_many(round_, 6, {"T-NET-01": "5"}, language="ar", age_band="13-17")
    answer_many(round_, 2, {"T-NET-01": "1"}, language="ar", age_band="18-64")
    results = round_results(round_)
    assert results.dims == ["language", "age_band"]
    item = results.item("T-NET-01")
    assert len(item.cube) == 8 * 3 * 3  # 7 answers + total, 2 languages + total, 2 bands + total
    overall = [item.count(v) for v in ("1", "2", "3", "4", "5", "dk")]
    assert overall == [item.cube[(v, TOTAL, TOTAL)] for v in ("1", "2", "3", "4", "5", "dk")]
    # Hidden cells come in pairs or more on every line: none follows from its line's total.
    for dimension in results.dims:
        for group in results.breakdowns[dimension].groups:
            column = [item.count(r.value, dimension, group.key) for r in item.rows]
            assert column.count(None) != 1


# -------------------------------------------------------------------- national results


@pytest.fixture
def national_world(world):
    """One built-in survey answered in Kalmar (also through Kalmar's own copy), Boden and
    Kristianstad, where only 3 have answered."""
    from conftest import make_collaboration

    builtin = make_version(name="Inbyggd föräldraenkät")
    copy = instrument_copy(
        version=builtin, by=None, collaboration=world.kalmar, name="Kalmars kopia"
    )
    copy_version = version_publish(version=copy.latest_version(), by=None)
    kristianstad, _partner = make_collaboration("1290", "Kristianstad")
    answer_many(make_round(world.kalmar, builtin), 8, {"T-NET-01": "5", "T-NET-03": "yes"})
    answer_many(make_round(world.kalmar, copy_version), 4, {"T-NET-01": "4", "T-NET-03": "yes"})
    answer_many(make_round(world.boden, builtin), 6, {"T-NET-01": "4", "T-NET-03": "no"})
    answer_many(make_round(kristianstad, builtin), 3, {"T-NET-01": "4", "T-NET-03": "no"})
    return builtin.instrument


def national_url(instrument, query=""):
    today = timezone.localdate()
    return (
        reverse("surveys:national_results")
        + f"?instrument={instrument.key}&start={today.replace(month=1, day=1)}&end={today}"
        + query
    )


def test_national_lead_sees_builtin_results_over_all_collaborations(
    world, login_as, national_world
):
    page = text_of(login_as(world.nationell).get(national_url(national_world)))
    assert "Enkätresultat i alla samverkan" in page
    assert "Inskickade svar 21" in page
    assert "4 omgångar i 3 samverkan" in page
    assert "Stämmer helt 8 38 %" in page
    assert "Stämmer ganska bra 13 62 %" in page  # Kalmar's own copy counts, matched by id


def test_national_results_by_municipality_never_show_a_small_municipality(
    world, login_as, national_world
):
    response = login_as(world.nationell).get(national_url(national_world, "&by=municipality"))
    page = text_of(response)
    assert "Kristianstad" not in page
    assert "Boden" not in page  # merged with Kristianstad, which alone would be 3
    assert "Svarande efter kommun Kalmar: 12; Övriga (små grupper tillsammans): 9" in page


def test_national_results_are_for_national_staff_only(world, login_as, national_world):
    for persona in ("kalmar_ngo", "boden_ngo"):
        response = login_as(getattr(world, persona)).get(national_url(national_world))
        assert response.status_code == 404
    assert login_as(world.forskare).get(national_url(national_world)).status_code == 200


def test_national_results_check_the_period(world, login_as, national_world):
    client = login_as(world.nationell)
    response = client.get(
        reverse("surveys:national_results")
        + f"?instrument={national_world.key}&start=2026-05-01&end=2026-01-01"
    )
    assert "Perioden måste sluta samma dag som den börjar eller senare." in text_of(response)
    default = text_of(client.get(reverse("surveys:national_results")))
    assert "Inskickade svar 21" in default
