import hashlib

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samverka.activities.models import ActivityType, FocusArea
from samverka.imports.columns import help_text
from samverka.imports.reading import MAX_BYTES
from samverka.imports.services import (
    DEFAULT_ACTIVITY_TYPE,
    DEFAULT_FOCUS_AREA,
    activity_key,
)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Attendance list (CSV or Excel)"),
        help_text=lazy(help_text, str)(),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,application/vnd.ms-excel,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large. The limit is %(megabytes)s MB."),
                params={"megabytes": MAX_BYTES // (1024 * 1024)},
            )
        return upload


def field_key(name: str) -> str:
    """A stable form field name for an activity name (any characters, any order)."""
    return hashlib.sha256(activity_key(name).encode()).hexdigest()[:12]


class ConfirmForm(forms.Form):
    """Confirm the import; choose focus area and type for each activity the file introduces."""

    def __init__(self, *args, unknown_activities: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.unknown_activities = unknown_activities
        self.activity_rows = []
        for name in unknown_activities:
            key = field_key(name)
            self.fields[f"focus_{key}"] = forms.TypedChoiceField(
                label=_("Focus area"),
                choices=FocusArea.choices,
                coerce=int,
                initial=DEFAULT_FOCUS_AREA,
            )
            self.fields[f"type_{key}"] = forms.ChoiceField(
                label=_("Type"), choices=ActivityType.choices, initial=DEFAULT_ACTIVITY_TYPE
            )
            self.activity_rows.append((name, self[f"focus_{key}"], self[f"type_{key}"]))
        if unknown_activities:
            count = len(unknown_activities)
            self.fields["create_activities"] = forms.BooleanField(
                label=ngettext(
                    "Create the new activity",
                    "Create the %(count)s new activities",
                    count,
                )
                % {"count": count},
                error_messages={
                    "required": _(
                        "Confirm that the new activities may be created, or correct "
                        "their names in the file."
                    )
                },
            )

    def activity_choices(self) -> dict[str, tuple[int, str]]:
        return {
            activity_key(name): (
                self.cleaned_data[f"focus_{field_key(name)}"],
                self.cleaned_data[f"type_{field_key(name)}"],
            )
            for name in self.unknown_activities
        }
