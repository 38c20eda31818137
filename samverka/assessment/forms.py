from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.assessment.instrument import ITEMS, SCALE_MAX, SCALE_MIN
from samverka.assessment.models import (
    BoundarySpanner,
    CollaborationProfile,
    Dilemma,
    DilemmaKind,
    LearningDecision,
    LearningSession,
    Level,
    OperationalRoutine,
    Party,
)
from samverka.assessment.phases import checklist_for
from samverka.assessment.selectors import active_memberships
from samverka.orgs.forms import DateInput
from samverka.orgs.models import Organisation, Phase

DONT_KNOW = "dk"


class MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.get_role_display()})"


class MembershipMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.get_role_display()})"


def _textarea(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class ProfileForm(forms.ModelForm):
    shared_goal_picture = forms.CharField(
        label=_("Shared goal picture"),
        required=False,
        widget=_textarea(4),
        help_text=_("What the parties want to achieve together, in a few sentences."),
    )
    collaboration_idea = forms.CharField(
        label=_("Collaboration idea"),
        required=False,
        widget=_textarea(4),
        help_text=_("Why the parties work together and what each brings."),
    )

    class Meta:
        model = CollaborationProfile
        fields = [
            "shared_goal_picture",
            "collaboration_idea",
            "welfare_gaps",
            "anchoring_forums",
            "decision_level",
            "decisions",
            "child_rights_link",
            "organisation",
        ]
        widgets = {
            "welfare_gaps": _textarea(),
            "anchoring_forums": _textarea(),
            "decisions": _textarea(),
            "child_rights_link": _textarea(),
            "organisation": _textarea(4),
        }

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared_goal_picture"].initial = collaboration.shared_goal_picture
        self.fields["collaboration_idea"].initial = collaboration.collaboration_idea


class RoutineForm(forms.ModelForm):
    key_person = MembershipChoiceField(
        label=_("Key person"),
        queryset=None,
        required=False,
        help_text=_("The person the routine rests on."),
    )
    backup_person = MembershipChoiceField(
        label=_("Backup person"),
        queryset=None,
        required=False,
        help_text=_("Who keeps the routine going when the key person is away or leaves."),
    )

    class Meta:
        model = OperationalRoutine
        fields = ["description", "meetings", "channels", "contacts", "key_person", "backup_person"]
        widgets = {
            "description": _textarea(4),
            "meetings": _textarea(2),
            "channels": _textarea(2),
            "contacts": _textarea(2),
        }

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        members = active_memberships(collaboration)
        # Keep a person who has left selectable until someone replaces them.
        for name in ("key_person", "backup_person"):
            current = getattr(self.instance, f"{name}_id", None)
            self.fields[name].queryset = members | collaboration.memberships.filter(pk=current)

    def clean(self):
        cleaned = super().clean()
        key, backup = cleaned.get("key_person"), cleaned.get("backup_person")
        if key and backup and key.user_id == backup.user_id:
            self.add_error("backup_person", _("The backup must be another person."))
        return cleaned


class ChecklistForm(forms.Form):
    def __init__(self, *args, phase: str, marks: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = checklist_for(phase)
        for item in self.items:
            mark = marks.get(item.id)
            self.fields[f"done_{item.id}"] = forms.BooleanField(
                label=item.text, required=False, initial=bool(mark and mark.done)
            )
            self.fields[f"note_{item.id}"] = forms.CharField(
                label=_("Note"),
                required=False,
                max_length=300,
                initial=mark.note if mark else "",
            )

    def rows(self):
        return [
            {"item": item, "done": self[f"done_{item.id}"], "note": self[f"note_{item.id}"]}
            for item in self.items
        ]

    def done(self) -> set[str]:
        return {item.id for item in self.items if self.cleaned_data.get(f"done_{item.id}")}

    def notes(self) -> dict[str, str]:
        return {item.id: self.cleaned_data.get(f"note_{item.id}", "") for item in self.items}


class PhaseChangeForm(forms.Form):
    to_phase = forms.ChoiceField(label=_("New phase"), choices=Phase.choices)
    changed_on = forms.DateField(label=_("Date"), widget=DateInput())
    reason = forms.CharField(
        label=_("Why"),
        widget=_textarea(3),
        max_length=2000,
        help_text=_("What makes this the right time? This is kept in the collaboration's history."),
    )

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_phase"].choices = [
            (value, label) for value, label in Phase.choices if value != collaboration.phase
        ]
        self.fields["changed_on"].initial = timezone.localdate()

    def clean_changed_on(self):
        changed_on = self.cleaned_data["changed_on"]
        if changed_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return changed_on


class RoundOpenForm(forms.Form):
    note = forms.CharField(
        label=_("Message to the respondents"),
        required=False,
        max_length=2000,
        widget=_textarea(3),
        help_text=_("Why this round, and when the results will be discussed together."),
    )
    closes_on = forms.DateField(
        label=_("Planned closing date"),
        required=False,
        widget=DateInput(),
        help_text=_("Shown to the respondents. The round closes when you close it."),
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data.get("closes_on")
        if closes_on and closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date cannot be in the past."))
        return closes_on


SCALE_CHOICES = [(str(v), str(v)) for v in range(SCALE_MIN, SCALE_MAX + 1)] + [
    (DONT_KNOW, _("Don't know"))
]


class AnswerForm(forms.Form):
    """All items of the instrument; drafts may leave some out, a submission may not."""

    party = forms.ChoiceField(
        label=_("I answer for"), choices=Party.choices, widget=forms.RadioSelect
    )
    level = forms.ChoiceField(
        label=_("I mainly work at"), choices=Level.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, submit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submit = submit
        for item in ITEMS:
            self.fields[f"item_{item.id}"] = forms.ChoiceField(
                label=item.text, choices=SCALE_CHOICES, required=False, widget=forms.RadioSelect
            )
            self.fields[f"comment_{item.id}"] = forms.CharField(
                label=_("Comment (optional)"),
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @staticmethod
    def initial_from(response, party: str, level: str) -> dict:
        initial = {"party": party, "level": level}
        if response is not None:
            initial.update(party=response.party, level=response.level)
            for answer in response.answers.all():
                value = DONT_KNOW if answer.value is None else str(answer.value)
                initial[f"item_{answer.item_id}"] = value
                initial[f"comment_{answer.item_id}"] = answer.comment
        return initial

    def clean(self):
        cleaned = super().clean()
        if self.submit:
            for item in ITEMS:
                if not cleaned.get(f"item_{item.id}"):
                    self.add_error(f"item_{item.id}", _("Choose a value, or “Don't know”."))
        return cleaned

    def answers(self) -> dict[str, tuple[int | None, str]]:
        result = {}
        for item in ITEMS:
            value = self.cleaned_data.get(f"item_{item.id}")
            comment = self.cleaned_data.get(f"comment_{item.id}", "")
            if not value:
                continue
            result[item.id] = (None if value == DONT_KNOW else int(value), comment)
        return result

    def item_rows(self, items):
        return [
            {"item": item, "value": self[f"item_{item.id}"], "comment": self[f"comment_{item.id}"]}
            for item in items
        ]


class DilemmaForm(forms.ModelForm):
    class Meta:
        model = Dilemma
        fields = [
            "kind",
            "title",
            "occurred_on",
            "situation",
            "municipality_view",
            "civil_society_view",
            "balance",
            "outcome",
            "status",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "occurred_on": DateInput(),
            "situation": _textarea(4),
            "municipality_view": _textarea(3),
            "civil_society_view": _textarea(3),
            "balance": _textarea(3),
            "outcome": _textarea(3),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = DilemmaKind.choices  # no empty "---------" choice
        if not self.instance.pk:
            self.fields["occurred_on"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == DilemmaKind.OWN and not (cleaned.get("title") or "").strip():
            self.add_error("title", _("Give your own dilemma a short name."))
        return cleaned


class LearningSessionForm(forms.ModelForm):
    participants = MembershipMultipleChoiceField(
        label=_("Participants"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = LearningSession
        fields = [
            "held_on",
            "participants",
            "other_participants",
            "rounds",
            "dilemmas",
            "other_material",
            "notes",
        ]
        widgets = {
            "held_on": DateInput(),
            "rounds": forms.CheckboxSelectMultiple,
            "dilemmas": forms.CheckboxSelectMultiple,
            "other_material": _textarea(2),
            "notes": _textarea(5),
        }

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = active_memberships(collaboration)
        self.fields["rounds"].queryset = collaboration.assessment_rounds.filter(
            closed_at__isnull=False
        ).order_by("-number")
        self.fields["dilemmas"].queryset = collaboration.dilemmas.all()
        if not self.instance.pk:
            self.fields["held_on"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("participants")
            and not (cleaned.get("other_participants") or "").strip()
        ):
            self.add_error("participants", _("Who took part?"))
        return cleaned


class DecisionForm(forms.ModelForm):
    follow_up_by = MembershipChoiceField(label=_("Followed up by"), queryset=None, required=False)

    class Meta:
        model = LearningDecision
        fields = ["text", "follow_up_by", "due_on"]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow_up_by"].queryset = active_memberships(collaboration)


class BoundarySpannerForm(forms.ModelForm):
    membership = MembershipChoiceField(
        label=_("Member"),
        queryset=None,
        required=False,
        help_text=_("The person, if they have a Samverka account in this collaboration."),
    )
    successor = MembershipChoiceField(
        label=_("Successor"),
        queryset=None,
        required=False,
        help_text=_("Who takes over the relationships if this person leaves."),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations they connect"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = BoundarySpanner
        fields = ["membership", "name", "description", "organisations", "successor", "ended_on"]
        widgets = {"description": _textarea(3), "ended_on": DateInput()}

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        active = active_memberships(collaboration)
        current = self.instance.membership_id if self.instance.pk else None
        # A member who has left stays selectable on their own record.
        self.fields["membership"].queryset = active | collaboration.memberships.filter(pk=current)
        self.fields["successor"].queryset = active
        self.fields["organisations"].queryset = Organisation.objects.filter(
            pk__in=[
                collaboration.lead_organisation_id,
                *collaboration.partners.values_list("pk", flat=True),
            ]
        )

    def clean(self):
        cleaned = super().clean()
        membership, name = cleaned.get("membership"), (cleaned.get("name") or "").strip()
        if not membership and not name:
            self.add_error("membership", _("Choose a member or write a name."))
        if membership and name:
            self.add_error("name", _("Leave the name empty when you choose a member."))
        successor = cleaned.get("successor")
        if membership and successor and membership.user_id == successor.user_id:
            self.add_error("successor", _("The successor must be another person."))
        return cleaned
