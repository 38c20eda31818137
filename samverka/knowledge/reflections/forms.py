from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.knowledge.reflections.models import Reflection
from samverka.lib.privacy import no_identifying_codes

NO_NAMES = _("Others read this: write without names or participant codes.")


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ["what_worked", "what_to_change", "needs_support", "support_request"]
        widgets = {
            "what_worked": forms.Textarea(attrs={"rows": 3}),
            "what_to_change": forms.Textarea(attrs={"rows": 3}),
            "support_request": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"what_worked": NO_NAMES}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("what_worked", "what_to_change", "support_request"):
            self.fields[name].validators.append(no_identifying_codes)
            self.fields[name].max_length = 2000

    def clean(self):
        data = super().clean()
        texts = [data.get("what_worked", ""), data.get("what_to_change", "")]
        if not any(t.strip() for t in texts) and not data.get("needs_support"):
            raise forms.ValidationError(_("Write what worked or what you would change."))
        if data.get("needs_support") and not data.get("support_request", "").strip():
            self.add_error("support_request", _("Say what support you would like."))
        return data


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[no_identifying_codes],
    )
