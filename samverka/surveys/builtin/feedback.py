"""A three-question feedback at the end of an activity, for children and adults alike."""

from samverka.surveys.builtin import InstrumentDef, ItemDef, SectionDef, tr
from samverka.surveys.instruments.models import InstrumentKind, ItemType

TODAY = SectionDef(
    key="today",
    title=tr(
        sv="I dag",
        sv_easy="I dag",
        en="Today",
        ar="اليوم",
        prs="امروز",
        so="Maanta",
        ti="ሎሚ",
        uk="Сьогодні",
    ),
    items=(
        ItemDef(
            item_id="F-DAY-01",
            type=ItemType.FACES,
            measure="feedback",
            text=tr(
                sv="Jag tyckte om det vi gjorde i dag.",
                sv_easy="Jag tyckte om dagen.",
                en="I liked what we did today.",
                ar="أعجبني ما فعلناه اليوم.",
                prs="از کاری که امروز کردیم خوشم آمد.",
                so="Waan jeclaaday waxa aan maanta samaynay.",
                ti="ሎሚ ዝገበርናዮ ነገር ፈትየዮ።",
                uk="Мені сподобалося те, що ми робили сьогодні.",
            ),
        ),
        ItemDef(
            item_id="F-DAY-02",
            type=ItemType.FACES,
            measure="feedback",
            text=tr(
                sv="Jag lärde mig något nytt.",
                sv_easy="Jag lärde mig något nytt.",
                en="I learned something new.",
                ar="تعلمت شيئاً جديداً.",
                prs="چیز تازه‌ای یاد گرفتم.",
                so="Wax cusub ayaan bartay.",
                ti="ሓድሽ ነገር ተማሂረ።",
                uk="Сьогодні мені вдалося дізнатися щось нове.",
            ),
        ),
        ItemDef(
            item_id="F-DAY-03",
            type=ItemType.YES_NO,
            measure="feedback",
            text=tr(
                sv="Vill du komma igen?",
                sv_easy="Vill du komma igen?",
                en="Do you want to come again?",
                ar="هل تريد أن تأتي مرة أخرى؟",
                prs="آیا می‌خواهی دوباره بیایی؟",
                so="Ma rabtaa inaad mar kale timaaddo?",
                ti="ደጊምኩም ክትመጹ ትደልዩ ዶ?",
                uk="Хочеш прийти ще раз?",
            ),
        ),
    ),
)

INSTRUMENT = InstrumentDef(
    key="feedback",
    kind=InstrumentKind.FEEDBACK,
    name="Återkoppling efter aktivitet",
    title=tr(
        sv="Hur var det i dag?",
        sv_easy="Hur var det i dag?",
        en="How was today?",
        ar="كيف كان اليوم؟",
        prs="امروز چطور بود؟",
        so="Sidee buu ahaa maanta?",
        ti="ሎሚ ከመይ ነይሩ?",
        uk="Як було сьогодні?",
    ),
    intro=tr(
        sv="Tre korta frågor om dagens aktivitet.",
        sv_easy="Tre frågor om i dag.",
        en="Three short questions about today's activity.",
        ar="ثلاثة أسئلة قصيرة عن نشاط اليوم.",
        prs="سه سؤال کوتاه دربارهٔ فعالیت امروز.",
        so="Saddex su'aalood oo gaaban oo ku saabsan hawsha maanta.",
        ti="ሰለስተ ሓጸርቲ ሕቶታት ብዛዕባ ናይ ሎሚ ንጥፈት።",
        uk="Три короткі запитання про сьогоднішній захід.",
    ),
    sections=(TODAY,),
)
