import re
from pathlib import Path

from django import forms

from samverka.activities.models import Activity
from samverka.lib.widgets import RadioSelect

SAMVERKA = Path(__file__).resolve().parents[2]


class _ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["focus_area"]
        widgets = {"focus_area": RadioSelect}


def test_radio_buttons_offer_no_empty_dashed_choice_and_none_is_checked():
    html = str(_ActivityForm()["focus_area"])
    assert "---------" not in html
    assert "checked" not in html
    assert (
        html.count('type="radio"') == len(list(_ActivityForm.base_fields["focus_area"].choices)) - 1
    )


def test_an_unanswered_required_group_says_so():
    form = _ActivityForm(data={})
    assert not form.is_valid() and "focus_area" in form.errors


def test_every_form_uses_the_radio_buttons_without_the_empty_choice():
    offenders = [
        str(path.relative_to(SAMVERKA))
        for path in SAMVERKA.rglob("*.py")
        if "tests" not in path.parts
        and path.name != "widgets.py"
        and re.search(r"forms\.RadioSelect\b", path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"use samverka.lib.widgets.RadioSelect in {offenders}"
