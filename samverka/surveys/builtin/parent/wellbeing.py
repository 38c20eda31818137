# ruff: noqa: E501
"""Parent survey: wellbeing (WHO-5), agency, trust in society's actors, understanding of society."""

from samverka.surveys.builtin import ItemDef, OptionDef, SectionDef, agree, tr
from samverka.surveys.instruments.models import ItemType

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
