from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverka.accounts.models import User
from samverka.knowledge.bank.models import Item
from samverka.knowledge.courses.models import Course, CourseRun, Module, TraineeRole
from samverka.lib.widgets import RadioSelect
from samverka.orgs.forms import DateInput
from samverka.orgs.models import Organisation, OrganisationKind


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = ["title", "summary", "audience"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}


class ModuleForm(forms.ModelForm):
    class Meta:
        model = Module
        fields = [
            "title",
            "description",
            "learning_goals",
            "case_description",
            "reflection_questions",
            "materials",
            "order",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "learning_goals": forms.Textarea(attrs={"rows": 4}),
            "case_description": forms.Textarea(attrs={"rows": 5}),
            "reflection_questions": forms.Textarea(attrs={"rows": 4}),
            "materials": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["materials"].queryset = Item.objects.filter(current__isnull=False).order_by(
            "kind", "title"
        )


def collaboration_organisations(collaboration):
    return Organisation.objects.filter(
        Q(partner_in=collaboration) | Q(pk=collaboration.lead_organisation_id)
    ).distinct()


class RunForm(forms.ModelForm):
    class Meta:
        model = CourseRun
        fields = ["course", "starts_on", "ends_on", "form", "trainer", "organiser", "place"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "form": RadioSelect,
        }
        help_texts = {"ends_on": _("For a course over several days.")}

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = collaboration_organisations(collaboration)
        self.fields["course"].queryset = Course.objects.order_by("title")

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The last date cannot be before the first."))
        return data


class AttendeeForm(forms.Form):
    """A platform person of the collaboration, or an external attendee by organisation and
    role only (volunteers are added from the volunteer's own page)."""

    WHO = [("member", _("A person in Samverka")), ("external", _("Someone from outside"))]
    who = forms.ChoiceField(label=_("Who"), choices=WHO, widget=RadioSelect, initial="member")
    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none(), required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    organisation_name = forms.CharField(
        label=_("Or the organisation's name"), max_length=200, required=False
    )
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", "–"), *OrganisationKind.choices],
        required=False,
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[c for c in TraineeRole.choices if c[0] != TraineeRole.VOLUNTEER],
        widget=RadioSelect,
        initial=TraineeRole.STAFF,
    )
    number = forms.IntegerField(
        label=_("How many from this organisation in this role"),
        min_value=1,
        max_value=200,
        initial=1,
        required=False,
        help_text=_("For external attendees: no names are recorded, only organisation and role."),
    )

    def __init__(self, *args, collaboration, run, **kwargs):
        super().__init__(*args, **kwargs)
        taken = run.attendees.filter(user__isnull=False).values_list("user_id", flat=True)
        self.fields["user"].queryset = (
            User.objects.filter(
                memberships__collaboration=collaboration, memberships__ended_at__isnull=True
            )
            .exclude(pk__in=list(taken))
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["organisation"].queryset = collaboration_organisations(collaboration)

    def clean(self):
        data = super().clean()
        if data.get("who") == "member":
            if not data.get("user"):
                self.add_error("user", _("Choose the person."))
        else:
            if not data.get("organisation") and not data.get("organisation_name", "").strip():
                self.add_error("organisation", _("Choose the organisation or write its name."))
            if not data.get("organisation") and not data.get("organisation_kind"):
                self.add_error("organisation_kind", _("Choose the kind of organisation."))
        return data


class VolunteerTrainingForm(forms.Form):
    run = forms.ModelChoiceField(label=_("Course run"), queryset=CourseRun.objects.none())

    def __init__(self, *args, runs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["run"].queryset = runs


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("The end of the period is before its start."))
        return data
