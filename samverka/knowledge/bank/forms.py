from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.accounts.models import User
from samverka.activities.models import ActivityType, FocusArea, TargetGroup
from samverka.knowledge.bank.models import AgeGroup, Item, ItemKind, ThemeCategory
from samverka.knowledge.languages import BASE_LANGUAGE, TranslationStatus, language_choices
from samverka.lib.privacy import no_identifying_codes
from samverka.lib.uploads import RefusedUploadsMixin, UploadField
from samverka.orgs.forms import DateInput

CHECKBOXES = forms.CheckboxSelectMultiple


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), max_length=400, required=False, help_text=_("One or two sentences.")
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Markdown: ## heading, **bold**, *italic*, - list, [link](https://…)."),
    )
    change_note = forms.CharField(
        label=_("What changed"),
        max_length=300,
        required=False,
        help_text=_("A short note for the version history."),
    )
    theme_category = forms.ChoiceField(
        label=_("Theme category"),
        choices=[("", "–"), *ThemeCategory.choices],
        required=False,
        help_text=_("For theme material: where the theme belongs in a parent group's plan."),
    )
    focus_areas = forms.TypedMultipleChoiceField(
        label=_("Focus areas"),
        choices=FocusArea.choices,
        coerce=int,
        required=False,
        widget=CHECKBOXES,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"), choices=TargetGroup.choices, required=False, widget=CHECKBOXES
    )
    age_groups = forms.MultipleChoiceField(
        label=_("Ages"), choices=AgeGroup.choices, required=False, widget=CHECKBOXES
    )
    activity_types = forms.MultipleChoiceField(
        label=_("Activity types (for methods)"),
        choices=ActivityType.choices,
        required=False,
        widget=CHECKBOXES,
    )
    keywords = forms.CharField(label=_("Keywords"), max_length=300, required=False)
    is_public = forms.BooleanField(
        label=_("Public: readable without login at a stable address"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _no_codes_in_text(self)

    def clean(self):
        data = super().clean()
        if data.get("kind") == ItemKind.THEME_MATERIAL and not data.get("theme_category"):
            self.add_error("theme_category", _("Theme material needs a theme category."))
        return data

    def meta(self) -> dict:
        fields = [
            "kind",
            "theme_category",
            "focus_areas",
            "target_groups",
            "age_groups",
            "activity_types",
            "keywords",
            "is_public",
        ]
        return {name: self.cleaned_data[name] for name in fields}

    @classmethod
    def initial_for(cls, item: Item, version) -> dict:
        source = version or item
        return {
            "kind": item.kind,
            "title": source.title,
            "summary": source.summary,
            "body": source.body,
            "theme_category": item.theme_category,
            "focus_areas": item.focus_areas,
            "target_groups": item.target_groups,
            "age_groups": item.age_groups,
            "activity_types": item.activity_types,
            "keywords": item.keywords,
            "is_public": item.is_public,
        }


def _no_codes_in_text(form, names=("title", "summary", "body")):
    """The bank is read by every collaboration (and public items by anyone): no participant or
    household codes in its texts."""
    for name in names:
        form.fields[name].validators.append(no_identifying_codes)


class TranslationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), max_length=400, required=False)
    body = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 16})
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in TranslationStatus.choices if c[0] != TranslationStatus.MISSING],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _no_codes_in_text(self)


class AttachmentForm(RefusedUploadsMixin, forms.Form):
    file = UploadField(label=_("File"))
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Language"), choices=language_choices(include_base=True))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = BASE_LANGUAGE


class BankFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *ItemKind.choices], required=False
    )
    category = forms.ChoiceField(
        label=_("Theme category"),
        choices=[("", _("All categories")), *ThemeCategory.choices],
        required=False,
    )
    focus_area = forms.ChoiceField(
        label=_("Focus area"),
        choices=[("", _("All focus areas")), *FocusArea.choices],
        required=False,
    )
    target_group = forms.ChoiceField(
        label=_("Target group"),
        choices=[("", _("All target groups")), *TargetGroup.choices],
        required=False,
    )
    age = forms.ChoiceField(
        label=_("Age"), choices=[("", _("All ages")), *AgeGroup.choices], required=False
    )
    language = forms.ChoiceField(
        label=_("Also in"), choices=[("", _("Any language")), *language_choices()], required=False
    )


class EditorForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)

    def clean_username(self):
        user = User.objects.filter(
            username=self.cleaned_data["username"].strip(), is_active=True
        ).first()
        if user is None:
            raise forms.ValidationError(_("Nobody has that username."))
        return user


class MethodsForm(forms.Form):
    items = forms.ModelMultipleChoiceField(
        label=_("Methods"), queryset=Item.objects.none(), required=False, widget=CHECKBOXES
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = queryset


class ThemeFromBankForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("Theme from the knowledge bank"), queryset=Item.objects.none()
    )
    planned_for = forms.DateField(label=_("Planned for"), required=False, widget=DateInput())

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["item"]
        field.queryset = queryset
        groups: dict[str, list] = {}
        for item in queryset:
            groups.setdefault(item.get_theme_category_display() or "–", []).append(
                (item.pk, item.title)
            )
        field.choices = [("", "–"), *groups.items()]
