# ruff: noqa: E501
"""The child survey: short, with faces, easy to read aloud (children aged about 6–12).

Every statement is one short sentence in the first person, so an adult can read it aloud and the
child points at a face. The faces' text alternatives are `scales.FACES_LABELS`.
"""

from samverka.surveys.builtin import InstrumentDef, ItemDef, SectionDef, tr
from samverka.surveys.instruments.models import InstrumentKind, ItemRole, ItemType


def face(item_id: str, text: dict, measure: str) -> ItemDef:
    return ItemDef(item_id=item_id, type=ItemType.FACES, text=text, measure=measure)


ME = SectionDef(
    key="me",
    title=tr(
        sv="Om mig",
        sv_easy="Om mig",
        en="About me",
        ar="عني",
        prs="دربارهٔ من",
        so="Aniga igu saabsan",
        ti="ብዛዕባይ",
        uk="Про мене",
    ),
    items=(
        face(
            "C-ME-01",
            tr(
                sv="Jag har en kompis att leka med.",
                sv_easy="Jag har en kompis att leka med.",
                en="I have a friend to play with.",
                ar="لدي صديق ألعب معه.",
                prs="یک دوست دارم که با او بازی کنم.",
                so="Waxaan leeyahay saaxiib aan la ciyaaro.",
                ti="ምስኡ ዝጻወት ዓርኪ ኣሎኒ።",
                uk="У мене є друг, з яким я граюся.",
            ),
            "friends",
        ),
        face(
            "C-ME-02",
            tr(
                sv="Jag trivs i skolan.",
                sv_easy="Jag tycker om skolan.",
                en="I like being at school.",
                ar="أحب أن أكون في المدرسة.",
                prs="از مکتب خوشم می‌آید.",
                so="Waan jeclahay inaan dugsiga joogo.",
                ti="ኣብ ቤት ትምህርቲ ምዃን ይፈቱ እየ።",
                uk="Мені подобається в школі.",
            ),
            "wellbeing",
        ),
        face(
            "C-ME-03",
            tr(
                sv="Jag känner mig trygg där jag bor.",
                sv_easy="Jag känner mig trygg där jag bor.",
                en="I feel safe where I live.",
                ar="أشعر بالأمان في المكان الذي أسكن فيه.",
                prs="جایی که زندگی می‌کنم، احساس امنیت می‌کنم.",
                so="Waxaan dareemaa ammaan meesha aan ku noolahay.",
                ti="ኣብ ዝነብረሉ ቦታ ውሑስ ኮይኑ ይስምዓኒ።",
                uk="Я почуваюся в безпеці там, де живу.",
            ),
            "safety",
        ),
        face(
            "C-ME-04",
            tr(
                sv="Jag mår bra.",
                sv_easy="Jag mår bra.",
                en="I feel good.",
                ar="أشعر أنني بخير.",
                prs="حالم خوب است.",
                so="Waan fiicanahay.",
                ti="ጽቡቕ ይስምዓኒ።",
                uk="Я почуваюся добре.",
            ),
            "wellbeing",
        ),
    ),
)

HERE = SectionDef(
    key="here",
    title=tr(
        sv="Här hos oss",
        sv_easy="Här hos oss",
        en="Here with us",
        ar="هنا معنا",
        prs="این‌جا با ما",
        so="Halkan annaga nala",
        ti="ኣብዚ ምሳና",
        uk="Тут, з нами",
    ),
    items=(
        face(
            "C-HER-01",
            tr(
                sv="Jag tycker om att komma hit.",
                sv_easy="Jag tycker om att komma hit.",
                en="I like coming here.",
                ar="أحب المجيء إلى هنا.",
                prs="دوست دارم به این‌جا بیایم.",
                so="Waan jeclahay inaan halkan imaado.",
                ti="ናብዚ ምምጻእ ይፈቱ እየ።",
                uk="Мені подобається сюди приходити.",
            ),
            "belonging",
        ),
        face(
            "C-HER-02",
            tr(
                sv="De vuxna här lyssnar på mig.",
                sv_easy="De vuxna här lyssnar på mig.",
                en="The adults here listen to me.",
                ar="الكبار هنا يستمعون إليّ.",
                prs="بزرگسالان این‌جا به حرف من گوش می‌دهند.",
                so="Dadka waaweyn ee halkan joogaa way i dhageystaan.",
                ti="ኣብዚ ዘለዉ ዓበይቲ ይሰምዑኒ እዮም።",
                uk="Дорослі тут мене слухають.",
            ),
            "voice",
        ),
        face(
            "C-HER-03",
            tr(
                sv="Jag får vara med och bestämma vad vi gör.",
                sv_easy="Jag får säga vad jag vill göra.",
                en="I get to help decide what we do.",
                ar="أشارك في اختيار ما نفعله.",
                prs="من هم می‌توانم بگویم که چه کار کنیم.",
                so="Waxaan ka qayb qaataa go'aaminta waxa aan samayno.",
                ti="ኣብቲ እንገብሮ ነገር ኣብ ምውሳን ይሳተፍ እየ።",
                uk="Я можу разом з іншими вирішувати, що ми робимо.",
            ),
            "voice",
        ),
        face(
            "C-HER-04",
            tr(
                sv="Jag har lärt mig något nytt här.",
                sv_easy="Jag har lärt mig något nytt här.",
                en="I have learned something new here.",
                ar="تعلمت شيئاً جديداً هنا.",
                prs="این‌جا چیز تازه‌ای یاد گرفته‌ام.",
                so="Halkan wax cusub ayaan ku bartay.",
                ti="ኣብዚ ሓድሽ ነገር ተማሂረ።",
                uk="Тут я дізнаюся щось нове.",
            ),
            "learning",
        ),
        face(
            "C-HER-05",
            tr(
                sv="Jag har fått nya kompisar här.",
                sv_easy="Jag har fått nya kompisar här.",
                en="I have made new friends here.",
                ar="تعرفت على أصدقاء جدد هنا.",
                prs="این‌جا دوستان تازه پیدا کرده‌ام.",
                so="Halkan saaxiibo cusub ayaan ku yeeshay.",
                ti="ኣብዚ ሓደሽቲ ኣዕሩኽ ረኺበ።",
                uk="Тут у мене з'явилися нові друзі.",
            ),
            "friends",
        ),
    ),
)

END = SectionDef(
    key="end",
    title=tr(
        sv="Till sist",
        sv_easy="Till sist",
        en="Last of all",
        ar="في النهاية",
        prs="در آخر",
        so="Ugu dambayn",
        ti="ኣብ መወዳእታ",
        uk="Наостанок",
    ),
    items=(
        ItemDef(
            item_id="C-END-01",
            type=ItemType.NUMBER,
            role=ItemRole.AGE,
            number_min=4,
            number_max=17,
            text=tr(
                sv="Hur gammal är du?",
                sv_easy="Hur gammal är du?",
                en="How old are you?",
                ar="كم عمرك؟",
                prs="چند سال داری؟",
                so="Immisa jir baad tahay?",
                ti="ዕድሜኻ ክንደይ እዩ?",
                uk="Скільки тобі років?",
            ),
        ),
        ItemDef(
            item_id="C-END-02",
            type=ItemType.TEXT,
            text=tr(
                sv="Vad skulle du vilja göra mer av?",
                sv_easy="Vad vill du göra mer?",
                en="What would you like to do more of?",
                ar="ماذا تحب أن تفعل أكثر؟",
                prs="دوست داری چه کاری را بیشتر انجام بدهی؟",
                so="Maxaad jeclaan lahayd inaad wax badan ka samayso?",
                ti="እንታይ ነገር ብዝያዳ ክትገብር ምደለኻ?",
                uk="Що тобі хотілося б робити частіше?",
            ),
            help=tr(
                sv="Du kan också säga det till en vuxen som skriver.",
                sv_easy="Du kan säga det till en vuxen. Den vuxna skriver.",
                en="You can also say it to an adult who writes it down.",
                ar="يمكنك أيضاً أن تقوله لشخص كبير يكتبه لك.",
                prs="می‌توانی آن را به یک بزرگسال بگویی تا برایت بنویسد.",
                so="Waxaad sidoo kale u sheegi kartaa qof weyn oo kuu qora.",
                ti="ንሓደ ዓብዪ ሰብ ክትነግሮ ትኽእል ኢኻ፡ ንሱ ድማ ይጽሕፎ።",
                uk="Можеш сказати це дорослому, і він запише.",
            ),
        ),
    ),
)

INSTRUMENT = InstrumentDef(
    key="child",
    kind=InstrumentKind.CHILD,
    name="Barnenkät",
    title=tr(
        sv="Hur har du det?",
        sv_easy="Hur har du det?",
        en="How are you?",
        ar="كيف حالك؟",
        prs="چطور هستی؟",
        so="Sidee tahay?",
        ti="ከመይ ኣለኹም?",
        uk="Як у тебе справи?",
    ),
    intro=tr(
        sv="Här är några frågor om hur du har det. Det finns inga rätta eller fel svar. En vuxen kan läsa frågorna högt för dig. Peka på det ansikte som passar bäst.",
        sv_easy="Här är några frågor till dig. Det finns inga fel svar. En vuxen kan läsa för dig. Peka på ett ansikte.",
        en="Here are some questions about how you are. There are no right or wrong answers. An adult can read the questions aloud to you. Point to the face that fits best.",
        ar="هذه بعض الأسئلة عن حالك. لا توجد إجابات صحيحة أو خاطئة. يمكن لشخص كبير أن يقرأ لك الأسئلة بصوت عالٍ. أشِر إلى الوجه الذي يناسبك أكثر.",
        prs="این‌جا چند سؤال دربارهٔ حال تو است. جواب درست یا غلط وجود ندارد. یک بزرگسال می‌تواند سؤال‌ها را برایت بلند بخواند. به صورتی اشاره کن که بهتر از همه مناسب است.",
        so="Halkan waxaa ku jira su'aalo ku saabsan sida aad tahay. Ma jiraan jawaabo sax ah ama khalad ah. Qof weyn ayaa su'aalaha kuu akhrin kara. Farta ku fiiq wejiga sida fiican kuugu habboon.",
        ti="እዚኣተን ብዛዕባ ኩነታትካ ዝሓታ ሕቶታት እየን። ቅኑዕ ወይ ጌጋ መልሲ የለን። ሓደ ዓብዪ ሰብ ነቲ ሕቶታት ብዓውታ ከንብበልካ ይኽእል። ነቲ ዝበለጸ ዝሰማማዓካ ገጽ ኣመልክት።",
        uk="Ось кілька запитань про те, як у тебе справи. Правильних чи неправильних відповідей немає. Дорослий може прочитати тобі запитання вголос. Покажи на обличчя, яке підходить найбільше.",
    ),
    sections=(ME, HERE, END),
)
