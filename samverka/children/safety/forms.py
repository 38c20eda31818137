from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.children.forms_common import (
    DateInput,
    MemberChoiceField,
    PrivateText,
    members_of,
    today,
)
from samverka.children.safety.models import Consequence, Informed, Likelihood, RiskArea


def in_a_year():
    return today() + timedelta(days=365)


class RiskAnalysisForm(forms.Form):
    scope = forms.CharField(
        label=_("What it covers"),
        max_length=300,
        required=False,
        help_text=_("For example: the autumn term, including the excursion to the beach."),
    )
    review_on = forms.DateField(label=_("Review by"), widget=DateInput(), initial=in_a_year)


class RiskForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=RiskArea.choices)
    description = PrivateText.char(_("Risk"), max_length=300)
    likelihood = forms.TypedChoiceField(
        label=_("Likelihood"), choices=Likelihood.choices, coerce=int
    )
    consequence = forms.TypedChoiceField(
        label=_("Consequence"), choices=Consequence.choices, coerce=int
    )
    measure = PrivateText.char(_("Measure"), max_length=500)
    responsible = MemberChoiceField(label=_("Responsible"), queryset=None)

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = members_of(collaboration)


class SignForm(forms.Form):
    party = forms.ChoiceField(choices=[("municipality", ""), ("civil_society", "")])
    signed_on = forms.DateField(label=_("Date"), widget=DateInput(), initial=today)


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.date:%Y-%m-%d} · {obj.activity.name}"


class IncidentForm(forms.Form):
    session = SessionChoiceField(label=_("Session"), queryset=None)
    happened_on = forms.DateField(label=_("Date"), widget=DateInput(), initial=today)
    what_happened = PrivateText.text(
        _("What happened"),
        required=True,
        help_text=_("Without names or codes: “a child fell from the climbing frame”."),
        rows=4,
    )
    measures = PrivateText.text(
        _("Measures"), help_text=_("What was done at once, and what should be done now.")
    )
    informed = forms.MultipleChoiceField(
        label=_("Who was informed"),
        choices=Informed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    informed_other = PrivateText.char(_("Others informed"), required=False)
    follow_up_by = MemberChoiceField(
        label=_("Measures followed up by"), queryset=None, required=False
    )
    follow_up_on = forms.DateField(
        label=_("Follow up the measures on"), widget=DateInput(), required=False
    )

    def __init__(self, *args, collaboration, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions.select_related("activity").order_by("-date")
        self.fields["follow_up_by"].queryset = members_of(collaboration)

    def clean(self):
        data = super().clean()
        session = data.get("session")
        if session and data.get("happened_on") and data["happened_on"] != session.date:
            self.add_error("happened_on", _("The date differs from the session's date."))
        if data.get("follow_up_on") and not data.get("follow_up_by"):
            self.add_error("follow_up_by", _("Say who follows the measures up."))
        return data


class IncidentFollowUpForm(forms.Form):
    followed_up_on = forms.DateField(label=_("Followed up on"), widget=DateInput(), initial=today)
    follow_up_note = PrivateText.text(_("What the follow-up showed"), required=True)


class ExcursionForm(forms.Form):
    destination = forms.CharField(label=_("Where to"), max_length=200, required=False)
