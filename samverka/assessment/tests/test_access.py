"""Every page of the collaboration model, for every role: allowed, refused (403), foreign (404)."""

import pytest
from django.urls import reverse

from conftest import on_the_shared_world
from samverka.accounts.models import Membership
from samverka.assessment import urls
from samverka.assessment.tests.url_scopes import SCOPES, url_arguments

NGO, KOMMUN, LEDARE, PARTNER, FORSKARE, NATIONELL = (
    "kalmar_ngo",
    "kalmar_kommun",
    "kalmar_ledare",
    "kalmar_partner_user",
    "forskare",
    "nationell",
)
ROLES = [NGO, KOMMUN, LEDARE, PARTNER, FORSKARE, NATIONELL]

VIEW = {NGO, KOMMUN, LEDARE, FORSKARE, NATIONELL}
EDIT = {NGO, KOMMUN, NATIONELL}
MANAGE = {NGO, KOMMUN, NATIONELL}  # both parties own the model (issue 13.11)
ANSWER = {NGO, KOMMUN, LEDARE, PARTNER}  # partners answer on the civil-society side
ROUNDS = VIEW | ANSWER
RESULTS = {NGO, KOMMUN, LEDARE, FORSKARE, NATIONELL}
SPANNERS = {NGO, KOMMUN, NATIONELL}

# name: (method, who may)
MATRIX = {
    "assessment:model": ("get", VIEW),
    "assessment:profile_edit": ("get", EDIT),
    "assessment:routine_edit": ("get", EDIT),
    "assessment:checklist_edit": ("get", EDIT),
    "assessment:phase_change": ("get", EDIT),
    "assessment:rounds": ("get", ROUNDS),
    "assessment:instrument": ("get", ROUNDS),
    "assessment:journey": ("get", RESULTS),
    "assessment:round_open": ("get", MANAGE),
    "assessment:round": ("get", ROUNDS),
    "assessment:answer": ("get", ANSWER),
    "assessment:round_close": ("post", MANAGE),
    "assessment:results": ("get", RESULTS),
    "assessment:report": ("get", RESULTS),
    "assessment:dilemmas": ("get", VIEW),
    "assessment:dilemma_create": ("get", EDIT),
    "assessment:dilemma": ("get", VIEW),
    "assessment:dilemma_edit": ("get", EDIT),
    "assessment:dilemma_delete": ("post", EDIT),
    "assessment:learning": ("get", VIEW),
    "assessment:learning_create": ("get", EDIT),
    "assessment:learning_session": ("get", VIEW),
    "assessment:learning_edit": ("get", EDIT),
    "assessment:learning_delete": ("post", EDIT),
    "assessment:decision_add": ("post", EDIT),
    "assessment:decision_toggle": ("post", EDIT),
    "assessment:decision_delete": ("post", EDIT),
    "assessment:boundary_spanners": ("get", SPANNERS),
    "assessment:boundary_spanner_create": ("get", SPANNERS),
    "assessment:boundary_spanner_edit": ("get", SPANNERS),
    "assessment:boundary_spanner_delete": ("post", SPANNERS),
}


# A round, a dilemma, a learning session and a spanner of Kalmar's, built once for the module.
_kalmar_objects = on_the_shared_world(url_arguments)


@pytest.fixture
def kalmar_objects(world, _kalmar_objects):
    return _kalmar_objects


def url_for(name, world, objects):
    values = {"code": world.kalmar.code, **objects}
    route = next(p for p in urls.urlpatterns if p.name == name.split(":")[1])
    return reverse(name, kwargs={key: values[key] for key in route.pattern.regex.groupindex})


def test_the_matrix_covers_every_collaboration_page():
    assert set(MATRIX) == {n for n, scope in SCOPES.items() if scope == "collaboration"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_is_allowed_or_refused(world, login_as, kalmar_objects, name, role):
    method, allowed = MATRIX[name]
    url = url_for(name, world, kalmar_objects)
    client = login_as(getattr(world, role))
    response = getattr(client, method)(url)
    if role in allowed:
        assert response.status_code in {200, 302}, (name, role, response.status_code)
    else:
        assert response.status_code == 403, (name, role, response.status_code)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_members_of_boden_get_404_for_kalmar(world, login_as, kalmar_objects, name):
    method, _ = MATRIX[name]
    client = login_as(world.boden_kommun)
    response = getattr(client, method)(url_for(name, world, kalmar_objects))
    assert response.status_code == 404
    assert world.kalmar.name.encode() not in response.content


# Pages that carry the code of one of Kalmar's rounds, dilemmas, sessions or spanners.
OBJECT_PAGES = sorted(
    name
    for name in MATRIX
    if any(
        key
        in next(
            p for p in urls.urlpatterns if p.name == name.split(":")[1]
        ).pattern.regex.groupindex
        for key in ("assessment_code", "dilemma_code", "learning_code", "spanner_code")
    )
)


def test_object_pages_are_the_expected_ones():
    assert "assessment:results" in OBJECT_PAGES and "assessment:rounds" not in OBJECT_PAGES


@pytest.mark.parametrize("name", OBJECT_PAGES)
def test_a_kalmar_object_is_404_under_bodens_code(world, login_as, kalmar_objects, name):
    """A coordinator of both may open both, but Kalmar's objects do not exist under Boden's."""
    method, _ = MATRIX[name]
    url = url_for(name, world, kalmar_objects).replace(world.kalmar.code, world.boden.code)
    Membership.objects.create(user=world.kalmar_ngo, collaboration=world.boden, role="coordinator")
    response = getattr(login_as(world.kalmar_ngo), method)(url)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "name, key, value",
    [
        ("assessment:routine_edit", "element_key", "receptiveness"),
        ("assessment:checklist_edit", "phase_key", "afterwards"),
    ],
)
def test_unknown_elements_and_phases_are_404(world, login_as, name, key, value):
    kwargs = {"code": world.kalmar.code, key: value}
    assert login_as(world.kalmar_ngo).get(reverse(name, kwargs=kwargs)).status_code == 404


@pytest.mark.parametrize("role", [NGO, KOMMUN, LEDARE, PARTNER])
def test_only_national_staff_see_the_national_comparison(world, login_as, role):
    assert login_as(getattr(world, role)).get(reverse("assessment:national")).status_code == 404
    assert login_as(world.nationell).get(reverse("assessment:national")).status_code == 200
    assert login_as(world.forskare).get(reverse("assessment:national")).status_code == 200
