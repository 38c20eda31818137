from django import forms

from samverka.activities.models import Activity
from samverka.lib.widgets import RadioSelect


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
