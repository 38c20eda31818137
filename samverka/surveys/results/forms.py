"""Forms of the results pages: a breakdown, a round to compare with, the national period."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverka.surveys.results.breakdowns import DIMENSION_LABELS, DIMENSIONS


class BreakdownForm(forms.Form):
    by = forms.ChoiceField(
        label=gettext_lazy("Break down by"),
        required=False,
        choices=[
            ("", gettext_lazy("No breakdown")),
            *[(d, DIMENSION_LABELS[d]) for d in DIMENSIONS],
        ],
        widget=forms.Select(attrs={"data-autosubmit": ""}),
    )

    def dimension(self) -> str:
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get("by") or ""
        return ""


class CompareForm(forms.Form):
    """?with=<round code>: the field is named "with", which a class attribute cannot be."""

    def __init__(self, *args, rounds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["with"] = forms.ChoiceField(
            label=gettext_lazy("Compare with"),
            choices=[("", gettext_lazy("Choose a round"))]
            + [(r.code, _round_choice_label(r)) for r in rounds],
            error_messages={
                "invalid_choice": gettext_lazy("Choose one of the rounds in the list."),
                "required": gettext_lazy("Choose a round to compare with."),
            },
        )


def _round_choice_label(round_) -> str:
    return _("%(title)s (%(opens)s – %(closes)s, %(instrument)s v%(number)s)") % {
        "title": round_.title,
        "opens": formats.date_format(round_.opens_on, "SHORT_DATE_FORMAT"),
        "closes": formats.date_format(round_.closes_on, "SHORT_DATE_FORMAT"),
        "instrument": round_.version.instrument.name,
        "number": round_.version.number,
    }


class NationalResultsForm(forms.Form):
    """Which built-in instrument, which period (when answers were sent), broken down or not."""

    instrument = forms.ChoiceField(label=gettext_lazy("Survey"))
    start = forms.DateField(
        label=gettext_lazy("Answers sent from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=gettext_lazy("to"), widget=forms.DateInput(attrs={"type": "date"}))
    by = forms.ChoiceField(
        label=gettext_lazy("Break down by"),
        required=False,
        choices=[
            ("", gettext_lazy("No breakdown")),
            ("municipality", DIMENSION_LABELS["municipality"]),
        ],
    )

    def __init__(self, *args, instruments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].choices = [(i.key or i.code, i.name) for i in instruments]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period must end on or after the day it starts."))
        return data
