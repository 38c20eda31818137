from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.children.consultations.models import Consultation
from samverka.children.forms_common import DateInput, PrivateText, today
from samverka.children.rights_check.models import ChildRightsCheck, Subject
from samverka.orgs.models import Phase


class ConsultationsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.held_on:%Y-%m-%d} · {obj.topic}"


STEP_HELP = {
    name: ChildRightsCheck._meta.get_field(name).help_text
    for name in (
        "affected_children",
        "children_views",
        "knowledge",
        "best_interests",
        "conflicting_interests",
        "decision",
        "reasons",
        "how_children_told",
    )
}


def _step(name, rows=3):
    field = ChildRightsCheck._meta.get_field(name)
    return PrivateText.text(field.verbose_name, help_text=field.help_text or None, rows=rows)


class CheckForm(forms.Form):
    subject = forms.ChoiceField(label=_("What is decided"), choices=Subject.choices)
    title = PrivateText.char(
        _("The decision in a line"),
        help_text=_("For example: The bicycle workshop ends after the spring term."),
    )
    to_phase = forms.ChoiceField(
        label=_("To phase"),
        choices=[("", "–"), *Phase.choices],
        required=False,
        help_text=_(
            "For a phase change: the phase the collaboration changes (or plans to change) to."
        ),
    )
    affected_children = _step("affected_children")
    children_views = _step("children_views")
    consultations = ConsultationsField(
        label=_("Consultations with the children"),
        queryset=Consultation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    knowledge = _step("knowledge")
    best_interests = _step("best_interests", rows=4)
    conflicting_interests = _step("conflicting_interests", rows=4)
    decision = _step("decision")
    reasons = _step("reasons")
    how_children_told = _step("how_children_told")
    follow_up_on = forms.DateField(label=_("8. Follow up on"), widget=DateInput(), required=False)

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultations"].queryset = Consultation.objects.filter(
            collaboration=collaboration
        )

    def clean(self):
        data = super().clean()
        if data.get("subject") == Subject.PHASE_CHANGE and not data.get("to_phase"):
            self.add_error("to_phase", _("Choose the phase the collaboration changes to."))
        return data


class SourceForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Source"), max_length=200, required=False)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    note = PrivateText.char(_("What it says"), max_length=500, required=False)
    delete = forms.BooleanField(label=_("Remove"), required=False)


def source_formset(data=None, check=None):
    initial = (
        [
            {"code": s.code, "title": s.title, "url": s.url, "note": s.note}
            for s in check.sources.all()
        ]
        if check
        else []
    )
    formset = forms.formset_factory(SourceForm, extra=2, max_num=20)
    return formset(data, initial=initial, prefix="source")


class FollowUpForm(forms.Form):
    followed_up_on = forms.DateField(label=_("Followed up on"), widget=DateInput(), initial=today)
    follow_up_note = PrivateText.text(_("What the follow-up showed"), required=True)
