from django import forms
from django.utils.translation import gettext_lazy as _

from samverka.children.consultations.models import Consultation
from samverka.children.forms_common import DateInput, PrivateText
from samverka.children.languages import LANGUAGE_CODES, LANGUAGE_LABELS, SOURCE, TranslationStatus
from samverka.children.poster.models import Icon, ItemState


def language_choices():
    return [(code, LANGUAGE_LABELS[code]) for code in LANGUAGE_CODES if code != SOURCE]


class ConsultationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.held_on:%Y-%m-%d} · {obj.topic}"


class PosterCreateForm(forms.Form):
    consultation = ConsultationChoiceField(
        label=_("For one consultation"), queryset=Consultation.objects.none(), required=False
    )
    term_starts_on = forms.DateField(
        label=_("or for a term, from"), widget=DateInput(), required=False
    )
    term_ends_on = forms.DateField(label=_("to"), widget=DateInput(), required=False)
    title = PrivateText.char(_("Heading"), max_length=120, initial="Ni sa – vi gjorde")
    languages = forms.MultipleChoiceField(
        label=_("Also in"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Swedish is always there. Choose the families' languages."),
    )

    def __init__(self, *args, collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = Consultation.objects.filter(
            collaboration=collaboration
        )
        self.fields["consultation"].empty_label = _("– a term instead –")

    def clean(self):
        data = super().clean()
        if data.get("consultation") is None:
            start, end = data.get("term_starts_on"), data.get("term_ends_on")
            if not (start and end):
                raise forms.ValidationError(
                    _("Choose a consultation, or the first and last day of the term.")
                )
            if end < start:
                self.add_error("term_ends_on", _("The term ends before it starts."))
        return data


class PosterEditForm(forms.Form):
    title = PrivateText.char(_("Heading"), max_length=120)
    languages = forms.MultipleChoiceField(
        label=_("Also in"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class PosterItemForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, required=False)
    icon = forms.ChoiceField(label=_("Picture"), choices=Icon.choices, initial=Icon.IDEA)
    said = PrivateText.char(_("You said"), required=False)
    did = PrivateText.char(_("We did"), required=False)
    state = forms.ChoiceField(label=_("How far"), choices=ItemState.choices)
    delete = forms.BooleanField(label=_("Remove"), required=False)

    def clean(self):
        data = super().clean()
        said, did = (data.get("said") or "").strip(), (data.get("did") or "").strip()
        if bool(said) != bool(did) and not data.get("delete"):
            raise forms.ValidationError(
                _("Each item needs both what the children said and what was done.")
            )
        return data


def item_formset(data=None, poster=None):
    initial = [
        {"code": i.code, "icon": i.icon, "said": i.said, "did": i.did, "state": i.state}
        for i in poster.items.all()
    ]
    formset = forms.formset_factory(PosterItemForm, extra=2, max_num=20)
    return formset(data, initial=initial, prefix="item")


STATUS_CHOICES = [
    (TranslationStatus.DRAFT.value, TranslationStatus.DRAFT.label),
    (TranslationStatus.REVIEWED.value, TranslationStatus.REVIEWED.label),
    (TranslationStatus.BACK_TRANSLATED.value, TranslationStatus.BACK_TRANSLATED.label),
]


class PosterTranslationForm(forms.Form):
    """The poster's texts in one language, one pair of fields per item."""

    def __init__(self, *args, poster, language, initial_texts, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        self.fields["title"] = forms.CharField(
            label=_("Heading"),
            max_length=120,
            required=False,
            initial=initial_texts.get("title", ""),
        )
        items = initial_texts.get("items", {})
        for item in poster.items.all():
            said = f"said_{item.code}"
            did = f"did_{item.code}"
            self.fields[said] = forms.CharField(
                label=_("You said"),
                max_length=200,
                required=False,
                initial=items.get(item.code, {}).get("said", ""),
            )
            self.fields[did] = forms.CharField(
                label=_("We did"),
                max_length=200,
                required=False,
                initial=items.get(item.code, {}).get("did", ""),
            )
            self.rows.append((item, self[said], self[did]))
        self.fields["status"] = forms.ChoiceField(
            label=_("Status"),
            choices=STATUS_CHOICES,
            initial=kwargs.get("initial", {}).get("status"),
        )

    def items(self) -> dict[str, tuple[str, str]]:
        return {
            item.code: (
                self.cleaned_data.get(f"said_{item.code}", ""),
                self.cleaned_data.get(f"did_{item.code}", ""),
            )
            for item, _said, _did in self.rows
        }
