# ruff: noqa: E501
"""The parent survey: the programme's participant survey for parents and other adults.

It asks what the programme's own survey asked (social participation and networks, housing,
psychological wellbeing, empowerment) and what the parent-support groups aim at (trust in and
understanding of society's actors), plus how the activities felt and three background items.

Wellbeing is the WHO-5 Well-Being Index (free to use with its attribution, kept in the version's
attribution field). Its wording here is our plain rendering; before results in a language other
than Swedish or English are used for research, compare them with the official WHO-5 translation
of that language (those six languages ship as "draft" anyway).
"""

from samverka.surveys.builtin import (
    CHOOSE_MANY,
    LESS_THAN_A_YEAR,
    ONE_TO_TWO_YEARS,
    SOMETHING_ELSE,
    ConditionDef,
    InstrumentDef,
    ItemDef,
    OptionDef,
    SectionDef,
    tr,
)
from samverka.surveys.models import InstrumentKind, ItemRole, ItemType

# Staff read this in Swedish (the default) and English; the citation itself is not translated.
WHO5_ATTRIBUTION = (
    "WHO-5 Well-Being Index © Psychiatric Research Unit, Mental Health Centre North Zealand; "
    "free to use. Avsnittet ”wellbeing” (frågorna P-WHO-01 till P-WHO-05) är WHO-5: "
    "råpoängen är summan av de fem svaren (0–25), gånger 4 ger den 0–100. Alla andra frågor "
    "är skrivna av Samverka. / Section “wellbeing” (items P-WHO-01 to P-WHO-05) is the WHO-5: "
    "the raw score is the sum of the five answers (0–25); multiplied by 4 it gives 0–100. "
    "All other questions are written by Samverka."
)


def agree(item_id: str, text: dict, measure: str, **extra) -> ItemDef:
    return ItemDef(item_id=item_id, type=ItemType.AGREEMENT, text=text, measure=measure, **extra)


# ------------------------------------------------------------------ social participation and networks

NETWORKS = SectionDef(
    key="networks",
    title=tr(
        sv="Kontakter och delaktighet",
        sv_easy="Människor du känner",
        en="Contacts and taking part",
        ar="العلاقات والمشاركة",
        prs="ارتباطات و سهم‌گیری",
        so="Xiriirka iyo ka qaybqaadashada",
        ti="ርክባትን ተሳትፎን",
        uk="Знайомства і участь",
    ),
    intro=tr(
        sv="Tänk på hur det är för dig nu.",
        sv_easy="Tänk på hur det är nu.",
        en="Think about how things are for you now.",
        ar="فكّر في وضعك الآن.",
        prs="به وضعیت فعلی خود فکر کنید.",
        so="Ka fikir sida ay hadda kuu yihiin.",
        ti="ብዛዕባ ናይ ሕጂ ኩነታትኩም ሕሰቡ።",
        uk="Подумайте про те, як у вас зараз.",
    ),
    items=(
        agree(
            "P-NET-01",
            tr(
                sv="Jag har någon att prata med när jag behöver det.",
                sv_easy="Jag har någon att prata med.",
                en="I have someone to talk to when I need it.",
                ar="لدي شخص أتحدث معه عندما أحتاج إلى ذلك.",
                prs="وقتی نیاز داشته باشم، کسی را دارم که با او صحبت کنم.",
                so="Waxaan haystaa qof aan la hadlo marka aan u baahdo.",
                ti="ምስ ዘድልየኒ ዘዘራርቦ ሰብ ኣሎኒ።",
                uk="Мені є з ким поговорити, коли це потрібно.",
            ),
            "networks",
        ),
        agree(
            "P-NET-02",
            tr(
                sv="Jag känner andra föräldrar som också är nya i Sverige.",
                sv_easy="Jag känner andra föräldrar som är nya i Sverige.",
                en="I know other parents who are also new in Sweden.",
                ar="أعرف آباء وأمهات آخرين جدداً في السويد مثلي.",
                prs="من والدین دیگری را می‌شناسم که آن‌ها هم در سویدن تازه‌وارد هستند.",
                so="Waxaan aqaan waalidiin kale oo iyaguna Iswiidhan ku cusub.",
                ti="ከማይ ሓደሽቲ ኣብ ሽወደን ዝኾኑ ካልኦት ወለዲ እፈልጥ እየ።",
                uk="Я знаю інших батьків, які теж нещодавно приїхали до Швеції.",
            ),
            "networks",
        ),
        agree(
            "P-NET-03",
            tr(
                sv="Jag har kontakt med familjer som har bott länge i Sverige.",
                sv_easy="Jag känner familjer som har bott länge i Sverige.",
                en="I am in touch with families who have lived in Sweden for a long time.",
                ar="لدي تواصل مع عائلات تعيش في السويد منذ وقت طويل.",
                prs="با خانواده‌هایی که مدت زیادی در سویدن زندگی کرده‌اند، ارتباط دارم.",
                so="Waxaan xiriir la leeyahay qoysas muddo dheer ku noolaa Iswiidhan.",
                ti="ምስ ነዊሕ ግዜ ኣብ ሽወደን ዝነበሩ ስድራቤታት ርክብ ኣሎኒ።",
                uk="Я спілкуюся з родинами, які давно живуть у Швеції.",
            ),
            "networks",
        ),
        agree(
            "P-NET-04",
            tr(
                sv="Jag vet var mitt barn kan göra något roligt på fritiden.",
                sv_easy="Jag vet var mitt barn kan göra roliga saker på fritiden.",
                en="I know where my child can do something fun in their free time.",
                ar="أعرف أين يمكن لطفلي أن يفعل شيئاً ممتعاً في وقت فراغه.",
                prs="می‌دانم طفلم در وقت فارغ کجا می‌تواند کار جالبی انجام دهد.",
                so="Waan ogahay meesha ilmahaygu wakhtiga firaaqada ku samayn karo wax xiiso leh.",
                ti="ውላደይ ኣብ ናጻ ግዜኡ ደስ ዘብል ነገር ኣበይ ክገብር ከም ዝኽእል እፈልጥ እየ።",
                uk="Я знаю, де моя дитина може цікаво провести вільний час.",
            ),
            "participation",
        ),
        ItemDef(
            item_id="P-NET-05",
            type=ItemType.YES_NO,
            measure="participation",
            text=tr(
                sv="Är du eller ditt barn med i en förening eller en klubb?",
                sv_easy="Är du eller ditt barn med i en förening eller en klubb?",
                en="Are you or your child a member of an association or a club?",
                ar="هل أنت أو طفلك عضو في جمعية أو نادٍ؟",
                prs="آیا شما یا طفل‌تان عضو یک انجمن یا کلپ هستید؟",
                so="Adiga ama ilmahaagu ma xubin ka tihiin urur ama naadi?",
                ti="ንስኹም ወይ ውላድኩም ኣባል ማሕበር ወይ ክለብ ዲኹም?",
                uk="Ви або ваша дитина є членом спілки, гуртка чи клубу?",
            ),
            help=tr(
                sv="Till exempel en idrottsförening, en kör eller ett språkcafé.",
                sv_easy="Till exempel en idrottsklubb, en kör eller ett språkcafé.",
                en="For example a sports club, a choir or a language café.",
                ar="مثلاً نادٍ رياضي أو جوقة أو مقهى لغة.",
                prs="مثلاً یک کلپ ورزشی، یک گروه آواز یا یک کافهٔ زبان.",
                so="Tusaale ahaan naadi isboorti, koox heesaha ama kafeega luuqadda.",
                ti="ንኣብነት ክለብ ስፖርት፡ ጉጅለ መዝሙር ወይ ካፈ ቋንቋ።",
                uk="Наприклад, спортивний клуб, хор або мовне кафе.",
            ),
        ),
        ItemDef(
            item_id="P-NET-06",
            type=ItemType.MULTIPLE,
            measure="participation",
            condition=ConditionDef("P-NET-05", ("yes",)),
            text=tr(
                sv="Vilken sorts förening eller klubb?",
                sv_easy="Vad är det för förening eller klubb?",
                en="What kind of association or club?",
                ar="ما نوع الجمعية أو النادي؟",
                prs="چه نوع انجمن یا کلپ؟",
                so="Waa urur ama naadi noocee ah?",
                ti="እንታይ ዓይነት ማሕበር ወይ ክለብ?",
                uk="Яка це спілка чи клуб?",
            ),
            help=CHOOSE_MANY,
            options=(
                OptionDef(
                    "sport",
                    tr(
                        sv="Idrott",
                        sv_easy="Idrott",
                        en="Sport",
                        ar="رياضة",
                        prs="ورزش",
                        so="Isboorti",
                        ti="ስፖርት",
                        uk="Спорт",
                    ),
                ),
                OptionDef(
                    "culture",
                    tr(
                        sv="Musik, dans eller konst",
                        sv_easy="Musik, dans eller konst",
                        en="Music, dance or art",
                        ar="موسيقى أو رقص أو فن",
                        prs="موسیقی، رقص یا هنر",
                        so="Muusig, qoob-ka-ciyaar ama farshaxan",
                        ti="ሙዚቃ፡ ሳዕስዒት ወይ ስነ-ጥበብ",
                        uk="Музика, танці або мистецтво",
                    ),
                ),
                OptionDef(
                    "language",
                    tr(
                        sv="Språkcafé eller läxhjälp",
                        sv_easy="Språkcafé eller läxhjälp",
                        en="Language café or homework help",
                        ar="مقهى لغة أو مساعدة في الواجبات المدرسية",
                        prs="کافهٔ زبان یا کمک در کارخانگی",
                        so="Kafeega luuqadda ama caawinta casharrada guriga",
                        ti="ካፈ ቋንቋ ወይ ሓገዝ ዕዮ-ገዛ",
                        uk="Мовне кафе або допомога з домашніми завданнями",
                    ),
                ),
                OptionDef(
                    "parents",
                    tr(
                        sv="Föräldragrupp",
                        sv_easy="Föräldragrupp",
                        en="Parent group",
                        ar="مجموعة للآباء والأمهات",
                        prs="گروه والدین",
                        so="Kooxda waalidiinta",
                        ti="ጉጅለ ወለዲ",
                        uk="Батьківська група",
                    ),
                ),
                OptionDef("other", SOMETHING_ELSE),
            ),
        ),
    ),
)

# ------------------------------------------------------------------------------------ housing

HOUSING = SectionDef(
    key="housing",
    title=tr(
        sv="Boende",
        sv_easy="Där du bor",
        en="Housing",
        ar="السكن",
        prs="محل بود و باش",
        so="Guriga",
        ti="መንበሪ",
        uk="Житло",
    ),
    items=(
        ItemDef(
            item_id="P-HOU-01",
            type=ItemType.YES_NO,
            measure="housing",
            text=tr(
                sv="Bor du i ett tillfälligt boende?",
                sv_easy="Bor du på ett ställe bara för en kort tid?",
                en="Do you live in temporary housing?",
                ar="هل تسكن في سكن مؤقت؟",
                prs="آیا در یک جای بود و باش موقت زندگی می‌کنید؟",
                so="Ma ku nooshahay guri ku meel gaar ah?",
                ti="ኣብ ግዝያዊ መንበሪ ትነብሩ ዲኹም?",
                uk="Ви живете в тимчасовому житлі?",
            ),
            help=tr(
                sv="Till exempel ett boende från Migrationsverket eller kommunen, eller hos någon annan för en kort tid.",
                sv_easy="Till exempel ett boende från Migrationsverket eller kommunen.",
                en="For example housing from the Migration Agency or the municipality, or staying with someone else for a short time.",
                ar="مثلاً سكن من مصلحة الهجرة أو من البلدية، أو الإقامة عند شخص آخر لفترة قصيرة.",
                prs="مثلاً جای بود و باش از ادارهٔ مهاجرت یا کمون، یا ماندن برای مدت کوتاه نزد کس دیگر.",
                so="Tusaale ahaan guri ka yimid Hay'adda Socdaalka ama degmada, ama inaad muddo gaaban qof kale la degan tahay.",
                ti="ንኣብነት ካብ ቤት ጽሕፈት ስደተኛታት ወይ ካብ ኮሙን ዝተዋህበ መንበሪ፡ ወይ ንሓጺር ግዜ ምስ ካልእ ሰብ ምንባር።",
                uk="Наприклад, житло від Міграційної служби чи муніципалітету або коли ви недовго живете в когось іншого.",
            ),
        ),
        ItemDef(
            item_id="P-HOU-02",
            type=ItemType.SINGLE,
            measure="housing",
            condition=ConditionDef("P-HOU-01", ("yes",)),
            text=tr(
                sv="Hur många gånger har ni flyttat det senaste året?",
                sv_easy="Hur många gånger har ni flyttat det senaste året?",
                en="How many times have you moved in the last year?",
                ar="كم مرة انتقلتم إلى سكن آخر خلال السنة الماضية؟",
                prs="در یک سال گذشته چند بار جای خود را تغییر داده‌اید؟",
                so="Immisa jeer ayaad guurteen sanadkii la soo dhaafay?",
                ti="ኣብ ዝሓለፈ ዓመት ክንደይ ግዜ ገዛ ቀይርኩም?",
                uk="Скільки разів ви переїжджали за останній рік?",
            ),
            options=(
                OptionDef(
                    "0",
                    tr(
                        sv="Ingen gång",
                        sv_easy="Ingen gång",
                        en="Not once",
                        ar="ولا مرة",
                        prs="هیچ بار",
                        so="Marna",
                        ti="ዋላ ሓንሳብ",
                        uk="Жодного разу",
                    ),
                ),
                OptionDef(
                    "1",
                    tr(
                        sv="En gång",
                        sv_easy="En gång",
                        en="Once",
                        ar="مرة واحدة",
                        prs="یک بار",
                        so="Hal mar",
                        ti="ሓንሳብ",
                        uk="Один раз",
                    ),
                ),
                OptionDef(
                    "2",
                    tr(
                        sv="Två gånger",
                        sv_easy="Två gånger",
                        en="Twice",
                        ar="مرتين",
                        prs="دو بار",
                        so="Laba jeer",
                        ti="ክልተ ግዜ",
                        uk="Двічі",
                    ),
                ),
                OptionDef(
                    "3plus",
                    tr(
                        sv="Tre gånger eller fler",
                        sv_easy="Tre gånger eller fler",
                        en="Three times or more",
                        ar="ثلاث مرات أو أكثر",
                        prs="سه بار یا بیشتر",
                        so="Saddex jeer ama ka badan",
                        ti="ሰለስተ ግዜ ወይ ልዕሊኡ",
                        uk="Три рази або більше",
                    ),
                ),
            ),
        ),
        agree(
            "P-HOU-03",
            tr(
                sv="Vi har tillräckligt med plats där vi bor.",
                sv_easy="Vi har tillräckligt med plats hemma.",
                en="We have enough space where we live.",
                ar="لدينا مساحة كافية في المكان الذي نسكن فيه.",
                prs="در جایی که زندگی می‌کنیم، جای کافی داریم.",
                so="Meesha aan ku nool nahay boos nagu filan ayaan ku haysannaa.",
                ti="ኣብ እንነብረሉ ቦታ እኹል ቦታ ኣሎና።",
                uk="У нас достатньо місця там, де ми живемо.",
            ),
            "housing",
        ),
        agree(
            "P-HOU-04",
            tr(
                sv="Mitt barn har en lugn plats att göra läxor och vila.",
                sv_easy="Mitt barn har en lugn plats hemma.",
                en="My child has a quiet place to do homework and rest.",
                ar="لدى طفلي مكان هادئ لأداء الواجبات المدرسية والراحة.",
                prs="طفلم یک جای آرام برای کارخانگی و استراحت دارد.",
                so="Ilmahaygu wuxuu leeyahay meel xasilloon oo uu ku sameeyo casharrada guriga oo uu ku nasto.",
                ti="ውላደይ ዕዮ-ገዛ ዝሰርሓሉን ዘዕርፈሉን ህዱእ ቦታ ኣለዎ።",
                uk="У моєї дитини є тихе місце, щоб робити уроки й відпочивати.",
            ),
            "housing",
        ),
        agree(
            "P-HOU-05",
            tr(
                sv="Jag känner mig trygg i området där jag bor.",
                sv_easy="Jag känner mig trygg där jag bor.",
                en="I feel safe in the area where I live.",
                ar="أشعر بالأمان في الحي الذي أسكن فيه.",
                prs="در منطقه‌ای که زندگی می‌کنم، احساس امنیت می‌کنم.",
                so="Waxaan dareemaa nabad xaafadda aan ku noolahay.",
                ti="ኣብ ዝነብረሉ ከባቢ ውሑስ ኮይኑ ይስምዓኒ።",
                uk="Я почуваюся в безпеці в районі, де живу.",
            ),
            "housing",
        ),
    ),
)

# ------------------------------------------------------------------------ wellbeing (WHO-5)

WHO5_OPTIONS = (
    OptionDef(
        "0",
        tr(
            sv="Aldrig",
            sv_easy="Aldrig",
            en="At no time",
            ar="ولا مرة",
            prs="هیچ وقت",
            so="Marna",
            ti="ዋላ ሓንሳብ",
            uk="Жодного разу",
        ),
    ),
    OptionDef(
        "1",
        tr(
            sv="Ibland",
            sv_easy="Ibland",
            en="Some of the time",
            ar="بعض الوقت",
            prs="گاهی",
            so="Mararka qaarkood",
            ti="ሓድሓደ ግዜ",
            uk="Іноді",
        ),
    ),
    OptionDef(
        "2",
        tr(
            sv="Lite mindre än hälften av tiden",
            sv_easy="Mindre än halva tiden",
            en="Less than half of the time",
            ar="أقل من نصف الوقت",
            prs="کمتر از نصف وقت",
            so="Wax ka yar kala badh wakhtiga",
            ti="ካብ ፍርቂ ግዜ ዝወሓደ",
            uk="Менше половини часу",
        ),
    ),
    OptionDef(
        "3",
        tr(
            sv="Lite mer än hälften av tiden",
            sv_easy="Mer än halva tiden",
            en="More than half of the time",
            ar="أكثر من نصف الوقت",
            prs="بیشتر از نصف وقت",
            so="Wax ka badan kala badh wakhtiga",
            ti="ካብ ፍርቂ ግዜ ዝበዝሐ",
            uk="Більше половини часу",
        ),
    ),
    OptionDef(
        "4",
        tr(
            sv="Större delen av tiden",
            sv_easy="Nästan hela tiden",
            en="Most of the time",
            ar="معظم الوقت",
            prs="بیشتر وقت‌ها",
            so="Inta badan wakhtiga",
            ti="መብዛሕትኡ ግዜ",
            uk="Більшу частину часу",
        ),
    ),
    OptionDef(
        "5",
        tr(
            sv="Hela tiden",
            sv_easy="Hela tiden",
            en="All of the time",
            ar="طوال الوقت",
            prs="همیشه",
            so="Wakhtiga oo dhan",
            ti="ኩሉ ግዜ",
            uk="Весь час",
        ),
    ),
)


def who5(item_id: str, text: dict) -> ItemDef:
    return ItemDef(
        item_id=item_id, type=ItemType.SINGLE, text=text, options=WHO5_OPTIONS, measure="who5"
    )


WELLBEING = SectionDef(
    key="wellbeing",
    title=tr(
        sv="Hur du har mått",
        sv_easy="Hur du mår",
        en="How you have been feeling",
        ar="كيف كان شعورك",
        prs="حال شما چطور بوده است",
        so="Sida aad dareemaysay",
        ti="ከመይ ተሰሚዑኩም",
        uk="Як ви почувалися",
    ),
    intro=tr(
        sv="Tänk på de senaste två veckorna. Välj det svar som passar bäst för varje mening.",
        sv_easy="Tänk på de två senaste veckorna. Hur ofta har du känt så här?",
        en="Think about the last two weeks. For each sentence, choose the answer that fits best.",
        ar="فكّر في الأسبوعين الماضيين. اختر لكل جملة الإجابة الأنسب.",
        prs="به دو هفتهٔ گذشته فکر کنید. برای هر جمله، جوابی را انتخاب کنید که بهتر از همه مناسب است.",
        so="Ka fikir labadii toddobaad ee la soo dhaafay. Jumlad kasta, dooro jawaabta sida fiican ugu habboon.",
        ti="ብዛዕባ ዝሓለፋ ክልተ ሰሙናት ሕሰቡ። ንነፍሲ ወከፍ ሓሳብ እቲ ዝበለጸ ዝሰማማዕ መልሲ ምረጹ።",
        uk="Згадайте останні два тижні. Для кожного речення виберіть відповідь, яка підходить найкраще.",
    ),
    items=(
        who5(
            "P-WHO-01",
            tr(
                sv="Jag har känt mig glad och på gott humör.",
                sv_easy="Jag har varit glad och på bra humör.",
                en="I have felt cheerful and in good spirits.",
                ar="شعرت بالبهجة وكان مزاجي جيداً.",
                prs="احساس خوشی کرده‌ام و روحیه‌ام خوب بوده است.",
                so="Waxaan dareemay farxad iyo niyad wanaagsan.",
                ti="ሕጉስን ጽቡቕ ስምዒትን ተሰሚዑኒ።",
                uk="У мене був гарний і бадьорий настрій.",
            ),
        ),
        who5(
            "P-WHO-02",
            tr(
                sv="Jag har känt mig lugn och avslappnad.",
                sv_easy="Jag har känt mig lugn.",
                en="I have felt calm and relaxed.",
                ar="شعرت بالهدوء والاسترخاء.",
                prs="احساس آرامش و راحتی کرده‌ام.",
                so="Waxaan dareemay deggenaan iyo nasasho.",
                ti="ህዱእን ዝተዛናጋዕኩን ኮይኑ ተሰሚዑኒ።",
                uk="Мені було спокійно і легко.",
            ),
        ),
        who5(
            "P-WHO-03",
            tr(
                sv="Jag har känt mig aktiv och energisk.",
                sv_easy="Jag har haft mycket energi.",
                en="I have felt active and vigorous.",
                ar="شعرت بالنشاط والحيوية.",
                prs="احساس فعال بودن و پرانرژی بودن کرده‌ام.",
                so="Waxaan dareemay firfircooni iyo tamar.",
                ti="ንጡፍን ብርቱዕን ኮይኑ ተሰሚዑኒ።",
                uk="У мене було багато сил і енергії.",
            ),
        ),
        who5(
            "P-WHO-04",
            tr(
                sv="Jag har vaknat pigg och utvilad.",
                sv_easy="Jag har vaknat och känt mig utvilad.",
                en="I woke up feeling fresh and rested.",
                ar="استيقظت وأنا أشعر بالنشاط والراحة.",
                prs="صبح‌ها تازه و آرام از خواب بیدار شده‌ام.",
                so="Waxaan soo toosay anigoo firfircoon oo nasasho qaatay.",
                ti="ዓሪፈን ሓይሊ ሒዘን ካብ ድቃሰይ ተንሲአ።",
                uk="Зранку в мене було відчуття бадьорості й відпочинку.",
            ),
        ),
        who5(
            "P-WHO-05",
            tr(
                sv="Min vardag har varit fylld av saker som intresserar mig.",
                sv_easy="Jag har gjort saker som jag tycker är intressanta.",
                en="My daily life has been filled with things that interest me.",
                ar="كانت حياتي اليومية مليئة بأشياء تهمّني.",
                prs="زندگی روزمره‌ام پر از چیزهایی بوده که برایم جالب است.",
                so="Noloshayda maalinlaha ah waxay ka buuxday waxyaabo i xiiseeya.",
                ti="መዓልታዊ ህይወተይ ብዘገድሱኒ ነገራት ዝመልአ ነይሩ።",
                uk="Моє повсякденне життя було наповнене тим, що мене цікавить.",
            ),
        ),
    ),
)

# ------------------------------------------------------------------------ agency/empowerment

AGENCY = SectionDef(
    key="agency",
    title=tr(
        sv="Att kunna påverka",
        sv_easy="Att bestämma själv",
        en="Having a say",
        ar="القدرة على التأثير",
        prs="توانایی تأثیرگذاری",
        so="Awoodda saamaynta",
        ti="ክእለት ምጽላው",
        uk="Можливість впливати",
    ),
    items=(
        agree(
            "P-EMP-01",
            tr(
                sv="Jag vet var jag kan få hjälp när jag behöver det.",
                sv_easy="Jag vet var jag kan få hjälp.",
                en="I know where I can get help when I need it.",
                ar="أعرف أين يمكنني الحصول على المساعدة عندما أحتاجها.",
                prs="می‌دانم وقتی نیاز داشته باشم، از کجا کمک بگیرم.",
                so="Waan ogahay meesha aan caawimaad ka heli karo marka aan u baahdo.",
                ti="ምስ ዘድልየኒ ሓገዝ ካበይ ክረክብ ከም ዝኽእል እፈልጥ እየ።",
                uk="Я знаю, де можу отримати допомогу, коли вона потрібна.",
            ),
            "agency",
        ),
        agree(
            "P-EMP-02",
            tr(
                sv="Jag kan påverka saker som är viktiga för min familj.",
                sv_easy="Jag kan bestämma över viktiga saker för min familj.",
                en="I can influence things that matter to my family.",
                ar="أستطيع التأثير في الأمور المهمة لعائلتي.",
                prs="می‌توانم بر چیزهایی که برای خانواده‌ام مهم است، تأثیر بگذارم.",
                so="Waxaan saameyn karaa arrimaha muhiimka u ah qoyskayga.",
                ti="ኣብቲ ንስድራይ ኣገዳሲ ዝኾነ ነገራት ክጸልው እኽእል እየ።",
                uk="Я можу впливати на те, що важливо для моєї родини.",
            ),
            "agency",
        ),
        agree(
            "P-EMP-03",
            tr(
                sv="Jag vågar ställa frågor till skolan och till kommunen.",
                sv_easy="Jag vågar fråga skolan och kommunen om saker.",
                en="I feel confident asking the school and the municipality questions.",
                ar="أشعر بالجرأة لطرح الأسئلة على المدرسة والبلدية.",
                prs="جرئت می‌کنم از مکتب و کمون سؤال بپرسم.",
                so="Waxaan ku dhiirradaa inaan su'aalo weydiiyo dugsiga iyo degmada.",
                ti="ንቤት ትምህርትን ንኮሙንን ሕቶ ክሓትት ይደፍር እየ።",
                uk="Я впевнено ставлю запитання школі та муніципалітету.",
            ),
            "agency",
        ),
        agree(
            "P-EMP-04",
            tr(
                sv="Jag tror att framtiden blir bra för mig och min familj.",
                sv_easy="Jag tror att det blir bra för mig och min familj.",
                en="I believe the future will be good for me and my family.",
                ar="أؤمن بأن المستقبل سيكون جيداً لي ولعائلتي.",
                prs="باور دارم که آینده برای من و خانواده‌ام خوب خواهد بود.",
                so="Waxaan rumaysanahay in mustaqbalku u fiicnaan doono aniga iyo qoyskayga.",
                ti="መጻኢ ንዓይን ንስድራይን ጽቡቕ ከም ዝኸውን እኣምን እየ።",
                uk="Я вірю, що майбутнє буде добрим для мене і моєї родини.",
            ),
            "agency",
        ),
    ),
)

# ------------------------------------------------------------------ trust in society's actors

TRUST = SectionDef(
    key="trust",
    title=tr(
        sv="Förtroende för samhället",
        sv_easy="Att lita på samhället",
        en="Trust in society",
        ar="الثقة بالمجتمع",
        prs="اعتماد به جامعه",
        so="Kalsoonida bulshada",
        ti="ምትእምማን ኣብ ሕብረተሰብ",
        uk="Довіра до суспільства",
    ),
    intro=tr(
        sv="Hur mycket litar du på de här delarna av samhället?",
        sv_easy="Litar du på de här?",
        en="How much do you trust these parts of society?",
        ar="إلى أي حد تثق بهذه الجهات في المجتمع؟",
        prs="چقدر به این بخش‌های جامعه اعتماد دارید؟",
        so="Intee in le'eg ayaad ku kalsoon tahay qaybahan bulshada?",
        ti="ኣብዞም ክፋላት ሕብረተሰብ ክሳብ ክንደይ ትኣምኑ?",
        uk="Наскільки ви довіряєте цим службам і організаціям?",
    ),
    items=(
        agree(
            "P-TRU-01",
            tr(
                sv="Jag litar på mitt barns skola.",
                sv_easy="Jag litar på mitt barns skola.",
                en="I trust my child's school.",
                ar="أثق بمدرسة طفلي.",
                prs="به مکتب طفلم اعتماد دارم.",
                so="Waan ku kalsoonahay dugsiga ilmahayga.",
                ti="ኣብ ቤት ትምህርቲ ውላደይ እኣምን እየ።",
                uk="Я довіряю школі моєї дитини.",
            ),
            "trust",
        ),
        agree(
            "P-TRU-02",
            tr(
                sv="Jag litar på socialtjänsten.",
                sv_easy="Jag litar på socialtjänsten.",
                en="I trust the social services.",
                ar="أثق بالخدمات الاجتماعية (السوسيال).",
                prs="به خدمات اجتماعی (سوسیال) اعتماد دارم.",
                so="Waan ku kalsoonahay adeegga bulshada (sooshiyaalka).",
                ti="ኣብ ማሕበራዊ ኣገልግሎት (ሶስያል) እኣምን እየ።",
                uk="Я довіряю соціальній службі.",
            ),
            "trust",
        ),
        agree(
            "P-TRU-03",
            tr(
                sv="Jag litar på polisen.",
                sv_easy="Jag litar på polisen.",
                en="I trust the police.",
                ar="أثق بالشرطة.",
                prs="به پولیس اعتماد دارم.",
                so="Waan ku kalsoonahay booliska.",
                ti="ኣብ ፖሊስ እኣምን እየ።",
                uk="Я довіряю поліції.",
            ),
            "trust",
        ),
        agree(
            "P-TRU-04",
            tr(
                sv="Jag litar på vården, till exempel vårdcentralen.",
                sv_easy="Jag litar på vården och vårdcentralen.",
                en="I trust health care, for example the health centre.",
                ar="أثق بالرعاية الصحية، مثل المركز الصحي.",
                prs="به خدمات صحی، مثلاً مرکز صحی، اعتماد دارم.",
                so="Waan ku kalsoonahay daryeelka caafimaadka, tusaale ahaan xarunta caafimaadka.",
                ti="ኣብ ክንክን ጥዕና፡ ንኣብነት ማእከል ጥዕና፡ እኣምን እየ።",
                uk="Я довіряю медичним закладам, наприклад поліклініці.",
            ),
            "trust",
        ),
        agree(
            "P-TRU-05",
            tr(
                sv="Jag litar på föreningar och frivilligorganisationer.",
                sv_easy="Jag litar på föreningar.",
                en="I trust associations and voluntary organisations.",
                ar="أثق بالجمعيات والمنظمات التطوعية.",
                prs="به انجمن‌ها و سازمان‌های داوطلبانه اعتماد دارم.",
                so="Waan ku kalsoonahay ururada iyo hay'adaha tabarucaadka.",
                ti="ኣብ ማሕበራትን ወለንታዊ ትካላትን እኣምን እየ።",
                uk="Я довіряю громадським і волонтерським організаціям.",
            ),
            "trust",
        ),
    ),
)

# -------------------------------------------------------------------- understanding of society

SOCIETY = SectionDef(
    key="society",
    title=tr(
        sv="Att förstå samhället",
        sv_easy="Att förstå Sverige",
        en="Understanding society",
        ar="فهم المجتمع",
        prs="شناخت جامعه",
        so="Fahamka bulshada",
        ti="ምርዳእ ሕብረተሰብ",
        uk="Розуміння суспільства",
    ),
    items=(
        agree(
            "P-SOC-01",
            tr(
                sv="Jag förstår hur skolan fungerar i Sverige.",
                sv_easy="Jag förstår hur skolan fungerar i Sverige.",
                en="I understand how school works in Sweden.",
                ar="أفهم كيف تعمل المدرسة في السويد.",
                prs="می‌فهمم که مکتب در سویدن چطور کار می‌کند.",
                so="Waan fahamsanahay sida dugsigu uga shaqeeyo Iswiidhan.",
                ti="ቤት ትምህርቲ ኣብ ሽወደን ከመይ ከም ዝሰርሕ ይርደኣኒ እዩ።",
                uk="Я розумію, як працює школа у Швеції.",
            ),
            "society",
        ),
        agree(
            "P-SOC-02",
            tr(
                sv="Jag vet vilka rättigheter barn har i Sverige.",
                sv_easy="Jag vet vilka rättigheter barn har i Sverige.",
                en="I know what rights children have in Sweden.",
                ar="أعرف ما هي حقوق الأطفال في السويد.",
                prs="می‌دانم که اطفال در سویدن چه حقوقی دارند.",
                so="Waan ogahay xuquuqda ay carruurtu ku leeyihiin Iswiidhan.",
                ti="ቆልዑ ኣብ ሽወደን እንታይ መሰላት ከም ዘለዎም እፈልጥ እየ።",
                uk="Я знаю, які права мають діти у Швеції.",
            ),
            "society",
        ),
        agree(
            "P-SOC-03",
            tr(
                sv="Jag vet vad socialtjänsten gör.",
                sv_easy="Jag vet vad socialtjänsten gör.",
                en="I know what the social services do.",
                ar="أعرف ما الذي تقوم به الخدمات الاجتماعية.",
                prs="می‌دانم خدمات اجتماعی (سوسیال) چه کار می‌کند.",
                so="Waan ogahay waxa adeegga bulshadu (sooshiyaalku) qabto.",
                ti="ማሕበራዊ ኣገልግሎት (ሶስያል) እንታይ ከም ዝገብር እፈልጥ እየ።",
                uk="Я знаю, чим займається соціальна служба.",
            ),
            "society",
        ),
    ),
)

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

INSTRUMENT = InstrumentDef(
    key="parent",
    kind=InstrumentKind.PARENT,
    name="Föräldraenkät",
    attribution=WHO5_ATTRIBUTION,
    title=tr(
        sv="Hur har du och din familj det?",
        sv_easy="Hur har du och din familj det?",
        en="How are you and your family doing?",
        ar="كيف حالك وحال عائلتك؟",
        prs="شما و خانواده‌تان چطور هستید؟",
        so="Adiga iyo qoyskaagu sidee tihiin?",
        ti="ንስኹምን ስድራኹምን ከመይ ኣለኹም?",
        uk="Як справи у вас і вашої родини?",
    ),
    intro=tr(
        sv="Frågorna handlar om ditt liv i Sverige, hur du mår och vad du tycker om aktiviteterna. Det tar ungefär tio minuter. Du väljer själv vilka frågor du svarar på. Det finns inga rätta eller fel svar.",
        sv_easy="Frågorna handlar om ditt liv i Sverige. De handlar också om hur du mår. Det tar ungefär tio minuter. Du får hoppa över frågor. Det finns inga fel svar.",
        en="The questions are about your life in Sweden, how you feel and what you think of the activities. It takes about ten minutes. You choose which questions to answer. There are no right or wrong answers.",
        ar="الأسئلة عن حياتك في السويد، وعن شعورك، وعن رأيك في الأنشطة. يستغرق ذلك حوالي عشر دقائق. أنت تختار الأسئلة التي تجيب عنها. لا توجد إجابات صحيحة أو خاطئة.",
        prs="این سؤال‌ها دربارهٔ زندگی شما در سویدن، حال شما و نظر شما دربارهٔ فعالیت‌ها است. حدود ده دقیقه وقت می‌گیرد. شما خودتان انتخاب می‌کنید به کدام سؤال‌ها جواب بدهید. جواب درست یا غلط وجود ندارد.",
        so="Su'aaluhu waxay ku saabsan yihiin noloshaada Iswiidhan, sida aad dareemayso iyo waxa aad ka qabto hawlaha. Waxay qaadanaysaa qiyaastii toban daqiiqo. Adiga ayaa dooranaya su'aalaha aad ka jawaabayso. Ma jiraan jawaabo sax ah ama khalad ah.",
        ti="እዘን ሕቶታት ብዛዕባ ህይወትኩም ኣብ ሽወደን፡ ከመይ ከም ዘለኹም ከምኡውን ብዛዕባ እቲ ንጥፈታት ዘለኩም ርእይቶ እየን። ኣስታት ዓሰርተ ደቒቕ ይወስድ። ኣየናይ ሕቶ ከም እትምልሱ ባዕልኹም ትመርጹ። ቅኑዕ ወይ ጌጋ መልሲ የለን።",
        uk="Питання про ваше життя у Швеції, про ваше самопочуття і про те, що ви думаєте про заходи. Це займе приблизно десять хвилин. Ви самі обираєте, на які питання відповідати. Правильних чи неправильних відповідей немає.",
    ),
    sections=(NETWORKS, HOUSING, WELLBEING, AGENCY, TRUST, SOCIETY, ACTIVITY, ABOUT),
)
