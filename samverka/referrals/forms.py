from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.orgs.forms import DateInput
from samverka.participants.models import Household
from samverka.referrals import selectors
from samverka.referrals.models import ActorRelation, NeedCategory, Referral, Service
from samverka.referrals.services import check_consent


class ServiceForm(forms.ModelForm):
    need_categories = forms.MultipleChoiceField(
        label=_("Needs covered"),
        choices=NeedCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Service
        fields = [
            "organisation",
            "name",
            "description",
            "need_categories",
            "target_groups",
            "languages",
            "how_to_get_there",
            "contact_route",
        ]

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.actors_for(collaboration)


class RelationForm(forms.ModelForm):
    class Meta:
        model = ActorRelation
        fields = ["from_organisation", "kind", "to_organisation", "since", "contact_role"]
        widgets = {"since": DateInput()}

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        actors = selectors.actors_for(collaboration)
        self.fields["from_organisation"].queryset = actors
        self.fields["to_organisation"].queryset = actors

    def clean(self):
        data = super().clean()
        if data.get("from_organisation") and data.get("from_organisation") == data.get(
            "to_organisation"
        ):
            raise forms.ValidationError(_("Choose two different organisations."))
        return data


class ReferralForm(forms.ModelForm):
    """Few fields, phone first. Without an actor the need is recorded as a gap."""

    person_code = forms.CharField(
        label=_("Household or participant code"),
        required=False,
        max_length=12,
        help_text=_("Leave empty for an anonymous referral."),
    )

    class Meta:
        model = Referral
        fields = [
            "person_code",
            "need_category",
            "organisation",
            "service",
            "consent_to_share",
            "status",
            "follow_up_on",
            "outcome_note",
        ]
        widgets = {"follow_up_on": DateInput(), "outcome_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, collaboration, creating=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboration = collaboration
        self.fields["organisation"].queryset = selectors.actors_for(collaboration)
        self.fields["organisation"].empty_label = _("No actor found (a gap)")
        self.fields["service"].queryset = selectors.services_for(collaboration)
        if creating:
            del self.fields["outcome_note"]
        instance = self.instance
        if instance.pk:
            self.fields["person_code"].initial = (
                instance.participant.code
                if instance.participant_id
                else (instance.household.code if instance.household_id else "")
            )

    def clean_person_code(self):
        code = self.cleaned_data["person_code"].strip()
        self._participant = self._household = None
        if not code:
            return ""
        participant = self.collaboration.participants.filter(code=code.upper()).first()
        if participant is not None:
            self._participant, self._household = participant, participant.household
            return code
        household = Household.objects.filter(collaboration=self.collaboration, code=code).first()
        if household is None:
            household = Household.objects.filter(
                collaboration=self.collaboration, code=code.upper()
            ).first()
        if household is None:
            raise forms.ValidationError(_("No household or participant with this code."))
        self._household = household
        return code

    def clean(self):
        data = super().clean()
        if "person_code" in data:  # resolved: the service records whom, not the code typed
            del data["person_code"]
            data["participant"], data["household"] = self._participant, self._household
        service = data.get("service")
        organisation = data.get("organisation")
        if service and organisation and service.organisation_id != organisation.id:
            self.add_error("service", _("This service belongs to another organisation."))
        if "status" in data:
            try:
                check_consent(
                    status=data["status"],
                    consent_to_share=data.get("consent_to_share", False),
                    has_actor=bool(service or organisation),
                )
            except forms.ValidationError as error:
                self.add_error("consent_to_share", error)
        return data
