from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samverka.lib.uploads import RefusedUploadsMixin, too_large_message
from samverka.research.sources.forms import CollaborationChoice


class ExchangeUploadForm(RefusedUploadsMixin, forms.Form):
    file = forms.FileField(label=_("File"))
    collaboration = CollaborationChoice(
        label=_("Sources come from the collaboration"),
        queryset=None,
        required=False,
        help_text=_(
            "For sources that do not say which included collaboration they come from "
            "(files from other tools)."
        ),
    )

    def __init__(self, *args, collaborations=None, codebook: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.codebook = codebook
        if codebook:
            del self.fields["collaboration"]
            self.fields["file"].help_text = _("A REFI-QDA codebook (.qdc).")
        else:
            self.fields["collaboration"].queryset = collaborations
            self.fields["collaboration"].required = True
            self.fields["file"].help_text = _("A REFI-QDA project (.qdpx).")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(too_large_message(settings.UPLOAD_MAX_BYTES))
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        return data
