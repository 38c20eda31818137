from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.assessment.form_fields import textarea
from samverka.assessment.phases import checklist_for
from samverka.orgs.forms import DateInput
from samverka.orgs.models import Phase


class ChecklistForm(forms.Form):
    def __init__(self, *args, phase: str, marks: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = checklist_for(phase)
        for item in self.items:
            mark = marks.get(item.id)
            self.fields[f"done_{item.id}"] = forms.BooleanField(
                label=item.text, required=False, initial=bool(mark and mark.done)
            )
            self.fields[f"note_{item.id}"] = forms.CharField(
                label=_("Note"),
                required=False,
                max_length=300,
                initial=mark.note if mark else "",
            )

    def rows(self):
        return [
            {"item": item, "done": self[f"done_{item.id}"], "note": self[f"note_{item.id}"]}
            for item in self.items
        ]

    def done(self) -> set[str]:
        return {item.id for item in self.items if self.cleaned_data.get(f"done_{item.id}")}

    def notes(self) -> dict[str, str]:
        return {item.id: self.cleaned_data.get(f"note_{item.id}", "") for item in self.items}


class PhaseChangeForm(forms.Form):
    to_phase = forms.ChoiceField(label=_("New phase"), choices=Phase.choices)
    changed_on = forms.DateField(label=_("Date"), widget=DateInput())
    reason = forms.CharField(
        label=_("Why"),
        widget=textarea(3),
        max_length=2000,
        help_text=_("What makes this the right time? This is kept in the collaboration's history."),
    )

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_phase"].choices = [
            (value, label) for value, label in Phase.choices if value != collaboration.phase
        ]
        self.fields["changed_on"].initial = timezone.localdate()

    def clean_changed_on(self):
        changed_on = self.cleaned_data["changed_on"]
        if changed_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return changed_on
