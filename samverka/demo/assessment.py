"""Demo content for the collaboration model: profiles, phases, self-assessment rounds,
dilemmas, learning sessions and boundary spanners. Everything and everyone is invented.

- Kalmar (implementation): a full profile, three closed self-assessment rounds where both
  sides move towards a stable collaboration, dilemmas and two learning sessions.
- Boden (implementation, moved into transition by samverka/demo/memory.py): two closed rounds
  and an open one, and person-dependence: most routines rest on the coordinator, and a
  boundary spanner has left without a successor.
- Norberg (transition): one closed round and a documented move into transition.
- Kristianstad (transition, without documented working methods) and Haninge (initiation).

Answers are generated from fixed targets per side, level and round, so reseeding gives the
same figures. Safe to run again: nothing is duplicated.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from samverka.accounts.models import Membership, User
from samverka.accounts.roles import Role
from samverka.assessment.instrument import ELEMENTS_BY_KEY, INSTRUMENT_VERSION, ITEMS, Section
from samverka.assessment.models import (
    Answer,
    AssessmentRound,
    BoundarySpanner,
    ChecklistMark,
    CollaborationProfile,
    Dilemma,
    LearningDecision,
    LearningSession,
    OperationalRoutine,
    Party,
    PhaseChange,
    Response,
)
from samverka.assessment.phases import checklist_for
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.demo.data import DEMO_PASSWORD, _member
from samverka.orgs.models import Collaboration, OrganisationKind, Phase

M, CS = Party.MUNICIPALITY, Party.CIVIL_SOCIETY
S, OP = "strategic", "operational"


@dataclass(frozen=True)
class Person:
    username: str
    first: str
    last: str
    role: str
    organisation_kind: str  # where they work: a partner's kind, or "lead"
    party: str
    level: str


# Extra invented people, so that each side has at least three answers at each level.
PEOPLE = {
    "0880": [
        Person(
            "kalmar.sanna", "Sanna", "Holmqvist", Role.MUNICIPAL_CONTACT, "social_services", M, S
        ),
        Person("kalmar.ali", "Ali", "Rahimi", Role.MUNICIPAL_CONTACT, "school", M, S),
        Person("kalmar.marta", "Marta", "Kowalska", Role.ACTIVITY_LEADER, "integration", M, OP),
        Person("kalmar.dawit", "Dawit", "Tesfaye", Role.ACTIVITY_LEADER, "sfi", M, OP),
        Person("kalmar.linnea", "Linnea", "Åberg", Role.ACTIVITY_LEADER, "library", M, OP),
        Person("kalmar.gunilla", "Gunilla", "Brandt", Role.ACTIVITY_LEADER, "lead", CS, S),
        Person("kalmar.farah", "Farah", "Nouri", Role.ACTIVITY_LEADER, "lead", CS, S),
        Person("kalmar.kerstin", "Kerstin", "Lund", Role.ACTIVITY_LEADER, "association", CS, S),
        Person("kalmar.yusuf", "Yusuf", "Warsame", Role.ACTIVITY_LEADER, "lead", CS, OP),
        Person("kalmar.tove", "Tove", "Engström", Role.ACTIVITY_LEADER, "association", CS, OP),
    ],
    "2582": [
        Person("boden.pernilla", "Pernilla", "Falk", Role.MUNICIPAL_CONTACT, "school", M, S),
        Person("boden.ahmed", "Ahmed", "Yilmaz", Role.ACTIVITY_LEADER, "sfi", M, OP),
        Person("boden.ylva", "Ylva", "Nyström", Role.ACTIVITY_LEADER, "library", M, OP),
        Person("boden.omar", "Omar", "Khalil", Role.ACTIVITY_LEADER, "lead", CS, OP),
        Person("boden.ebba", "Ebba", "Sjödin", Role.ACTIVITY_LEADER, "association", CS, OP),
    ],
    "1962": [
        Person("norberg.ingrid", "Ingrid", "Backman", Role.MUNICIPAL_CONTACT, "school", M, S),
        Person("norberg.reza", "Reza", "Moradi", Role.ACTIVITY_LEADER, "sfi", M, OP),
        Person("norberg.tekle", "Tekle", "Mehari", Role.ACTIVITY_LEADER, "lead", CS, OP),
        Person("norberg.hanna", "Hanna", "Ek", Role.ACTIVITY_LEADER, "association", CS, OP),
    ],
}
# The boundary spanner in Boden whose membership has ended, with no successor named.
BODEN_LEAVER = Person("boden.jamal", "Jamal", "Haddad", Role.ACTIVITY_LEADER, "integration", M, OP)

# Who answers as what: the documented logins of each town, then the extra people.
LOGINS = {
    "0880": [("kalmar.ngo", CS, OP), ("kalmar.ledare", CS, OP), ("kalmar.kommun", M, S)],
    "2582": [("boden.ngo", CS, OP), ("boden.kommun", M, S)],
    "1962": [("norberg.ngo", CS, S), ("norberg.kommun", M, S)],
}


def _organisation(collaboration: Collaboration, kind: str):
    if kind == "lead":
        return collaboration.lead_organisation
    return collaboration.partners.filter(kind=kind).first()


def _people(code: str, collaboration: Collaboration) -> dict[str, tuple]:
    """username -> (user, party, level) for everyone who answers in this collaboration."""
    result = {}
    for username, party, level in LOGINS.get(code, []):
        user = User.objects.filter(username=username).first()
        if user is not None:
            result[username] = (user, party, level)
    for person in PEOPLE.get(code, []):
        user = _demo_user(person)
        _member(
            user, collaboration, person.role, _organisation(collaboration, person.organisation_kind)
        )
        result[person.username] = (user, person.party, person.level)
    return result


@cache
def _demo_password_hash() -> str:
    return make_password(DEMO_PASSWORD)


def _demo_user(person: Person) -> User:
    """An invented person with the demo password, hashed once (hashing is slow on purpose)."""
    user, _ = User.objects.get_or_create(
        username=person.username,
        defaults={
            "first_name": person.first,
            "last_name": person.last,
            "email": f"{person.username}@demo.samverka.invalid",
            "password": _demo_password_hash(),
        },
    )
    return user


def _membership(collaboration, username):
    return (
        Membership.objects.filter(collaboration=collaboration, user__username=username)
        .order_by("ended_at", "pk")
        .first()
    )


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


# --- Profiles, routines, checklists, phase history ---------------------------------------------


def _profile(collaboration, **fields):
    CollaborationProfile.objects.update_or_create(collaboration=collaboration, defaults=fields)


def _routine(collaboration, element, key=None, backup=None, **fields):
    OperationalRoutine.objects.update_or_create(
        collaboration=collaboration,
        element=element,
        defaults={
            **fields,
            "key_person": _membership(collaboration, key) if key else None,
            "backup_person": _membership(collaboration, backup) if backup else None,
        },
    )


def _checklist(collaboration, phase, done: int, notes: dict | None = None):
    for index, item in enumerate(checklist_for(phase)):
        ChecklistMark.objects.update_or_create(
            collaboration=collaboration,
            item_id=item.id,
            defaults={"done": index < done, "note": (notes or {}).get(item.id, "")},
        )


def _phase_change(collaboration, from_phase, to_phase, day, by, reason, warnings=()):
    change, created = PhaseChange.objects.get_or_create(
        collaboration=collaboration,
        from_phase=from_phase,
        to_phase=to_phase,
        changed_on=day,
        defaults={"changed_by": by, "reason": reason, "warnings": list(warnings)},
    )
    if created:
        audit_record(actor=None, action=AuditAction.CREATE, obj=change, detail="seed_demo")


# --- Self-assessment answers ------------------------------------------------------------------

# Target means per (side, level) and round, for receptiveness, capacity, the strategic and the
# operational elements. Kalmar moves towards a stable collaboration; the civil-society side's
# capacity lags (time and structures).
KALMAR_TARGETS = {
    (M, S): [(2.7, 3.8, 2.9, 3.2), (3.3, 3.9, 3.4, 3.5), (3.9, 4.1, 3.9, 3.9)],
    (M, OP): [(3.9, 2.9, 2.8, 3.4), (4.0, 3.4, 3.3, 3.8), (4.2, 3.8, 3.7, 4.1)],
    (CS, S): [(4.3, 2.7, 2.6, 3.3), (4.4, 3.2, 3.1, 3.7), (4.5, 3.8, 3.7, 4.0)],
    (CS, OP): [(4.2, 2.6, 2.7, 3.5), (4.4, 3.0, 3.2, 3.9), (4.5, 3.3, 3.6, 4.2)],
}
BODEN_TARGETS = {
    (M, S): [(2.6, 3.7, 3.0, 2.8), (2.9, 3.9, 3.2, 3.0)],
    (M, OP): [(3.0, 3.6, 3.0, 3.2), (3.3, 3.8, 3.1, 3.4)],
    (CS, S): [(4.2, 2.5, 2.6, 3.0), (4.3, 2.8, 2.8, 3.2)],
    (CS, OP): [(4.1, 2.6, 2.4, 3.1), (4.3, 2.9, 2.7, 3.3)],
}
NORBERG_TARGETS = {
    (M, S): [(4.0, 3.9, 3.8, 3.9)],
    (M, OP): [(4.1, 3.7, 3.6, 4.0)],
    (CS, S): [(4.3, 3.6, 3.7, 4.1)],
    (CS, OP): [(4.4, 3.5, 3.6, 4.2)],
}
# Where the sides see things differently: an offset on the target for one side.
ITEM_OFFSETS = {
    ("idea_own_role", M): 0.8,
    ("idea_own_role", CS): -1.0,
    ("anch_level", M): 0.6,
    ("anch_level", CS): -1.1,
    ("anch_child_rights", CS): -0.4,
    ("org_not_person", M): -0.6,
    ("org_not_person", CS): -0.9,
    ("cap_time", CS): -0.8,
    ("cap_time", M): -0.3,
    ("act_racism", M): -0.9,
    ("act_racism", CS): -0.4,
    ("rec_leadership", M): -0.4,
    ("info_timely", M): 0.5,
    ("info_timely", CS): -0.5,
}
JITTER = (-0.6, 0.0, 0.6, -0.3, 0.3)
COMMENTS = {
    ("idea_own_role", CS): "Ibland känns det som att vi ska bli en del av förvaltningen.",
    ("anch_level", CS): "Besluten fattas långt ifrån oss och tar lång tid.",
    ("cap_time", CS): "Samverkan görs på kvällstid, utöver allt annat.",
    ("org_not_person", M): "Mycket hänger på projektledaren.",
    ("act_racism", M): "Det här har vi inte pratat om tillsammans än.",
    ("rel_trust", M): "Vi ringer varandra direkt nu, det gick inte förut.",
    ("info_timely", CS): "Vi får ofta veta saker i sista stund.",
}


def _target(item, party, level, targets, round_index):
    receptiveness, capacity, strategic, operational = targets[(party, level)][round_index]
    element_section = {
        "receptiveness": receptiveness,
        "capacity": capacity,
    }.get(item.element)
    if element_section is None:
        section = ELEMENTS_BY_KEY[item.element].section
        element_section = strategic if section == Section.STRATEGIC else operational
    return element_section + ITEM_OFFSETS.get((item.id, party), 0.0)


def _answers(person_index, party, level, targets, round_index):
    answers = {}
    for item_index, item in enumerate(ITEMS):
        if level == OP and item.element == "anchoring" and person_index % 3 == 0:
            answers[item.id] = (None, "")  # "don't know": far from the steering group
            continue
        target = _target(item, party, level, targets, round_index)
        value = round(target + JITTER[(person_index + item_index) % len(JITTER)])
        comment = COMMENTS.get((item.id, party), "") if person_index % 3 == 1 else ""
        answers[item.id] = (min(5, max(1, value)), comment)
    return answers


@dataclass(frozen=True)
class DemoRound:
    number: int
    opened: date
    closed: date | None
    note: str
    respondents: tuple[str, ...]  # usernames; the rest of the people do not answer


def _round(collaboration, people, targets, spec: DemoRound, opener):
    round, created = AssessmentRound.objects.get_or_create(
        collaboration=collaboration,
        number=spec.number,
        defaults={
            "opened_at": _at(spec.opened),
            "opened_by": opener,
            "closed_at": _at(spec.closed, 16) if spec.closed else None,
            "closed_by": opener if spec.closed else None,
            "note": spec.note,
            "instrument_version": INSTRUMENT_VERSION,
        },
    )
    if created:
        audit_record(actor=None, action=AuditAction.CREATE, obj=round, detail="seed_demo")
    round_index = spec.number - 1
    for person_index, username in enumerate(spec.respondents):
        if username not in people:
            continue
        user, party, level = people[username]
        submitted_at = _at(spec.opened, 10 + person_index % 6)
        response, created = Response.objects.get_or_create(
            round=round,
            respondent=user,
            defaults={"party": party, "level": level, "submitted_at": submitted_at},
        )
        if (response.party, response.level, response.submitted_at) != (party, level, submitted_at):
            response.party, response.level, response.submitted_at = party, level, submitted_at
            response.save()
        existing = {} if created else {a.item_id: a for a in response.answers.all()}
        new, changed = [], []
        answers = _answers(
            person_index, party, level, targets, min(round_index, len(targets[(party, level)]) - 1)
        )
        for item_id, (value, comment) in answers.items():
            answer = existing.get(item_id)
            if answer is None:
                new.append(Answer(response=response, item_id=item_id, value=value, comment=comment))
            elif (answer.value, answer.comment) != (value, comment):
                answer.value, answer.comment = value, comment
                changed.append(answer)
        Answer.objects.bulk_create(new)
        Answer.objects.bulk_update(changed, ["value", "comment"])
    return round


# --- Dilemmas, learning, boundary spanners ---------------------------------------------------


def _dilemma(collaboration, by, **fields):
    dilemma, created = Dilemma.objects.get_or_create(
        collaboration=collaboration,
        kind=fields["kind"],
        occurred_on=fields["occurred_on"],
        defaults={**fields, "created_by": by},
    )
    if created:
        audit_record(actor=None, action=AuditAction.CREATE, obj=dilemma, detail="seed_demo")
    return dilemma


def _session(collaboration, by, held_on, participants, rounds, dilemmas, decisions, **fields):
    session, created = LearningSession.objects.get_or_create(
        collaboration=collaboration, held_on=held_on, defaults={**fields, "created_by": by}
    )
    if created:
        audit_record(actor=None, action=AuditAction.CREATE, obj=session, detail="seed_demo")
    session.participants.set(
        [m for m in (_membership(collaboration, u) for u in participants) if m]
    )
    session.rounds.set(rounds)
    session.dilemmas.set(dilemmas)
    for text, username, due_on, done_on in decisions:
        LearningDecision.objects.update_or_create(
            session=session,
            text=text,
            defaults={
                "follow_up_by": _membership(collaboration, username) if username else None,
                "due_on": due_on,
                "done_on": done_on,
            },
        )
    return session


def _spanner(collaboration, username, organisations, *, successor=None, **fields):
    membership = _membership(collaboration, username)
    spanner, created = BoundarySpanner.objects.get_or_create(
        collaboration=collaboration, membership=membership, defaults=fields
    )
    if created:
        audit_record(actor=None, action=AuditAction.CREATE, obj=spanner, detail="seed_demo")
    spanner.successor = _membership(collaboration, successor) if successor else None
    spanner.save(update_fields=["successor"])
    spanner.organisations.set([o for o in organisations if o is not None])
    return spanner


# --- The collaborations ----------------------------------------------------------------------


def _kalmar(collaboration):
    people = _people("0880", collaboration)
    ngo = people["kalmar.ngo"][0]
    _profile(
        collaboration,
        welfare_gaps=(
            "Föräldrar som är nya i Sverige och inte når kommunens ordinarie föräldrastöd. "
            "Barn 6–12 år som saknar en meningsfull fritid efter skolan, särskilt under loven."
        ),
        anchoring_forums=(
            "Kommunens välfärdsberedning (kvartalsvis rapport), skolans ledningsgrupp, "
            "Barnkrafts regionala styrgrupp."
        ),
        decision_level="committee",
        decisions=(
            "Socialnämnden beslutade om samverkan och lokaler i mars 2023. "
            "Förlängning tas upp i budgetberedningen hösten 2025."
        ),
        child_rights_link=(
            "Projektledaren ingår i kommunens barnrättsnätverk. Barnkonsekvensanalys görs "
            "inför varje ny aktivitet."
        ),
        organisation=(
            "Styrgrupp: enhetschef socialtjänst, rektor, Barnkrafts regionchef och "
            "projektledaren (4 gånger per år). Arbetsgrupp: projektledare, integrationslots, "
            "bibliotekarie och ledare i föreningen (varannan vecka)."
        ),
    )
    _routine(
        collaboration,
        "relationships",
        "kalmar.ngo",
        "kalmar.marta",
        description="Vi träffas på plats i varandras verksamheter och gör gemensamma hembesök när familjen vill.",
        meetings="Arbetsgruppen varannan tisdag, fika med skolans personal en gång i månaden.",
        channels="Telefon, gemensam chattgrupp.",
        contacts="Amira (Barnkraft), Marta (integrationsenheten).",
    )
    _routine(
        collaboration,
        "coordination",
        "kalmar.marta",
        "kalmar.ngo",
        description="En gemensam aktivitetskalender så att vi inte krockar med skolans och föreningarnas aktiviteter.",
        meetings="Planering inför varje termin.",
        channels="Delad kalender.",
        contacts="Integrationslotsen samordnar.",
    )
    _routine(
        collaboration,
        "information",
        "kalmar.linnea",
        "kalmar.yusuf",
        description="Information till familjerna på fem språk via biblioteket och föreningens kanaler.",
        meetings="Kort avstämning efter varje arbetsgrupp.",
        channels="Affischer, sms-listor, föräldraträffarna.",
        contacts="Biblioteket och föreningen.",
    )
    _routine(
        collaboration,
        "joint_activities",
        "kalmar.ledare",
        "kalmar.tove",
        description="Läxhjälp, cykelverkstad och lovaktiviteter som kommunen och föreningarna gör tillsammans.",
        meetings="Ledarträff före varje lov.",
        channels="Chattgrupp för ledare.",
        contacts="Hassan och Tove.",
    )
    _routine(
        collaboration,
        "adjustment",
        "kalmar.ngo",
        "kalmar.kommun",
        description="Självskattning en gång per år och lärandeträffar där vi justerar arbetet.",
        meetings="Lärandeträff efter varje självskattning.",
        channels="Samverka.",
        contacts="Projektledaren och kommunens kontaktperson.",
    )
    _checklist(collaboration, Phase.INITIATION, 7)
    _checklist(
        collaboration,
        Phase.IMPLEMENTATION,
        5,
        notes={"impl_trust": "Tilliten har vuxit, men inte hos alla förvaltningar."},
    )
    _checklist(collaboration, Phase.TRANSITION, 1)
    _phase_change(
        collaboration,
        Phase.INITIATION,
        Phase.IMPLEMENTATION,
        date(2023, 6, 12),
        ngo,
        "Styrgruppen har godkänt planen och de första aktiviteterna startar efter sommaren.",
    )

    everyone = tuple(people)
    first_round = tuple(
        u for u in everyone if u != "kalmar.kerstin"
    )  # one fewer the first time: the civil-society side's strategic level is too small
    rounds = [
        _round(
            collaboration,
            people,
            KALMAR_TARGETS,
            DemoRound(
                1, date(2023, 9, 4), date(2023, 9, 29), "Vår första självskattning.", first_round
            ),
            ngo,
        ),
        _round(
            collaboration,
            people,
            KALMAR_TARGETS,
            DemoRound(
                2, date(2024, 9, 2), date(2024, 9, 27), "Ett år in i genomförandet.", everyone
            ),
            ngo,
        ),
        _round(
            collaboration,
            people,
            KALMAR_TARGETS,
            DemoRound(
                3,
                date(2025, 5, 5),
                date(2025, 5, 30),
                "Inför styrgruppens möte i juni – hur står vi inför övergången?",
                everyone,
            ),
            ngo,
        ),
    ]

    summer = _dilemma(
        collaboration,
        ngo,
        kind="equal_vs_needs",
        occurred_on=date(2024, 5, 14),
        situation="Sommarlägret erbjöds bara barn i projektets målgrupp. Skolan fick frågor från andra föräldrar om varför deras barn inte fick följa med.",
        municipality_view="Kommunen måste kunna förklara varför en insats bara når vissa barn. Likvärdighet är ett krav.",
        civil_society_view="De här barnen har inte samma möjligheter till sommaraktiviteter. Riktade insatser behövs för att de ska komma med alls.",
        balance="Lägret fortsatte som riktad insats, men en av dagarna blev öppen för alla barn i klasserna. Vi skrev en gemensam förklaring till föräldrarna.",
        outcome="Färre frågor, och några nya kompisrelationer mellan barnen. Vi tar upp frågan igen inför nästa sommar.",
        status="balanced",
    )
    homework = _dilemma(
        collaboration,
        ngo,
        kind="new_vs_existing",
        occurred_on=date(2024, 2, 6),
        situation="Föreningen ville starta en egen läxhjälp. Biblioteket har redan läxhjälp på torsdagar som få nyanlända familjer känner till.",
        municipality_view="Bygg hellre vidare på bibliotekets läxhjälp än att starta något parallellt som försvinner när projektet slutar.",
        civil_society_view="Familjerna kommer till föreningen, inte till biblioteket. De behöver en trygg ingång.",
        balance="Föreningens ledare följer med barnen till bibliotekets läxhjälp de första gångerna.",
        outcome="Fler barn på bibliotekets läxhjälp, och biblioteket har tagit in en ledare från föreningen som volontär.",
        status="balanced",
    )
    club = _dilemma(
        collaboration,
        ngo,
        kind="individual_vs_structure",
        occurred_on=date(2025, 3, 18),
        situation="Några föräldrar tog ut sina barn från fotbollsträningen när många nyanlända barn började. Föreningen vet inte hur de ska hantera det.",
        municipality_view="Fritidsförvaltningen kan stödja föreningen med utbildning om inkludering.",
        civil_society_view="Det räcker inte att stärka de nyanlända barnen – vi måste prata om vad som händer i föreningen och bland föräldrarna.",
        balance="",
        outcome="",
        status="open",
    )
    _dilemma(
        collaboration,
        ngo,
        kind="own",
        title="Vem betalar tolken?",
        occurred_on=date(2023, 11, 2),
        situation="Föräldraträffarna behöver tolk, men varken projektet eller socialtjänsten har budget för det.",
        municipality_view="Tolk bekostas när det gäller myndighetsutövning, inte för en förenings aktivitet.",
        civil_society_view="Utan tolk kommer inte de föräldrar vi vill nå.",
        balance="Vi delar kostnaden för tolk på hälften terminen ut och prövar frivilliga språkstödjare.",
        outcome="Språkstödjare från föreningen täcker två av tre språk. Tolk används för arabiska.",
        status="balanced",
    )
    _session(
        collaboration,
        ngo,
        date(2024, 10, 15),
        ["kalmar.ngo", "kalmar.kommun", "kalmar.sanna", "kalmar.gunilla", "kalmar.marta"],
        [rounds[1]],
        [summer, homework],
        [
            (
                "Bjud in förvaltningschefen till nästa styrgrupp",
                "kalmar.kommun",
                date(2024, 12, 1),
                date(2024, 11, 20),
            ),
            (
                "Skriv ner hur läxhjälpen på biblioteket går till",
                "kalmar.linnea",
                date(2025, 2, 1),
                date(2025, 1, 28),
            ),
        ],
        other_participants="Rektor på Norrskolan",
        notes=(
            "Kommunsidan ser förankringen som god, civilsamhällessidan inte. Vi pratade om vad "
            "som händer när beslut fattas långt från arbetsgruppen."
        ),
    )
    _session(
        collaboration,
        ngo,
        date(2025, 6, 10),
        ["kalmar.ngo", "kalmar.kommun", "kalmar.ali", "kalmar.farah", "kalmar.ledare"],
        [rounds[2]],
        [club],
        [
            (
                "Ta fram en plan för vem som äger aktiviteterna efter 2025",
                "kalmar.kommun",
                date(2025, 10, 1),
                None,
            ),
            (
                "Boka en utbildning om rasism och inkludering för föreningsledare",
                "kalmar.ngo",
                date(2025, 9, 15),
                None,
            ),
            ("Fråga barnen vad de vill behålla", "kalmar.ledare", date(2025, 9, 30), None),
        ],
        other_material="Deltagarenkäten våren 2025",
        notes=(
            "Båda sidor har rört sig mot en stabil samverkan. Tiden är fortfarande det som "
            "håller tillbaka civilsamhällets kapacitet."
        ),
    )
    library = collaboration.partners.filter(kind=OrganisationKind.LIBRARY).first()
    club_org = collaboration.partners.filter(kind=OrganisationKind.ASSOCIATION).first()
    social = collaboration.partners.filter(kind=OrganisationKind.SOCIAL_SERVICES).first()
    sfi = collaboration.partners.filter(kind=OrganisationKind.SFI).first()
    _spanner(
        collaboration,
        "kalmar.ledare",
        [collaboration.lead_organisation, club_org, library],
        successor="kalmar.yusuf",
        description="Växte upp i stadsdelen, arbetar på fritidsgården och är ledare i föreningen. Familjerna känner honom.",
    )
    _spanner(
        collaboration,
        "kalmar.marta",
        [social, sfi, collaboration.lead_organisation],
        successor="kalmar.dawit",
        description="Integrationslots som tidigare var volontär i Barnkraft. Översätter mellan socialtjänsten och föreningen.",
    )


def _boden(collaboration):
    people = _people("2582", collaboration)
    leaver = _demo_user(BODEN_LEAVER)
    membership = Membership.objects.filter(user=leaver, collaboration=collaboration).first()
    if membership is None:
        membership = Membership.objects.create(
            user=leaver,
            collaboration=collaboration,
            role=BODEN_LEAVER.role,
            organisation=_organisation(collaboration, BODEN_LEAVER.organisation_kind)
            or collaboration.partners.filter(kind=OrganisationKind.SOCIAL_SERVICES).first(),
        )
        audit_record(actor=None, action=AuditAction.CREATE, obj=membership, detail="seed_demo")
    if membership.ended_at is None:
        membership.ended_at = _at(date(2025, 3, 31), 17)
        membership.save(update_fields=["ended_at"])
    people[BODEN_LEAVER.username] = (leaver, BODEN_LEAVER.party, BODEN_LEAVER.level)
    ngo = people["boden.ngo"][0]
    _profile(
        collaboration,
        welfare_gaps="Familjer som bor utanför centrum och inte når fritidsaktiviteter.",
        anchoring_forums="Rapport till socialnämndens arbetsutskott två gånger per år.",
        decision_level="department",
        organisation="Projektledaren samordnar; kontaktperson på socialförvaltningen.",
    )
    for element in ("relationships", "coordination", "information", "adjustment"):
        _routine(
            collaboration,
            element,
            "boden.ngo",
            None,
            description="Projektledaren håller i kontakterna och kallar till möten vid behov.",
            contacts="Liv (Barnkraft).",
        )
    _routine(
        collaboration,
        "joint_activities",
        "boden.omar",
        "boden.ebba",
        description="Öppen idrottshall på söndagar med föreningen och fritidsgården.",
    )
    _checklist(collaboration, Phase.INITIATION, 5)
    _checklist(collaboration, Phase.IMPLEMENTATION, 2)
    _phase_change(
        collaboration,
        Phase.INITIATION,
        Phase.IMPLEMENTATION,
        date(2023, 9, 1),
        ngo,
        "Aktiviteterna behövde komma igång innan hösten, även om förankringen inte var klar.",
        warnings=[
            {
                "kind": "open_items",
                "phase": "initiation",
                "items": ["init_anchored", "init_structure", "init_expectations"],
                "done": 4,
                "total": 7,
                "thin": False,
            }
        ],
    )
    round_one = (
        "boden.kommun",
        "boden.pernilla",
        "boden.jamal",
        "boden.ngo",
        "boden.omar",
        "boden.ebba",
    )
    round_two = (
        "boden.kommun",
        "boden.pernilla",
        "boden.ahmed",
        "boden.ylva",
        "boden.ngo",
        "boden.omar",
        "boden.ebba",
    )
    _round(
        collaboration,
        people,
        BODEN_TARGETS,
        DemoRound(1, date(2024, 3, 4), date(2024, 3, 22), "", round_one),
        ngo,
    )
    _round(
        collaboration,
        people,
        BODEN_TARGETS,
        DemoRound(2, date(2025, 3, 3), date(2025, 3, 21), "", round_two),
        ngo,
    )
    _round(
        collaboration,
        people,
        BODEN_TARGETS,
        DemoRound(
            3,
            timezone.localdate() - timedelta(days=10),
            None,
            "Svara gärna före styrgruppens möte. Resultaten pratar vi om tillsammans.",
            ("boden.omar",),
        ),
        ngo,
    )
    _dilemma(
        collaboration,
        ngo,
        kind="external_vs_internal",
        occurred_on=date(2025, 4, 8),
        situation="När integrationslotsen slutade frågade socialtjänsten om Barnkraft kunde ta över kontakten med familjerna.",
        municipality_view="Barnkraft har redan förtroendet hos familjerna.",
        civil_society_view="Vi kan inte ta över kommunens uppdrag, och projektet slutar om ett år.",
        status="open",
    )
    _spanner(
        collaboration,
        BODEN_LEAVER.username,
        [
            collaboration.lead_organisation,
            collaboration.partners.filter(kind=OrganisationKind.SOCIAL_SERVICES).first(),
            collaboration.partners.filter(kind=OrganisationKind.SCHOOL).first(),
        ],
        description="Integrationslots med rötter i föreningslivet. Familjerna och skolan gick till honom med allt.",
    )


def _norberg(collaboration):
    people = _people("1962", collaboration)
    ngo = people.get("norberg.ngo", (None,))[0]
    _profile(
        collaboration,
        welfare_gaps="Föräldrastöd på familjernas språk och en väg in i föreningslivet för barnen.",
        anchoring_forums="Kommunens barn- och ungdomsråd och Barnkrafts regionala styrgrupp.",
        decision_level="council",
        decisions="Kommunstyrelsen har beslutat att föräldragrupperna blir ordinarie verksamhet 2026.",
        child_rights_link="Ingår i kommunens handlingsplan för barnets rättigheter.",
        organisation="Styrgrupp två gånger per termin, samordnare på familjecentralen.",
    )
    for element in (
        "relationships",
        "coordination",
        "information",
        "joint_activities",
        "adjustment",
    ):
        _routine(
            collaboration,
            element,
            "norberg.kommun",
            "norberg.ngo",
            description="Beskriven i överlämningsdokumentet till familjecentralen.",
        )
    _checklist(collaboration, Phase.INITIATION, 7)
    _checklist(collaboration, Phase.IMPLEMENTATION, 7)
    _checklist(collaboration, Phase.TRANSITION, 3)
    _phase_change(
        collaboration,
        Phase.INITIATION,
        Phase.IMPLEMENTATION,
        date(2023, 4, 3),
        ngo,
        "Föräldragrupperna startar efter påsk.",
    )
    _phase_change(
        collaboration,
        Phase.IMPLEMENTATION,
        Phase.TRANSITION,
        date(2025, 8, 20),
        ngo,
        "Projektet slutar i december. Familjecentralen tar över föräldragrupperna.",
    )
    _round(
        collaboration,
        people,
        NORBERG_TARGETS,
        DemoRound(1, date(2025, 4, 7), date(2025, 4, 25), "", tuple(people)),
        ngo,
    )


def _kristianstad(collaboration):
    _checklist(collaboration, Phase.INITIATION, 6)
    _checklist(collaboration, Phase.IMPLEMENTATION, 3)
    _phase_change(
        collaboration,
        Phase.IMPLEMENTATION,
        Phase.TRANSITION,
        date(2025, 9, 1),
        None,
        "Finansieringen tar slut vid årsskiftet.",
        warnings=[
            {
                "kind": "open_items",
                "phase": "implementation",
                "items": ["impl_power", "impl_trust", "impl_activities", "impl_learning"],
                "done": 3,
                "total": 7,
                "thin": True,
            },
            {"kind": "no_working_methods"},
        ],
    )


def _haninge(collaboration):
    _profile(
        collaboration,
        welfare_gaps="Barn i evakueringsboende som inte kommer med i skolans fritidsaktiviteter.",
    )
    _checklist(collaboration, Phase.INITIATION, 3)


@transaction.atomic
def seed(collaborations: dict[str, Collaboration]) -> None:
    for code, build in (
        ("0880", _kalmar),
        ("2582", _boden),
        ("1962", _norberg),
        ("1290", _kristianstad),
        ("0136", _haninge),
    ):
        if code in collaborations:
            build(collaborations[code])
