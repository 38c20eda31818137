"""Standard answer labels in the eight survey languages.

Used for the built-in instruments and by the item editor when staff add a scale, yes/no or
"don't know" to their own instrument: {language: {option value: label}}. Scale values are
"1".."5" from "not at all" to "completely"; the "don't know / don't want to answer" option has
the value `instruments.models.DONT_KNOW` ("dk") and always comes last.
"""

from samverka.surveys.instruments.models import DONT_KNOW, ItemType

# Agreement with a statement, in plain words (5 points).
SCALE_LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "1": "Stämmer inte alls",
        "2": "Stämmer lite",
        "3": "Stämmer delvis",
        "4": "Stämmer ganska bra",
        "5": "Stämmer helt",
    },
    "sv-easy": {
        "1": "Stämmer inte",
        "2": "Stämmer lite",
        "3": "Stämmer till hälften",
        "4": "Stämmer nästan",
        "5": "Stämmer helt",
    },
    "en": {
        "1": "Not true at all",
        "2": "A little true",
        "3": "Partly true",
        "4": "Mostly true",
        "5": "Completely true",
    },
    "ar": {
        "1": "لا ينطبق أبداً",
        "2": "ينطبق قليلاً",
        "3": "ينطبق جزئياً",
        "4": "ينطبق إلى حد كبير",
        "5": "ينطبق تماماً",
    },
    "prs": {
        "1": "اصلاً درست نیست",
        "2": "کمی درست است",
        "3": "تا اندازه‌ای درست است",
        "4": "بیشتر درست است",
        "5": "کاملاً درست است",
    },
    "so": {
        "1": "Haba yaraatee run ma aha",
        "2": "Wax yar ayuu run yahay",
        "3": "Qayb ahaan waa run",
        "4": "Inta badan waa run",
        "5": "Gebi ahaanba waa run",
    },
    "ti": {
        "1": "ፈጺሙ ሓቂ ኣይኮነን",
        "2": "ቁሩብ ሓቂ እዩ",
        "3": "ብከፊል ሓቂ እዩ",
        "4": "መብዛሕትኡ ሓቂ እዩ",
        "5": "ምሉእ ብምሉእ ሓቂ እዩ",
    },
    "uk": {
        "1": "Зовсім не так",
        "2": "Трохи так",
        "3": "Частково так",
        "4": "Здебільшого так",
        "5": "Повністю так",
    },
}

# The same five points shown as faces for children; these are the faces' text alternatives
# (read by screen readers and shown under each face).
FACES_LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "1": "Mycket ledsen",
        "2": "Ledsen",
        "3": "Mittemellan",
        "4": "Glad",
        "5": "Mycket glad",
    },
    "sv-easy": {
        "1": "Jätteledsen",
        "2": "Ledsen",
        "3": "Mittemellan",
        "4": "Glad",
        "5": "Jätteglad",
    },
    "en": {"1": "Very sad", "2": "Sad", "3": "In between", "4": "Happy", "5": "Very happy"},
    "ar": {"1": "حزين جداً", "2": "حزين", "3": "بين بين", "4": "سعيد", "5": "سعيد جداً"},
    "prs": {"1": "خیلی غمگین", "2": "غمگین", "3": "نه خوش، نه غمگین", "4": "خوش", "5": "خیلی خوش"},
    "so": {
        "1": "Aad u murugaysan",
        "2": "Murugaysan",
        "3": "Dhexdhexaad",
        "4": "Faraxsan",
        "5": "Aad u faraxsan",
    },
    "ti": {"1": "ብጣዕሚ ጕሁይ", "2": "ጕሁይ", "3": "ማእከላይ", "4": "ሕጉስ", "5": "ብጣዕሚ ሕጉስ"},
    "uk": {"1": "Дуже сумно", "2": "Сумно", "3": "Так собі", "4": "Радісно", "5": "Дуже радісно"},
}

YES_NO_LABELS: dict[str, dict[str, str]] = {
    "sv": {"yes": "Ja", "no": "Nej"},
    "sv-easy": {"yes": "Ja", "no": "Nej"},
    "en": {"yes": "Yes", "no": "No"},
    "ar": {"yes": "نعم", "no": "لا"},
    "prs": {"yes": "بلی", "no": "نخیر"},
    "so": {"yes": "Haa", "no": "Maya"},
    "ti": {"yes": "እወ", "no": "ኣይፋል"},
    "uk": {"yes": "Так", "no": "Ні"},
}

DONT_KNOW_LABEL: dict[str, str] = {
    "sv": "Vet inte / vill inte svara",
    "sv-easy": "Jag vet inte / Jag vill inte svara",
    "en": "Don't know / prefer not to say",
    "ar": "لا أعرف / لا أريد الإجابة",
    "prs": "نمی‌دانم / نمی‌خواهم جواب بدهم",
    "so": "Ma garanayo / Ma rabo inaan ka jawaabo",
    "ti": "ኣይፈልጥን / ክምልስ ኣይደልን",
    "uk": "Не знаю / Не хочу відповідати",
}


def labels_by_value(labels: dict[str, dict[str, str]]) -> list[tuple[str, dict[str, str]]]:
    """{language: {value: label}} turned around: [(value, {language: label}), ...] in order."""
    values = list(labels["sv"])
    return [(value, {lang: texts[value] for lang, texts in labels.items()}) for value in values]


STANDARD_OPTIONS = {
    ItemType.AGREEMENT: SCALE_LABELS,
    ItemType.FACES: FACES_LABELS,
    ItemType.YES_NO: YES_NO_LABELS,
}


def options_for(item) -> list[tuple[str, dict[str, str]]]:
    """The options of a built-in item definition (`builtin.ItemDef`) in order, as
    (value, {language: label}): standard ones for scales and yes/no, the declared ones for
    single and multiple choice, then "don't know" when the item offers it."""
    if item.type in STANDARD_OPTIONS:
        options = labels_by_value(STANDARD_OPTIONS[item.type])
    else:
        options = [(option.value, dict(option.label)) for option in item.options]
    if options and item.offers_dont_know:
        options.append((DONT_KNOW, dict(DONT_KNOW_LABEL)))
    return options
