"""Parent survey: how the activities felt, and three background items."""

from samverka.surveys.builtin import (
    CHOOSE_MANY,
    LESS_THAN_A_YEAR,
    ONE_TO_TWO_YEARS,
    ItemDef,
    OptionDef,
    SectionDef,
    agree,
    tr,
)
from samverka.surveys.instruments.models import ItemRole, ItemType

# --------------------------------------------------------------------- how the activity felt

ACTIVITY = SectionDef(
    key="activity",
    title=tr(
        sv="Om aktiviteterna",
        sv_easy="Om träffarna",
        en="About the activities",
        ar="عن الأنشطة",
        prs="دربارهٔ فعالیت‌ها",
        so="Ku saabsan hawlaha",
        ti="ብዛዕባ እቲ ንጥፈታት",
        uk="Про заходи",
    ),
    items=(
        agree(
            "P-ACT-01",
            tr(
                sv="Jag känner mig välkommen på aktiviteterna.",
                sv_easy="Jag känner mig välkommen på träffarna.",
                en="I feel welcome at the activities.",
                ar="أشعر بأنني مرحَّب بي في الأنشطة.",
                prs="در فعالیت‌ها احساس می‌کنم که از من به گرمی استقبال می‌شود.",
                so="Waxaan dareemaa in lagu soo dhaweeyay hawlaha.",
                ti="ኣብቲ ንጥፈታት ብሕጉስ ኣቀባብላ ከም ዝተቐበሉኒ ይስምዓኒ።",
                uk="На заходах мені раді.",
            ),
            "activity",
        ),
        agree(
            "P-ACT-02",
            tr(
                sv="Jag har lärt mig något som hjälper mig i vardagen.",
                sv_easy="Jag har lärt mig saker som jag har nytta av.",
                en="I have learned something that helps me in daily life.",
                ar="تعلمت شيئاً يساعدني في حياتي اليومية.",
                prs="چیزی یاد گرفته‌ام که در زندگی روزمره به من کمک می‌کند.",
                so="Waxaan bartay wax iga caawiya nolol maalmeedkayga.",
                ti="ኣብ መዓልታዊ ህይወተይ ዝሕግዘኒ ነገር ተማሂረ።",
                uk="Заходи дали мені знання, які допомагають у повсякденному житті.",
            ),
            "activity",
        ),
        agree(
            "P-ACT-03",
            tr(
                sv="Jag har träffat nya människor genom aktiviteterna.",
                sv_easy="Jag har träffat nya människor på träffarna.",
                en="I have met new people through the activities.",
                ar="تعرّفت على أشخاص جدد من خلال الأنشطة.",
                prs="از طریق فعالیت‌ها با آدم‌های تازه آشنا شده‌ام.",
                so="Waxaan la kulmay dad cusub anigoo ka qayb qaadanaya hawlaha.",
                ti="ብመንገዲ እቲ ንጥፈታት ምስ ሓደሽቲ ሰባት ተላሊየ።",
                uk="Завдяки заходам у мене з'явилися нові знайомі.",
            ),
            "activity",
        ),
        ItemDef(
            item_id="P-ACT-04",
            type=ItemType.TEXT,
            text=tr(
                sv="Vad vill du säga till oss som ordnar aktiviteterna?",
                sv_easy="Vill du säga något till oss som ordnar träffarna?",
                en="What would you like to tell us who run the activities?",
                ar="ماذا تريد أن تقول لنا، نحن منظمي الأنشطة؟",
                prs="به ما که فعالیت‌ها را برگزار می‌کنیم، چه می‌خواهید بگویید؟",
                so="Maxaad jeclaan lahayd inaad noo sheegto, annaga oo abaabulna hawlaha?",
                ti="ንዓና ነቲ ንጥፈታት እነዳሉ እንታይ ክትነግሩና ትደልዩ?",
                uk="Що ви хотіли б сказати нам, організаторам заходів?",
            ),
            help=tr(
                sv="Skriv inga namn.",
                sv_easy="Skriv inte namn.",
                en="Please do not write any names.",
                ar="من فضلك لا تكتب أي أسماء.",
                prs="لطفاً هیچ نامی ننویسید.",
                so="Fadlan ha qorin magacyo.",
                ti="በጃኹም ስም ኣይትጽሓፉ።",
                uk="Будь ласка, не пишіть імен.",
            ),
        ),
    ),
)


# ---------------------------------------------------------------------------------- background

LANGUAGE_OPTIONS = (
    ("swedish", ("Svenska", "Swedish", "السويدية", "سویدنی", "Iswiidhish", "ሽወድኛ", "Шведська")),
    ("arabic", ("Arabiska", "Arabic", "العربية", "عربی", "Carabi", "ዓረብኛ", "Арабська")),
    ("dari", ("Dari", "Dari", "الدارية", "دری", "Dari", "ዳሪ", "Дарі")),
    ("pashto", ("Pashto", "Pashto", "البشتوية", "پشتو", "Bashtuu", "ፓሽቶ", "Пушту")),
    ("somali", ("Somaliska", "Somali", "الصومالية", "سومالیایی", "Soomaali", "ሶማልኛ", "Сомалі")),
    ("tigrinya", ("Tigrinja", "Tigrinya", "التغرينية", "تگرینیا", "Tigrinya", "ትግርኛ", "Тигринья")),
    (
        "ukrainian",
        ("Ukrainska", "Ukrainian", "الأوكرانية", "اوکراینی", "Yukreeniyaan", "ዩክሬንኛ", "Українська"),
    ),
    ("russian", ("Ryska", "Russian", "الروسية", "روسی", "Ruush", "ሩስኛ", "Російська")),
    (
        "english",
        ("Engelska", "English", "الإنجليزية", "انگلیسی", "Ingiriis", "እንግሊዝኛ", "Англійська"),
    ),
    (
        "other",
        (
            "Annat språk",
            "Another language",
            "لغة أخرى",
            "زبان دیگر",
            "Luuqad kale",
            "ካልእ ቋንቋ",
            "Інша мова",
        ),
    ),
)


def _language_option(value: str, names: tuple[str, ...]) -> OptionDef:
    sv, en, ar, prs, so, ti, uk = names
    return OptionDef(value, tr(sv=sv, sv_easy=sv, en=en, ar=ar, prs=prs, so=so, ti=ti, uk=uk))


ABOUT = SectionDef(
    key="about",
    title=tr(
        sv="Om dig",
        sv_easy="Om dig",
        en="About you",
        ar="عنك",
        prs="دربارهٔ شما",
        so="Adiga kugu saabsan",
        ti="ብዛዕባኹም",
        uk="Про вас",
    ),
    items=(
        ItemDef(
            item_id="P-BAK-01",
            type=ItemType.NUMBER,
            role=ItemRole.AGE,
            number_min=15,
            number_max=99,
            text=tr(
                sv="Hur gammal är du?",
                sv_easy="Hur gammal är du?",
                en="How old are you?",
                ar="كم عمرك؟",
                prs="چند سال دارید؟",
                so="Da'daadu waa imisa?",
                ti="ዕድሜኹም ክንደይ እዩ?",
                uk="Скільки вам років?",
            ),
            help=tr(
                sv="Skriv din ålder i år, till exempel 34.",
                sv_easy="Skriv hur många år du är. Till exempel 34.",
                en="Write your age in years, for example 34.",
                ar="اكتب عمرك بالسنوات، مثلاً 34.",
                prs="سن خود را به سال بنویسید، مثلاً 34.",
                so="Qor da'daada sannado ahaan, tusaale ahaan 34.",
                ti="ዕድሜኹም ብዓመት ጽሓፉ፡ ንኣብነት 34።",
                uk="Напишіть свій вік у роках, наприклад 34.",
            ),
        ),
        ItemDef(
            item_id="P-BAK-02",
            type=ItemType.SINGLE,
            text=tr(
                sv="Hur länge har du bott i Sverige?",
                sv_easy="Hur länge har du bott i Sverige?",
                en="How long have you lived in Sweden?",
                ar="منذ متى تعيش في السويد؟",
                prs="چه مدت است که در سویدن زندگی می‌کنید؟",
                so="Muddo intee le'eg ayaad ku noolayd Iswiidhan?",
                ti="ክንደይ ግዜ ኣብ ሽወደን ነቢርኩም?",
                uk="Як довго ви живете у Швеції?",
            ),
            options=(
                OptionDef("lt1", LESS_THAN_A_YEAR),
                OptionDef("1-2", ONE_TO_TWO_YEARS),
                OptionDef(
                    "3-5",
                    tr(
                        sv="3–5 år",
                        sv_easy="3–5 år",
                        en="3–5 years",
                        ar="3 إلى 5 سنوات",
                        prs="3 تا 5 سال",
                        so="3–5 sano",
                        ti="3–5 ዓመት",
                        uk="3–5 років",
                    ),
                ),
                OptionDef(
                    "gt5",
                    tr(
                        sv="Mer än 5 år",
                        sv_easy="Mer än 5 år",
                        en="More than 5 years",
                        ar="أكثر من 5 سنوات",
                        prs="بیشتر از 5 سال",
                        so="In ka badan 5 sano",
                        ti="ካብ 5 ዓመት ንላዕሊ",
                        uk="Понад 5 років",
                    ),
                ),
            ),
        ),
        ItemDef(
            item_id="P-BAK-03",
            type=ItemType.MULTIPLE,
            text=tr(
                sv="Vilka språk talar ni hemma?",
                sv_easy="Vilka språk pratar ni hemma?",
                en="Which languages do you speak at home?",
                ar="ما اللغات التي تتحدثونها في البيت؟",
                prs="در خانه به کدام زبان‌ها صحبت می‌کنید؟",
                so="Luuqadee ayaad guriga ku hadashaan?",
                ti="ኣብ ገዛ ብኣየናይ ቋንቋታት ትዛረቡ?",
                uk="Якими мовами ви розмовляєте вдома?",
            ),
            help=CHOOSE_MANY,
            options=tuple(_language_option(value, names) for value, names in LANGUAGE_OPTIONS),
        ),
    ),
)
