"""The fixed words of the "Ni sa – vi gjorde" poster in every family language.

Written by us in plain words. Which languages a translator has reviewed is in
samverka/lib/languages.py (REVIEWED, Shipped.CHILDREN_POSTER); the others are honestly marked
"draft" until a human translator has checked them (as the consent notice and survey posters)."""

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "said": "Ni sa",
        "did": "Vi gjorde",
        "done": "Klart!",
        "working": "Vi jobbar på det",
        "not_possible": "Det gick inte – därför:",
        "ask": "Fråga oss om du vill veta mer!",
        "draft": "Översättningen är inte granskad av en översättare än.",
    },
    "sv-easy": {
        "said": "Ni sa",
        "did": "Vi gjorde",
        "done": "Klart!",
        "working": "Vi håller på",
        "not_possible": "Det gick inte. Så här är det:",
        "ask": "Fråga oss om du undrar något!",
        "draft": "Texten är inte granskad än.",
    },
    "en": {
        "said": "You said",
        "did": "We did",
        "done": "Done!",
        "working": "We are working on it",
        "not_possible": "We could not – this is why:",
        "ask": "Ask us if you want to know more!",
        "draft": "No translator has checked this translation yet.",
    },
    "ar": {
        "said": "قلتم",
        "did": "فعلنا",
        "done": "تمّ!",
        "working": "نعمل على ذلك",
        "not_possible": "لم نستطع – والسبب:",
        "ask": "اسألونا إذا أردتم معرفة المزيد!",
        "draft": "لم يراجع مترجم هذه الترجمة بعد.",
    },
    "prs": {
        "said": "شما گفتید",
        "did": "ما انجام دادیم",
        "done": "انجام شد!",
        "working": "روی آن کار می‌کنیم",
        "not_possible": "نتوانستیم – دلیلش این است:",
        "ask": "اگر می‌خواهید بیشتر بدانید، از ما بپرسید!",
        "draft": "این ترجمه هنوز توسط مترجم بررسی نشده است.",
    },
    "so": {
        "said": "Waxaad tiraahdeen",
        "did": "Waxaan samaynay",
        "done": "Waa la dhammeeyay!",
        "working": "Waan ka shaqaynaynaa",
        "not_possible": "Ma aanan awoodin – sababta:",
        "ask": "Na weydiiya haddii aad rabtaan inaad wax badan ogaataan!",
        "draft": "Turjumaan weli ma hubin turjumaaddan.",
    },
    "ti": {
        "said": "በልኩም",
        "did": "ገበርና",
        "done": "ተወዲኡ!",
        "working": "ንሰርሓሉ ኣለና",
        "not_possible": "ኣይከኣልናን – ምኽንያቱ፡",
        "ask": "ዝያዳ ክትፈልጡ እንተደሊኹም ሕተቱና!",
        "draft": "እዚ ትርጉም ገና ብተርጓሚ ኣይተመርመረን።",
    },
    "uk": {
        "said": "Ви сказали",
        "did": "Ми зробили",
        "done": "Готово!",
        "working": "Ми над цим працюємо",
        "not_possible": "Ми не змогли – ось чому:",
        "ask": "Запитайте нас, якщо хочете знати більше!",
        "draft": "Цей переклад ще не перевірив перекладач.",
    },
}


# Words in a Swedish theme that suggest a picture (the staff can always choose another).
ICON_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("ball", ("fotboll", "boll", "sport", "idrott", "basket", "innebandy")),
    ("bicycle", ("cykel", "cykla")),
    ("water", ("bad", "simma", "sim", "vatten", "strand")),
    ("trip", ("utflykt", "resa", "buss", "åka")),
    ("book", ("bok", "böcker", "bibliotek", "läsa", "läxhjälp")),
    ("food", ("mat", "fika", "mellanmål", "frukt", "äta", "laga")),
    ("music", ("musik", "sång", "sjunga", "dans")),
    ("art", ("rita", "måla", "pyssel", "skapa", "teater")),
    ("nature", ("skog", "natur", "ute", "park", "lekplats")),
    ("friends", ("kompis", "vän", "vänner", "tillsammans")),
    ("family", ("familj", "föräld", "mamma", "pappa", "syskon")),
    ("school", ("skola", "skolan", "lärare")),
    ("safe", ("trygg", "säker", "rädd", "bråk", "mobbning")),
    ("time", ("tid", "dag", "kväll", "helg", "lov", "längre", "oftare")),
    ("play", ("lek", "spel", "spela")),
]


def icon_for(text: str) -> str:
    lowered = (text or "").lower()
    for icon, words in ICON_WORDS:
        if any(word in lowered for word in words):
            return icon
    return "idea"
