from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.assessment.form_fields import (
    MembershipChoiceField,
    MembershipMultipleChoiceField,
    active_memberships,
    textarea,
)
from samverka.assessment.models import LearningDecision, LearningSession
from samverka.orgs.forms import DateInput


class LearningSessionForm(forms.ModelForm):
    participants = MembershipMultipleChoiceField(
        label=_("Participants"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = LearningSession
        fields = [
            "held_on",
            "participants",
            "other_participants",
            "rounds",
            "dilemmas",
            "other_material",
            "notes",
        ]
        widgets = {
            "held_on": DateInput(),
            "rounds": forms.CheckboxSelectMultiple,
            "dilemmas": forms.CheckboxSelectMultiple,
            "other_material": textarea(2),
            "notes": textarea(5),
        }

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = active_memberships(collaboration)
        self.fields["rounds"].queryset = collaboration.assessment_rounds.filter(
            closed_at__isnull=False
        ).order_by("-number")
        self.fields["dilemmas"].queryset = collaboration.dilemmas.all()
        if not self.instance.pk:
            self.fields["held_on"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("participants")
            and not (cleaned.get("other_participants") or "").strip()
        ):
            self.add_error("participants", _("Who took part?"))
        return cleaned


class DecisionForm(forms.ModelForm):
    follow_up_by = MembershipChoiceField(label=_("Followed up by"), queryset=None, required=False)

    class Meta:
        model = LearningDecision
        fields = ["text", "follow_up_by", "due_on"]
        widgets = {"due_on": DateInput()}

    # The follow-up plan's indicators the decision discusses (samverka/followup); shown only
    # when the plan has indicators.
    indicators = forms.ModelMultipleChoiceField(
        label=_("Indicators it discusses"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow_up_by"].queryset = active_memberships(collaboration)
        from samverka.followup.selectors import indicators_for

        indicators = indicators_for(collaboration).filter(
            archived_at__isnull=True, goal__archived_at__isnull=True
        )
        if indicators.exists():
            self.fields["indicators"].queryset = indicators
        else:
            del self.fields["indicators"]
