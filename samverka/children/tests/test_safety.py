"""Safe activities: risk analyses signed by one person of each party, the excursion warning to
the leaders, and incidents seen in detail only by the coordinator and the municipal contact."""

from datetime import date, timedelta

from django.urls import reverse

from samverka.accounts.models import Membership
from samverka.activities.models import Activity, ActivityType, Session
from samverka.children.models import Excursion, Incident, Risk, RiskAnalysis
from samverka.children.safety import services
from samverka.participants.models import Household, Participant


def _url(world, name, **kwargs):
    return reverse(f"children:{name}", kwargs={"code": world.kalmar.code, **kwargs})


def _analysis(world, activity, today, signed=True):
    analysis = RiskAnalysis.objects.create(activity=activity, review_on=today + timedelta(days=90))
    Risk.objects.create(
        analysis=analysis,
        area="transport",
        description="Buss",
        likelihood=2,
        consequence=3,
        measure="Bälte",
        responsible=Membership.objects.get(user=world.kalmar_ngo),
    )
    if signed:
        analysis.municipal_signed_by, analysis.municipal_signed_on = world.kalmar_kommun, today
        analysis.civil_signed_by, analysis.civil_signed_on = world.kalmar_ngo, today
        analysis.save()
    return analysis


def test_both_parties_sign_and_the_analysis_is_current_until_its_review_date(
    world, login_as, forum, today, membership
):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        _url(world, "risk_analysis_create", activity_code=forum.code),
        {"scope": "Hösten", "review_on": (today + timedelta(days=100)).isoformat()},
    )
    analysis = RiskAnalysis.objects.get()
    response = client.post(
        _url(world, "risk_add", analysis_code=analysis.code),
        {
            "area": "excursions_water",
            "description": "Bad vid stranden",
            "likelihood": "2",
            "consequence": "4",
            "measure": "Flytvästar, en vuxen i vattnet",
            "responsible": membership(world.kalmar_kommun).pk,
        },
    )
    assert response.status_code == 302 and analysis.risks.count() == 1
    sign = {"signed_on": today.isoformat()}
    client.post(
        _url(world, "risk_analysis_sign", analysis_code=analysis.code),
        {**sign, "party": "civil_society"},
    )
    # The coordinator cannot sign for the municipality.
    assert (
        client.post(
            _url(world, "risk_analysis_sign", analysis_code=analysis.code),
            {**sign, "party": "municipality"},
        ).status_code
        == 403
    )
    login_as(world.kalmar_kommun).post(
        _url(world, "risk_analysis_sign", analysis_code=analysis.code),
        {**sign, "party": "municipality"},
    )
    analysis.refresh_from_db()
    assert analysis.state == "current"
    assert analysis.state_on(today + timedelta(days=101)) == "expired"


def test_one_person_cannot_sign_for_both_parties(world, forum, today):
    analysis = _analysis(world, forum, today, signed=False)
    services.risk_analysis_sign(
        analysis=analysis, party="civil_society", signed_on=today, by=world.kalmar_ngo
    )
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.risk_analysis_sign(
            analysis=analysis, party="municipality", signed_on=today, by=world.kalmar_ngo
        )


def test_changing_a_risk_asks_for_new_signatures(world, login_as, forum, today, membership):
    analysis = _analysis(world, forum, today)
    risk = analysis.risks.get()
    login_as(world.kalmar_ngo).post(
        _url(world, "risk_edit", analysis_code=analysis.code, risk_code=risk.code),
        {
            "area": "transport",
            "description": "Buss",
            "likelihood": "3",
            "consequence": "3",
            "measure": "Bälte",
            "responsible": membership(world.kalmar_ngo).pk,
        },
    )
    analysis.refresh_from_db()
    assert analysis.state == "draft" and analysis.civil_signed_on is None


def test_leaders_read_risk_analyses_but_do_not_change_or_sign_them(world, login_as, forum, today):
    analysis = _analysis(world, forum, today, signed=False)
    client = login_as(world.kalmar_ledare)
    assert client.get(_url(world, "risk_analysis", analysis_code=analysis.code)).status_code == 200
    assert client.get(_url(world, "risk_add", analysis_code=analysis.code)).status_code == 403
    assert (
        client.post(
            _url(world, "risk_analysis_sign", analysis_code=analysis.code),
            {"party": "civil_society", "signed_on": today.isoformat()},
        ).status_code
        == 403
    )


def test_an_excursion_without_a_current_analysis_warns_its_leaders(
    world, login_as, forum, forum_session, today
):
    client = login_as(world.kalmar_ledare)
    attendance = reverse("activities:attendance", args=[world.kalmar.code, forum_session.code])
    assert 'id="excursion-warning"' not in client.get(attendance).content.decode()
    client.post(
        _url(world, "excursion", session_code=forum_session.code),
        {"excursion": "1", "destination": "Stranden"},
    )
    assert Excursion.objects.get().destination == "Stranden"
    body = client.get(attendance).content.decode()
    assert 'id="excursion-warning"' in body and "Utflykt utan gällande riskanalys" in body
    _analysis(world, forum, today)
    body = client.get(attendance).content.decode()
    assert "Utflykt utan gällande riskanalys" not in body
    # The analysis has no risk for excursions and water: a softer note remains.
    assert "Riskanalysen tar inte upp" in body


def test_an_excursion_activity_is_always_an_excursion(world, today):
    from samverka.children.safety.selectors import session_safety

    trip = Activity.objects.create(
        collaboration=world.kalmar,
        name="Utflykt",
        focus_area=2,
        type=ActivityType.EXCURSION,
        starts_on=today,
    )
    session = Session.objects.create(activity=trip, date=today + timedelta(days=2))
    assert session_safety(session)["warn"]


def _incident(**extra):
    data = {
        "happened_on": "",
        "what_happened": "Ett barn halkade och slog i knät.",
        "measures": "Matta vid dörren.",
        "informed": ["guardians"],
        "informed_other": "",
        "follow_up_by": "",
        "follow_up_on": "",
    }
    data.update(extra)
    return data


def test_a_leader_reports_an_incident_and_sees_counts_only(
    world, login_as, forum_session, membership
):
    client = login_as(world.kalmar_ledare)
    response = client.post(
        _url(world, "incident_create"),
        _incident(
            session=forum_session.pk,
            happened_on=forum_session.date.isoformat(),
            follow_up_by=membership(world.kalmar_kommun).pk,
            follow_up_on=forum_session.date.isoformat(),
        ),
    )
    incident = Incident.objects.get()
    assert response.status_code == 302 and incident.reported_by == world.kalmar_ledare
    body = client.get(_url(world, "incidents")).content.decode()
    assert 'id="incident-counts"' in body and "halkade" not in body
    assert client.get(_url(world, "incident", incident_code=incident.code)).status_code == 403
    for user in (world.kalmar_ngo, world.kalmar_kommun):
        assert "halkade" in login_as(user).get(_url(world, "incidents")).content.decode()
    # The follow-up of the measures is on the overview for the municipal contact.
    overview = login_as(world.kalmar_kommun).get(
        reverse("orgs:collaboration", args=[world.kalmar.code])
    )
    assert "Åtgärder efter tillbud att följa upp" in overview.content.decode()
    login_as(world.kalmar_kommun).post(
        _url(world, "incident_follow_up", incident_code=incident.code),
        {"followed_up_on": forum_session.date.isoformat(), "follow_up_note": "Mattan ligger där."},
    )
    incident.refresh_from_db()
    assert incident.followed_up_on == forum_session.date


def test_an_incident_text_with_a_participant_code_is_refused(world, login_as, forum_session):
    household = Household.objects.create(collaboration=world.kalmar)
    child = Participant.objects.create(
        collaboration=world.kalmar, household=household, role="child", birth_year=2016
    )
    response = login_as(world.kalmar_ngo).post(
        _url(world, "incident_create"),
        _incident(
            session=forum_session.pk,
            happened_on=forum_session.date.isoformat(),
            what_happened=f"{child.code} föll",
        ),
    )
    assert response.status_code == 400 and child.code in response.content.decode()
    assert not Incident.objects.exists()


def test_researchers_and_partners_never_see_incident_details(world, login_as, forum_session):
    incident = Incident.objects.create(
        collaboration=world.kalmar,
        session=forum_session,
        happened_on=date(2025, 3, 1),
        what_happened="Fall",
    )
    assert (
        login_as(world.forskare)
        .get(_url(world, "incident", incident_code=incident.code))
        .status_code
        == 403
    )
    assert login_as(world.kalmar_partner_user).get(_url(world, "incidents")).status_code == 403
