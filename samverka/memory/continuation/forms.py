from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.lib.widgets import RadioSelect
from samverka.memory.continuation.models import Continuation, DecisionForum, Future
from samverka.memory.continuation.selectors import owner_choices
from samverka.orgs.forms import DateInput


class ContinuationForm(forms.ModelForm):
    class Meta:
        model = Continuation
        fields = [
            "future",
            "owner",
            "funding",
            "decided_on",
            "decided_in",
            "learning_session",
            "note",
        ]
        widgets = {
            "future": RadioSelect,
            "decided_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboration = collaboration
        self.fields["owner"].queryset = owner_choices(collaboration)
        self.fields["learning_session"].queryset = collaboration.learning_sessions.all()
        self.fields["future"].choices = Future.choices

    def clean(self):
        cleaned = super().clean()
        future = cleaned.get("future")
        if future and future != Future.UNDECIDED and not cleaned.get("decided_on"):
            self.add_error("decided_on", _("Write when it was decided."))
        if future in Future.with_owner() and not cleaned.get("owner"):
            self.add_error("owner", _("Choose the organisation that carries the activity on."))
        if (
            future == Future.HANDED_OVER
            and cleaned.get("owner")
            and cleaned["owner"].pk == self.collaboration.lead_organisation_id
        ):
            self.add_error(
                "owner", _("Handed over means to another organisation than the lead organisation.")
            )
        if future == Future.OTHER_FUNDING and not (cleaned.get("funding") or "").strip():
            self.add_error("funding", _("Write which funding carries the activity on."))
        if cleaned.get("learning_session") and not cleaned.get("decided_in"):
            cleaned["decided_in"] = DecisionForum.LEARNING_SESSION
        return cleaned
