from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.accounts.models import User
from samverka.activities.models import Activity
from samverka.knowledge.courses.forms import collaboration_organisations
from samverka.orgs.forms import DateInput


class VolunteerForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        help_text=_("Stored encrypted; only coordinators see it."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    user = forms.ModelChoiceField(
        label=_("Account in Samverka (if any)"), queryset=User.objects.none(), required=False
    )
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, required=False)
    activities = forms.ModelMultipleChoiceField(
        label=_("Helps in"),
        queryset=Activity.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    started_on = forms.DateField(label=_("Volunteer since"), widget=DateInput())
    ended_on = forms.DateField(label=_("Ended"), widget=DateInput(), required=False)

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(
                memberships__collaboration=collaboration, memberships__ended_at__isnull=True
            )
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["organisation"].queryset = collaboration_organisations(collaboration)
        self.fields["activities"].queryset = Activity.objects.filter(collaboration=collaboration)
        self.fields["started_on"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        if (
            data.get("ended_on")
            and data.get("started_on")
            and data["ended_on"] < data["started_on"]
        ):
            self.add_error("ended_on", _("The end cannot be before the start."))
        return data


class RecordCheckForm(forms.Form):
    seen_on = forms.DateField(label=_("Date seen"), widget=DateInput())
    seen_by = forms.ModelChoiceField(label=_("Seen by"), queryset=User.objects.none())
    valid_until = forms.DateField(
        label=_("Valid until"),
        widget=DateInput(),
        required=False,
        help_text=_("If the extract states it. Never upload or copy the extract itself."),
    )

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_by"].queryset = (
            User.objects.filter(
                memberships__collaboration=collaboration, memberships__ended_at__isnull=True
            )
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["seen_on"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        seen, valid = data.get("seen_on"), data.get("valid_until")
        if seen and seen > timezone.localdate():
            self.add_error("seen_on", _("The date seen cannot be in the future."))
        if seen and valid and valid < seen:
            self.add_error("valid_until", _("Valid until cannot be before the date seen."))
        return data
