from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.assessment.form_fields import MembershipChoiceField, active_memberships, textarea
from samverka.assessment.models import CollaborationProfile, OperationalRoutine


class ProfileForm(forms.ModelForm):
    shared_goal_picture = forms.CharField(
        label=_("Shared goal picture"),
        required=False,
        widget=textarea(4),
        help_text=_("What the parties want to achieve together, in a few sentences."),
    )
    collaboration_idea = forms.CharField(
        label=_("Collaboration idea"),
        required=False,
        widget=textarea(4),
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
            "welfare_gaps": textarea(),
            "anchoring_forums": textarea(),
            "decisions": textarea(),
            "child_rights_link": textarea(),
            "organisation": textarea(4),
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
            "description": textarea(4),
            "meetings": textarea(2),
            "channels": textarea(2),
            "contacts": textarea(2),
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
