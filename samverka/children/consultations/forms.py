from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.activities.models import Activity
from samverka.children.consultations.models import (
    DecisionStatus,
    FeedbackMethod,
    Method,
    Voice,
)
from samverka.children.consultations.selectors import child_bands
from samverka.children.forms_common import (
    DateInput,
    MembersChoiceField,
    PrivateText,
    members_of,
    today,
)
from samverka.lib import agebands
from samverka.lib.widgets import RadioSelect

MAX_CHILDREN = 1000


def band_label(band: str) -> str:
    if band == agebands.UNKNOWN:
        return str(_("Age not known"))
    return str(_("Children %(band)s years")) % {"band": band.replace("-", "–")}


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.activity.name}, {obj.date:%Y-%m-%d}"


class ConsultationForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput(), initial=today)
    topic = PrivateText.char(
        _("What the children were asked"),
        help_text=_("For example: What would make the leisure club better?"),
    )
    method = forms.ChoiceField(label=_("How"), choices=Method.choices, widget=RadioSelect)
    activity = forms.ModelChoiceField(
        label=_("Activity"), queryset=Activity.objects.none(), required=False
    )
    session = SessionChoiceField(
        label=_("Session"), queryset=None, required=False, help_text=_("If it was at a session.")
    )
    listeners = MembersChoiceField(
        label=_("Members who listened"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, collaboration, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Activity.objects.filter(collaboration=collaboration)
        self.fields["session"].queryset = sessions.select_related("activity").order_by("-date")
        self.fields["listeners"].queryset = members_of(collaboration)
        self.band_fields = []
        for band in child_bands():
            name = f"band_{band}"
            self.fields[name] = forms.IntegerField(
                label=band_label(band),
                min_value=0,
                max_value=MAX_CHILDREN,
                required=False,
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input-count"}),
            )
            self.band_fields.append(name)
        # The counts come right after "how", where a leader's thumb is.
        order = ["held_on", "topic", "method", *self.band_fields, "activity", "session"]
        self.order_fields([*order, "listeners"])

    def clean(self):
        data = super().clean()
        counts = {
            name.removeprefix("band_"): data.get(name) or 0
            for name in self.band_fields
            if data.get(name)
        }
        if not self.errors and not counts:
            raise forms.ValidationError(
                _("Give how many children took part, by age band (counts only, never who).")
            )
        data["children_by_age"] = counts
        session = data.get("session")
        activity = data.get("activity")
        if session and activity and session.activity_id != activity.pk:
            self.add_error("session", _("This session belongs to another activity."))
        return data

    @classmethod
    def initial_from(cls, consultation) -> dict:
        initial = {
            "held_on": consultation.held_on,
            "topic": consultation.topic,
            "method": consultation.method,
            "activity": consultation.activity,
            "session": consultation.session,
            "listeners": list(consultation.listeners.all()),
        }
        for band, count in (consultation.children_by_age or {}).items():
            initial[f"band_{band}"] = count
        return initial


class VoiceForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, required=False)
    theme = PrivateText.char(_("Theme the children raised"), required=False)
    words = PrivateText.text(
        _("In their own words"),
        help_text=_("Quotes without names or codes, one per line."),
        rows=2,
    )
    delete = forms.BooleanField(label=_("Remove"), required=False)


def voice_formset(data=None, consultation=None):
    initial = (
        [{"code": v.code, "theme": v.theme, "words": v.words} for v in consultation.voices.all()]
        if consultation
        else []
    )
    formset = forms.formset_factory(VoiceForm, extra=2 if initial else 3, max_num=20)
    return formset(data, initial=initial, prefix="voice")


class DecisionForm(forms.Form):
    voice = forms.ModelChoiceField(
        label=_("In answer to"), queryset=Voice.objects.none(), required=False
    )
    text = PrivateText.char(_("What was decided"), max_length=500)
    decided_by = forms.CharField(
        label=_("Decided by"),
        max_length=200,
        help_text=_("Title and organisation, for example: Head of leisure, Kalmar municipality."),
    )
    due_on = forms.DateField(label=_("To be done by"), widget=DateInput(), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=DecisionStatus.choices, initial=DecisionStatus.PLANNED
    )
    done_on = forms.DateField(label=_("Done on"), widget=DateInput(), required=False)
    note = PrivateText.text(
        _("Note"), help_text=_("If it was not possible: why, in words for children.")
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voice"].queryset = consultation.voices.all()
        self.fields["voice"].empty_label = _("The consultation as a whole")


class ToldBackForm(forms.Form):
    told_back_on = forms.DateField(label=_("When"), widget=DateInput(), initial=today)
    told_back_how = forms.ChoiceField(
        label=_("How the children were told"),
        choices=FeedbackMethod.choices,
        widget=RadioSelect,
    )
    told_back_note = PrivateText.text(
        _("What the children were told"),
        help_text=_("In a few words: what you said, and what the children thought of it."),
    )
