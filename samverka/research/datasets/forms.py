from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.research.datasets.models import Dataset
from samverka.research.projects.forms import DateInput


class DatasetForm(forms.ModelForm):
    class Meta:
        model = Dataset
        fields = ["title", "starts_on", "ends_on", "period", "k", "survey_rounds"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "survey_rounds": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, rounds, ask_surveys: bool, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["survey_rounds"]
        field.queryset = rounds
        field.label_from_instance = lambda r: (
            f"{r.title} – {r.collaboration.municipality} ({r.opens_on:%Y-%m-%d})"
        )
        field.help_text = _(
            "Answers only of participants whose survey consent is given; never free text."
        )
        if not ask_surveys:
            del self.fields["survey_rounds"]
