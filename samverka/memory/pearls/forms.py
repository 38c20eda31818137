from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.activities.forms import ActivityForm
from samverka.assessment.form_fields import active_memberships
from samverka.memory.continuation.models import Future
from samverka.memory.handovers.forms import MembershipChoiceField
from samverka.memory.pearls.models import Draft


class TakeOverForm(forms.Form):
    goal = forms.BooleanField(
        label=_("The goal picture and collaboration idea"), required=False, initial=True
    )
    elements = forms.MultipleChoiceField(
        label=_("Routines"), required=False, widget=forms.CheckboxSelectMultiple
    )
    activities = forms.MultipleChoiceField(
        label=_("Activities"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Those that continued are chosen; choose others to start them again."),
    )

    def __init__(self, *args, inheritance, existing_names=(), **kwargs):
        super().__init__(*args, **kwargs)
        here = {name.casefold() for name in existing_names}
        if not inheritance.has_goal:
            del self.fields["goal"]
        self.fields["elements"].choices = [
            (row["routine"].element, row["element"].name) for row in inheritance.documented_routines
        ]
        self.fields["elements"].initial = [c for c, _label in self.fields["elements"].choices]
        activities = inheritance.activities
        self.fields["activities"].choices = [
            (a.code, _activity_label(a, a.name.casefold() in here)) for a in activities
        ]
        self.fields["activities"].initial = [
            a.code
            for a in activities
            if _future(a) in Future.continuing() and a.name.casefold() not in here
        ]

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("goal") or cleaned.get("elements") or cleaned.get("activities")):
            raise forms.ValidationError(_("Choose at least one thing to take over."))
        return cleaned


def _future(activity) -> str:
    continuation = getattr(activity, "continuation", None)
    return continuation.future if continuation is not None else Future.UNDECIDED


def _activity_label(activity, already_here: bool) -> str:
    label = f"{activity.name} ({Future(_future(activity)).label})"
    if already_here:
        label += " – " + str(_("this collaboration already has an activity by that name"))
    return label


class GoalDraftForm(forms.Form):
    shared_goal_picture = forms.CharField(
        label=_("Shared goal picture"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    collaboration_idea = forms.CharField(
        label=_("Collaboration idea"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("shared_goal_picture") or "").strip():
            self.add_error(
                "shared_goal_picture", _("Write the goal picture, or discard the draft.")
            )
        return cleaned


class RoutineDraftForm(forms.Form):
    description = forms.CharField(
        label=_("How we work"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    meetings = forms.CharField(
        label=_("Meetings"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    channels = forms.CharField(
        label=_("Channels"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    contacts = forms.CharField(
        label=_("Contacts"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Who to contact, on each side, in this collaboration."),
    )
    key_person = MembershipChoiceField(label=_("Key person"), queryset=None, required=False)
    backup_person = MembershipChoiceField(label=_("Backup person"), queryset=None, required=False)

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        members = active_memberships(collaboration)
        self.fields["key_person"].queryset = members
        self.fields["backup_person"].queryset = members

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("description") or "").strip():
            self.add_error("description", _("Describe how you work, or discard the draft."))
        key, backup = cleaned.get("key_person"), cleaned.get("backup_person")
        if key and backup and key.user_id == backup.user_id:
            self.add_error("backup_person", _("The backup person must be another person."))
        return cleaned


def activity_form(data, *, draft: Draft, collaboration) -> ActivityForm:
    """The activity form of samverka.activities, filled in from the draft; the dates and
    leaders are this collaboration's own."""
    content = draft.content
    partners = set(content.get("partners", []))
    form = ActivityForm(
        data,
        collaboration=collaboration,
        initial={
            **{
                name: content.get(name)
                for name in (
                    "name",
                    "focus_area",
                    "type",
                    "target_groups",
                    "place",
                    "description",
                    "recurring",
                    "weekday",
                    "start_time",
                    "end_time",
                )
            },
        },
    )
    form.initial["partners"] = [
        pk for pk in form.fields["partners"].queryset.values_list("pk", flat=True) if pk in partners
    ]
    return form
