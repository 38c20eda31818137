from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.accounts.models import User
from samverka.research.projects.models import DataKind, ResearchProject


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ProjectForm(forms.ModelForm):
    data_requested = forms.MultipleChoiceField(
        label=_("Data asked for"),
        choices=DataKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Each collaboration's coordinator approves the project with what it asks for. "
            "Transcripts and field notes of your own need no approval of data."
        ),
    )

    class Meta:
        model = ResearchProject
        fields = [
            "title",
            "purpose",
            "ethics_reference",
            "ethics_approved_on",
            "starts_on",
            "ends_on",
            "data_requested",
        ]
        widgets = {
            "ethics_approved_on": DateInput(),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean()
        approved, starts, ends = (
            data.get("ethics_approved_on"),
            data.get("starts_on"),
            data.get("ends_on"),
        )
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The project ends before it starts. Check the dates."))
        if approved and starts and starts < approved:
            self.add_error(
                "starts_on",
                _("The project cannot start before its ethical approval. Check the dates."),
            )
        return data

    def _post_clean(self):
        # The dates are checked above with a clear message; the database constraint stays.
        if self.errors:
            return
        super()._post_clean()


class NewProjectForm(ProjectForm):
    builtin_codebook = forms.BooleanField(
        label=_("Start with the built-in codebook (added values, dilemmas, the model's elements)"),
        required=False,
        initial=True,
    )


class ResearcherForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("A person who holds a researcher role in Samverka."),
    )
    lead = forms.BooleanField(label=_("Lead researcher"), required=False)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("There is no one with that username."))
        return user


class InclusionRequestForm(forms.Form):
    collaborations = forms.ModelMultipleChoiceField(
        label=_("Collaborations to include"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each collaboration's coordinator is asked to approve."),
    )

    def __init__(self, *args, collaborations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collaborations"].queryset = collaborations


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why, for the researchers and the audit trail. Write no names."),
    )


class MemoForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(label=_("Memo"), widget=forms.Textarea(attrs={"rows": 6}))
