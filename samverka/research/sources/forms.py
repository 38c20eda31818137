from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.lib.uploads import RefusedUploadsMixin, UploadField
from samverka.research.codebook.selectors import code_choices
from samverka.research.sources.models import Direction, SourceKind

TRANSCRIPT_MAX_BYTES = 10 * 1024 * 1024


class CollaborationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.municipality})"


class UploadForm(RefusedUploadsMixin, forms.Form):
    file = UploadField(
        label=_("File"), kinds=("txt", "docx", "odt"), max_bytes=TRANSCRIPT_MAX_BYTES
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("For example “Intervju 3, kommunens samordnare”. Write no names of people."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (SourceKind.TRANSCRIPT, SourceKind.TRANSCRIPT.label),
            (SourceKind.FIELD_NOTE, SourceKind.FIELD_NOTE.label),
        ],
    )
    collaboration = CollaborationChoice(
        label=_("From the collaboration"),
        queryset=None,
        help_text=_("The material belongs to it: revoking its inclusion withholds the material."),
    )

    def __init__(self, *args, collaborations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collaboration"].queryset = collaborations


class PullForm(forms.Form):
    survey_round = forms.ModelChoiceField(label=_("Survey round"), queryset=None)

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survey_round"].queryset = rounds
        self.fields["survey_round"].label_from_instance = lambda r: (
            f"{r.title} – {r.collaboration.municipality} ({r.opens_on:%Y-%m-%d})"
        )


class SourceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    direction = forms.ChoiceField(label=_("Text direction"), choices=Direction.choices)
    memo = forms.CharField(
        label=_("Memo"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class CodingForm(forms.Form):
    """Code a selection. With JavaScript the selection in the text fills start, end and quote;
    without it, paste the passage into `quote` (and say which occurrence if it repeats)."""

    code = forms.TypedChoiceField(label=_("Code"), coerce=int)
    quote = forms.CharField(
        label=_("Passage"),
        widget=forms.Textarea(attrs={"rows": 3, "data-coding-quote": ""}),
        help_text=_("Select the passage in the text, or copy it here exactly as it stands."),
        required=False,
    )
    occurrence = forms.IntegerField(
        label=_("Which occurrence, if the passage repeats"),
        min_value=1,
        initial=1,
        required=False,
    )
    start = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    memo = forms.CharField(
        label=_("Memo (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["code"].choices = code_choices(project)

    def clean(self):
        data = super().clean()
        has_span = data.get("start") is not None and data.get("end") is not None
        if not has_span and not (data.get("quote") or "").strip():
            raise forms.ValidationError(
                _("Select a passage in the text, or paste it into the field."), code="empty"
            )
        return data

    def clean_code(self):
        code = self.project.codes.filter(pk=self.cleaned_data["code"]).first()
        if code is None:
            raise forms.ValidationError(_("Choose a code of this project."))
        return code


class CodingEditForm(forms.Form):
    code = forms.TypedChoiceField(label=_("Code"), coerce=int)
    memo = forms.CharField(
        label=_("Memo"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["code"].choices = code_choices(project)

    def clean_code(self):
        code = self.project.codes.filter(pk=self.cleaned_data["code"]).first()
        if code is None:
            raise forms.ValidationError(_("Choose a code of this project."))
        return code


class CodesChoiceForm(forms.Form):
    """Which codes a co-occurrence table compares."""

    codes = forms.TypedMultipleChoiceField(
        label=_("Codes"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codes"].choices = code_choices(project)
