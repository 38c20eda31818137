"""Forms of the instrument pages: instrument and version texts, sections, questions,
translations, translation files and recordings.

Staff write the Swedish source text and English here; the other languages come through the
translate form or a translation file. Forms only validate; `services` changes the database.
"""

import hashlib
import os
import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS
from samverka.surveys.instruments.models import (
    CHOICE_TYPES,
    DONT_KNOW,
    InstrumentKind,
    ItemRole,
    ItemType,
    TranslationStatus,
)
from samverka.surveys.instruments.texts import (
    MAX_TEXT_LENGTH,
    SETTABLE_STATUSES,
    SOURCE_LANGUAGE,
    clean_text,
    text,
)

SOURCE = SOURCE_LANGUAGE
ITEM_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
OPTION_VALUE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
MAX_OPTIONS = 30
MAX_AUDIO_BYTES = 5 * 1024 * 1024

# extension: (content type, kind of file the first bytes must show)
AUDIO_TYPES = {
    "mp3": ("audio/mpeg", "mp3"),
    "ogg": ("audio/ogg", "ogg"),
    "oga": ("audio/ogg", "ogg"),
    "opus": ("audio/ogg", "ogg"),
    "m4a": ("audio/mp4", "mp4"),
    "mp4": ("audio/mp4", "mp4"),
    "webm": ("audio/webm", "webm"),
    "wav": ("audio/wav", "wav"),
}


def audio_kind(head: bytes) -> str | None:
    """What the first bytes of a file say it is (mp3, ogg, mp4, webm or wav), or None."""
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    if head.startswith(b"OggS"):
        return "ogg"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    return None


def _text(label, *, required=False, lines=2, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_TEXT_LENGTH,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": lines}),
    )


def _line(label, *, required=False, max_length=MAX_TEXT_LENGTH, help_text=""):
    return forms.CharField(
        label=label, required=required, max_length=max_length, help_text=help_text
    )


class InstrumentCreateForm(forms.Form):
    name = _line(
        _("Name"),
        required=True,
        max_length=200,
        help_text=_("What staff call it, for example “Parent survey autumn”."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=InstrumentKind.choices)
    title_sv = _line(_("Title in Swedish"), required=True, help_text=_("What respondents read."))
    title_en = _line(_("Title in English"))


class VersionForm(forms.Form):
    name = _line(_("Name"), required=True, max_length=200, help_text=_("What staff call it."))
    title_sv = _line(_("Title in Swedish"), required=True)
    title_en = _line(_("Title in English"))
    intro_sv = _text(_("Introduction in Swedish"), lines=4)
    intro_en = _text(_("Introduction in English"), lines=4)
    attribution = _text(
        _("Attribution"),
        lines=2,
        help_text=_("Source and licence of validated scales used in this version."),
    )

    @staticmethod
    def initial_from(version):
        return {
            "name": version.instrument.name,
            "title_sv": version.title.get("sv", ""),
            "title_en": version.title.get("en", ""),
            "intro_sv": (version.intro or {}).get("sv", ""),
            "intro_en": (version.intro or {}).get("en", ""),
            "attribution": version.attribution,
        }


class SectionForm(forms.Form):
    title_sv = _line(_("Title in Swedish"), required=True, max_length=200)
    title_en = _line(_("Title in English"), max_length=200)
    intro_sv = _text(_("Introduction in Swedish"))
    intro_en = _text(_("Introduction in English"))
    key = forms.SlugField(
        label=_("Key"),
        required=False,
        max_length=40,
        help_text=_(
            "A short name used in translation files, for example “housing”. "
            "Made from the title when left empty."
        ),
    )

    def __init__(self, *args, version, section=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.section = section
        if section is not None:
            self.fields["key"].required = True

    @staticmethod
    def initial_from(section):
        return {
            "key": section.key,
            "title_sv": section.title.get("sv", ""),
            "title_en": section.title.get("en", ""),
            "intro_sv": (section.intro or {}).get("sv", ""),
            "intro_en": (section.intro or {}).get("en", ""),
        }

    def clean_key(self):
        key = self.cleaned_data["key"]
        others = self.version.sections.all()
        if self.section is not None:
            others = others.exclude(pk=self.section.pk)
        if key and others.filter(key=key).exists():
            raise forms.ValidationError(_("Another section of this version has that key."))
        return key


def parse_option_lines(text: str) -> tuple[list[tuple[str, dict[str, str]]], list[str]]:
    """Options from lines "value | Swedish label | English label"; (options, errors)."""
    options: list[tuple[str, dict[str, str]]] = []
    errors: list[str] = []
    seen = set()
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 2 or len(parts) > 3:
            errors.append(
                _("Line %(line)s: write value | Swedish label | English label.") % {"line": number}
            )
            continue
        value, sv = parts[0], parts[1]
        en = parts[2] if len(parts) == 3 else ""
        if not OPTION_VALUE_RE.match(value):
            errors.append(
                _(
                    "Line %(line)s: “%(value)s” is not a usable value. Use letters, digits, "
                    "- and _ (at most 40), for example “library”."
                )
                % {"line": number, "value": value[:40]}
            )
            continue
        if value == DONT_KNOW:
            errors.append(
                _(
                    "Line %(line)s: the value “%(value)s” is kept for “don't know / don't want "
                    "to answer”. Tick that box instead."
                )
                % {"line": number, "value": value}
            )
            continue
        if value in seen:
            errors.append(
                _("Line %(line)s: the value “%(value)s” appears twice.")
                % {"line": number, "value": value}
            )
            continue
        if not sv:
            errors.append(_("Line %(line)s: the Swedish label is missing.") % {"line": number})
            continue
        if len(sv) > MAX_TEXT_LENGTH or len(en) > MAX_TEXT_LENGTH:
            errors.append(_("Line %(line)s: the label is too long.") % {"line": number})
            continue
        seen.add(value)
        options.append((value, {"sv": sv, "en": en}))
    if len(options) > MAX_OPTIONS:
        errors.append(_("At most %(count)s options.") % {"count": MAX_OPTIONS})
    return options, errors


def option_lines(item) -> str:
    lines = []
    for option in item.options.all():
        if option.value == DONT_KNOW:
            continue
        label = option.label or {}
        lines.append(f"{option.value} | {label.get('sv', '')} | {label.get('en', '')}".rstrip(" |"))
    return "\n".join(lines)


class ItemForm(forms.Form):
    item_id = forms.CharField(
        label=_("Question id"),
        max_length=40,
        validators=[
            RegexValidator(
                ITEM_ID_RE,
                _("Use letters, digits, - and _ (at most 40), for example “P-NET-01”."),
            )
        ],
        help_text=_(
            "Stable across versions and languages, for example “P-NET-01”. Results and "
            "comparisons between rounds use it."
        ),
    )
    type = forms.ChoiceField(label=_("Type"), choices=ItemType.choices)
    text_sv = _text(_("Question in Swedish"), required=True)
    text_en = _text(_("Question in English"))
    help_sv = _text(_("Help text in Swedish"), help_text=_("Optional, shown under the question."))
    help_en = _text(_("Help text in English"))
    options = forms.CharField(
        label=_("Answer options (single and multiple choice)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=_(
            "One option per line: value | Swedish label | English label, for example "
            "“library | Biblioteket | The library”. Keep the values when you edit: answers and "
            "conditions use them. Scales and yes/no get their options automatically."
        ),
    )
    allow_dont_know = forms.BooleanField(
        label=_("Offer “don't know / don't want to answer”"), required=False, initial=True
    )
    required = forms.BooleanField(label=_("Must be answered"), required=False)
    condition = forms.MultipleChoiceField(
        label=_("Show only when an earlier question has one of these answers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    number_min = forms.IntegerField(label=_("Smallest number"), required=False)
    number_max = forms.IntegerField(label=_("Largest number"), required=False)
    role = forms.ChoiceField(
        label=_("Used for"), choices=ItemRole.choices, required=False, initial=ItemRole.NONE
    )
    measure = forms.SlugField(
        label=_("Measure"),
        required=False,
        max_length=40,
        help_text=_("Groups questions in results, for example “wellbeing” or “networks”."),
    )

    def __init__(self, *args, version, item=None, earlier_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.item = item
        self.earlier = {i.item_id: i for i in earlier_items if i.type in CHOICE_TYPES}
        groups = []
        for candidate in self.earlier.values():
            question = text(candidate.text, SOURCE)
            choices = [
                (f"{candidate.item_id}:{o.value}", text(o.label, SOURCE) or o.value)
                for o in candidate.options.all()
            ]
            groups.append((f"{candidate.item_id} – {question}", choices))
        self.fields["condition"].choices = groups
        self.condition_groups = groups

    @staticmethod
    def initial_from(item):
        return {
            "item_id": item.item_id,
            "type": item.type,
            "text_sv": item.text.get("sv", ""),
            "text_en": item.text.get("en", ""),
            "help_sv": (item.help or {}).get("sv", ""),
            "help_en": (item.help or {}).get("en", ""),
            "options": option_lines(item),
            "allow_dont_know": item.allow_dont_know,
            "required": item.required,
            "condition": [f"{item.condition_item.item_id}:{v}" for v in item.condition_values or []]
            if item.condition_item_id
            else [],
            "number_min": item.number_min,
            "number_max": item.number_max,
            "role": item.role,
            "measure": item.measure,
        }

    def condition_rows(self):
        """For the template: [(question, [(value, label, checked, id)])]."""
        chosen = set(self["condition"].value() or [])
        rows = []
        for index, (question, choices) in enumerate(self.condition_groups):
            rows.append(
                (
                    question,
                    [
                        (value, label, value in chosen, f"id_condition_{index}_{n}")
                        for n, (value, label) in enumerate(choices)
                    ],
                )
            )
        return rows

    def clean_item_id(self):
        item_id = self.cleaned_data["item_id"].strip()
        others = self.version.items.all()
        if self.item is not None:
            others = others.exclude(pk=self.item.pk)
        if others.filter(item_id=item_id).exists():
            raise forms.ValidationError(_("Another question of this version has this id."))
        return item_id

    def clean(self):
        data = super().clean()
        kind = data.get("type")
        if kind in (ItemType.SINGLE, ItemType.MULTIPLE):
            options, errors = parse_option_lines(data.get("options", ""))
            if errors:
                self.add_error("options", errors)
            elif len(options) < 2:
                self.add_error("options", _("Give at least two answer options."))
            data["parsed_options"] = options
        else:
            data["parsed_options"] = []
        chosen = data.get("condition") or []
        items = {value.split(":", 1)[0] for value in chosen}
        if len(items) > 1:
            self.add_error(
                "condition", _("Choose answers of one question only: a condition has one question.")
            )
        data["condition_item"] = self.earlier.get(items.pop()) if len(items) == 1 else None
        data["condition_values"] = [value.split(":", 1)[1] for value in chosen]
        low, high = data.get("number_min"), data.get("number_max")
        if kind == ItemType.NUMBER and low is not None and high is not None and low > high:
            self.add_error(
                "number_max", _("The largest number must not be smaller than the smallest.")
            )
        if data.get("role") == ItemRole.AGE:
            if kind != ItemType.NUMBER:
                self.add_error("role", _("Only a number question can give the age."))
            others = self.version.items.filter(role=ItemRole.AGE)
            if self.item is not None:
                others = others.exclude(pk=self.item.pk)
            if others.exists():
                self.add_error("role", _("Another question of this version already gives the age."))
        if (
            self.item is not None
            and kind
            and kind not in CHOICE_TYPES
            and self.item.dependent_items.exists()
        ):
            self.add_error(
                "type",
                _(
                    "Other questions depend on the answer to this one, so it must keep answer "
                    "options."
                ),
            )
        return data

    def service_arguments(self) -> dict:
        """The cleaned data as `services.editing.item_create` and `item_update` take it."""
        data = self.cleaned_data
        return {
            "item_id": data["item_id"],
            "type": data["type"],
            "text": {"sv": data["text_sv"], "en": data["text_en"]},
            "help": {"sv": data["help_sv"], "en": data["help_en"]},
            "allow_dont_know": data["allow_dont_know"],
            "required": data["required"],
            "options": data["parsed_options"],
            "condition_item": data["condition_item"],
            "condition_values": data["condition_values"],
            "number_min": data.get("number_min"),
            "number_max": data.get("number_max"),
            "role": data.get("role") or ItemRole.NONE,
            "measure": data.get("measure") or "",
        }


def _status_choices(blank_label):
    return [("", blank_label)] + [
        (value, TranslationStatus(value).label) for value in SETTABLE_STATUSES
    ]


class TranslateForm(forms.Form):
    """Every text of the version with its Swedish source, to translate into one language."""

    status = forms.ChoiceField(
        label=_("Status of the translation"),
        required=False,
        help_text=_(
            "Leave it as it is and a changed text makes the language a draft again. Choose "
            "“reviewed” when a translator has checked every text."
        ),
    )
    digest = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, units, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.units = units
        self.fields["status"].choices = _status_choices(_("Keep the rules (draft after changes)"))
        self.rows = []
        for unit in units:
            name = field_name(unit.key)
            source = unit.get(SOURCE)
            long = len(source) > 80 or "\n" in source
            self.fields[name] = forms.CharField(
                label=unit.key,
                required=False,
                max_length=MAX_TEXT_LENGTH,
                initial=unit.get(language),
                widget=forms.Textarea(attrs={"rows": 3 if long else 1, "dir": "auto"}),
            )
            self.rows.append((unit, self[name]))
        self.fields["digest"].initial = texts_digest(units, language)

    def changes(self) -> list[tuple[str, str, str]]:
        return [
            (unit.key, self.language, clean_text(self.cleaned_data[field_name(unit.key)]))
            for unit in self.units
        ]


def field_name(key: str) -> str:
    return f"text__{key}"


def texts_digest(units, language) -> str:
    """A fingerprint of the texts shown, to notice someone else's change in the meantime."""
    joined = "\x1f".join(f"{unit.key}\x1e{unit.get(language)}" for unit in units)
    return hashlib.sha256(joined.encode()).hexdigest()[:32]


class LanguageStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, TranslationStatus(value).label) for value in SETTABLE_STATUSES
        ]


class TranslationImportForm(forms.Form):
    file = forms.FileField(
        label=_("Translation file (.xlsx or .po)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.po,application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet,text/x-gettext-translation"
            }
        ),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        help_text=_(
            "Import only this language from a workbook. A PO file must be for this language."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Every language in the file"))] + [
            (code, LANGUAGE_LABELS[code]) for code in LANGUAGE_CODES
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is too large. The limit is 5 MB."))
        return upload


class AudioForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the recording"))
    file = forms.FileField(
        label=_("Recording"),
        help_text=_(
            "MP3, M4A, OGG, WebM or WAV, at most 5 MB. Read the question and its answers aloud."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".mp3,.m4a,.ogg,.oga,.opus,.webm,.wav,audio/*"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, LANGUAGE_LABELS[code]) for code in LANGUAGE_CODES]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_AUDIO_BYTES:
            raise forms.ValidationError(_("The recording is too large. The limit is 5 MB."))
        extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
        if extension not in AUDIO_TYPES:
            raise forms.ValidationError(
                _(
                    "Upload an MP3, M4A, OGG, WebM or WAV file (the name ends in .mp3, .m4a, "
                    ".ogg, .webm or .wav)."
                )
            )
        content_type, expected = AUDIO_TYPES[extension]
        head = upload.read(16)
        upload.seek(0)
        if audio_kind(head) != expected:
            raise forms.ValidationError(
                _(
                    "The file is not the recording its name says (.%(extension)s). "
                    "Export it again from the recording app."
                )
                % {"extension": extension}
            )
        self.content_type = content_type
        return upload
