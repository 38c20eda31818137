from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.participants.models import (
    ConsentGivenBy,
    ConsentMethod,
    ConsentPurpose,
    Household,
    Participant,
)

NEW_HOUSEHOLD = ""


def birth_year_field():
    this_year = date.today().year
    return forms.IntegerField(
        label=_("Birth year"),
        required=False,
        min_value=this_year - 110,
        max_value=this_year,
        help_text=_("Only the year, never the full date of birth."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "placeholder": str(this_year - 9)}),
    )


class HouseholdChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.code


class ParticipantForm(forms.ModelForm):
    """Minimal registration. Name and phone appear only for coordinators."""

    household = HouseholdChoiceField(
        label=_("Household"),
        queryset=Household.objects.none(),
        required=False,
        empty_label=_("A new household"),
        help_text=_("Children and guardians of one family share a household."),
    )
    birth_year = birth_year_field()
    name = forms.CharField(
        label=_("Name (optional)"),
        required=False,
        max_length=150,
        help_text=_(
            "Stored encrypted, visible only to the coordinators. Leave empty if not needed."
        ),
    )
    phone = forms.CharField(label=_("Phone (optional)"), required=False, max_length=40)

    class Meta:
        model = Participant
        fields = ["household", "role", "birth_year", "gender", "third_country_national", "language"]
        widgets = {
            "role": forms.RadioSelect,
            "gender": forms.RadioSelect,
            "third_country_national": forms.RadioSelect,
        }

    def __init__(self, *args, collaboration, identity_fields: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = Household.objects.filter(collaboration=collaboration)
        if not identity_fields:
            del self.fields["name"]
            del self.fields["phone"]


class IdentityForm(forms.Form):
    """Name and phone number, stored encrypted (the page's inputs are written by hand)."""

    name = forms.CharField(required=False, max_length=150)
    phone = forms.CharField(required=False, max_length=40)


class ConsentForm(forms.Form):
    """Consent for each purpose, as asked with the printed notice."""

    given_by = forms.ChoiceField(
        label=_("Answered by"), choices=ConsentGivenBy.choices, initial=ConsentGivenBy.SELF
    )
    method = forms.ChoiceField(
        label=_("How"), choices=ConsentMethod.choices[:2], initial=ConsentMethod.VERBAL
    )

    def __init__(self, *args, current: dict[str, bool] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for purpose in ConsentPurpose:
            self.fields[f"consent_{purpose.value}"] = forms.TypedChoiceField(
                label=purpose.label,
                choices=[("", _("Not asked")), ("yes", _("Yes")), ("no", _("No"))],
                required=False,
                widget=forms.RadioSelect,
                initial=(
                    ""
                    if not current or purpose.value not in current
                    else ("yes" if current[purpose.value] else "no")
                ),
            )

    def consents(self) -> dict[str, bool]:
        return {
            purpose.value: self.cleaned_data[f"consent_{purpose.value}"] == "yes"
            for purpose in ConsentPurpose
            if self.cleaned_data.get(f"consent_{purpose.value}")
        }


class QuickParticipantForm(forms.Form):
    """Add someone on the spot from the attendance page."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=Participant._meta.get_field("role").choices,
        initial="child",
        widget=forms.RadioSelect,
    )
    birth_year = birth_year_field()
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=Participant._meta.get_field("gender").choices,
        initial="not_stated",
        widget=forms.RadioSelect,
    )
    third_country_national = forms.ChoiceField(
        label=_("Citizen of a country outside the EU"),
        choices=Participant._meta.get_field("third_country_national").choices,
        initial="unknown",
        widget=forms.RadioSelect,
    )
    household = forms.CharField(
        label=_("Household code (optional)"),
        required=False,
        max_length=8,
        help_text=_("To add a child to a family already registered."),
    )
    funder_consent = forms.BooleanField(
        label=_("Agrees to be counted for the funder"), required=False
    )

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboration = collaboration

    def clean_household(self):
        code = self.cleaned_data["household"].strip().upper()
        if not code:
            return None
        household = Household.objects.filter(collaboration=self.collaboration, code=code).first()
        if household is None:
            raise forms.ValidationError(_("There is no household with this code here."))
        return household
