"""`{% load remembered_dates %}`: `|date` and `|time` write what Django's write, formatting a
day or a time of day once per language."""

import datetime
from unittest import mock

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import timezone, translation

from samverka.lib.templatetags import remembered_dates

DAY = datetime.date(2025, 5, 26)
CASES = [
    ('{{ value|date:"l j F" }}', DAY),
    ('{{ value|date:"SHORT_DATE_FORMAT" }}', DAY),
    ("{{ value|date }}", DAY),
    ('{{ value|date:"D <b>" }}', DAY),
    ('{{ value|time:"H:i" }}', datetime.time(15, 30)),
    ("{{ value|time }}", datetime.time(9, 5)),
    ('{{ value|date:"j F H:i e" }}', datetime.datetime(2025, 5, 26, 13, 0, tzinfo=datetime.UTC)),
    ('{{ value|time:"H:i" }}', datetime.datetime(2025, 5, 26, 23, 30, tzinfo=datetime.UTC)),
    ('{{ value|date:"j F" }}', None),
    ('{{ value|date:"j F" }}', ""),
    ('{{ value|date:"j F" }}', "not a date"),
]


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(("text", "value"), CASES)
def test_writes_what_djangos_filters_write(text, value, language):
    with translation.override(language):
        django = Template(text).render(Context({"value": value}))
        remembered = Template("{% load remembered_dates %}" + text)
        assert remembered.render(Context({"value": value})) == django
        assert remembered.render(Context({"value": value})) == django  # remembered


def test_formats_a_day_once_per_language_and_format():
    template = Template('{% load remembered_dates %}{{ value|date:"l j F" }}')
    remembered_dates._formatted.cache_clear()
    with mock.patch.object(
        remembered_dates, "django_date", wraps=remembered_dates.django_date
    ) as django:
        with translation.override("sv"):
            assert template.render(Context({"value": DAY})) == "måndag 26 maj"
            assert template.render(Context({"value": DAY})) == "måndag 26 maj"
        with translation.override("en"):
            assert template.render(Context({"value": DAY})) == "Monday 26 May"
        assert django.call_count == 2


def test_a_datetime_follows_the_time_zone():
    template = Template('{% load remembered_dates %}{{ value|time:"H:i" }}')
    value = datetime.datetime(2025, 5, 26, 13, 0, tzinfo=datetime.UTC)
    with timezone.override("Europe/Stockholm"):
        assert template.render(Context({"value": value})) == "15:00"
    with timezone.override("UTC"):
        assert template.render(Context({"value": value})) == "13:00"


def test_a_changed_setting_is_not_answered_from_memory():
    template = Template('{% load remembered_dates %}{{ value|date:"SHORT_DATE_FORMAT" }}')
    with translation.override("en"):
        assert template.render(Context({"value": DAY})) == "05/26/2025"
        with override_settings(FORMAT_MODULE_PATH=None, LANGUAGE_CODE="en", USE_I18N=False):
            assert template.render(Context({"value": DAY})) == Template(
                '{{ value|date:"SHORT_DATE_FORMAT" }}'
            ).render(Context({"value": DAY}))
