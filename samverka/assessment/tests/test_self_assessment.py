"""A self-assessment round through the pages: open, answer, close, results, report, journey."""

from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from samverka.assessment.instrument import ITEMS, Quadrant
from samverka.assessment.models import AssessmentRound, Level, Party, Response
from samverka.assessment.rounds import services
from samverka.assessment.tests.conftest import answer, post_data
from samverka.audit.models import AuditEvent

M, CS = Party.MUNICIPALITY, Party.CIVIL_SOCIETY
S, OP = Level.STRATEGIC, Level.OPERATIONAL


def url(name, world, round=None):
    args = [world.kalmar.code] + ([round.code] if round else [])
    return reverse(f"assessment:{name}", args=args)


def open_round(world):
    return services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)


def test_coordinator_opens_a_round_and_a_second_one_is_refused(world, login_as):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("round_open", world), {"note": "Inför styrgruppen i maj", "closes_on": ""}
    )
    round = AssessmentRound.objects.get(collaboration=world.kalmar)
    assert response.status_code == 302
    assert response["Location"] == url("round", world, round)
    assert round.number == 1 and round.is_open and round.opened_by == world.kalmar_ngo
    response = client.post(url("round_open", world), {"note": ""}, follow=True)
    assert AssessmentRound.objects.filter(collaboration=world.kalmar).count() == 1
    assert response.redirect_chain[-1][0] == url("rounds", world)
    assert AuditEvent.objects.filter(object_code=round.code, action="create").exists()


def test_a_closing_date_in_the_past_is_refused(world, login_as):
    client = login_as(world.kalmar_ngo)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(url("round_open", world), {"closes_on": yesterday})
    assert response.status_code == 200
    assert response.context["form"].errors["closes_on"]
    assert not AssessmentRound.objects.exists()


def test_a_member_answers_and_a_second_submit_is_harmless(world, login_as):
    round = open_round(world)
    client = login_as(world.kalmar_kommun)
    page = client.get(url("answer", world, round))
    assert page.status_code == 200
    assert page.context["form"].initial["party"] == M  # a municipal contact's guess
    data = post_data(
        M, S, "4", submit="1", comment_org_roles="Vi behöver en tydligare rollfördelning."
    )
    first = client.post(url("answer", world, round), data)
    second = client.post(url("answer", world, round), data)
    assert first.status_code == second.status_code == 302
    response = Response.objects.get(round=round, respondent=world.kalmar_kommun)
    assert response.submitted_at is not None
    assert response.answers.count() == len(ITEMS)
    assert response.answers.get(item_id="org_roles").comment.startswith("Vi behöver")
    events = AuditEvent.objects.filter(object_type="assessment.response")
    assert events.count() == 2
    assert all("4" not in str(e.fields) and "roll" not in e.detail for e in events)


def test_dont_know_is_an_answer_and_missing_items_are_shown(world, login_as):
    round = open_round(world)
    client = login_as(world.kalmar_ledare)
    data = post_data(CS, OP, "dk", submit="1")
    del data[f"item_{ITEMS[0].id}"]
    response = client.post(url("answer", world, round), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [f"item_{ITEMS[0].id}"]
    assert not Response.objects.exists()
    data[f"item_{ITEMS[0].id}"] = "dk"
    assert client.post(url("answer", world, round), data).status_code == 302
    assert Response.objects.get().answers.filter(value__isnull=True).count() == len(ITEMS)


def test_a_draft_is_saved_but_not_counted(world, login_as):
    round = open_round(world)
    client = login_as(world.kalmar_ledare)
    data = {"party": CS, "level": OP, f"item_{ITEMS[0].id}": "2", "save": "1"}
    assert client.post(url("answer", world, round), data).status_code == 302
    response = Response.objects.get()
    assert response.submitted_at is None and response.answers.count() == 1
    page = client.get(url("answer", world, round))
    assert page.context["form"].initial[f"item_{ITEMS[0].id}"] == "2"
    page = login_as(world.kalmar_ngo).get(url("round", world, round))
    assert page.context["total"] == 0


def test_answers_are_private_to_the_respondent(world, login_as, people):
    round = open_round(world)
    secret = "Vår chef stöttar inte samverkan alls"
    answer(round, world.kalmar_kommun, M, S, 1, comment=secret)
    # The coordinator's answer page shows only their own (empty) answers.
    page = login_as(world.kalmar_ngo).get(url("answer", world, round))
    assert secret not in page.content.decode()
    assert f"item_{ITEMS[0].id}" not in page.context["form"].initial
    # While the round is open nobody sees results, only counts.
    for user in (world.kalmar_ngo, world.nationell, world.forskare):
        page = login_as(user).get(url("results", world, round))
        assert page.status_code == 200
        assert "results" not in page.context
        assert secret not in page.content.decode()
    services.round_close(round=round, by=world.kalmar_ngo)
    # One person on the municipality side: nothing of theirs is shown, not even the comment.
    page = login_as(world.kalmar_ngo).get(url("results", world, round))
    results = page.context["results"]
    assert results.totals[M] == 1
    assert all(area.parties[M].mean is None for area in results.areas)
    assert secret not in page.content.decode()
    assert not results.anything_shown


def test_results_with_three_on_each_side_show_both_parties_and_the_quadrant(
    world, login_as, people
):
    round = open_round(world)
    for user in people["municipality"][:3]:
        answer(round, user, M, S, 5, comment="Bra möten")
    for user in people["civil_society"][:3]:
        answer(round, user, CS, OP, 3)
    client = login_as(world.kalmar_ngo)
    response = client.post(url("round_close", world, round))
    assert response["Location"] == url("results", world, round)
    page = client.get(url("results", world, round))
    html = page.content.decode()
    results = page.context["results"]
    assert results.point_for(M).quadrant == Quadrant.STABLE
    assert results.point_for(CS).quadrant == Quadrant.NOT_YET
    assert html.count("<svg") == 2 and 'role="img"' in html
    assert "Bra möten" in html  # comments of a side with at least three answers
    assert page.context["points"][0]["mark"] == "1"
    assert results.differences  # 5 against 3 on every item
    assert results.weakest == []  # 4.0 on average everywhere: nothing below the threshold


def test_the_report_prints_results_recommendations_and_the_journey(world, login_as, people):
    for value in (2, 4):
        round = open_round(world)
        for user in people["municipality"][:3]:
            answer(round, user, M, S, value, comment="En kommentar")
        services.round_close(round=round, by=world.kalmar_ngo)
    client = login_as(world.kalmar_kommun)
    page = client.get(url("report", world, round))
    html = page.content.decode()
    assert page.status_code == 200
    assert world.kalmar.name in html
    assert "journey_chart" in page.context
    assert html.count("<svg") == 3
    assert "En kommentar" not in html
    assert (
        "En kommentar" in client.get(url("report", world, round) + "?comments=1").content.decode()
    )
    first = AssessmentRound.objects.get(number=1)
    page = client.get(url("report", world, first))
    assert page.context["results"].recommendations  # round 1 was weak everywhere


def test_the_journey_follows_the_rounds(world, login_as, people):
    for value in (2, 3, 5):
        round = open_round(world)
        for user in people["civil_society"][:3]:
            answer(round, user, CS, OP, value)
        services.round_close(round=round, by=world.kalmar_ngo)
    page = login_as(world.forskare).get(url("journey", world))
    journey = page.context["journey"]
    assert [n for n, _ in journey.path(CS)] == [1, 2, 3]
    assert journey.path(CS)[-1][1].quadrant == Quadrant.STABLE
    assert "<svg" in page.content.decode()


def test_a_closed_round_shows_my_answers_read_only_and_refuses_changes(world, login_as):
    round = open_round(world)
    answer(round, world.kalmar_kommun, M, S, 2)
    services.round_close(round=round, by=world.kalmar_ngo)
    client = login_as(world.kalmar_kommun)
    page = client.get(url("answer", world, round))
    assert page.context["read_only"]
    assert page.context["read_only_sections"][0]["rows"][0]["value"] == 2
    response = client.post(url("answer", world, round), post_data(M, S, "5", submit="1"))
    assert response.status_code == 302
    assert not Response.objects.get().answers.filter(value=5).exists()


def test_closing_twice_changes_nothing(world, login_as):
    round = open_round(world)
    client = login_as(world.kalmar_ngo)
    client.post(url("round_close", world, round))
    closed_at = AssessmentRound.objects.get().closed_at
    client.post(url("round_close", world, round))
    assert AssessmentRound.objects.get().closed_at == closed_at


def test_round_page_counts_answers_per_side_and_level(world, login_as, people):
    round = open_round(world)
    answer(round, people["municipality"][0], M, S, 3)
    answer(round, people["civil_society"][0], CS, OP, 3)
    answer(round, people["civil_society"][1], CS, OP, 3, submit=False)
    page = login_as(world.kalmar_ledare).get(url("round", world, round))
    assert page.context["total"] == 2
    counts = {c["party"]: c["levels"] for c in page.context["counts"]}
    assert counts[Party.MUNICIPALITY.label][S] == 1
    assert counts[Party.CIVIL_SOCIETY.label][OP] == 1


def test_rounds_page_and_instrument_list_everything(world, login_as):
    client = login_as(world.kalmar_ledare)
    page = client.get(url("rounds", world))
    assert page.status_code == 200 and page.context["current"] is None
    page = client.get(url("instrument", world))
    html = page.content.decode()
    assert all(escape(str(item.text)) in html for item in ITEMS)


def test_due_rounds_are_closed_by_the_command(world):
    round = services.round_open(
        collaboration=world.kalmar, by=world.kalmar_ngo, closes_on=timezone.localdate()
    )
    AssessmentRound.objects.filter(pk=round.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    call_command("close_due_assessment_rounds", "--dry-run")
    assert AssessmentRound.objects.get().is_open
    call_command("close_due_assessment_rounds")
    assert not AssessmentRound.objects.get().is_open
