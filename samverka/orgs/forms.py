from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.orgs.models import Collaboration, Municipality, Organisation, OrganisationKind


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class CollaborationForm(forms.ModelForm):
    class Meta:
        model = Collaboration
        fields = [
            "name",
            "municipality",
            "lead_organisation",
            "starts_on",
            "ends_on",
            "shared_goal_picture",
            "collaboration_idea",
            "builds_on",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "shared_goal_picture": forms.Textarea(attrs={"rows": 4}),
            "collaboration_idea": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, collaborations, national: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_organisation"].queryset = Organisation.objects.filter(
            kind__in=[OrganisationKind.CSO, OrganisationKind.ASSOCIATION]
        ).select_related("municipality")
        builds_on = collaborations.select_related("municipality")
        if self.instance.pk:
            builds_on = builds_on.exclude(pk=self.instance.pk)
        self.fields["builds_on"].queryset = builds_on
        if not national:
            # Only national staff move a collaboration to another municipality.
            del self.fields["municipality"]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        builds_on = cleaned.get("builds_on")
        if builds_on and self.instance.pk:
            node, seen = builds_on, set()
            while node is not None and node.pk not in seen:
                if node.pk == self.instance.pk:
                    self.add_error(
                        "builds_on",
                        _("A collaboration cannot build on itself, directly or through a chain."),
                    )
                    break
                seen.add(node.pk)
                node = node.builds_on
        return cleaned


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "parent", "municipality"]

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["parent"].queryset = Organisation.objects.filter(
            municipality__in=municipalities
        ) | Organisation.objects.filter(municipality__isnull=True)
        if municipalities.count() == 1:
            self.fields["municipality"].initial = municipalities.first()
            self.fields["municipality"].required = True

    def clean(self):
        cleaned = super().clean()
        name, municipality = cleaned.get("name"), cleaned.get("municipality")
        if (
            name
            and Organisation.objects.filter(name__iexact=name, municipality=municipality).exists()
        ):
            self.add_error("name", _("An organisation with this name already exists here."))
        return cleaned


class PartnerAddForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(municipality=collaboration.municipality)
            .exclude(pk=collaboration.lead_organisation_id)
            .exclude(pk__in=collaboration.partners.values("pk"))
        ) | Organisation.objects.filter(municipality__isnull=True).exclude(
            pk__in=collaboration.partners.values("pk")
        )


class MunicipalityForm(forms.ModelForm):
    class Meta:
        model = Municipality
        fields = ["code", "name", "county"]


class MunicipalityImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: code, name, county (or kod, namn, län). UTF-8, comma or semicolon separated."
        ),
    )
