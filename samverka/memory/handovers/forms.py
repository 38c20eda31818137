from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.assessment.models import BoundarySpanner, OperationalRoutine
from samverka.lib.widgets import RadioSelect
from samverka.memory.continuation.selectors import owner_choices
from samverka.memory.handovers.models import Handover, HandoverContact


class MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        label = f"{obj.user} ({obj.get_role_display()})"
        if obj.ended_at is not None:
            label += " – " + str(_("has left"))
        return label


class RoutineChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_element_display()


class HandoverForm(forms.ModelForm):
    leaving = MembershipChoiceField(label=_("Who hands over"), queryset=None)
    successor = MembershipChoiceField(
        label=_("Successor"),
        queryset=None,
        required=False,
        help_text=_(
            "Who takes over. They see the note on their start page until they mark it read."
        ),
    )
    routine = RoutineChoiceField(
        label=_("Routine"),
        queryset=None,
        required=False,
        help_text=_("If you hand over a routine as its key or backup person."),
    )
    spanner = forms.ModelChoiceField(
        label=_("Boundary-spanner role"), queryset=None, required=False
    )

    class Meta:
        model = Handover
        fields = ["leaving", "reason", "successor", "routine", "spanner", "held", "open_matters"]
        widgets = {
            "reason": RadioSelect,
            "held": forms.Textarea(attrs={"rows": 5}),
            "open_matters": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, collaboration, leaving_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboration = collaboration
        self.fields["leaving"].queryset = leaving_choices
        self.fields["successor"].queryset = (
            collaboration.memberships.active()
            .select_related("user")
            .order_by("user__first_name", "user__last_name", "role")
        )
        self.fields["routine"].queryset = OperationalRoutine.objects.filter(
            collaboration=collaboration
        )
        self.fields["spanner"].queryset = BoundarySpanner.objects.filter(
            collaboration=collaboration
        ).select_related("membership__user")
        if leaving_choices.count() == 1:
            self.fields["leaving"].initial = leaving_choices.first()

    def clean(self):
        cleaned = super().clean()
        leaving, successor = cleaned.get("leaving"), cleaned.get("successor")
        if leaving and successor and leaving.user_id == successor.user_id:
            self.add_error("successor", _("The successor must be another person."))
        if cleaned.get("reason") == "routine" and not cleaned.get("routine"):
            self.add_error("routine", _("Choose the routine you hand over."))
        if cleaned.get("reason") == "spanner" and not cleaned.get("spanner"):
            self.add_error("spanner", _("Choose the boundary-spanner role you hand over."))
        return cleaned


class ContactForm(forms.ModelForm):
    class Meta:
        model = HandoverContact
        fields = ["role", "organisation", "organisation_other", "route", "why"]

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].required = False
        self.fields["organisation"].queryset = owner_choices(collaboration)

    def clean(self):
        cleaned = super().clean()
        rest = any(
            cleaned.get(name) for name in ("organisation", "organisation_other", "route", "why")
        )
        if rest and not (cleaned.get("role") or "").strip():
            self.add_error("role", _("Write the contact's role, for example principal."))
        return cleaned


ContactFormSet = forms.formset_factory(ContactForm, extra=3, max_num=30, validate_max=True)


def contact_formset(data=None, *, collaboration, handover: Handover | None = None):
    initial = []
    if handover is not None and handover.pk:
        initial = [
            {
                "role": c.role,
                "organisation": c.organisation_id,
                "organisation_other": c.organisation_other,
                "route": c.route,
                "why": c.why,
            }
            for c in handover.contacts.all()
        ]
    return ContactFormSet(
        data,
        initial=initial,
        prefix="contacts",
        form_kwargs={"collaboration": collaboration},
    )
