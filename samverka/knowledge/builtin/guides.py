"""Built-in guides and research summaries (our own words), linked from the course modules."""

GUIDES = {
    "guide-collaboration-model": (
        "guide",
        [1],
        ["professionals"],
        (
            "Samverkansmodellen i korthet",
            "Mottaglighet, kapacitet, tre faser och gränsgångare: modellen för lokal samverkan på en sida.",
            """## Två förutsättningar
- **Samverkansmottaglighet**: viljan, öppenheten och stödet från ledningen att samverka.
- **Samverkanskapacitet**: kompetens, tillit, strukturer och samordning som gör samverkan möjlig.

Båda parter behöver båda, både på **strategisk** nivå (inriktning, mandat) och på **operativ** nivå (vardagsarbetet).

## Tre faser
1. **Initiering**: behov, målgrupp, aktörer, mål och förväntningar. Förankra i varje organisation.
2. **Genomförande**: ansvar, kommunikation och rutiner. Bygg tillit, hantera maktskillnader, lär tillsammans.
3. **Övergång**: dokumentera arbetssätt, bestäm vem som tar ansvar framåt, för in det som fungerar i ordinarie verksamhet.

## Gränsgångare
Personer med förtroende i båda världarna översätter och knyter ihop. De är viktiga, men samverkan får inte hänga på en person: dela upp uppgifterna och ha en ersättare.""",
        ),
        (
            "The collaboration model in brief",
            "Receptiveness, capacity, three phases and boundary spanners: the model for local collaboration on one page.",
            """## Two preconditions
- **Collaboration receptiveness**: the will, openness and leadership support to collaborate.
- **Collaboration capacity**: competence, trust, structures and coordination that make collaboration possible.

Both parties need both, at the **strategic** level (direction, mandate) and the **operational** level (everyday work).

## Three phases
1. **Initiation**: needs, target group, actors, goals and expectations. Anchor in each organisation.
2. **Implementation**: responsibility, communication and routines. Build trust, handle power imbalances, learn together.
3. **Transition**: document working methods, decide who is responsible going forward, bring what works into ordinary operations.

## Boundary spanners
People trusted in both worlds translate and connect. They matter, but collaboration must not hang on one person: share the tasks and have a backup.""",
        ),
    ),
    "research-collaboration-values": (
        "research_summary",
        [1],
        ["professionals"],
        (
            "Forskning i korthet: vad samverkan tillför",
            "Samverkan mellan kommun och civilsamhälle kan ge fyra slags mervärden, men bara om förutsättningarna finns.",
            """## Fyra mervärden
- **Funktionellt**: bättre riktat, samordnat och snabbare stöd, nya rutiner.
- **Altruistiskt**: barnrättsperspektiv och värderingar i besluten.
- **Emotionellt**: tillit till samhällets aktörer, att bli sedd, trygghet.
- **Socialt**: nätverk, gemenskap och delaktighet.

## Vad som avgör
Mottaglighet och kapacitet hos båda parter, på båda nivåer. Korta projekt utan överlämning försvinner ("projektkyrkogården"); när varje projekt bygger på lärdomarna från det förra blir det ett pärlband.

## Att mäta
Effekter syns på flera nivåer och över lång tid. Kombinera siffror och berättelser, och låt barnens egna röster höras.

*Sammanfattning med egna ord av uppföljningsforskningen om programmet.*""",
        ),
        (
            "Research in brief: what collaboration adds",
            "Collaboration between a municipality and civil society can give four kinds of added value, but only when the preconditions are there.",
            """## Four added values
- **Functional**: better targeted, coordinated and faster support, new routines.
- **Altruistic**: a child-rights perspective and values in decisions.
- **Emotional**: trust in society's actors, being seen, safety.
- **Social**: networks, community and participation.

## What decides
Receptiveness and capacity in both parties, at both levels. Short projects without handover disappear ("the project graveyard"); when each project builds on the lessons of the one before, it becomes a string of pearls.

## Measuring
Effects show on several levels and over long times. Combine figures and stories, and let children's own voices be heard.

*A summary in our own words of the follow-up research on the programme.*""",
        ),
    ),
    "guide-child-rights-practice": (
        "guide",
        [1, 2, 3],
        ["professionals", "volunteers"],
        (
            "Barnrättsperspektivet i vardagen",
            "Fyra frågor att ställa innan ett beslut eller en aktivitet som rör barn.",
            """## Fyra frågor
1. **Vilka barn** berörs, och hur?
2. **Vad säger barnen själva?** Har de fått frågan, på ett sätt som passar deras ålder?
3. **Vad är bäst för barnet**, och vad vägs mot det?
4. **Har barnen fått veta** vad som hände med det de sa?

## I praktiken
- Fråga barnen med korta frågor, bilder eller ansikten.
- Återkoppla: "Ni sa – vi gjorde".
- Skriv ner hur barnens synpunkter vägdes in.""",
        ),
        (
            "The child-rights perspective in everyday work",
            "Four questions to ask before a decision or an activity that concerns children.",
            """## Four questions
1. **Which children** are affected, and how?
2. **What do the children themselves say?** Were they asked, in a way that suits their age?
3. **What is best for the child**, and what is weighed against it?
4. **Were the children told** what happened with what they said?

## In practice
- Ask the children with short questions, pictures or faces.
- Report back: "You said – we did".
- Write down how the children's views were weighed in.""",
        ),
    ),
}
