"""Built-in method cards: the activity types the programme ran, written by us in short, plain
Swedish (with English), marked as starting points. Keys are stable: the installer finds an
item by its key, so a text changed here becomes a new version of the same item."""

# key: (activity types, focus areas, target groups, ages, Swedish (title, summary, body),
#       English (title, summary, body))
METHODS = {
    "method-parent-group": (
        ["parent_group"],
        [3],
        ["guardians"],
        ["adults"],
        (
            "Föräldragrupp",
            "Föräldrar träffas varje vecka kring ett tema som gruppen själv valt.",
            """## Så går det till
- Gruppen träffas **en gång i veckan**, samma tid och plats, 1,5–2 timmar.
- Varje träff har ett **förberett tema** som gruppen har valt tillsammans: samhället, hälsa och mående, barns rättigheter, skola, arbete och språk eller fritid.
- Börja med fika och en runda: hur har veckan varit?
- Presentera temat kort (högst 15 minuter), gärna med bilder och med tolk eller språkstöd.
- Samtala i mindre grupper. Avsluta med något att pröva hemma med barnen.

## Att tänka på
- Tilliten växer långsamt. Samma ledare varje gång gör stor skillnad.
- Ordna barnpassning eller en aktivitet för barnen samtidigt.
- Lyssna efter behov och "hålrum". Lotsa vidare när någon behöver mer stöd.
- Registrera så lite som möjligt, och förklara varför.

## Material
Temamaterial finns i kunskapsbanken under *Temamaterial*. Anpassa det till gruppen.""",
        ),
        (
            "Parent group",
            "Parents meet every week around a theme the group has chosen itself.",
            """## How it works
- The group meets **once a week**, same time and place, 1.5–2 hours.
- Each meeting has a **prepared theme** the group chose together: society, health and wellbeing, children's rights, school, work and language, or leisure.
- Start with coffee and a round: how was the week?
- Present the theme briefly (15 minutes at most), with pictures and an interpreter or language support.
- Talk in small groups. End with something to try at home with the children.

## Keep in mind
- Trust grows slowly. The same leaders every time make a big difference.
- Arrange childcare or an activity for the children at the same time.
- Listen for needs and gaps. Refer onwards when someone needs more support.
- Register as little as possible, and explain why.""",
        ),
    ),
    "method-leisure-club": (
        ["leisure"],
        [2],
        ["children_6_12"],
        ["6-9", "10-12"],
        (
            "Fritidsklubb",
            "En trygg plats efter skolan med lek, idrott och läxhjälp, varje vecka.",
            """## Så går det till
- Klubben träffas varje vecka efter skolan, gärna i en idrottshall eller fritidsgård.
- Blanda fri lek, en ledd aktivitet och tid för läxor.
- Samarbeta med en förening, så att barnen kan fortsätta där när de vill.

## Att tänka på
- Minst två vuxna, och några som talar barnens språk.
- Fråga barnen vad de vill göra, och visa att ni gjorde det ("Ni sa – vi gjorde").
- Ett mellanmål hjälper.
- Bjud in föräldrarna ibland, så att de ser vad barnen gör.""",
        ),
        (
            "Leisure club",
            "A safe place after school with play, sport and homework help, every week.",
            """## How it works
- The club meets every week after school, in a sports hall or youth centre.
- Mix free play, one led activity and time for homework.
- Work with a local club so that children can continue there when they want to.

## Keep in mind
- At least two adults, and some who speak the children's languages.
- Ask the children what they want to do, and show that you did it ("You said – we did").
- A snack helps.
- Invite the parents now and then, so they see what the children do.""",
        ),
    ),
    "method-bicycle-workshop": (
        ["leisure"],
        [2],
        ["children_6_12", "families"],
        ["10-12", "13-17", "adults"],
        (
            "Cykelverkstad",
            "Barn och vuxna lagar cyklar tillsammans och lär sig cykla säkert i trafiken.",
            """## Så går det till
- Samla in begagnade cyklar, till exempel via kommunen eller en förening.
- Träffas varje vecka: laga, skruva, pumpa, och prova att cykla.
- Öva trafikregler på en skolgård innan ni cyklar ute.
- Den som har lagat en cykel kan få låna eller behålla den.

## Att tänka på
- Hjälm till alla. Ha verktyg och reservdelar i ordning.
- Många vuxna har aldrig fått lära sig cykla: erbjud en grupp för föräldrar också.
- Cykeln ger frihet att ta sig till skola, jobb och fritid.""",
        ),
        (
            "Bicycle workshop",
            "Children and adults repair bicycles together and learn to ride safely in traffic.",
            """## How it works
- Collect used bicycles, for example through the municipality or a club.
- Meet every week: repair, tighten, pump, and try riding.
- Practise traffic rules in a school yard before riding out.
- Whoever repaired a bicycle may borrow or keep it.

## Keep in mind
- A helmet for everyone. Keep tools and spare parts in order.
- Many adults never learned to ride: offer a group for parents too.
- A bicycle gives the freedom to reach school, work and leisure.""",
        ),
    ),
    "method-dialogue-forum": (
        ["dialogue_forum"],
        [1],
        ["families", "professionals"],
        ["adults"],
        (
            "Dialogforum",
            "Familjer, beslutsfattare och andra aktörer möts och samtalar om det som behöver bli bättre.",
            """## Så går det till
- Bjud in familjer, politiker, tjänstepersoner, skola och föreningar till samma rum.
- Välj en fråga i förväg, gärna en som familjerna själva tagit upp.
- Samtala i små grupper med en samtalsledare och tolk vid varje bord.
- Skriv ner förslagen. Bestäm vem som tar hand om vad.

## Att tänka på
- Maktskillnaden är stor: låt familjerna tala först.
- Återkoppla alltid efteråt: vad hände med förslagen?
- Barnens röster kan samlas in innan, till exempel med teckningar eller korta frågor.""",
        ),
        (
            "Dialogue forum",
            "Families, decision makers and other actors meet and talk about what needs to improve.",
            """## How it works
- Invite families, politicians, officials, schools and clubs to the same room.
- Choose one question beforehand, preferably one the families raised themselves.
- Talk in small groups, with a facilitator and an interpreter at each table.
- Write the proposals down. Agree who takes care of what.

## Keep in mind
- The power gap is large: let the families speak first.
- Always report back afterwards: what happened to the proposals?
- Children's voices can be gathered beforehand, with drawings or short questions.""",
        ),
    ),
    "method-open-family-day": (
        ["meeting_place"],
        [2, 3],
        ["families"],
        ["0-5", "6-9", "10-12", "adults"],
        (
            "Öppen familjedag",
            "En dag öppen för alla familjer, där föreningar, bibliotek och kommunen visar vad de erbjuder.",
            """## Så går det till
- Välj en lokal som familjerna redan känner till, till exempel biblioteket.
- Bjud in föreningar, kommunens verksamheter och andra aktörer med var sitt bord.
- Ha aktiviteter för barnen: pyssel, lek, prova-på.
- Räkna deltagarna anonymt (ålder och kön), utan att registrera namn.

## Att tänka på
- Sprid inbjudan på flera språk, muntligt och via dem familjerna litar på.
- En lättsam dag kan vara första steget till en förening eller en föräldragrupp.""",
        ),
        (
            "Open family day",
            "A day open to all families, where clubs, the library and the municipality show what they offer.",
            """## How it works
- Choose a place the families already know, for example the library.
- Invite clubs, municipal services and other actors, each with a table.
- Have activities for the children: crafts, play, try-outs.
- Count the participants anonymously (age and gender), without registering names.

## Keep in mind
- Spread the invitation in several languages, by word of mouth and through people families trust.
- A relaxed day can be the first step to a club or a parent group.""",
        ),
    ),
    "method-excursion": (
        ["excursion"],
        [2],
        ["families", "children_6_12"],
        ["6-9", "10-12", "adults"],
        (
            "Utflykt",
            "En gemensam utflykt i naturen eller till en plats i närheten, för hela familjen.",
            """## Så går det till
- Välj ett mål som är lätt att nå: ett naturreservat, ett berg, ett museum.
- Ordna resan gemensamt och berätta tydligt vad som gäller (kläder, mat, tider).
- Låt familjerna bidra, till exempel med mat att dela.
- Använd dagen för att berätta om allemansrätten och vad som finns nära.

## Att tänka på
- Tänk på säkerheten: räkna barnen, ha telefonlista och första hjälpen.
- Fråga om samtycke innan ni fotograferar.
- En utflykt bygger gemenskap mellan nya och etablerade familjer.""",
        ),
        (
            "Excursion",
            "A joint trip into nature or to a place nearby, for the whole family.",
            """## How it works
- Choose a destination that is easy to reach: a nature reserve, a hill, a museum.
- Arrange the travel together and say clearly what applies (clothes, food, times).
- Let families contribute, for example with food to share.
- Use the day to explain the right of public access and what is close by.

## Keep in mind
- Think of safety: count the children, have a phone list and first aid.
- Ask for consent before taking photos.
- An excursion builds community between new and established families.""",
        ),
    ),
}
