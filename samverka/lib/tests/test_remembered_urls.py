"""`{% load remembered_urls %}`: `{% url %}` writes what Django's writes, reversing once."""

from unittest import mock

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, set_script_prefix

from samverka.lib.templatetags import remembered_urls

CASES = [
    ("{% url 'home' %}", {}),
    ("{% url 'activities:attendance' code session %}", {"code": "AB12", "session": "CD34"}),
    (
        "{% url 'activities:attendance' code=code session_code=session %}",
        {"code": "A", "session": "B"},
    ),
    ("{% url 'activities:attendance' code 'x y&z' as link %}[{{ link }}]", {"code": "AB12"}),
    ("{% url 'orgs:collaboration' code %}", {"code": "<&>"}),
    ("{% autoescape off %}{% url 'orgs:collaboration' code %}{% endautoescape %}", {"code": "a&b"}),
    ("{% url 'no:such' as link %}[{{ link }}]", {}),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_writes_what_djangos_url_writes(text, values):
    django = Template(text).render(Context(values))
    remembered = Template("{% load remembered_urls %}" + text)
    assert remembered.render(Context(values)) == django
    assert remembered.render(Context(values)) == django  # remembered


def test_a_name_that_does_not_exist_is_an_error_every_time():
    template = Template("{% load remembered_urls %}{% url 'no:such' %}")
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            template.render(Context())


def test_reverses_once_per_urlconf_prefix_and_arguments():
    template = Template("{% load remembered_urls %}{% url 'orgs:collaboration' code %}")
    remembered_urls._reversed.cache_clear()
    with mock.patch.object(remembered_urls, "reverse", wraps=remembered_urls.reverse) as reverse:
        first = template.render(Context({"code": "AB12"}))
        assert template.render(Context({"code": "AB12"})) == first
        assert reverse.call_count == 1
        assert template.render(Context({"code": "EF56"})) == first.replace("AB12", "EF56")
        set_script_prefix("/samverka/")
        try:
            assert template.render(Context({"code": "AB12"})) == "/samverka" + first
        finally:
            set_script_prefix("/")
        with override_settings(ROOT_URLCONF="bench.urls"):
            assert template.render(Context({"code": "AB12"})) == first
        assert reverse.call_count == 4
