# ruff: noqa: E501
"""Texts of the printed survey poster, in the eight survey languages.

Families read the poster on a wall or a table: a short invitation, how to reach the survey
("scan the code or type the address", with {address}), the last day to answer ({date}), and in
one line what happens to the answers. Partner organisations get their own invitation.

Which languages a human translator has reviewed is in `samverka.lib.languages` (REVIEWED,
`Shipped.POSTER`); staff see which languages are drafts before they print.
"""

KEYS = (
    "heading",
    "invitation",
    "heading_partner",
    "invitation_partner",
    "scan",
    "closes",
    "answers",
)

TEXTS = {
    "sv": {
        "heading": "Vad tycker du?",
        "invitation": "Vi vill gärna veta vad du tycker om våra aktiviteter. Det tar bara några minuter, och du kan svara på ditt eget språk.",
        "heading_partner": "Vad har samverkan förändrat?",
        "invitation_partner": "Vi vill veta vad samverkan har betytt för er organisations arbete. Det tar bara några minuter.",
        "scan": "Skanna koden med mobilens kamera eller skriv adressen {address}.",
        "closes": "Svara senast {date}.",
        "answers": "Det är frivilligt att svara. Du skriver inte ditt namn, och vi redovisar bara alla svar tillsammans.",
    },
    "sv-easy": {
        "heading": "Vad tycker du?",
        "invitation": "Vi vill veta vad du tycker om aktiviteterna. Det går fort att svara. Du kan svara på ditt språk.",
        "heading_partner": "Vad har samverkan ändrat?",
        "invitation_partner": "Vi vill veta hur samverkan har ändrat ert arbete. Det går fort att svara.",
        "scan": "Rikta mobilens kamera mot koden. Eller skriv adressen {address}.",
        "closes": "Svara senast {date}.",
        "answers": "Du väljer själv om du vill svara. Du skriver inte ditt namn. Vi tittar bara på alla svar tillsammans.",
    },
    "en": {
        "heading": "What do you think?",
        "invitation": "We would like to know what you think of our activities. It only takes a few minutes, and you can answer in your own language.",
        "heading_partner": "What has the collaboration changed?",
        "invitation_partner": "We would like to know what the collaboration has meant for your organisation's work. It only takes a few minutes.",
        "scan": "Scan the code with your phone's camera or type the address {address}.",
        "closes": "Please answer by {date}.",
        "answers": "Answering is voluntary. You do not give your name, and we only report all the answers together.",
    },
    "ar": {
        "heading": "ما رأيك؟",
        "invitation": "نودّ أن نعرف رأيك في أنشطتنا. لن يستغرق ذلك سوى بضع دقائق، ويمكنك الإجابة بلغتك.",
        "heading_partner": "ما الذي غيّره التعاون؟",
        "invitation_partner": "نودّ أن نعرف ماذا عنى التعاون لعمل منظمتكم. لن يستغرق ذلك سوى بضع دقائق.",
        "scan": "امسح الرمز بكاميرا هاتفك أو اكتب العنوان {address}.",
        "closes": "يرجى الإجابة في موعد أقصاه {date}.",
        "answers": "الإجابة طوعية. لا تكتب اسمك، ونحن لا نعرض إلا جميع الإجابات معاً.",
    },
    "prs": {
        "heading": "نظر شما چیست؟",
        "invitation": "ما می‌خواهیم بدانیم که نظر شما در مورد فعالیت‌های ما چیست. فقط چند دقیقه وقت می‌گیرد و می‌توانید به زبان خود جواب بدهید.",
        "heading_partner": "همکاری چه چیزی را تغییر داده است؟",
        "invitation_partner": "ما می‌خواهیم بدانیم که همکاری برای کار سازمان شما چه معنایی داشته است. فقط چند دقیقه وقت می‌گیرد.",
        "scan": "کود را با کمرهٔ موبایل خود اسکن کنید یا آدرس {address} را بنویسید.",
        "closes": "لطفاً تا {date} جواب بدهید.",
        "answers": "جواب دادن اختیاری است. شما نام خود را نمی‌نویسید و ما فقط همهٔ جواب‌ها را با هم گزارش می‌دهیم.",
    },
    "so": {
        "heading": "Maxaad ka qabtaa?",
        "invitation": "Waxaan jeclaan lahayn inaan ogaanno waxaad ka qabto hawlahayaga. Waxay qaadanaysaa dhowr daqiiqo oo keliya, waxaadna ku jawaabi kartaa luqaddaada.",
        "heading_partner": "Maxay iskaashigu beddeshay?",
        "invitation_partner": "Waxaan jeclaan lahayn inaan ogaanno waxa iskaashigu u taray shaqada ururkiinna. Waxay qaadanaysaa dhowr daqiiqo oo keliya.",
        "scan": "Koodka ku iskaan garee kamaradda taleefankaaga ama qor cinwaanka {address}.",
        "closes": "Fadlan ka jawaab ugu dambayn {date}.",
        "answers": "Ka jawaabiddu waa ikhtiyaari. Magacaaga ma qorayso, jawaabaha oo dhanna waxaan u soo bandhignaa oo keliya si wadajir ah.",
    },
    "ti": {
        "heading": "ርእይቶኹም እንታይ እዩ?",
        "invitation": "ብዛዕባ ንጥፈታትና እንታይ ከም እትሓስቡ ክንፈልጥ ንደሊ። ቁሩብ ደቓይቕ ጥራይ እዩ ዝወስድ፡ ብቋንቋኹም ድማ ክትምልሱ ትኽእሉ ኢኹም።",
        "heading_partner": "ምትሕብባር እንታይ ለዊጡ?",
        "invitation_partner": "ምትሕብባር ንስራሕ ውድብኩም እንታይ ትርጉም ከም ዝነበሮ ክንፈልጥ ንደሊ። ቁሩብ ደቓይቕ ጥራይ እዩ ዝወስድ።",
        "scan": "ነቲ ኮድ ብካሜራ ሞባይልኩም ስካን ግበሩ ወይ ድማ ነቲ ኣድራሻ {address} ጽሓፉ።",
        "closes": "በጃኹም ክሳብ {date} መልሱ።",
        "answers": "ምምላስ ብድሌትኩም እዩ። ስምኩም ኣይትጽሕፉን፡ ንሕና ድማ ኩሉ መልስታት ብሓባር ጥራይ ኢና ንሕብር።",
    },
    "uk": {
        "heading": "Що ви думаєте?",
        "invitation": "Ми хочемо дізнатися, що ви думаєте про наші заходи. Це займе лише кілька хвилин, і ви можете відповісти своєю мовою.",
        "heading_partner": "Що змінила співпраця?",
        "invitation_partner": "Ми хочемо дізнатися, що співпраця означала для роботи вашої організації. Це займе лише кілька хвилин.",
        "scan": "Відскануйте код камерою телефону або введіть адресу {address}.",
        "closes": "Будь ласка, дайте відповідь до {date}.",
        "answers": "Відповідати чи ні — вирішуєте ви. Ви не вказуєте свого імені, а ми повідомляємо лише про всі відповіді разом.",
    },
}
