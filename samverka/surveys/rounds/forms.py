"""Forms of the survey rounds pages. Every choice is limited to the collaboration's own rows."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samverka.activities.models import Session
from samverka.orgs.forms import DateInput
from samverka.surveys.instruments.models import TranslationStatus
from samverka.surveys.rounds import selectors


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(name)s, version %(number)s (%(kind)s)") % {
            "name": obj.instrument.name,
            "number": obj.number,
            "kind": obj.instrument.get_kind_display(),
        }


def _language_label(choice: selectors.LanguageChoice) -> str:
    if choice.missing:
        state = ngettext("missing %(count)d text", "missing %(count)d texts", choice.missing) % {
            "count": choice.missing
        }
    else:
        state = TranslationStatus(choice.state).label
    if choice.native.casefold() == choice.label.casefold():
        return f"{choice.label} – {state}"
    return f"{choice.label} · {choice.native} – {state}"


class RoundForm(forms.Form):
    """Create or change a round. `round_` is the round being changed (None when creating)."""

    version = VersionChoiceField(
        label=_("Survey"), queryset=None, to_field_name="code", empty_label=None
    )
    title = forms.CharField(
        label=_("Name of the round"),
        max_length=200,
        help_text=_("What staff call it, for example “Parent survey, spring”."),
    )
    opens_on = forms.DateField(label=_("Opens"), widget=DateInput())
    closes_on = forms.DateField(
        label=_("Closes"),
        widget=DateInput(),
        help_text=_("The last day answers are taken."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Respondents choose among these. A language can be used only when all its texts "
            "are translated; “draft” means no translator has checked the translation yet."
        ),
        error_messages={"required": _("Choose at least one language.")},
    )
    activity = forms.ModelChoiceField(
        label=_("Activity"),
        queryset=None,
        to_field_name="code",
        required=False,
        empty_label=_("No particular activity"),
        error_messages={"invalid_choice": _("Choose an activity of this collaboration.")},
        help_text=_("Optional: ask about one activity."),
    )
    session = forms.ChoiceField(
        label=_("Session"),
        required=False,
        help_text=_("Optional: ask about one session of the activity."),
        error_messages={"invalid_choice": _("Choose a session of this collaboration.")},
    )
    offered = forms.IntegerField(
        label=_("Offered to"),
        min_value=1,
        required=False,
        help_text=_(
            "How many people were offered the survey. Leave empty to count the unique "
            "attenders of its activity (or of the collaboration) while it is open."
        ),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations with their own link"),
        queryset=None,
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Links can only be made for the collaboration's own organisations.")
        },
        help_text=_(
            "Each chosen organisation gets a link of its own, so you see which organisation "
            "answered. Everyone else can use the general link."
        ),
    )

    def __init__(self, *args, collaboration, round_=None, version=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboration = collaboration
        self.round = round_
        self.has_answers = bool(round_ and round_.responses.exists())
        self.answered_languages = selectors.languages_with_answers(round_) if round_ else set()

        versions = selectors.reachable_versions(collaboration)
        self.fields["version"].queryset = versions
        if round_ is not None:
            version = round_.version
            self.fields["version"].initial = version.code
            if self.has_answers:
                self.fields["version"].disabled = True
                self.fields["version"].help_text = _(
                    "The survey cannot be changed: someone has already answered."
                )
        else:
            # Chosen on the page before; sent along unseen.
            self.fields["version"].widget = forms.HiddenInput()
            self.fields["version"].initial = version.code if version else None
        self.version = version

        self.language_choices = selectors.language_choices(version)
        self.fields["languages"].choices = [
            (choice.code, _language_label(choice)) for choice in self.language_choices
        ]

        activities = collaboration.activities.all()
        self.fields["activity"].queryset = activities
        sessions = (
            Session.objects.filter(activity__collaboration=collaboration)
            .select_related("activity")
            .order_by("activity__name", "date", "start_time")
        )
        self._sessions = {s.code: s for s in sessions}
        groups: dict[str, list] = {}
        for s in sessions:
            label = s.date.isoformat()
            if s.start_time:
                label += f" {s.start_time:%H:%M}"
            if s.theme:
                label += f" – {s.theme}"
            if s.cancelled:
                label += " " + str(_("(cancelled)"))
            groups.setdefault(s.activity.name, []).append((s.code, label))
        self.fields["session"].choices = [("", _("No particular session")), *groups.items()]

        self.fields["organisations"].queryset = selectors.link_organisations(collaboration)
        if not selectors.is_partner_version(version):
            del self.fields["organisations"]

        if round_ is not None:
            self.initial.update(
                {
                    "title": round_.title,
                    "opens_on": round_.opens_on,
                    "closes_on": round_.closes_on,
                    "languages": round_.languages,
                    "activity": round_.activity.code if round_.activity else None,
                    "session": round_.session.code if round_.session else "",
                    "offered": round_.offered,
                    "organisations": [
                        link.organisation.code
                        for link in round_.links.filter(organisation__isnull=False)
                    ],
                }
            )
        else:
            today = timezone.localdate()
            self.initial.setdefault("title", version.instrument.name if version else "")
            self.initial.setdefault("opens_on", today)
            self.initial.setdefault("closes_on", today + timedelta(days=28))
            self.initial.setdefault(
                "languages", [c.code for c in self.language_choices if c.code in ("sv", "en")]
            )
            if "organisations" in self.fields:
                self.initial.setdefault(
                    "organisations", [o.code for o in self.fields["organisations"].queryset]
                )

    def clean_session(self):
        code = self.cleaned_data.get("session") or ""
        if not code:
            return None
        session = self._sessions.get(code)
        if session is None:
            raise forms.ValidationError(_("Choose a session of this collaboration."))
        return session

    def clean(self):
        data = super().clean()
        version = data.get("version")
        if "version" in self.errors:
            # The version travels unseen when creating: say so where it can be read.
            self.add_error(
                None, _("Choose a published survey of this collaboration or a built-in one.")
            )
        activity, session = data.get("activity"), data.get("session")
        if session is not None:
            if activity is None:
                data["activity"] = session.activity
            elif session.activity_id != activity.pk:
                self.add_error(
                    "session",
                    _("This session belongs to “%(activity)s”, not to the chosen activity.")
                    % {"activity": session.activity.name},
                )
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The round cannot close before it opens."))
        languages = data.get("languages") or []
        if version is not None and languages:
            for message in selectors.missing_language_messages(version, languages):
                self.add_error("languages", message)
        removed = self.answered_languages - set(languages)
        if removed and "languages" in data:
            self.add_error(
                "languages",
                _("%(languages)s cannot be removed: someone has answered in it.")
                % {"languages": ", ".join(selectors.language_labels(removed))},
            )
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {
            "version": data["version"],
            "title": data["title"],
            "opens_on": data["opens_on"],
            "closes_on": data["closes_on"],
            "languages": data["languages"],
            "activity": data.get("activity"),
            "session": data.get("session"),
            "offered": data.get("offered"),
        }
        if "organisations" in self.fields:
            arguments["organisations"] = list(data.get("organisations") or [])
        return arguments
