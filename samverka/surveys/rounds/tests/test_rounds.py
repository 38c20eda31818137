"""Survey rounds for staff: the start page, creating, changing and closing rounds, public links,
the poster and the overview panel. Interface text is asserted in Swedish (the default)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samverka.accounts.models import Membership
from samverka.activities.models import Activity, Session
from samverka.audit.models import AuditEvent
from samverka.surveys.instruments import texts
from samverka.surveys.instruments.models import InstrumentKind
from samverka.surveys.respond.models import Response
from samverka.surveys.rounds import poster_texts, selectors, services
from samverka.surveys.rounds.models import RespondentLink, Round
from samverka.surveys.tests.factories import make_response, make_round, make_version

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def url(name, world, **kwargs):
    return reverse(f"surveys:{name}", kwargs={"code": world.kalmar.code, **kwargs})


def add_texts(version, *languages):
    """Translate every required text of a version into more languages (tests only)."""
    units = list(texts.text_units(version))
    for unit in units:
        if unit.required:
            for language in languages:
                unit.set(language, f"{unit.get('en')} [{language}]")
    for unit in units:
        unit.obj.save(update_fields=[unit.field])
    return version


def activity(collaboration, name="Läxhjälp"):
    return Activity.objects.create(
        collaboration=collaboration,
        name=name,
        focus_area=2,
        type="leisure",
        starts_on=date(2025, 1, 1),
    )


def round_data(version, **overrides):
    data = {
        "version": version.code,
        "title": "Föräldraenkät våren",
        "opens_on": TODAY.isoformat(),
        "closes_on": (TODAY + timedelta(days=30)).isoformat(),
        "languages": ["sv", "en", "ar"],
        "activity": "",
        "session": "",
    }
    data.update(overrides)
    return data


def submitted_through(link, count):
    for _ in range(count):
        Response.objects.create(
            round=link.round,
            link=link,
            version=link.round.version,
            language="sv",
            organisation=link.organisation,
            submitted_at=timezone.now(),
        )


# ----------------------------------------------------------------------------- start page


def test_start_page_groups_rounds_by_state_with_answer_counts(world, login_as):
    version = make_version()
    open_round = make_round(world.kalmar, version, title="Öppna omgången")
    make_round(world.kalmar, version, title="Kommande omgången", opens_in_days=10)
    closed = make_round(world.kalmar, version, title="Stängda omgången", opens_in_days=-60)
    make_response(open_round, {"T-NET-01": "4"})
    make_response(open_round, {"T-NET-01": "5"}, language="ar")
    make_response(open_round, {"T-NET-01": "2"}, submitted=False)
    assert closed.state == "closed"
    make_round(world.boden, version, title="Bodens omgång")

    page = login_as(world.kalmar_ngo).get(url("index", world)).content.decode()

    positions = [
        page.index(text)
        for text in (
            'id="rounds-open"',
            "Öppna omgången",
            'id="rounds-planned"',
            "Kommande omgången",
            'id="rounds-closed"',
            "Stängda omgången",
        )
    ]
    assert positions == sorted(positions)
    assert "2 svar" in page  # submitted only, the draft is not counted
    assert "Bodens omgång" not in page
    assert reverse("surveys:round_create", args=[world.kalmar.code]) in page
    assert reverse("surveys:round", args=[world.kalmar.code, open_round.code]) in page


def test_start_page_for_reading_roles_has_no_new_round_button(world, login_as):
    make_round(world.kalmar, title="Höstens enkät")
    for person in (world.kalmar_ledare, world.forskare):
        page = login_as(person).get(url("index", world)).content.decode()
        assert "Höstens enkät" in page
        assert reverse("surveys:round_create", args=[world.kalmar.code]) not in page


def test_other_collaboration_gets_404_everywhere(world, login_as):
    round_ = make_round(world.kalmar)
    client = login_as(world.boden_ngo)
    for name in ("round", "round_edit", "round_poster"):
        assert client.get(url(name, world, round_code=round_.code)).status_code == 404
    assert client.post(url("round_close", world, round_code=round_.code)).status_code == 404
    assert client.get(url("index", world)).status_code == 404
    assert client.get(url("round_create", world)).status_code == 404
    # A Boden coordinator's own round is not reachable through Kalmar's address either.
    boden_round = make_round(world.boden)
    client = login_as(world.kalmar_ngo)
    assert client.get(url("round", world, round_code=boden_round.code)).status_code == 404


# ---------------------------------------------------------------------------------- roles


def test_activity_leader_reads_but_cannot_create_change_or_close(world, login_as):
    version = make_version()
    round_ = make_round(world.kalmar, version)
    client = login_as(world.kalmar_ledare)
    assert client.get(url("round_create", world)).status_code == 403
    assert client.post(url("round_create", world), round_data(version)).status_code == 403
    assert client.get(url("round_edit", world, round_code=round_.code)).status_code == 403
    assert client.post(url("round_close", world, round_code=round_.code)).status_code == 403
    assert client.get(url("round_poster", world, round_code=round_.code)).status_code == 403
    page = client.get(url("round", world, round_code=round_.code)).content.decode()
    assert round_.title in page
    assert url("round_edit", world, round_code=round_.code) not in page
    assert url("round_close", world, round_code=round_.code) not in page
    assert Round.objects.count() == 1
    round_.refresh_from_db()
    assert round_.closed_at is None


def test_researcher_is_read_only(world, login_as):
    version = make_version()
    round_ = make_round(world.kalmar, version)
    client = login_as(world.forskare)
    assert client.get(url("round", world, round_code=round_.code)).status_code == 200
    assert client.get(url("round_create", world)).status_code == 403
    assert client.post(url("round_create", world), round_data(version)).status_code == 403
    assert client.post(url("round_edit", world, round_code=round_.code)).status_code == 403
    assert client.post(url("round_close", world, round_code=round_.code)).status_code == 403
    assert Round.objects.count() == 1


def test_municipal_contact_and_national_lead_manage_rounds(world, login_as):
    version = make_version()
    for person in (world.kalmar_kommun, world.nationell):
        response = login_as(person).post(
            url("round_create", world) + f"?version={version.code}",
            round_data(version, title=f"Omgång av {person.username}"),
        )
        assert response.status_code == 302
    assert Round.objects.filter(collaboration=world.kalmar).count() == 2


def test_partner_sees_only_the_open_partner_links_of_their_organisation(world, login_as):
    Membership.objects.filter(user=world.kalmar_partner_user).update(
        organisation=world.kalmar_partner
    )
    partner_version = make_version(kind=InstrumentKind.PARTNER, name="Partnerenkät")
    partner_round = services.round_create(
        collaboration=world.kalmar,
        version=partner_version,
        title="Partnerenkäten",
        opens_on=TODAY,
        closes_on=TODAY + timedelta(days=14),
        languages=["sv"],
        organisations=[world.kalmar.lead_organisation, world.kalmar_partner],
        by=world.kalmar_ngo,
    )
    make_round(world.kalmar, title="Föräldraenkäten")
    planned = make_round(world.kalmar, partner_version, title="Nästa partnerenkät", opens_in_days=9)
    own = partner_round.links.get(organisation=world.kalmar_partner)
    lead = partner_round.links.get(organisation=world.kalmar.lead_organisation)
    general = selectors.general_link(partner_round)

    client = login_as(world.kalmar_partner_user)
    page = client.get(url("index", world)).content.decode()
    assert "Partnerenkäten" in page
    assert own.code in page
    assert lead.code not in page and general.code not in page
    assert "Föräldraenkäten" not in page and planned.title not in page
    assert url("round_create", world) not in page
    for name in ("round", "round_edit", "round_poster"):
        assert client.get(url(name, world, round_code=partner_round.code)).status_code == 403
    assert client.get(url("round_create", world)).status_code == 403
    assert client.post(url("round_close", world, round_code=partner_round.code)).status_code == 403

    # The overview shows the partner their survey.
    overview = client.get(reverse("orgs:collaboration", args=[world.kalmar.code])).content.decode()
    assert "Partnerenkäten" in overview and own.code in overview


def test_partner_without_an_organisation_gets_the_general_link(world, login_as):
    partner_version = make_version(kind=InstrumentKind.PARTNER)
    partner_round = services.round_create(
        collaboration=world.kalmar,
        version=partner_version,
        title="Partnerenkäten",
        opens_on=TODAY,
        closes_on=TODAY,
        languages=["sv"],
        organisations=[world.kalmar_partner],
        by=world.kalmar_ngo,
    )
    page = login_as(world.kalmar_partner_user).get(url("index", world)).content.decode()
    assert selectors.general_link(partner_round).code in page
    assert partner_round.links.get(organisation=world.kalmar_partner).code not in page


# ------------------------------------------------------------------------------- creating


def test_new_round_starts_by_choosing_a_published_survey(world, login_as):
    builtin = make_version(name="Inbyggd föräldraenkät")
    own = make_version(collaboration=world.kalmar, name="Vår egen enkät")
    draft = make_version(collaboration=world.kalmar, name="Vårt utkast", published=False)
    foreign = make_version(collaboration=world.boden, name="Bodens egen enkät")
    client = login_as(world.kalmar_ngo)

    page = client.get(url("round_create", world)).content.decode()
    assert builtin.code in page and own.code in page
    assert draft.code not in page and "Bodens egen enkät" not in page

    page = client.get(url("round_create", world) + f"?version={own.code}").content.decode()
    assert "Vår egen enkät" in page
    assert 'name="languages"' in page
    # Swedish, English and Arabic are ready; the others miss texts.
    missing = len(texts.missing_texts(own, "so"))
    assert f"saknar {missing} texter" in page

    response = client.get(url("round_create", world) + f"?version={draft.code}")
    assert response.status_code == 200
    assert "Den versionen är ett utkast" in response.content.decode()
    assert client.get(url("round_create", world) + f"?version={foreign.code}").status_code == 404


def test_coordinator_creates_a_round_with_its_general_link(world, login_as, settings):
    settings.SITE_URL = "https://samverka.example"
    version = make_version()
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("round_create", world) + f"?version={version.code}",
        round_data(version, languages=["ar", "sv"]),
    )
    round_ = Round.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("round", world, round_code=round_.code)
    assert round_.collaboration == world.kalmar and round_.created_by == world.kalmar_ngo
    assert round_.languages == ["sv", "ar"]  # in the order of the survey languages
    link = RespondentLink.objects.get(round=round_)
    assert link.organisation is None and len(link.code) == 6
    assert AuditEvent.objects.filter(action="create", object_code=round_.code).exists()

    page = client.get(response["Location"]).content.decode()
    assert f"https://samverka.example{selectors.link_path(link)}" in page
    assert "<svg" in page
    assert 'data-copy="link-' in page
    assert "Omgången är sparad" in page


def test_a_language_with_missing_texts_is_refused_and_nothing_is_created(world, login_as):
    version = make_version()
    missing = len(texts.missing_texts(version, "so"))
    assert missing > 1
    response = login_as(world.kalmar_ngo).post(
        url("round_create", world), round_data(version, languages=["sv", "so"])
    )
    assert response.status_code == 200
    assert f": {missing} texter saknas." in response.content.decode()
    assert not Round.objects.exists() and not RespondentLink.objects.exists()
    with pytest.raises(ValidationError):
        services.round_create(
            collaboration=world.kalmar,
            version=version,
            title="Förbi formuläret",
            opens_on=TODAY,
            closes_on=TODAY,
            languages=["so"],
            by=world.kalmar_ngo,
        )
    assert not Round.objects.exists()


def test_five_languages_once_they_are_translated(world, login_as):
    version = add_texts(make_version(), "so", "uk")
    response = login_as(world.kalmar_ngo).post(
        url("round_create", world), round_data(version, languages=["sv", "en", "ar", "so", "uk"])
    )
    assert response.status_code == 302
    assert Round.objects.get().languages == ["sv", "en", "ar", "so", "uk"]


def test_at_least_one_language(world, login_as):
    version = make_version()
    response = login_as(world.kalmar_ngo).post(
        url("round_create", world), round_data(version, languages=[])
    )
    assert "Välj minst ett språk." in response.content.decode()
    assert not Round.objects.exists()


def test_the_round_cannot_close_before_it_opens(world, login_as):
    version = make_version()
    response = login_as(world.kalmar_ngo).post(
        url("round_create", world),
        round_data(
            version,
            opens_on=TODAY.isoformat(),
            closes_on=(TODAY - timedelta(days=1)).isoformat(),
        ),
    )
    assert "Omgången kan inte stänga innan den öppnar." in response.content.decode()
    assert not Round.objects.exists()


def test_another_collaborations_instrument_or_activity_is_refused(world, login_as):
    foreign_version = make_version(collaboration=world.boden)
    client = login_as(world.kalmar_ngo)
    response = client.post(url("round_create", world), round_data(foreign_version))
    assert "Välj en publicerad enkät i den här samverkan" in response.content.decode()
    assert not Round.objects.exists()

    version = make_version()
    boden_activity = activity(world.boden, "Bodens läxhjälp")
    boden_session = Session.objects.create(activity=boden_activity, date=TODAY)
    response = client.post(
        url("round_create", world), round_data(version, activity=boden_activity.code)
    )
    assert "Välj en aktivitet i den här samverkan." in response.content.decode()
    response = client.post(
        url("round_create", world), round_data(version, session=boden_session.code)
    )
    assert response.status_code == 200
    assert "Välj ett tillfälle i den här samverkan." in response.content.decode()
    assert not Round.objects.exists()
    with pytest.raises(ValidationError):
        services.round_create(
            collaboration=world.kalmar,
            version=version,
            title="Förbi formuläret",
            opens_on=TODAY,
            closes_on=TODAY,
            languages=["sv"],
            activity=boden_activity,
            by=world.kalmar_ngo,
        )
    assert not Round.objects.exists()


def test_a_session_must_belong_to_the_chosen_activity(world, login_as):
    version = make_version()
    homework = activity(world.kalmar, "Läxhjälp")
    football = activity(world.kalmar, "Fotboll")
    session = Session.objects.create(activity=homework, date=TODAY, theme="Bråk")
    client = login_as(world.kalmar_ngo)

    page = client.get(url("round_create", world) + f"?version={version.code}").content.decode()
    assert 'optgroup label="Läxhjälp"' in page and "Bråk" in page

    response = client.post(
        url("round_create", world),
        round_data(version, activity=football.code, session=session.code),
    )
    assert "Tillfället hör till ”Läxhjälp”" in response.content.decode()
    assert not Round.objects.exists()

    # A session alone brings its activity with it.
    response = client.post(url("round_create", world), round_data(version, session=session.code))
    assert response.status_code == 302
    round_ = Round.objects.get()
    assert round_.session == session and round_.activity == homework


def test_partner_survey_gives_chosen_organisations_their_own_links(world, login_as):
    version = make_version(kind=InstrumentKind.PARTNER)
    client = login_as(world.kalmar_ngo)
    page = client.get(url("round_create", world) + f"?version={version.code}").content.decode()
    # By default the lead organisation and every partner get a link.
    assert page.count('name="organisations"') == 2
    assert page.count("checked") >= 2
    assert world.kalmar_partner.name in page and world.kalmar.lead_organisation.name in page

    response = client.post(
        url("round_create", world), round_data(version, organisations=[world.kalmar_partner.code])
    )
    assert response.status_code == 302
    round_ = Round.objects.get()
    assert {str(link.organisation) for link in round_.links.all()} == {
        "None",
        world.kalmar_partner.name,
    }

    response = client.post(
        url("round_create", world),
        round_data(version, title="Med Boden", organisations=[world.boden_partner.code]),
    )
    assert "Länkar kan bara göras för samverkans egna organisationer." in response.content.decode()
    assert Round.objects.count() == 1


def test_parent_survey_has_no_organisation_links(world, login_as):
    version = make_version()
    client = login_as(world.kalmar_ngo)
    page = client.get(url("round_create", world) + f"?version={version.code}").content.decode()
    assert 'name="organisations"' not in page
    client.post(
        url("round_create", world), round_data(version, organisations=[world.kalmar_partner.code])
    )
    assert Round.objects.get().links.count() == 1


# -------------------------------------------------------------------------------- editing


def test_coordinator_changes_name_dates_and_adds_a_language(world, login_as):
    version = add_texts(make_version(), "uk")
    round_ = make_round(world.kalmar, version, languages=["sv"])
    make_response(round_, {"T-NET-01": "3"})
    closes = TODAY + timedelta(days=60)
    response = login_as(world.kalmar_ngo).post(
        url("round_edit", world, round_code=round_.code),
        round_data(
            version,
            title="Nytt namn",
            opens_on=round_.opens_on.isoformat(),
            closes_on=closes.isoformat(),
            languages=["sv", "uk"],
        ),
    )
    assert response.status_code == 302
    round_.refresh_from_db()
    assert (round_.title, round_.closes_on, round_.languages) == ("Nytt namn", closes, ["sv", "uk"])
    event = AuditEvent.objects.get(action="update", object_code=round_.code)
    assert event.fields == ["closes_on", "languages", "title"]


def test_a_language_with_answers_cannot_be_removed(world, login_as):
    version = make_version()
    round_ = make_round(world.kalmar, version, languages=["sv", "en", "ar"])
    make_response(round_, {"T-NET-01": "3"}, language="ar", submitted=False)
    response = login_as(world.kalmar_ngo).post(
        url("round_edit", world, round_code=round_.code),
        round_data(version, languages=["sv", "en"]),
    )
    assert response.status_code == 200
    assert "kan inte tas bort: någon har svarat på det språket." in response.content.decode()
    round_.refresh_from_db()
    assert round_.languages == ["sv", "en", "ar"]
    assert not AuditEvent.objects.filter(object_code=round_.code).exists()


def test_the_survey_stays_once_someone_has_answered(world, login_as):
    version = make_version()
    other = make_version(name="En annan enkät")
    round_ = make_round(world.kalmar, version)
    client = login_as(world.kalmar_ngo)

    # Without answers the survey can still be changed.
    response = client.post(url("round_edit", world, round_code=round_.code), round_data(other))
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.version == other

    make_response(round_, {"T-NET-01": "3"})
    page = client.get(url("round_edit", world, round_code=round_.code)).content.decode()
    assert "Enkäten kan inte bytas: någon har redan svarat." in page
    response = client.post(url("round_edit", world, round_code=round_.code), round_data(version))
    assert response.status_code == 302  # the posted survey is ignored
    round_.refresh_from_db()
    assert round_.version == other
    with pytest.raises(ValidationError):
        services.round_update(
            round=round_,
            version=version,
            title=round_.title,
            opens_on=round_.opens_on,
            closes_on=round_.closes_on,
            languages=round_.languages,
            by=world.kalmar_ngo,
        )


def test_edit_refuses_a_foreign_activity(world, login_as):
    version = make_version()
    round_ = make_round(world.kalmar, version)
    boden_activity = activity(world.boden)
    response = login_as(world.kalmar_ngo).post(
        url("round_edit", world, round_code=round_.code),
        round_data(version, activity=boden_activity.code),
    )
    assert response.status_code == 200
    round_.refresh_from_db()
    assert round_.activity is None


# -------------------------------------------------------------------------------- closing


def test_closing_is_idempotent_and_audited(world, login_as):
    round_ = make_round(world.kalmar)
    client = login_as(world.kalmar_ngo)
    close = url("round_close", world, round_code=round_.code)
    assert client.get(close).status_code == 405
    response = client.post(close)
    assert response.status_code == 302
    round_.refresh_from_db()
    first = round_.closed_at
    assert first is not None and round_.state == "closed"
    client.post(close, follow=True)
    round_.refresh_from_db()
    assert round_.closed_at == first
    assert AuditEvent.objects.filter(object_code=round_.code, fields=["closed_at"]).count() == 1
    page = client.get(url("round", world, round_code=round_.code)).content.decode()
    assert "Stängd" in page and close not in page


# ----------------------------------------------------------------------------- link counts


def test_answers_per_organisation_are_disclosure_controlled(world, login_as):
    version = make_version(kind=InstrumentKind.PARTNER)
    round_ = services.round_create(
        collaboration=world.kalmar,
        version=version,
        title="Partnerenkäten",
        opens_on=TODAY,
        closes_on=TODAY,
        languages=["sv"],
        organisations=[world.kalmar.lead_organisation, world.kalmar_partner],
        by=world.kalmar_ngo,
    )
    partner_link = round_.links.get(organisation=world.kalmar_partner)
    lead_link = round_.links.get(organisation=world.kalmar.lead_organisation)
    client = login_as(world.kalmar_ngo)
    detail = url("round", world, round_code=round_.code)

    submitted_through(partner_link, 3)
    page = client.get(detail).content.decode()
    assert "Svar per organisation visas när minst 5 har svarat sammanlagt." in page
    assert "3 svar" in page  # the round's total
    assert "färre än 5 svar" not in page

    submitted_through(lead_link, 7)
    page = client.get(detail).content.decode()
    # 3 is hidden, and 7 too: it would give the 3 away from the total of 10.
    assert page.count("färre än 5 svar") == 2
    assert "10 svar" in page

    submitted_through(partner_link, 3)
    page = client.get(detail).content.decode()
    assert "6 svar" in page and "7 svar" in page and "färre än 5 svar" not in page


# --------------------------------------------------------------------------------- poster


def test_poster_has_the_qr_code_and_the_texts_of_the_rounds_languages(world, login_as):
    version = add_texts(make_version(), "so", "uk")
    round_ = make_round(world.kalmar, version, languages=["sv", "ar", "so"])
    client = login_as(world.kalmar_ngo)
    page = client.get(url("round_poster", world, round_code=round_.code)).content.decode()
    link = selectors.general_link(round_)
    assert "<svg" in page and "<path" in page
    assert selectors.short_address(link) in page
    for language in ("sv", "ar", "so"):
        assert poster_texts.TEXTS[language]["invitation"] in page
        assert poster_texts.TEXTS[language]["answers"] in page
    assert poster_texts.TEXTS["uk"]["invitation"] not in page
    assert 'lang="ar" dir="rtl" data-language="ar"' in page
    assert 'lang="so" dir="ltr" data-language="so"' in page
    assert round_.closes_on.isoformat() in page
    assert world.kalmar.lead_organisation.name in page
    assert "data-print" in page
    # Staff are told which texts no translator has checked.
    assert "Ingen översättare har granskat affischens text på:" in page


def test_partner_letter_has_the_organisations_own_link(world, login_as):
    version = make_version(kind=InstrumentKind.PARTNER)
    round_ = services.round_create(
        collaboration=world.kalmar,
        version=version,
        title="Partnerenkäten",
        opens_on=TODAY,
        closes_on=TODAY,
        languages=["sv", "en"],
        organisations=[world.kalmar_partner],
        by=world.kalmar_ngo,
    )
    link = round_.links.get(organisation=world.kalmar_partner)
    client = login_as(world.kalmar_ngo)
    poster = url("round_poster", world, round_code=round_.code)
    page = client.get(f"{poster}?link={link.code}").content.decode()
    assert selectors.short_address(link) in page
    assert f"Brev till {world.kalmar_partner.name}" in page
    assert poster_texts.TEXTS["sv"]["invitation_partner"] in page
    assert client.get(f"{poster}?link=NOPE22").status_code == 404
    other = make_round(world.kalmar)
    assert client.get(f"{poster}?link={selectors.general_link(other).code}").status_code == 404


def test_poster_texts_exist_in_every_survey_language():
    from samverka.lib.languages import LANGUAGE_CODES, Shipped, is_reviewed

    assert set(poster_texts.TEXTS) == set(LANGUAGE_CODES)
    for language, poster in poster_texts.TEXTS.items():
        assert set(poster) == set(poster_texts.KEYS), language
        assert all(value.strip() for value in poster.values()), language
        assert "{address}" in poster["scan"] and "{date}" in poster["closes"], language
    assert {code for code in LANGUAGE_CODES if is_reviewed(code, Shipped.POSTER)} == {"sv", "en"}


# ---------------------------------------------------------------------------------- panel


def test_overview_panel_lists_open_rounds_with_counts(world, login_as):
    open_round = make_round(world.kalmar, title="Vårens föräldraenkät")
    make_round(world.kalmar, title="Höstens enkät", opens_in_days=20)
    make_response(open_round, {"T-NET-01": "3"})
    overview = reverse("orgs:collaboration", args=[world.kalmar.code])
    page = login_as(world.kalmar_ngo).get(overview).content.decode()
    assert "Vårens föräldraenkät" in page and "1 svar" in page
    assert "Höstens enkät" not in page and "1 omgång är planerad." in page
    assert url("index", world) in page and url("round_create", world) in page

    page = login_as(world.kalmar_ledare).get(overview).content.decode()
    assert "Vårens föräldraenkät" in page and url("round_create", world) not in page

    page = (
        login_as(world.boden_ngo)
        .get(reverse("orgs:collaboration", args=[world.boden.code]))
        .content.decode()
    )
    assert "Vårens föräldraenkät" not in page


def test_link_falls_back_to_the_short_path_and_site_url(world, settings):
    settings.SITE_URL = "https://samverka.example"
    round_ = make_round(world.kalmar)
    link = selectors.general_link(round_)
    assert selectors.link_url(link) == f"https://samverka.example{selectors.link_path(link)}"
    assert selectors.short_address(link) == f"samverka.example/s/{link.code}"
