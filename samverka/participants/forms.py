from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.widgets import RadioSelect
from samverka.participants.models import (
    ConsentGivenBy,
    ConsentMethod,
    ConsentPurpose,
    Household,
    Participant,
    consent_giver_problem,
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


def display_name_field():
    return forms.CharField(
        label=_("Display name (optional)"),
        required=False,
        max_length=40,
        help_text=_(
            "A first name or nickname chosen with the family, shown on the attendance list to "
            "the activity's leaders and to coordinators. Stored encrypted; never in exports."
        ),
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
    display_name = display_name_field()
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
            "role": RadioSelect,
            "gender": RadioSelect,
            "third_country_national": RadioSelect,
        }

    field_order = ["display_name", "household"]

    def __init__(
        self, *args, collaboration, identity_fields: bool, display_name: bool = True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = Household.objects.filter(collaboration=collaboration)
        if not identity_fields:
            del self.fields["name"]
            del self.fields["phone"]
        if not display_name:  # a change by someone who may not see it
            del self.fields["display_name"]


class IdentityForm(forms.Form):
    """Name and phone number, stored encrypted (the page's inputs are written by hand)."""

    name = forms.CharField(required=False, max_length=150)
    phone = forms.CharField(required=False, max_length=40)


class ConsentForm(forms.Form):
    """Consent for each purpose, as asked with the printed notice.

    Who answered defaults to a guardian (registration starts with a child; the consent page
    passes the participant's own default, `consent_giver_default`); `check_giver` applies the
    one consent rule once the person's role and birth year are known.
    """

    given_by = forms.ChoiceField(
        label=_("Answered by"), choices=ConsentGivenBy.choices, initial=ConsentGivenBy.GUARDIAN
    )
    method = forms.ChoiceField(
        label=_("How"), choices=ConsentMethod.choices, initial=ConsentMethod.VERBAL
    )

    def __init__(
        self,
        *args,
        current: dict[str, bool] | None = None,
        given_by: str | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if given_by:
            self.fields["given_by"].initial = given_by
        for purpose in ConsentPurpose:
            self.fields[f"consent_{purpose.value}"] = forms.TypedChoiceField(
                label=purpose.label,
                choices=[("", _("Not asked")), ("yes", _("Yes")), ("no", _("No"))],
                required=False,
                widget=RadioSelect,
                initial=(
                    ""
                    if not current or purpose.value not in current
                    else ("yes" if current[purpose.value] else "no")
                ),
            )

    def check_giver(self, *, role: str, birth_year: int | None) -> bool:
        """False (with the reason on `given_by`) when the chosen person may not answer."""
        problem = consent_giver_problem(
            role=role,
            birth_year=birth_year,
            given_by=self.cleaned_data["given_by"],
            on=timezone.localdate(),
        )
        if problem and self.consents():
            self.add_error("given_by", problem)
            return False
        return True

    def consents(self) -> dict[str, bool]:
        return {
            purpose.value: self.cleaned_data[f"consent_{purpose.value}"] == "yes"
            for purpose in ConsentPurpose
            if self.cleaned_data.get(f"consent_{purpose.value}")
        }


class QuickParticipantForm(forms.Form):
    """Add someone on the spot from the attendance page (who is then saved as present).

    A birth year is needed, or an explicit "not known". The household is picked from the
    households of the page's usual participants (a select named `<prefix>-household_pick`,
    drawn by the `household_picker` template tag with each household's members, so that
    families can be told apart) or typed as a code; neither: a new household.
    """

    display_name = display_name_field()
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Participant._meta.get_field("role").choices,
        initial="child",
        widget=RadioSelect,
    )
    birth_year = birth_year_field()
    birth_year_unknown = forms.BooleanField(label=_("Birth year not known"), required=False)
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=Participant._meta.get_field("gender").choices,
        initial="not_stated",
        widget=RadioSelect,
    )
    third_country_national = forms.ChoiceField(
        label=_("Citizen of a country outside the EU"),
        choices=Participant._meta.get_field("third_country_national").choices,
        initial="unknown",
        widget=RadioSelect,
    )
    funder_consent = forms.BooleanField(
        label=_("Agrees to be counted for the funder (for a child: a guardian, verbally)"),
        required=False,
    )
    household = forms.CharField(
        label=_("Another household's code"),
        required=False,
        max_length=8,
        help_text=_("If the family is not in the list."),
    )

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboration = collaboration

    def _household(self, code: str):
        return Household.objects.filter(collaboration=self.collaboration, code=code).first()

    def clean_household(self):
        code = self.cleaned_data["household"].strip().upper()
        if not code:
            return None
        household = self._household(code)
        if household is None:
            raise forms.ValidationError(_("There is no household with this code here."))
        return household

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("birth_year") is None
            and not cleaned.get("birth_year_unknown")
            and "birth_year" not in self.errors
        ):
            self.add_error("birth_year", _("Write the birth year, or tick “Birth year not known”."))
        if cleaned.get("birth_year_unknown") and cleaned.get("birth_year") is None:
            cleaned["birth_year"] = None
        picked = (self.data.get(self.add_prefix("household_pick")) or "").strip().upper()
        if picked and not cleaned.get("household") and "household" not in self.errors:
            household = self._household(picked)
            if household is None:
                self.add_error("household", _("There is no household with this code here."))
            cleaned["household"] = household
        return cleaned

    def picked_household(self) -> str:
        """The household code picked in the list (to keep it selected after an error)."""
        return (self.data.get(self.add_prefix("household_pick")) or "").strip().upper()
