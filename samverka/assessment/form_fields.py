"""What the collaboration model's forms share: the collaboration's active members as choices
(key persons, participants, successors) and text areas."""

from django import forms
from django.db.models import QuerySet

from samverka.accounts.models import Membership
from samverka.orgs.models import Collaboration


def active_memberships(collaboration: Collaboration) -> QuerySet[Membership]:
    return (
        collaboration.memberships.active()
        .select_related("user", "organisation")
        .order_by("user__first_name", "user__last_name", "role")
    )


class MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.get_role_display()})"


class MembershipMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.get_role_display()})"


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})
