from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.assessment.form_fields import textarea
from samverka.assessment.instrument import ITEMS, SCALE_MAX, SCALE_MIN
from samverka.assessment.models import Level, Party
from samverka.lib.widgets import RadioSelect
from samverka.orgs.forms import DateInput

DONT_KNOW = "dk"


class RoundOpenForm(forms.Form):
    note = forms.CharField(
        label=_("Message to the respondents"),
        required=False,
        max_length=2000,
        widget=textarea(3),
        help_text=_("Why this round, and when the results will be discussed together."),
    )
    closes_on = forms.DateField(
        label=_("Planned closing date"),
        required=False,
        widget=DateInput(),
        help_text=_("Shown to the respondents. The round closes when you close it."),
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data.get("closes_on")
        if closes_on and closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date cannot be in the past."))
        return closes_on


SCALE_CHOICES = [(str(v), str(v)) for v in range(SCALE_MIN, SCALE_MAX + 1)] + [
    (DONT_KNOW, _("Don't know"))
]


class AnswerForm(forms.Form):
    """All items of the instrument; drafts may leave some out, a submission may not."""

    party = forms.ChoiceField(label=_("I answer for"), choices=Party.choices, widget=RadioSelect)
    level = forms.ChoiceField(
        label=_("I mainly work at"), choices=Level.choices, widget=RadioSelect
    )

    def __init__(self, *args, submit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submit = submit
        for item in ITEMS:
            self.fields[f"item_{item.id}"] = forms.ChoiceField(
                label=item.text, choices=SCALE_CHOICES, required=False, widget=RadioSelect
            )
            self.fields[f"comment_{item.id}"] = forms.CharField(
                label=_("Comment (optional)"),
                required=False,
                max_length=1000,
                widget=textarea(2),
            )

    @staticmethod
    def initial_from(response, party: str, level: str) -> dict:
        initial = {"party": party, "level": level}
        if response is not None:
            initial.update(party=response.party, level=response.level)
            for answer in response.answers.all():
                value = DONT_KNOW if answer.value is None else str(answer.value)
                initial[f"item_{answer.item_id}"] = value
                initial[f"comment_{answer.item_id}"] = answer.comment
        return initial

    def clean(self):
        cleaned = super().clean()
        if self.submit:
            for item in ITEMS:
                if not cleaned.get(f"item_{item.id}"):
                    self.add_error(f"item_{item.id}", _("Choose a value, or “Don't know”."))
        return cleaned

    def answers(self) -> dict[str, tuple[int | None, str]]:
        result = {}
        for item in ITEMS:
            value = self.cleaned_data.get(f"item_{item.id}")
            comment = self.cleaned_data.get(f"comment_{item.id}", "")
            if not value:
                continue
            result[item.id] = (None if value == DONT_KNOW else int(value), comment)
        return result

    def item_rows(self, items):
        return [
            {"item": item, "value": self[f"item_{item.id}"], "comment": self[f"comment_{item.id}"]}
            for item in items
        ]
