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

from samverka.surveys.builtin import InstrumentDef, tr
from samverka.surveys.builtin.parent.background import ABOUT, ACTIVITY
from samverka.surveys.builtin.parent.participation import HOUSING, NETWORKS
from samverka.surveys.builtin.parent.wellbeing import AGENCY, SOCIETY, TRUST, WELLBEING
from samverka.surveys.instruments.models import InstrumentKind

# Staff read this in Swedish (the default) and English; the citation itself is not translated.
WHO5_ATTRIBUTION = (
    "WHO-5 Well-Being Index © Psychiatric Research Unit, Mental Health Centre North Zealand; "
    "free to use. Avsnittet ”wellbeing” (frågorna P-WHO-01 till P-WHO-05) är WHO-5: "
    "råpoängen är summan av de fem svaren (0–25), gånger 4 ger den 0–100. Alla andra frågor "
    "är skrivna av Samverka. / Section “wellbeing” (items P-WHO-01 to P-WHO-05) is the WHO-5: "
    "the raw score is the sum of the five answers (0–25); multiplied by 4 it gives 0–100. "
    "All other questions are written by Samverka."
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
