from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.lib.uploads import DOCUMENT_KINDS, RefusedUploadsMixin, UploadField
from samverka.lib.widgets import RadioSelect
from samverka.memory.documents.models import Agreement, AgreementForm, Document
from samverka.orgs.forms import DateInput

DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["kind", "title", "dated_on", "description"]
        widgets = {"dated_on": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}


class DocumentUploadForm(RefusedUploadsMixin, DocumentForm):
    upload = UploadField(label=_("File"), kinds=DOCUMENT_KINDS, max_bytes=DOCUMENT_MAX_BYTES)

    field_order = ["upload", "kind", "title", "dated_on", "description"]

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload and not (cleaned.get("title") or "").strip() and "title" in self.errors:
            # The file's own name (without path or ending) is a fair title.
            name = upload.name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
            if name.strip():
                self.errors.pop("title")
                cleaned["title"] = name.strip()[:200]
        return cleaned


class DocumentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.get_kind_display()})"


class AgreementEditForm(forms.ModelForm):
    document = DocumentChoiceField(
        label=_("The agreement in the archive"),
        queryset=None,
        required=False,
        help_text=_("Upload it to the document archive first, then choose it here."),
    )

    class Meta:
        model = Agreement
        fields = ["form", "parties", "signed_on", "valid_from", "valid_until", "document", "note"]
        widgets = {
            "form": RadioSelect,
            "signed_on": DateInput(),
            "valid_from": DateInput(),
            "valid_until": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = collaboration.documents.all()
        self.fields["form"].choices = AgreementForm.choices

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("valid_from"), cleaned.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end comes before the start."))
        if cleaned.get("form") not in (None, AgreementForm.NONE) and not (
            cleaned.get("signed_on") or start
        ):
            self.add_error(
                "signed_on", _("Write when it was signed or decided, or from when it is valid.")
            )
        return cleaned
