"""The attendance page's tap tiles and quick-add form, built in Python.

The page has a tile per likely participant (often a hundred): an `{% include %}` per tile, and
the quick-add form's radio buttons rendered widget by widget on every request, took more time
than everything else on the page together (README, Performance).
"""

from html import escape

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from samverka.participants.models import ParticipantRole

register = template.Library()


@register.simple_tag
def taps(tiles, present_ids):
    """One tap tile (a labelled checkbox named `present`) per participant in `tiles`.

    `tiles` are `activities.views.Tile`s; those in `present_ids` are checked. Every value is
    escaped as `{{ }}` would (`html.escape`, which `django.utils.html.escape` also uses; this
    is several times faster than format_html for a hundred tiles).
    """
    roles = {value: escape(str(label)) for value, label in ParticipantRole.choices}
    html = []
    for t in tiles:
        code, household = escape(t.code), escape(t.household_code)
        role = roles.get(t.role) or escape(t.role)
        year = f" · {escape(str(t.birth_year))}" if t.birth_year else ""
        checked = " checked" if t.pk in present_ids else ""
        html.append(
            f'<label class="tap" data-search="{code} {household}">'
            f'<input type="checkbox" name="present" value="{code}"{checked}>'
            f'<span class="tap-code">{code}</span>'
            f'<span class="tap-meta">{role}{year} · {household}</span></label>\n'
        )
    return mark_safe("".join(html))  # every value above is escaped


# Blank quick-add forms as HTML, by what their HTML depends on.
_blank_forms: dict[tuple, str] = {}


@register.simple_tag
def quick_form_body(form):
    """`includes/form_body.html` for the attendance page's QuickParticipantForm.

    A blank form looks the same on every request in one language, so its HTML is rendered
    once per process and language; a bound form (with the leader's input and errors) every time.
    The birth year's bounds and placeholder are in the key, as they depend on the year.
    """
    if form.is_bound:
        return render_to_string("includes/form_body.html", {"form": form})
    year = form.fields["birth_year"]
    key = (
        type(form),
        get_language(),
        form.prefix,
        form.auto_id,
        year.min_value,
        year.max_value,
        year.widget.attrs.get("placeholder"),
    )
    html = _blank_forms.get(key)
    if html is None:
        html = _blank_forms[key] = render_to_string("includes/form_body.html", {"form": form})
    return html
