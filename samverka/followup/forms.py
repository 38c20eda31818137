from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.activities.models import FocusArea
from samverka.followup import periods
from samverka.followup.models import (
    AddedValue,
    Direction,
    EvidenceKind,
    EvidenceSource,
    Level,
    PeriodKind,
    Unit,
)
from samverka.followup.selectors import definitions_for
from samverka.lib.privacy import no_identifying_codes
from samverka.lib.widgets import RadioSelect

PERIOD_HELP = _("For example 2025 (a year), 2025-H1 (a half-year) or 2025-VT (a term).")


def _period(value: str, *, required: bool) -> str:
    key = (value or "").strip().upper()
    if not key:
        if required:
            raise forms.ValidationError(_("Write the period."))
        return ""
    if not periods.is_valid(key):
        raise forms.ValidationError(_("Write a period as 2025, 2025-H1 or 2025-VT."))
    return key


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=300, help_text=_("In plain words."))
    description = forms.CharField(
        label=_("What it means"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    focus_area = forms.TypedChoiceField(
        label=_("Focus area"),
        choices=[("", _("The collaboration itself")), *FocusArea.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices, widget=RadioSelect)


class DefinitionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        prefix = f"{obj.builtin_id} " if obj.builtin_id else ""
        return f"{prefix}{obj.name} ({Unit(obj.unit).label.lower()})"


class DecisionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.text} ({obj.session.held_on:%Y-%m-%d})"


class IndicatorForm(forms.Form):
    definition = DefinitionChoiceField(label=_("Indicator"), queryset=None)
    period_kind = forms.ChoiceField(
        label=_("Followed per"), choices=PeriodKind.choices, initial=PeriodKind.HALF
    )
    baseline_value = forms.DecimalField(
        label=_("Baseline"), max_digits=10, decimal_places=1, required=False
    )
    baseline_period = forms.CharField(
        label=_("Baseline period"), max_length=10, required=False, help_text=PERIOD_HELP
    )
    target_value = forms.DecimalField(
        label=_("Target"), max_digits=10, decimal_places=1, required=False
    )
    target_period = forms.CharField(
        label=_("Target period"), max_length=10, required=False, help_text=PERIOD_HELP
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    decisions = DecisionChoiceField(
        label=_("Learning decisions about it"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        from samverka.followup.models import IndicatorDefinition
        from samverka.followup.selectors import decisions_for

        ids = [d.pk for d in definitions_for(collaboration)]
        self.fields["definition"].queryset = IndicatorDefinition.objects.filter(pk__in=ids)
        self.fields["decisions"].queryset = decisions_for(collaboration).order_by(
            "-session__held_on"
        )
        if not self.fields["decisions"].queryset.exists():
            del self.fields["decisions"]

    def clean_baseline_period(self):
        return _period(self.cleaned_data.get("baseline_period"), required=False)

    def clean_target_period(self):
        return _period(self.cleaned_data.get("target_period"), required=False)


class ManualValueForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=10, help_text=PERIOD_HELP)
    value = forms.DecimalField(label=_("Value"), max_digits=10, decimal_places=1)
    source_note = forms.CharField(
        label=_("Source"),
        max_length=300,
        help_text=_("Where the value comes from, for example the school's statistics."),
    )

    def clean_period(self):
        return _period(self.cleaned_data.get("period"), required=True)


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EvidenceKind.choices, widget=RadioSelect)
    text = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[no_identifying_codes],
        help_text=_(
            "The steering group and national staff read it: write without names or participant "
            "codes."
        ),
    )
    period = forms.CharField(label=_("Period"), max_length=10, help_text=PERIOD_HELP)
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=None, required=False)
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=None, required=False)
    added_value = forms.ChoiceField(
        label=_("Added value"),
        choices=[("", "–"), *AddedValue.choices],
        required=False,
    )
    source = forms.ChoiceField(
        label=_("Source"), choices=EvidenceSource.choices, initial=EvidenceSource.OTHER
    )
    learning_session = forms.ModelChoiceField(
        label=_("Learning session"), queryset=None, required=False
    )
    activity = forms.ModelChoiceField(label=_("Activity"), queryset=None, required=False)
    survey_round = forms.ModelChoiceField(label=_("Survey round"), queryset=None, required=False)

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        from samverka.followup.selectors import goals_for, indicators_for

        self.fields["goal"].queryset = goals_for(collaboration)
        self.fields["indicator"].queryset = indicators_for(collaboration).filter(
            archived_at__isnull=True
        )
        self.fields["learning_session"].queryset = collaboration.learning_sessions.all()
        self.fields["activity"].queryset = collaboration.activities.all()
        self.fields["survey_round"].queryset = collaboration.survey_rounds.all()

    def clean_period(self):
        return _period(self.cleaned_data.get("period"), required=True)


class DefinitionForm(forms.Form):
    name_sv = forms.CharField(label=_("Name (Swedish)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    description_sv = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    direction = forms.ChoiceField(label=_("Which direction is better"), choices=Direction.choices)
    source = forms.ChoiceField(
        label=_("Source"),
        choices=[
            ("manual", _("Entered by hand per period")),
            ("qualitative", _("Qualitative (evidence notes only)")),
        ],
    )
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)


class ReportForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=10, help_text=PERIOD_HELP)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("sv", "Svenska"), ("en", "English")]
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("pdf", "PDF"), ("xlsx", _("Excel (XLSX)"))]
    )

    def clean_period(self):
        return _period(self.cleaned_data.get("period"), required=True)
