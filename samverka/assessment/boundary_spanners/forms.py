from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.assessment.form_fields import MembershipChoiceField, active_memberships, textarea
from samverka.assessment.models import BoundarySpanner
from samverka.orgs.forms import DateInput
from samverka.orgs.models import Organisation


class BoundarySpannerForm(forms.ModelForm):
    membership = MembershipChoiceField(
        label=_("Member"),
        queryset=None,
        required=False,
        help_text=_("The person, if they have a Samverka account in this collaboration."),
    )
    successor = MembershipChoiceField(
        label=_("Successor"),
        queryset=None,
        required=False,
        help_text=_("Who takes over the relationships if this person leaves."),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations they connect"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = BoundarySpanner
        fields = ["membership", "name", "description", "organisations", "successor", "ended_on"]
        widgets = {"description": textarea(3), "ended_on": DateInput()}

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        active = active_memberships(collaboration)
        current = self.instance.membership_id if self.instance.pk else None
        # A member who has left stays selectable on their own record.
        self.fields["membership"].queryset = active | collaboration.memberships.filter(pk=current)
        self.fields["successor"].queryset = active
        self.fields["organisations"].queryset = Organisation.objects.filter(
            pk__in=[
                collaboration.lead_organisation_id,
                *collaboration.partners.values_list("pk", flat=True),
            ]
        )

    def clean(self):
        cleaned = super().clean()
        membership, name = cleaned.get("membership"), (cleaned.get("name") or "").strip()
        if not membership and not name:
            self.add_error("membership", _("Choose a member or write a name."))
        if membership and name:
            self.add_error("name", _("Leave the name empty when you choose a member."))
        successor = cleaned.get("successor")
        if membership and successor and membership.user_id == successor.user_id:
            self.add_error("successor", _("The successor must be another person."))
        return cleaned
