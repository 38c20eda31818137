from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverka.accounts.models import User
from samverka.activities import calendar
from samverka.activities.models import Activity, Session, TargetGroup, Theme
from samverka.lib.widgets import RadioSelect
from samverka.orgs.forms import DateInput
from samverka.orgs.models import Organisation


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class LeaderChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


def collaboration_members(collaboration):
    return User.objects.filter(
        memberships__collaboration=collaboration, memberships__ended_at__isnull=True
    ).distinct()


class ActivityForm(forms.ModelForm):
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    leaders = LeaderChoiceField(
        label=_("Leaders"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    breaks = forms.CharField(
        label=_("Breaks without sessions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "2026-10-26 – 2026-10-30"}),
        help_text=_(
            "School breaks and other days off, one a line: a date, or a first and a last date. "
            "Public holidays are skipped anyway."
        ),
    )

    class Meta:
        model = Activity
        fields = [
            "name",
            "focus_area",
            "type",
            "target_groups",
            "partners",
            "place",
            "leaders",
            "recurring",
            "starts_on",
            "ends_on",
            "weekday",
            "start_time",
            "end_time",
            "breaks",
            "description",
        ]
        widgets = {
            "focus_area": RadioSelect,
            "partners": forms.CheckboxSelectMultiple,
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "recurring": _("Every week on the chosen weekday, from the first to the last date."),
            "weekday": _("For weekly activities; the first date's weekday if left empty."),
        }

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboration = collaboration
        self.fields["partners"].queryset = Organisation.objects.filter(
            Q(partner_in=collaboration) | Q(pk=collaboration.lead_organisation_id)
        ).distinct()
        self.fields["leaders"].queryset = collaboration_members(collaboration)
        if self.instance.pk and not self.is_bound:
            self.initial["breaks"] = calendar.breaks_text(self.instance.breaks or [])

    def clean_breaks(self):
        try:
            return calendar.parse_breaks(self.cleaned_data["breaks"])
        except ValueError as error:
            raise forms.ValidationError(
                _("“%(line)s” is not a date or a first and a last date (YYYY-MM-DD).")
                % {"line": error}
            ) from None

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Activity.objects.filter(collaboration=self.collaboration, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("There is already an activity with this name."))
        return name

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last date cannot be before the first date."))
        if cleaned.get("recurring") and not ends:
            self.add_error("ends_on", _("A weekly activity needs a last date."))
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be after the start time."))
        return cleaned


class SessionForm(forms.ModelForm):
    leaders = LeaderChoiceField(
        label=_("Leaders"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Session
        fields = [
            "date",
            "start_time",
            "end_time",
            "theme",
            "leaders",
            "volunteers",
            "note",
            "cancelled",
        ]
        widgets = {"date": DateInput(), "start_time": TimeInput(), "end_time": TimeInput()}

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leaders"].queryset = collaboration_members(activity.collaboration)
        if activity.is_parent_group:
            self.fields["theme"].help_text = _("From the theme plan chosen with the group.")
        # --- knowledge hook: with a volunteer roster the number comes from the roster ---
        from samverka.knowledge.volunteers.selectors import roster_kept

        if roster_kept(activity.collaboration):
            self.fields["volunteers"].disabled = True
            self.fields["volunteers"].help_text = _(
                "Counted from the volunteer roster: the coordinator records who helped."
            )
        # --- end of knowledge hook ---

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be after the start time."))
        return cleaned


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["title", "planned_for", "chosen_by_group"]
        widgets = {"planned_for": DateInput()}
