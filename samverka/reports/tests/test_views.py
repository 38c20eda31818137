"""The funder report pages: who sees what, and the period form."""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

YEAR_2025 = {"from": "2025-01-01", "to": "2025-12-31"}


def page(world):
    return reverse("reports:funder", args=[world.kalmar.code])


def national_page():
    return reverse("reports:national_funder")


@pytest.mark.parametrize("persona", ["kalmar_ngo", "kalmar_kommun"])
def test_coordinator_and_municipal_contact_see_their_collaboration_exactly(
    login_as, world, kalmar_figures, persona
):
    """Who may see the collaboration's participant rows sees its own funder count exactly."""
    client = login_as(getattr(world, persona))
    response = client.get(page(world), YEAR_2025)
    assert response.status_code == 200
    report = response.context["report"]
    assert not report.controlled
    assert report.participant_count(municipality="0880", gender="male") == 2
    age_gender = response.context["tables"]["age_gender"]
    six_to_twelve = next(row for row in age_gender.rows if row.label == "6–12")
    assert six_to_twelve.values == ["6", "2", "0", "0", "8"]
    body = response.content.decode()
    main = body.split("<main", 1)[1]
    assert ">..<" not in main and "&lt;5" not in main
    assert "Boden" not in main  # only the collaboration's own figures
    assert 'name="exact"' in body  # the exact download is offered


def test_a_researcher_sees_the_collaboration_disclosure_controlled(login_as, world, kalmar_figures):
    response = login_as(world.forskare).get(page(world), YEAR_2025)
    assert response.status_code == 200
    report = response.context["report"]
    assert report.controlled
    assert report.participant_count(municipality="0880", gender="male") is None
    assert report.participant_count(municipality="0880") == 8  # the total survives
    body = response.content.decode()
    assert "<td>..</td>" in body
    assert "&lt;5" not in body
    assert "..”" in body  # explained beside the table
    assert 'name="exact"' not in body


def test_the_collaboration_page_counts_only_its_own_participants(login_as, world, data):
    """Another collaboration in the same municipality is not in this collaboration's count."""
    from samverka.orgs.models import Collaboration

    other = Collaboration.objects.create(
        name="Andra samverkan",
        municipality=world.kalmar.municipality,
        lead_organisation=world.kalmar.lead_organisation,
        starts_on=date(2024, 1, 1),
    )
    data.group(3, data.session(date(2025, 3, 4)))
    data.group(6, data.session(date(2025, 3, 5), other, activity="Annat"), other)
    report = login_as(world.kalmar_ngo).get(page(world), YEAR_2025).context["report"]
    assert report.participant_count(municipality="0880") == 3


def test_national_lead_sees_exact_figures_on_a_collaboration_page(login_as, world, kalmar_figures):
    client = login_as(world.nationell)
    response = client.get(page(world), YEAR_2025)
    assert response.status_code == 200
    assert not response.context["report"].controlled
    age_gender = response.context["tables"]["age_gender"]
    six_to_twelve = next(row for row in age_gender.rows if row.label == "6–12")
    assert six_to_twelve.values == ["6", "2", "0", "0", "8"]
    assert "<td>..</td>" not in response.content.decode()


@pytest.mark.parametrize("persona", ["kalmar_ledare", "kalmar_partner_user"])
def test_activity_leader_and_partner_are_refused(client, world, kalmar_figures, persona):
    client.force_login(getattr(world, persona))
    assert client.get(page(world), YEAR_2025).status_code == 403
    export = reverse("reports:funder_export", args=[world.kalmar.code])
    assert client.post(export, {**YEAR_2025, "format": "csv"}).status_code == 403


def test_boden_coordinator_cannot_open_the_kalmar_funder_report(client, world, kalmar_figures):
    client.force_login(world.boden_ngo)
    assert client.get(page(world), YEAR_2025).status_code == 404
    export = reverse("reports:funder_export", args=[world.kalmar.code])
    assert client.post(export, {**YEAR_2025, "format": "csv"}).status_code == 404


def test_the_page_has_charts_with_tables_and_no_inline_script(login_as, world, kalmar_figures):
    body = login_as(world.nationell).get(page(world), YEAR_2025).content.decode()
    assert 'data-chart="m-age-gender-chart-data"' in body
    assert '<script id="m-age-gender-chart-data" type="application/json">' in body
    assert "vendor/chart.umd.min.js" in body
    assert "js/charts.js" in body
    assert body.count("<table>") >= 4
    assert " style=" not in body


def test_a_chart_with_every_bar_hidden_is_left_out(login_as, world, kalmar_figures):
    response = login_as(world.forskare).get(page(world), YEAR_2025)
    tables = response.context["tables"]
    assert tables["age_gender"].chart == {}  # 6 and 2: every cell is hidden
    assert tables["focus_areas"].chart  # sessions are not people: always drawn
    body = response.content.decode()
    assert 'data-chart="m-age-gender-chart-data"' not in body
    assert 'data-chart="m-focus-areas-chart-data"' in body


@pytest.mark.parametrize(
    ("query", "field", "code"),
    [
        ({"from": "2025-13-01", "to": "2025-12-31"}, "from", "invalid"),
        ({"from": "2025-06-01", "to": "2025-01-01"}, "__all__", "order"),
        ({"from": "", "to": "2025-12-31"}, "from", "required"),
        ({"from": "1999-01-01", "to": "2025-12-31"}, "__all__", "range"),
    ],
)
def test_a_bad_period_gives_a_clear_message_and_computes_nothing(
    login_as, world, monkeypatch, query, field, code
):
    def refuse(**kwargs):
        raise AssertionError("nothing may be computed for a bad period")

    monkeypatch.setattr("samverka.reports.views.funder_report", refuse)
    response = login_as(world.kalmar_ngo).get(page(world), query)
    assert response.status_code == 200
    assert response.context["report"] is None
    assert response.context["form"].has_error(field, code)
    body = response.content.decode()
    assert 'role="alert"' in body


def test_a_bad_period_message_is_in_english_for_an_english_user(login_as, world):
    client = login_as(world.kalmar_ngo)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(page(world), {"from": "2025-06-01", "to": "2025-01-01"})
    assert "The period ends before it starts. Check the dates." in response.content.decode()
    response = client.get(page(world), {"from": "1 januari", "to": "2025-01-01"})
    assert "Write the first day as a date, for example 2025-01-01." in response.content.decode()


def test_the_default_period_is_the_current_calendar_year(login_as, world, data):
    today = timezone.localdate()
    data.attend(data.participant(), data.session(today))
    response = login_as(world.nationell).get(page(world))
    report = response.context["report"]
    assert (report.start, report.end) == (date(today.year, 1, 1), date(today.year, 12, 31))
    assert report.participant_count(municipality="0880") == 1


def test_national_lead_sees_all_municipalities_exact(login_as, world, kalmar_figures):
    response = login_as(world.nationell).get(national_page(), YEAR_2025)
    assert response.status_code == 200
    assert not response.context["controlled"]
    table = response.context["municipality_table"]
    rows = {row.label: row.values for row in table.rows}
    assert rows["Kalmar"][0] == "8"
    assert rows["Boden"][0] == "7"
    assert table.rows[-1].total and table.rows[-1].values[0] == "15"


def test_national_lead_previews_the_controlled_version(login_as, world, kalmar_figures):
    response = login_as(world.nationell).get(national_page(), {**YEAR_2025, "controlled": "on"})
    assert response.context["controlled"]
    assert response.context["report"].participant_count(municipality="0880", gender="male") is None
    assert "<td>..</td>" in response.content.decode()


def test_national_lead_sees_the_details_of_one_municipality(login_as, world, kalmar_figures):
    response = login_as(world.nationell).get(national_page(), {**YEAR_2025, "municipality": "2582"})
    assert response.context["chosen_name"] == "Boden"
    rows = response.context["chosen_tables"]["age_gender"].rows
    assert next(r for r in rows if r.label == "18–64").values[-1] == "7"


@pytest.mark.parametrize("persona", ["kalmar_ngo", "kalmar_kommun"])
def test_only_national_staff_open_the_national_report(login_as, world, persona):
    client = login_as(getattr(world, persona))
    assert client.get(national_page()).status_code == 404
    export = reverse("reports:national_funder_export")
    assert client.post(export, {**YEAR_2025, "format": "csv"}).status_code == 404


def test_the_overview_shows_this_years_count(login_as, world, data):
    session = data.session(timezone.localdate())
    data.group(7, session)
    data.group(2, session, gender="male")
    body = login_as(world.kalmar_ngo).get(reverse("orgs:collaboration", args=[world.kalmar.code]))
    text = body.content.decode()
    assert reverse("reports:funder", args=[world.kalmar.code]) in text
    assert 'id="funder-heading"' in text
    assert "<strong>9</strong>" in text


def test_the_overview_panel_hides_a_small_count_from_those_outside_the_circle(
    login_as, world, data
):
    data.group(3, data.session(timezone.localdate()))
    overview = reverse("orgs:collaboration", args=[world.kalmar.code])
    text = login_as(world.forskare).get(overview)
    assert "<strong>..</strong>" in text.content.decode()
    for persona in ("nationell", "kalmar_ngo", "kalmar_kommun"):
        exact = login_as(getattr(world, persona)).get(overview)
        assert "<strong>3</strong>" in exact.content.decode(), persona


def test_the_overview_has_no_funder_panel_for_an_activity_leader(client, world):
    client.force_login(world.kalmar_ledare)
    response = client.get(reverse("orgs:collaboration", args=[world.kalmar.code]))
    assert response.status_code == 200
    assert 'id="funder-heading"' not in response.content.decode()
