from django.template import Context, Template
from django.utils import translation

TEMPLATE = Template("{% load figures %}{{ a|figure }}|{{ b|figure }}|{{ c|figure }}|{{ d|figure }}")


def _render(language):
    with translation.override(language):
        return TEMPLATE.render(Context({"a": 20000, "b": "1234567", "c": "..", "d": 7}))


def test_counts_have_the_languages_digit_grouping_and_the_hidden_mark_stays():
    assert _render("sv") == "20\xa0000|1\xa0234\xa0567|..|7"
    assert _render("en") == "20,000|1,234,567|..|7"
