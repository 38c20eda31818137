"""The built-in codebook: the concepts of the follow-up research on collaboration between
municipalities and civil society (added values and roles, dilemmas, the strategic and
operational elements of the model for local collaboration, receptiveness and capacity at both
levels, the phases), described in our own words. A project copies it and adds its own codes.

Each concept has a stable key (its GUID is derived from it, so every project's copy of a
concept carries the same REFI-QDA identity and codings from several projects can be compared),
a colour per group, and a name and description in Swedish and English.
"""

import uuid
from dataclasses import dataclass, field

# The namespace of the built-in concepts' GUIDs (uuid5 of the key).
BUILTIN_NAMESPACE = uuid.UUID("6f1c4a52-3b7e-4d8e-9a2c-5e0b7d1f4a90")


@dataclass(frozen=True)
class Concept:
    key: str
    colour: str
    sv: str
    en: str
    sv_text: str
    en_text: str
    children: tuple["Concept", ...] = field(default_factory=tuple)
    codable: bool = True

    @property
    def guid(self) -> uuid.UUID:
        return uuid.uuid5(BUILTIN_NAMESPACE, self.key)

    def name(self, language: str) -> str:
        return self.en if language == "en" else self.sv

    def description(self, language: str) -> str:
        return self.en_text if language == "en" else self.sv_text


def _c(key, colour, sv, en, sv_text, en_text, *children, codable=True) -> Concept:
    return Concept(key, colour, sv, en, sv_text, en_text, tuple(children), codable)


VALUES = "#1D5C63"
ROLES = "#2C7A7B"
DILEMMAS = "#B4531B"
STRATEGIC = "#2C4A7A"
OPERATIONAL = "#5B3F8C"
CONDITIONS = "#8A6D00"
PHASES = "#1E6B3A"
MORE = "#A4262C"

BUILTIN: tuple[Concept, ...] = (
    _c(
        "added-values",
        VALUES,
        "Mervärden av samverkan",
        "Added values of collaboration",
        "Det som samverkan ger och som ingen av parterna hade åstadkommit ensam. Fyra slag.",
        "What collaboration brings that neither party would have achieved alone. Four kinds.",
        _c(
            "value-functional",
            VALUES,
            "Funktionellt mervärde",
            "Functional added value",
            "Insatser som blir bättre riktade, mer samordnade, snabbare eller billigare; nya "
            "eller ändrade rutiner och arbetssätt.",
            "Efforts that become better targeted, more coordinated, faster or cheaper; new or "
            "changed routines and ways of working.",
        ),
        _c(
            "value-altruistic",
            VALUES,
            "Altruistiskt mervärde",
            "Altruistic added value",
            "Värderingar som får tyngd i arbetet: barnets rättigheter i besluten, demokrati, "
            "etik och legitimitet.",
            "Values that gain weight in the work: children's rights in decisions, democracy, "
            "ethics and legitimacy.",
        ),
        _c(
            "value-emotional",
            VALUES,
            "Emotionellt mervärde",
            "Emotional added value",
            "Tillit, trygghet och hopp: att barn och föräldrar känner sig sedda och vågar lita på "
            "samhällets aktörer.",
            "Trust, safety and hope: children and parents feel seen and dare to trust society's "
            "actors.",
        ),
        _c(
            "value-social",
            VALUES,
            "Socialt mervärde",
            "Social added value",
            "Nätverk, gemenskap och delaktighet: nya kontakter mellan familjer, medlemskap i "
            "föreningar, tillhörighet i lokalsamhället.",
            "Networks, community and participation: new contacts between families, membership "
            "in clubs, belonging in the local community.",
        ),
        codable=False,
    ),
    _c(
        "roles",
        ROLES,
        "Civilsamhällets roller",
        "Roles of civil society",
        "Hur organisationen bidrar i samverkan; varje roll hör ihop med ett mervärde.",
        "How the organisation contributes in collaboration; each role goes with an added value.",
        _c(
            "role-service-improver",
            ROLES,
            "Verksamhetsförbättrare",
            "Service improver",
            "Gör samma uppdrag bättre eller smidigare tack vare flexibilitet, frivilliga och "
            "lokalkännedom.",
            "Does the same task better or more smoothly thanks to flexibility, volunteers and "
            "local knowledge.",
        ),
        _c(
            "role-value-bearer",
            ROLES,
            "Värdebärare",
            "Value bearer",
            "För in och håller fast vid en värdegrund, till exempel ett barnrättsperspektiv.",
            "Brings in and holds on to a set of values, such as a child-rights perspective.",
        ),
        _c(
            "role-trust-builder",
            ROLES,
            "Tillitsskapare",
            "Trust builder",
            "Bygger relationer med familjer som är osäkra på myndigheter och öppnar vägar "
            "till dem.",
            "Builds relationships with families who are unsure of the authorities and opens "
            "ways to them.",
        ),
        _c(
            "role-community-builder",
            ROLES,
            "Samhällsbyggare",
            "Community builder",
            "Knyter ihop människor och grupper och stärker sammanhållning och deltagande.",
            "Connects people and groups and strengthens cohesion and participation.",
        ),
        codable=False,
    ),
    _c(
        "dilemmas",
        DILEMMAS,
        "Dilemman",
        "Dilemmas",
        "Spänningar mellan två rimliga hållningar som inte kan lösas en gång för alla utan "
        "behöver balanseras tillsammans.",
        "Tensions between two reasonable positions that cannot be solved once and for all but "
        "need to be balanced together.",
        _c(
            "dilemma-equal-vs-needs",
            DILEMMAS,
            "Likabehandling – behovsanpassning",
            "Equal treatment – needs-based help",
            "Samma stöd för alla med liknande behov, eller stöd anpassat efter den enskilda "
            "familjen.",
            "The same support for all with similar needs, or support fitted to the individual "
            "family.",
        ),
        _c(
            "dilemma-new-vs-existing",
            DILEMMAS,
            "Bygga nytt – bygga vidare på det som finns",
            "Building new – building on what exists",
            "Pröva nya insatser snabbt, eller undvika parallella strukturer och bygga in arbetet "
            "i ordinarie verksamhet.",
            "Trying new efforts quickly, or avoiding parallel structures and building the work "
            "into ordinary operations.",
        ),
        _c(
            "dilemma-external-vs-internal",
            DILEMMAS,
            "Extern – intern expertis",
            "External – internal expertise",
            "Ta hjälp av organisationens kunskap, eller bygga egen kompetens och behålla "
            "ansvaret i kommunen.",
            "Drawing on the organisation's knowledge, or building one's own competence and "
            "keeping the responsibility in the municipality.",
        ),
        _c(
            "dilemma-individual-vs-structure",
            DILEMMAS,
            "Stöd till individer – förändring av strukturer",
            "Support to individuals – changing structures",
            "Hjälpa enskilda barn och familjer nu, eller ändra de normer och villkor som skapar "
            "utanförskap, också rasism.",
            "Helping individual children and families now, or changing the norms and conditions "
            "that exclude them, racism included.",
        ),
        codable=False,
    ),
    _c(
        "strategic",
        STRATEGIC,
        "Strategisk samverkan",
        "Strategic collaboration",
        "Det som ger riktning, mandat och stabilitet.",
        "What gives direction, mandate and stability.",
        _c(
            "strategic-goal-picture",
            STRATEGIC,
            "Gemensam målbild",
            "Shared goal picture",
            "Vad parterna vill uppnå tillsammans och vilka glapp de vill fylla.",
            "What the parties want to achieve together and which gaps they want to fill.",
        ),
        _c(
            "strategic-idea",
            STRATEGIC,
            "Samverkansidé",
            "Collaboration idea",
            "Varför parterna samverkar och vad var och en bidrar med.",
            "Why the parties work together and what each brings.",
        ),
        _c(
            "strategic-anchoring",
            STRATEGIC,
            "Organisatorisk förankring",
            "Organisational anchoring",
            "Stöd från ledning och beslutsfattare i båda organisationerna.",
            "Support from management and decision-makers in both organisations.",
        ),
        _c(
            "strategic-organisation",
            STRATEGIC,
            "Effektiv samverkansorganisation",
            "Effective collaboration organisation",
            "Styrgrupp, mötesformer, roller och ansvar som håller över tid.",
            "Steering group, meetings, roles and responsibilities that last over time.",
        ),
        codable=False,
    ),
    _c(
        "operational",
        OPERATIONAL,
        "Operativ samverkan",
        "Operational collaboration",
        "Det vardagliga arbetet där samverkan görs och kapacitet byggs.",
        "The everyday work where collaboration is done and capacity is built.",
        _c(
            "operational-relationships",
            OPERATIONAL,
            "Relationsbyggande",
            "Relationship building",
            "Att lära känna varandra, hålla kontakt och bygga förtroende mellan personer.",
            "Getting to know each other, keeping in touch and building trust between people.",
        ),
        _c(
            "operational-coordination",
            OPERATIONAL,
            "Samordning av insatser",
            "Coordination of efforts",
            "Att insatserna passar ihop och att ingen familj faller mellan stolarna.",
            "Efforts fit together and no family falls between the chairs.",
        ),
        _c(
            "operational-information",
            OPERATIONAL,
            "Informationsutbyte",
            "Information exchange",
            "Att rätt information når rätt person i tid, inom ramen för sekretess och samtycke.",
            "The right information reaches the right person in time, within confidentiality "
            "and consent.",
        ),
        _c(
            "operational-joint-activities",
            OPERATIONAL,
            "Gemensamma aktiviteter",
            "Joint activities",
            "Aktiviteter som parterna planerar och genomför tillsammans.",
            "Activities the parties plan and carry out together.",
        ),
        _c(
            "operational-adjustment",
            OPERATIONAL,
            "Löpande justering",
            "Continuous adjustment",
            "Att följa upp, lära och ändra arbetet under resans gång.",
            "Following up, learning and changing the work along the way.",
        ),
        codable=False,
    ),
    _c(
        "conditions",
        CONDITIONS,
        "Förutsättningar för samverkan",
        "Conditions for collaboration",
        "Vilja och förmåga hos båda parter avgör vilka mervärden som blir verklighet.",
        "Will and ability in both parties decide which added values come true.",
        _c(
            "receptiveness",
            CONDITIONS,
            "Samverkansmottaglighet",
            "Collaboration receptiveness",
            "Vilja, öppenhet och stöd från ledningen för att samverka.",
            "Will, openness and management support for working together.",
            _c(
                "receptiveness-strategic",
                CONDITIONS,
                "Mottaglighet – strategisk nivå",
                "Receptiveness – strategic level",
                "Ledningens och politikens vilja och prioriteringar.",
                "The will and priorities of management and politics.",
            ),
            _c(
                "receptiveness-operational",
                CONDITIONS,
                "Mottaglighet – operativ nivå",
                "Receptiveness – operational level",
                "Medarbetarnas öppenhet för att arbeta på nya sätt och med nya parter.",
                "Staff's openness to working in new ways and with new partners.",
            ),
        ),
        _c(
            "capacity",
            CONDITIONS,
            "Samverkanskapacitet",
            "Collaboration capacity",
            "Kompetens, tillit, strukturer och samordning som gör samverkan möjlig i praktiken.",
            "Competence, trust, structures and coordination that make collaboration work in "
            "practice.",
            _c(
                "capacity-strategic",
                CONDITIONS,
                "Kapacitet – strategisk nivå",
                "Capacity – strategic level",
                "Mandat, resurser och långsiktiga strukturer.",
                "Mandate, resources and long-term structures.",
            ),
            _c(
                "capacity-operational",
                CONDITIONS,
                "Kapacitet – operativ nivå",
                "Capacity – operational level",
                "Tid, kunskap och arbetssätt hos dem som gör arbetet.",
                "Time, knowledge and ways of working of those who do the work.",
            ),
        ),
        codable=False,
    ),
    _c(
        "phases",
        PHASES,
        "Faser",
        "Phases",
        "Hur samverkan förändras över tid.",
        "How collaboration changes over time.",
        _c(
            "phase-initiation",
            PHASES,
            "Initiering",
            "Initiation",
            "Behov, målgrupp och aktörer ringas in, mål och förväntningar klargörs och arbetet "
            "förankras.",
            "Needs, target group and actors are identified, goals and expectations clarified "
            "and the work anchored.",
        ),
        _c(
            "phase-implementation",
            PHASES,
            "Genomförande",
            "Implementation",
            "Ansvar, kommunikationsvägar och rutiner sätts; maktobalanser hanteras och tillit "
            "byggs.",
            "Responsibilities, communication paths and routines are set; power imbalances are "
            "handled and trust is built.",
        ),
        _c(
            "phase-transition",
            PHASES,
            "Övergång",
            "Transition",
            "Arbetssätt dokumenteras, ansvar framåt bestäms och det som fungerar förs in i "
            "ordinarie verksamhet.",
            "Ways of working are documented, future responsibility decided and what works is "
            "brought into ordinary operations.",
        ),
        codable=False,
    ),
    _c(
        "more",
        MORE,
        "Fler begrepp",
        "More concepts",
        "Återkommande teman i materialet.",
        "Recurring themes in the material.",
        _c(
            "boundary-spanner",
            MORE,
            "Gränsgångare",
            "Boundary spanner",
            "Personer med förtroende i båda världarna som översätter och knyter samman.",
            "People trusted in both worlds who translate and connect.",
        ),
        _c(
            "person-dependence",
            MORE,
            "Personberoende",
            "Person-dependence",
            "Samverkan som vilar på enskilda personer och riskerar att försvinna med dem.",
            "Collaboration that rests on single persons and risks leaving with them.",
        ),
        _c(
            "project-logic",
            MORE,
            "Projektlogik och pärlband",
            "Project logic and string of pearls",
            "Korta projekt som inte lever vidare, eller projekt som bygger på lärdomar från "
            "tidigare.",
            "Short projects that do not live on, or projects that build on earlier lessons.",
        ),
        _c(
            "child-rights",
            MORE,
            "Barnrättsperspektiv",
            "Child-rights perspective",
            "Barnets bästa, barns delaktighet och att barns röster hörs i praktiken.",
            "The child's best interests, children's participation and children's voices heard "
            "in practice.",
        ),
        codable=False,
    ),
)


def walk(concepts=BUILTIN, parent: Concept | None = None):
    """Every concept with its parent, parents first."""
    for concept in concepts:
        yield concept, parent
        yield from walk(concept.children, concept)


def by_key() -> dict[str, Concept]:
    return {concept.key: concept for concept, _parent in walk()}
