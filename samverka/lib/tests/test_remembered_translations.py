"""`{% load remembered_translations %}`: `{% translate %}` writes what Django's writes,
translating a constant text once per language."""

from unittest import mock

import pytest
from django.template import Context, Template
from django.templatetags.i18n import TranslateNode
from django.utils import translation

from samverka.lib.templatetags import remembered_translations

CASES = [
    ('{% translate "Save" %}', {}),
    ("{% trans 'Save attendance' %}", {}),
    ('{% translate "50%% <b>&</b>" %}', {}),
    ('{% translate "Save"|upper %}', {}),
    ('{% translate "Save" noop %}', {}),
    ('{% translate "May" context "month name" %}', {}),
    ('{% translate "Save" as saved %}[{{ saved }}]', {}),
    ("{% translate text %}", {"text": "Save <now>"}),
    ('{% autoescape off %}{% translate "Find" %}{% endautoescape %}', {}),
]


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(("text", "values"), CASES)
def test_writes_what_djangos_translate_writes(text, values, language):
    with translation.override(language):
        django = Template("{% load i18n %}" + text).render(Context(values))
        remembered = Template("{% load i18n remembered_translations %}" + text)
        assert remembered.render(Context(values)) == django
        assert remembered.render(Context(values)) == django  # remembered


def test_translates_a_constant_text_once_per_language():
    template = Template('{% load i18n remembered_translations %}{% translate "Save" %}')
    remembered_translations._remembered.clear()
    render = TranslateNode.render
    with mock.patch.object(TranslateNode, "render", autospec=True, side_effect=render) as django:
        with translation.override("sv"):
            assert template.render(Context()) == "Spara"
            assert template.render(Context()) == "Spara"
        with translation.override("en"):
            assert template.render(Context()) == "Save"
        assert django.call_count == 2


def test_a_variable_is_translated_every_time():
    template = Template("{% load i18n remembered_translations %}{% translate text %}")
    with translation.override("sv"):
        assert template.render(Context({"text": "Save"})) == "Spara"
        assert template.render(Context({"text": "Find"})) == "Sök"
