from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.reports.services import WEB_FORMATS


def this_year() -> tuple[date, date]:
    year = timezone.localdate().year
    return date(year, 1, 1), date(year, 12, 31)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PeriodForm(forms.Form):
    """A period [from, to]; the fields are named like the command's --from and --to."""

    def __init__(self, *args, **kwargs):
        start, end = this_year()
        kwargs.setdefault("initial", {"from": start, "to": end})
        super().__init__(*args, **kwargs)
        self.fields["from"] = forms.DateField(
            label=_("From"),
            widget=DateInput(),
            error_messages={
                "required": _("Give the first day of the period."),
                "invalid": _("Write the first day as a date, for example 2025-01-01."),
            },
        )
        self.fields["to"] = forms.DateField(
            label=_("To"),
            widget=DateInput(),
            error_messages={
                "required": _("Give the last day of the period."),
                "invalid": _("Write the last day as a date, for example 2025-12-31."),
            },
        )
        self.order_fields(["from", "to"])

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and end < start:
            raise forms.ValidationError(
                _("The period ends before it starts. Check the dates."), code="order"
            )
        for day in (start, end):
            if day and not 2000 <= day.year <= 2100:
                raise forms.ValidationError(
                    _("Choose dates between the years 2000 and 2100."), code="range"
                )
        return data

    def period(self) -> tuple[date, date] | None:
        """The chosen period; the current year when nothing was asked; None when invalid."""
        if not self.is_bound:
            return this_year()
        if not self.is_valid():
            return None
        return self.cleaned_data["from"], self.cleaned_data["to"]


class NationalPeriodForm(PeriodForm):
    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"] = forms.ChoiceField(
            label=_("Details for a municipality"),
            required=False,
            choices=[("", _("None"))] + [(m.code, m.name) for m in municipalities],
        )
        self.fields["controlled"] = forms.BooleanField(
            label=_("Preview the disclosure-controlled version (as shared)"), required=False
        )


class ExportForm(PeriodForm):
    def __init__(self, *args, municipalities=(), national=False, exact_allowed=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"] = forms.ChoiceField(choices=[(f, f) for f in WEB_FORMATS])
        if exact_allowed:
            self.fields["exact"] = forms.BooleanField(required=False)
        if national:
            self.fields["controlled"] = forms.BooleanField(
                label=_("Disclosure-controlled, for sharing"), required=False
            )
            self.fields["municipality"] = forms.ChoiceField(
                required=False, choices=[("", "")] + [(m.code, m.name) for m in municipalities]
            )
