"""Form pieces the workflows share."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.accounts.models import Membership
from samverka.lib.privacy import no_identifying_codes
from samverka.orgs.forms import DateInput

__all__ = ["DateInput", "MemberChoiceField", "PrivateText", "members_of", "today"]


def today():
    return timezone.localdate()


def members_of(collaboration):
    return (
        Membership.objects.active()
        .filter(collaboration=collaboration)
        .select_related("user")
        .order_by("role", "user__first_name", "user__last_name")
    )


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.get_role_display()})"


class MembersChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.get_role_display()})"


class PrivateText:
    """Field kwargs for free text others will read: refused when it holds a participant code."""

    NOTE = _("Others will read this: never write names or participant codes.")

    @staticmethod
    def char(label, *, required=True, max_length=200, help_text=None, **extra):
        return forms.CharField(
            label=label,
            required=required,
            max_length=max_length,
            validators=[no_identifying_codes],
            help_text=help_text,
            **extra,
        )

    @staticmethod
    def text(label, *, required=False, help_text=None, rows=3):
        return forms.CharField(
            label=label,
            required=required,
            validators=[no_identifying_codes],
            help_text=help_text,
            widget=forms.Textarea(attrs={"rows": rows}),
        )
