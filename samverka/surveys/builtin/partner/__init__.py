# ruff: noqa: E501
"""The partner survey: what the collaboration changed in the partner's own organisation.

Modelled on the programme's partner survey described in the follow-up research report: which
parts of the organisation changed (knowledge, routines, working methods, treatment of families,
priority given to the group), whether the changes are temporary or part of ordinary work, which
effects followed, and two items for each of the four added values (mervärden) of collaboration
with civil society, in the report's terms: functional (service improver), altruistic (value
bearer), emotional (trust builder) and social (community builder). The measure slug of those
items is the added value, so results can be read per added value.
"""

from samverka.surveys.builtin import InstrumentDef, tr
from samverka.surveys.builtin.partner.change import CHANGE, EFFECTS, LASTING
from samverka.surveys.builtin.partner.values import ABOUT, VALUES
from samverka.surveys.instruments.models import InstrumentKind

# The four added values and the items that ask about each (the report's table 2).
ADDED_VALUES = {
    "functional": ("PA-FUN-01", "PA-FUN-02"),
    "altruistic": ("PA-ALT-01", "PA-ALT-02"),
    "emotional": ("PA-EMO-01", "PA-EMO-02"),
    "social": ("PA-SOC-01", "PA-SOC-02"),
}
# The five kinds of change the programme's partner survey asked about.
KINDS_OF_CHANGE = {
    "knowledge": "PA-CHG-01",
    "routines": "PA-CHG-02",
    "working_methods": "PA-CHG-03",
    "treatment": "PA-CHG-04",
    "priority": "PA-CHG-05",
}


INSTRUMENT = InstrumentDef(
    key="partner",
    kind=InstrumentKind.PARTNER,
    name="Partnerenkät",
    title=tr(
        sv="Vad har samverkan förändrat?",
        sv_easy="Vad har samarbetet ändrat?",
        en="What has the collaboration changed?",
        ar="ما الذي غيّره التعاون؟",
        prs="همکاری چه چیزی را تغییر داده است؟",
        so="Maxay iskaashigu beddeshay?",
        ti="እቲ ምትሕብባር እንታይ ቀይሩ?",
        uk="Що змінила співпраця?",
    ),
    intro=tr(
        sv="Enkäten är till er som samverkar med oss kring nyanlända barn och familjer. Frågorna handlar om er egen verksamhet: vad som har förändrats, om förändringarna håller och vilka effekter de har gett. Vi använder svaren för att lära oss tillsammans, inte för att kontrollera. Det tar ungefär tio minuter.",
        sv_easy="Enkäten är till er som samarbetar med oss. Vi arbetar för barn och familjer som är nya i Sverige. Frågorna handlar om er verksamhet. Vad har ändrats? Finns ändringarna kvar? Vad har de gett? Vi vill lära oss tillsammans med er. Det tar ungefär tio minuter.",
        en="This survey is for you who collaborate with us around newly arrived children and families. The questions are about your own organisation: what has changed, whether the changes last and what effects they have had. We use the answers to learn together, not to check on anyone. It takes about ten minutes.",
        ar="هذا الاستبيان موجّه إليكم أنتم الذين تتعاونون معنا من أجل الأطفال والعائلات القادمين حديثاً. الأسئلة عن عمل منظمتكم: ما الذي تغيّر، وهل التغييرات دائمة، وما الآثار التي نتجت عنها. نستخدم الإجابات لنتعلم معاً، وليس للرقابة. يستغرق ذلك حوالي عشر دقائق.",
        prs="این پرسشنامه برای شما است که با ما در مورد اطفال و خانواده‌های تازه‌وارد همکاری می‌کنید. سؤال‌ها دربارهٔ کار ادارهٔ خود شما است: چه چیزی تغییر کرده، آیا این تغییرها پایدار است و چه اثراتی داشته است. ما از جواب‌ها برای آموختن مشترک استفاده می‌کنیم، نه برای کنترول. حدود ده دقیقه وقت می‌گیرد.",
        so="Sahankan waxaa loogu talagalay idinka oo nagala shaqeeya carruurta iyo qoysaska dhowaan yimid. Su'aaluhu waxay ku saabsan yihiin shaqada hay'addiinna: waxa isbeddelay, in isbeddelladu sii jiraan iyo saamaynta ay yeesheen. Jawaabaha waxaan u isticmaalnaa inaan wada barano, ma aha in lagu hubiyo qof. Waxay qaadanaysaa qiyaastii toban daqiiqo.",
        ti="እዚ መጠይቕ ንኣኹም ምሳና ብዛዕባ ሓደሽቲ ዝመጹ ቆልዑን ስድራቤታትን እትተሓባበሩ እዩ። እቲ ሕቶታት ብዛዕባ ናይ ገዛእ ርእስኹም ስራሕ እዩ፡ እንታይ ከም ዝተቐየረ፡ እቲ ለውጥታት ነባሪ ድዩ ከምኡውን እንታይ ሳዕቤናት ከም ዘምጸአ። ነቲ መልስታት ብሓባር ንምምሃር ኢና እንጥቀመሉ፡ ንምቁጽጻር ኣይኮነን። ኣስታት ዓሰርተ ደቒቕ ይወስድ።",
        uk="Це опитування для вас — тих, хто співпрацює з нами заради дітей і родин, які нещодавно приїхали. Питання стосуються роботи вашої організації: що змінилося, чи ці зміни тривалі і до яких наслідків вони призвели. Ми використовуємо відповіді, щоб навчатися разом, а не для контролю. Це займе приблизно десять хвилин.",
    ),
    sections=(CHANGE, LASTING, EFFECTS, VALUES, ABOUT),
)
