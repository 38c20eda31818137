from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.activities.models import FocusArea
from samverka.assessment.models import Dilemma, LearningSession
from samverka.memory.lessons.checks import naming_problems
from samverka.memory.lessons.models import TEXT_FIELDS, Lesson


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class DilemmaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.heading} ({obj.occurred_on.isoformat()})"


def _area(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class LessonForm(forms.ModelForm):
    focus_area = forms.TypedChoiceField(
        label=_("Focus area"),
        choices=[("", "—"), *FocusArea.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    learning_session = SessionChoiceField(
        label=_("From the learning session"), queryset=None, required=False
    )
    dilemma = DilemmaChoiceField(label=_("From the dilemma"), queryset=None, required=False)
    share_nationally = forms.BooleanField(
        label=_("Share in the national lessons library"),
        required=False,
        help_text=_(
            "Every Samverka user can then read it, with your municipality and collaboration. "
            "It is checked first: it may name no person and contain no participant code."
        ),
    )

    class Meta:
        model = Lesson
        fields = [
            "title",
            "learned",
            "again",
            "differently",
            "advice",
            "focus_area",
            "phase",
            "element",
            "added_value",
            "dilemma_kind",
            "learning_session",
            "dilemma",
        ]
        widgets = {
            "learned": _area(4),
            "again": _area(),
            "differently": _area(),
            "advice": _area(),
        }
        help_texts = {
            "learned": _("Without names: write roles, such as the school counsellor."),
        }

    def __init__(self, *args, collaboration, can_share: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboration = collaboration
        self.fields["learning_session"].queryset = LearningSession.objects.filter(
            collaboration=collaboration
        )
        self.fields["dilemma"].queryset = Dilemma.objects.filter(collaboration=collaboration)
        if not can_share or (self.instance.pk and self.instance.is_shared):
            del self.fields["share_nationally"]

    @property
    def will_be_shared(self) -> bool:
        return bool(
            (self.instance.pk and self.instance.is_shared)
            or self.cleaned_data.get("share_nationally")
        )

    def clean(self):
        cleaned = super().clean()
        if self.will_be_shared:
            texts = {name: cleaned.get(name) or "" for name in TEXT_FIELDS}
            for problem in naming_problems(texts, self.collaboration):
                self.add_error(None, problem)
        return cleaned
