"""`{{ value|figure }}`: a count as people read it — with the language's digit grouping
("20 000" in Swedish, "20,000" in English) — and anything else (the hidden mark "..", a
percentage already written, an empty value) as it is. Years and codes are not figures: only
what is counted goes through this filter. Exports write plain numbers (lib/exports.py)."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    if isinstance(value, str) and value.isdigit():
        return number_format(int(value), force_grouping=True)
    return value
