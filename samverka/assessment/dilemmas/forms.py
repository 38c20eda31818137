from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.assessment.form_fields import textarea
from samverka.assessment.models import Dilemma, DilemmaKind
from samverka.lib.widgets import RadioSelect
from samverka.orgs.forms import DateInput


class DilemmaForm(forms.ModelForm):
    class Meta:
        model = Dilemma
        fields = [
            "kind",
            "title",
            "occurred_on",
            "situation",
            "municipality_view",
            "civil_society_view",
            "balance",
            "outcome",
            "status",
        ]
        widgets = {
            "kind": RadioSelect,
            "occurred_on": DateInput(),
            "situation": textarea(4),
            "municipality_view": textarea(3),
            "civil_society_view": textarea(3),
            "balance": textarea(3),
            "outcome": textarea(3),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = DilemmaKind.choices  # no empty "---------" choice
        if not self.instance.pk:
            self.fields["occurred_on"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == DilemmaKind.OWN and not (cleaned.get("title") or "").strip():
            self.add_error("title", _("Give your own dilemma a short name."))
        return cleaned
