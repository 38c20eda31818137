from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.children.forms_common import PrivateText


class DecisionMakerForm(forms.Form):
    title = PrivateText.char(
        _("Title"), help_text=_("For example: Chair of the education committee.")
    )
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, help_text=_("For example: Kalmar municipality.")
    )
