"""The attendance page's tap tiles and quick-add form, built in Python.

The page has a tile per likely participant (often a hundred): an `{% include %}` per tile, and
the quick-add form's radio buttons rendered widget by widget on every request, took more time
than everything else on the page together (README, Performance).
"""

import copy
import re
from html import escape as _html_escape

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samverka.participants.models import ParticipantRole

register = template.Library()

_SPECIAL = re.compile(r"[&<>\"']").search


def escape(text: str) -> str:
    """`html.escape(text)`, skipped for the many texts (codes, years) that need none: the search
    takes half the time of escaping."""
    return _html_escape(text) if _SPECIAL(text) else text


@register.simple_tag
def taps(tiles, present_ids, names=None):
    """One tap tile (a labelled checkbox named `present`) per participant in `tiles`.

    `tiles` are `activities.views.Tile`s; those in `present_ids` are checked; `names`
    (participant id → display name, only those the viewer may see) puts the name on the tile
    with the code beneath, and into what the filter searches. Every value is escaped as `{{ }}`
    would (`html.escape`, which `django.utils.html.escape` also uses; this is several times
    faster than format_html for a hundred tiles).
    """
    roles = _roles()
    names = names or {}
    html = []
    for t in tiles:
        code, household = escape(t.code), escape(t.household_code)
        role = roles.get(t.role) or escape(t.role)
        year = f" · {escape(str(t.birth_year))}" if t.birth_year else ""
        checked = " checked" if t.pk in present_ids else ""
        name = names.get(t.pk)
        if name:
            name = escape(name)
            shown = f'<span class="tap-name" dir="auto">{name}</span>'
            search = f"{code} {household} {name}"
        else:
            shown, search = "", f"{code} {household}"
        html.append(
            f'<label class="tap" data-search="{search}">'
            f'<input type="checkbox" name="present" value="{code}"{checked}>{shown}'
            f'<span class="tap-code">{code}</span>'
            f'<span class="tap-meta">{role}{year} · {household}</span></label>\n'
        )
    return mark_safe("".join(html))  # every value above is escaped


# The roles as tiles show them, by language (they are translated texts).
_role_labels: dict[str | None, dict[str, str]] = {}


def _roles() -> dict[str, str]:
    language = get_language()
    roles = _role_labels.get(language)
    if roles is None:
        roles = _role_labels[language] = {
            value: escape(str(label)) for value, label in ParticipantRole.choices
        }
    return roles


@register.simple_tag
def household_picker(form, households, names):
    """The quick-add's household: a list of the usual participants' households (household
    code → member Tiles), each with its members' codes and display names (those the viewer may
    see), then a field for another household's code (the form's `household`, left out of
    `quick_form_body`)."""
    picked = form.picked_household() if form.is_bound else ""
    options = []
    for code, members in households.items():
        people = ", ".join(
            f"{m.code} {names[m.pk]}" if names.get(m.pk) else m.code for m in members
        )
        selected = " selected" if code == picked else ""
        code = escape(code)
        options.append(f'<option value="{code}"{selected}>{code}: {escape(people)}</option>')
    if not form.is_bound:
        # A blank form's HTML around the options is the same on every request in one language.
        key = (type(form), get_language(), form.prefix, form.auto_id)
        parts = _blank_pickers.get(key)
        if parts is None:
            parts = _blank_pickers[key] = _picker(form, "\0").split("\0")
        return mark_safe("".join(options).join(parts))  # escaped above and in _picker
    return mark_safe(_picker(form, "".join(options)))


# Blank forms' household pickers around their options, by what their HTML depends on.
_blank_pickers: dict[tuple, list[str]] = {}


def _picker(form, options: str) -> str:
    """The household picker's HTML with `options` (escaped) after its first option."""
    field_id = escape(form.add_prefix("household_pick"))
    options = f'<option value="">{escape(str(_("A new household")))}</option>{options}'
    typed = form["household"]
    errors = "".join(f"<li>{escape(str(e))}</li>" for e in typed.errors)
    html = (
        f'<div class="field">'
        f'<label for="id_{field_id}">{escape(str(_("Household")))}</label>'
        f'<p class="helptext" id="id_{field_id}_helptext">'
        f"{escape(str(_('Children and guardians of one family share a household.')))}</p>"
        f'<select name="{field_id}" id="id_{field_id}" '
        f'aria-describedby="id_{field_id}_helptext">{options}</select></div>'
        f'<div class="field{" has-error" if errors else ""}">'
        f'<label for="{typed.auto_id}">{escape(str(typed.label))}</label>'
        f'<p class="helptext">{escape(str(typed.help_text))}</p>'
        f'<input type="text" name="{typed.html_name}" id="{typed.auto_id}" maxlength="8" '
        f'autocapitalize="characters" autocomplete="off" value="{escape(typed.value() or "")}">'
        + (f'<ul class="errorlist" id="{typed.auto_id}_error">{errors}</ul>' if errors else "")
        + "</div>"
    )
    return html  # every value above is escaped


# Blank quick-add forms as HTML, by what their HTML depends on.
_blank_forms: dict[tuple, str] = {}


@register.simple_tag
def quick_form_body(form):
    """`includes/form_body.html` for the attendance page's QuickParticipantForm.

    A blank form looks the same on every request in one language, so its HTML is rendered
    once per process and language; a bound form (with the leader's input and errors) every time.
    The birth year's bounds and placeholder are in the key, as they depend on the year.
    """
    # The household is drawn by `household_picker` beside the list of households.
    if not form.is_bound:
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
            html = _blank_forms[key] = render_to_string(
                "includes/form_body.html", {"form": _without_household(form)}
            )
        return html
    return render_to_string("includes/form_body.html", {"form": _without_household(form)})


def _without_household(form):
    form = copy.copy(form)
    form.fields = {name: f for name, f in form.fields.items() if name != "household"}
    return form
