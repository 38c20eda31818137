"""Built-in starter themes for parent groups, per category, in short plain Swedish (with
English), marked as starting points. A group chooses its themes; these are material to start
from, never a fixed programme."""

_SV_END = (
    "\n\n## Att pröva hemma\n{home}\n\n*En utgångspunkt: anpassa temat till gruppen och orten.*"
)
_EN_END = "\n\n## To try at home\n{home}\n\n*A starting point: adapt the theme to the group and the town.*"


def _body(questions: list[str], facts: list[str], home: str, *, english=False) -> str:
    first = "## Frågor att samtala om" if not english else "## Questions to talk about"
    second = "## Bra att veta" if not english else "## Good to know"
    text = first + "\n" + "\n".join(f"- {q}" for q in questions)
    text += "\n\n" + second + "\n" + "\n".join(f"- {f}" for f in facts)
    return text + (_EN_END if english else _SV_END).format(home=home)


# key: (category, ages, (sv title, sv summary, questions, facts, home),
#                      (en title, en summary, questions, facts, home))
THEMES = {
    "theme-society-welfare": (
        "society",
        ["adults"],
        (
            "Vem gör vad i samhället?",
            "Kommunen, regionen och staten: vart vänder man sig med olika frågor?",
            ["Vilka myndigheter har ni haft kontakt med?", "Vad var svårt, och vad gick bra?"],
            [
                "Kommunen ansvarar för skola, förskola och socialtjänst.",
                "Regionen ansvarar för vården.",
                "Man har alltid rätt att fråga och att få tolk hos myndigheter.",
            ],
            "Skriv en lista med telefonnummer som familjen kan behöva.",
        ),
        (
            "Who does what in society?",
            "The municipality, the region and the state: where to turn with different questions.",
            [
                "Which authorities have you been in contact with?",
                "What was difficult, and what went well?",
            ],
            [
                "The municipality is responsible for school, preschool and social services.",
                "The region is responsible for health care.",
                "You always have the right to ask, and to an interpreter at authorities.",
            ],
            "Write a list of phone numbers the family may need.",
        ),
    ),
    "theme-society-social-services": (
        "society",
        ["adults"],
        (
            "Socialtjänsten – stöd, inte hot",
            "Vad socialtjänsten gör, och hur man kan få stöd som förälder.",
            ["Vad har ni hört om socialtjänsten?", "Vad skulle göra det lättare att be om hjälp?"],
            [
                "Socialtjänsten ska stödja familjer, till exempel med råd, samtal och ekonomiskt stöd.",
                "Ni kan själva be om stöd.",
                "Bjud gärna in någon från socialtjänsten till gruppen.",
            ],
            "Prata med barnen om vuxna de kan vända sig till.",
        ),
        (
            "Social services – support, not a threat",
            "What social services do, and how parents can get support.",
            [
                "What have you heard about social services?",
                "What would make it easier to ask for help?",
            ],
            [
                "Social services are there to support families, for example with advice, talks and financial support.",
                "You can ask for support yourselves.",
                "Consider inviting someone from social services to the group.",
            ],
            "Talk with the children about adults they can turn to.",
        ),
    ),
    "theme-society-money": (
        "society",
        ["adults"],
        (
            "Ekonomi i vardagen",
            "Budget, räkningar och var man kan få råd om pengar.",
            ["Hur planerar ni familjens pengar?", "Vad är dyrast i vardagen?"],
            [
                "Kommunen har ofta budget- och skuldrådgivning utan kostnad.",
                "Barnbidrag betalas ut varje månad från Försäkringskassan.",
            ],
            "Gör en enkel budget för en vecka tillsammans med barnen.",
        ),
        (
            "Money in everyday life",
            "Budget, bills and where to get advice about money.",
            ["How do you plan the family's money?", "What costs the most in everyday life?"],
            [
                "Municipalities often give free budget and debt advice.",
                "Child allowance is paid every month by the Social Insurance Agency.",
            ],
            "Make a simple budget for one week together with the children.",
        ),
    ),
    "theme-health-sleep": (
        "health",
        ["0-5", "6-9", "10-12"],
        (
            "Sömn, mat och rörelse",
            "Vardagsvanor som hjälper barn och vuxna att må bra.",
            ["Hur ser kvällarna ut hemma?", "Vad hjälper barnen att somna?"],
            [
                "Barn i skolåldern behöver ungefär 9–11 timmars sömn.",
                "Skärmar före sömnen gör det svårare att somna.",
                "Barnavårdscentralen och elevhälsan kan ge råd.",
            ],
            "Prova en fast kvällsrutin i en vecka och berätta nästa gång hur det gick.",
        ),
        (
            "Sleep, food and movement",
            "Everyday habits that help children and adults feel well.",
            ["What are evenings like at home?", "What helps the children fall asleep?"],
            [
                "School-age children need about 9–11 hours of sleep.",
                "Screens before bed make it harder to fall asleep.",
                "Child health centres and school health services can give advice.",
            ],
            "Try a fixed bedtime routine for a week and tell the group next time how it went.",
        ),
    ),
    "theme-health-stress": (
        "health",
        ["adults"],
        (
            "Stress och oro",
            "Att må dåligt efter svåra händelser är vanligt. Vad kan hjälpa?",
            ["Vad gör du när du känner dig stressad?", "Vem kan du prata med?"],
            [
                "Oro, sömnproblem och trötthet är vanliga reaktioner efter flykt och förändring.",
                "Vårdcentralen kan hjälpa, också med samtal.",
                "Vid akut fara: ring 112.",
            ],
            "Välj en sak som ger dig lugn, och gör den varje dag i en vecka.",
        ),
        (
            "Stress and worry",
            "Feeling bad after difficult events is common. What can help?",
            ["What do you do when you feel stressed?", "Who can you talk to?"],
            [
                "Worry, sleep problems and tiredness are common reactions after flight and change.",
                "The health centre can help, also with talks.",
                "In acute danger: call 112.",
            ],
            "Choose one thing that calms you, and do it every day for a week.",
        ),
    ),
    "theme-health-care": (
        "health",
        ["adults"],
        (
            "Vården i Sverige",
            "Vårdcentral, 1177 och akuten: vart går man när?",
            ["Hur har ni fått vård hittills?", "Vad är svårt med vården?"],
            [
                "Ring 1177 för råd om vård, dygnet runt.",
                "Vårdcentralen är första stället för de flesta besök.",
                "Du har rätt till tolk i vården.",
            ],
            "Spara numret 1177 i telefonen och visa barnen när man ringer 112.",
        ),
        (
            "Health care in Sweden",
            "Health centre, 1177 and the emergency room: where to go when?",
            ["How have you received care so far?", "What is difficult about health care?"],
            [
                "Call 1177 for advice on care, day and night.",
                "The health centre is the first place for most visits.",
                "You have the right to an interpreter in health care.",
            ],
            "Save the number 1177 in your phone and show the children when to call 112.",
        ),
    ),
    "theme-rights-convention": (
        "child_rights",
        ["6-9", "10-12", "adults"],
        (
            "Barnkonventionen",
            "Barns rättigheter är lag i Sverige sedan 2020. Vad betyder det för familjen?",
            ["Vilka rättigheter tycker ni är viktigast?", "Hur kan barn få säga sin mening hemma?"],
            [
                "Föräldrar har huvudansvaret för att barnet får det hen har rätt till.",
                "Barn har rätt att säga sin mening i frågor som rör dem.",
                "Alla former av våld mot barn är förbjudna i Sverige.",
            ],
            "Fråga barnen vad de tycker är viktigt i familjen, och lyssna.",
        ),
        (
            "The Convention on the Rights of the Child",
            "Children's rights have been law in Sweden since 2020. What does it mean for the family?",
            [
                "Which rights do you find most important?",
                "How can children give their views at home?",
            ],
            [
                "Parents have the main responsibility for the child getting what they have a right to.",
                "Children have the right to express their views in matters that concern them.",
                "All forms of violence against children are forbidden in Sweden.",
            ],
            "Ask the children what they find important in the family, and listen.",
        ),
    ),
    "theme-rights-young": (
        "child_rights",
        ["0-5", "6-9"],
        (
            "Små barn: gränser och trygghet",
            "Att sätta gränser med värme, för de yngsta barnen.",
            ["Vad är svårast med små barn just nu?", "Hur gjorde era föräldrar?"],
            [
                "Små barn lär sig genom lek och genom att härma vuxna.",
                "Tydliga rutiner ger trygghet.",
                "Beröm det barnet gör bra, ofta.",
            ],
            "Leka tio minuter om dagen med barnet, helt på barnets villkor.",
        ),
        (
            "Young children: limits and safety",
            "Setting limits with warmth, for the youngest children.",
            ["What is hardest with young children right now?", "How did your parents do it?"],
            [
                "Young children learn through play and by copying adults.",
                "Clear routines give security.",
                "Praise what the child does well, often.",
            ],
            "Play ten minutes a day with the child, entirely on the child's terms.",
        ),
    ),
    "theme-rights-teens": (
        "child_rights",
        ["10-12", "13-17"],
        (
            "Äldre barn och tonåringar",
            "Frihet, ansvar och att hålla kontakten när barnen blir större.",
            ["Vad oroar er med tonåren?", "Hur pratar ni med barnen om nätet?"],
            [
                "Tonåringar behöver både frihet och vuxna som bryr sig.",
                "Fråga hellre än förbjud: vad gör du på nätet?",
                "Skolans kurator och fritidsgården kan vara ett stöd.",
            ],
            "Ät en måltid i veckan tillsammans utan telefoner och prata om veckan.",
        ),
        (
            "Older children and teenagers",
            "Freedom, responsibility and staying in touch as children grow.",
            [
                "What worries you about the teenage years?",
                "How do you talk with the children about the internet?",
            ],
            [
                "Teenagers need both freedom and adults who care.",
                "Ask rather than forbid: what do you do online?",
                "The school counsellor and youth centre can be a support.",
            ],
            "Eat one meal a week together without phones and talk about the week.",
        ),
    ),
    "theme-school-system": (
        "school_work_language",
        ["6-9", "10-12", "adults"],
        (
            "Skolan i Sverige",
            "Hur skolan fungerar och hur föräldrar kan samarbeta med den.",
            ["Vad vet ni om barnens skoldag?", "Vad vill ni fråga lärarna om?"],
            [
                "Skolan är gratis och obligatorisk från förskoleklass.",
                "Utvecklingssamtal hålls varje termin: ni har rätt till tolk.",
                "Modersmålsundervisning kan sökas hos skolan.",
            ],
            "Fråga barnet varje dag: vad var roligast i skolan i dag?",
        ),
        (
            "School in Sweden",
            "How school works and how parents can work with it.",
            [
                "What do you know about the children's school day?",
                "What would you like to ask the teachers?",
            ],
            [
                "School is free and compulsory from the preschool class.",
                "Development talks are held every term: you have a right to an interpreter.",
                "Mother-tongue tuition can be applied for at the school.",
            ],
            "Ask the child every day: what was the most fun at school today?",
        ),
    ),
    "theme-work-language": (
        "school_work_language",
        ["adults"],
        (
            "Språk och arbete",
            "SFI, praktik och vägar till arbete.",
            [
                "Vad har ni arbetat med tidigare?",
                "Vad hindrar dig från att lära dig svenska just nu?",
            ],
            [
                "SFI är gratis och anpassas efter tidigare utbildning.",
                "Arbetsförmedlingen och kommunens arbetsmarknadsenhet kan hjälpa till.",
                "Språkcaféer på biblioteket ger övning i vardagssvenska.",
            ],
            "Lär dig fem nya svenska ord i veckan, gärna tillsammans med barnen.",
        ),
        (
            "Language and work",
            "SFI, work placements and ways into work.",
            [
                "What have you worked with before?",
                "What keeps you from learning Swedish right now?",
            ],
            [
                "SFI is free and adapted to earlier education.",
                "The Public Employment Service and the municipality's labour-market unit can help.",
                "Language cafés at the library give practice in everyday Swedish.",
            ],
            "Learn five new Swedish words a week, preferably together with the children.",
        ),
    ),
    "theme-school-homework": (
        "school_work_language",
        ["6-9", "10-12"],
        (
            "Läxor och läsning",
            "Hur föräldrar kan stötta skolarbetet, också utan att kunna svenska.",
            ["Hur gör barnen läxorna i dag?", "På vilket språk läser ni hemma?"],
            [
                "Att läsa på modersmålet hjälper också svenskan.",
                "Biblioteket har böcker på många språk och ofta läxhjälp.",
                "Fråga skolan vad barnet behöver öva på.",
            ],
            "Läs eller berätta en saga för barnet varje kväll i en vecka, på ert språk.",
        ),
        (
            "Homework and reading",
            "How parents can support school work, also without knowing Swedish.",
            [
                "How do the children do their homework today?",
                "In which language do you read at home?",
            ],
            [
                "Reading in the mother tongue also helps Swedish.",
                "The library has books in many languages and often homework help.",
                "Ask the school what the child needs to practise.",
            ],
            "Read or tell the child a story every evening for a week, in your language.",
        ),
    ),
    "theme-leisure-clubs": (
        "leisure",
        ["6-9", "10-12", "13-17"],
        (
            "Fritid och föreningsliv",
            "Föreningar, idrott och kultur: hur kommer barnen med?",
            [
                "Vad tycker barnen om att göra på fritiden?",
                "Vad gör det svårt att börja i en förening?",
            ],
            [
                "Många föreningar har låga avgifter eller kan få bidrag.",
                "Kulturskolan erbjuder musik, dans och bild.",
                "Fråga om att prova på innan man bestämmer sig.",
            ],
            "Välj en aktivitet som barnet vill prova, och gå dit tillsammans första gången.",
        ),
        (
            "Leisure and clubs",
            "Clubs, sport and culture: how do the children get in?",
            [
                "What do the children like doing in their free time?",
                "What makes it hard to join a club?",
            ],
            [
                "Many clubs have low fees or can get grants.",
                "The municipal arts school offers music, dance and art.",
                "Ask about trying before deciding.",
            ],
            "Choose one activity the child wants to try, and go together the first time.",
        ),
    ),
    "theme-leisure-nature": (
        "leisure",
        ["adults", "6-9", "10-12"],
        (
            "Naturen och allemansrätten",
            "Vad man får göra i naturen, och platser att upptäcka nära hemmet.",
            ["Vilka platser ute tycker ni om?", "Vad vill ni veta om naturen i Sverige?"],
            [
                "Allemansrätten ger alla rätt att vara i naturen, med ansvar.",
                "Det finns ofta gratis utflyktsmål nära: badplatser, leder, lekparker.",
            ],
            "Gå en promenad med familjen till en ny plats i närheten.",
        ),
        (
            "Nature and the right of public access",
            "What you may do in nature, and places to discover near home.",
            [
                "Which outdoor places do you like?",
                "What would you like to know about nature in Sweden?",
            ],
            [
                "The right of public access lets everyone be in nature, with responsibility.",
                "There are often free places to visit nearby: beaches, trails, playgrounds.",
            ],
            "Take the family for a walk to a new place nearby.",
        ),
    ),
    "theme-leisure-family-time": (
        "leisure",
        ["0-5", "6-9", "10-12", "adults"],
        (
            "Tid tillsammans",
            "Enkla sätt att ha roligt tillsammans som familj, utan att det kostar.",
            ["Vad gjorde ni tillsammans när ni var barn?", "Vad tycker barnen om att göra med er?"],
            [
                "Bibliotek, öppen förskola och fritidsgårdar är gratis.",
                "Kommunen har ofta lovaktiviteter för barn.",
            ],
            "Planera en gratis aktivitet för helgen tillsammans med barnen.",
        ),
        (
            "Time together",
            "Simple ways for the family to have fun together, without cost.",
            [
                "What did you do together when you were children?",
                "What do the children like doing with you?",
            ],
            [
                "Libraries, open preschools and youth centres are free.",
                "Municipalities often have holiday activities for children.",
            ],
            "Plan a free activity for the weekend together with the children.",
        ),
    ),
}


def theme_texts(entry, *, english: bool):
    title, summary, questions, facts, home = entry
    return title, summary, _body(questions, facts, home, english=english)
