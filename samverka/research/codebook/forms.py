from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.research.codebook.colours import PALETTE
from samverka.research.codebook.models import Code, colour_validator
from samverka.research.codebook.selectors import code_choices


class ColourInput(forms.TextInput):
    input_type = "color"


class CodeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    parent = forms.TypedChoiceField(label=_("Under"), coerce=int, required=False, empty_value=None)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    colour = forms.CharField(
        label=_("Colour"),
        max_length=7,
        initial=PALETTE[0],
        validators=[colour_validator],
        widget=ColourInput(),
    )
    codable = forms.BooleanField(
        label=_("Can be used for coding (off: a heading that groups codes)"),
        required=False,
        initial=True,
    )
    memo = forms.CharField(
        label=_("Memo"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, project, code: Code | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        choices = [
            (pk, label)
            for pk, label in code_choices(project, codable_only=False)
            if code is None or pk != code.pk
        ]
        self.fields["parent"].choices = [("", _("(top level)")), *choices]

    def clean_parent(self):
        pk = self.cleaned_data.get("parent")
        if pk is None:
            return None
        parent = self.project.codes.filter(pk=pk).first()
        if parent is None:
            raise forms.ValidationError(_("Choose a code of this project."))
        return parent
