"""Issue 13.11: both parties own the model — the municipal contact opens and closes
self-assessment rounds like the coordinator; partner organisations' members answer on the
civil-society side; a refused page says who can act on it; an invitation has no role chosen in
advance. Tests run in Swedish, as the people who use it do."""

from django.urls import reverse

from samverka.assessment.models import AssessmentRound, Party, Response
from samverka.assessment.rounds import services
from samverka.assessment.rounds.selectors import expected_respondents
from samverka.assessment.tests.conftest import post_data


def url(name, world, round=None):
    args = [world.kalmar.code] + ([round.code] if round else [])
    return reverse(f"assessment:{name}", args=args)


def test_the_municipal_contact_opens_and_closes_a_round(world, login_as):
    client = login_as(world.kalmar_kommun)
    assert client.get(url("round_open", world)).status_code == 200
    response = client.post(url("round_open", world), {"note": "", "closes_on": ""})
    round = AssessmentRound.objects.get(collaboration=world.kalmar)
    assert response.status_code == 302 and round.opened_by == world.kalmar_kommun
    assert client.post(url("round_close", world, round)).status_code == 302
    round.refresh_from_db()
    assert not round.is_open


def test_the_municipal_contact_of_another_collaboration_cannot(world, login_as):
    client = login_as(world.boden_kommun)
    assert client.post(url("round_open", world), {"note": ""}).status_code == 404
    assert not AssessmentRound.objects.exists()


def test_a_partner_member_answers_on_the_civil_society_side(world, login_as):
    round = services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    client = login_as(world.kalmar_partner_user)
    page = client.get(url("answer", world, round))
    assert page.status_code == 200
    assert page.context["form"].initial["party"] == Party.CIVIL_SOCIETY
    data = post_data(Party.CIVIL_SOCIETY, "operational", "4", submit="1")
    assert client.post(url("answer", world, round), data).status_code == 302
    response = Response.objects.get(round=round, respondent=world.kalmar_partner_user)
    assert response.party == Party.CIVIL_SOCIETY and response.submitted_at is not None
    # coordinator, municipal contact, activity leader and the partner member are expected
    assert expected_respondents(world.kalmar) == 4


def test_a_refused_page_says_who_can_act_on_it(world, login_as):
    response = login_as(world.kalmar_ledare).get(url("round_open", world))
    assert response.status_code == 403
    body = response.content.decode()
    assert 'id="who-can"' in body
    assert "Samordnare" in body and "Kommunal kontaktperson" in body
    assert "Aktivitetsledare" not in body.split('id="who-can"')[1].split("</p>")[0]


def test_the_invitation_form_chooses_no_role_in_advance(world, login_as):
    client = login_as(world.kalmar_ngo)
    invite = reverse("accounts:member_invite", args=[world.kalmar.code])
    form = client.get(invite).context["form"]
    choices = [value for value, _label in form.fields["role"].choices]
    assert choices[0] == "" and choices[1] == "partner" and choices[-1] == "coordinator"
    assert '<option value="" selected>' in str(form["role"])
    response = client.post(invite, {"name": "Sara", "email": ""})
    assert response.status_code == 200 and response.context["form"].errors["role"]


def test_pages_a_role_cannot_act_on_say_who_can(world, login_as):
    leader = login_as(world.kalmar_ledare)
    body = leader.get(url("rounds", world)).content.decode()
    assert 'id="who-can"' in body
    said = body.split('id="who-can"')[1].split("</p>")[0]
    assert "Omgångar öppnas och stängs av" in said and "Kommunal kontaktperson" in said
    model = leader.get(url("model", world)).content.decode()
    assert "Fasen och dess checklista sköts av" in model
    coordinator = login_as(world.kalmar_ngo)
    assert 'id="who-can"' not in coordinator.get(url("rounds", world)).content.decode()
    members = reverse("accounts:members", args=[world.kalmar.code])
    page = login_as(world.kalmar_kommun).get(members).content.decode()
    assert "Nya medlemmar bjuds in av: " in page and "Samordnare" in page
