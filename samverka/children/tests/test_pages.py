"""Every page of the feature renders for the coordinator, and the overview shows the panel."""

import pytest
from django.urls import reverse

from samverka.children.tests.url_scopes import SCOPES, url_arguments

GET_PAGES = [
    name
    for name in SCOPES
    if SCOPES[name] == "collaboration"
    and name
    not in {
        "children:consultation_delete",
        "children:check_decide",
        "children:affects_children",
        "children:risk_analysis_sign",
        "children:excursion",
        "children:poster_delete",
        "children:consultation_decision_maker_add",
        "children:decision_maker_remove",
    }
]


@pytest.mark.parametrize("name", GET_PAGES)
def test_each_page_opens_for_the_coordinator(world, login_as, name):
    from django.urls import resolve  # noqa: F401

    kwargs = url_arguments(world)
    client = login_as(world.kalmar_ngo)
    pattern_kwargs = {"code": world.kalmar.code}
    from tests.test_url_scoping import named_patterns

    pattern = dict(named_patterns())[name]
    for key in pattern.pattern.regex.groupindex:
        if key != "code":
            pattern_kwargs[key] = kwargs[key]
    response = client.get(reverse(name, kwargs=pattern_kwargs))
    assert response.status_code in {200, 302}, (name, response.status_code)
