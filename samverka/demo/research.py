"""Demo research: the national researcher's project over three collaborations (Kalmar, Boden,
Norberg), each inclusion approved by its coordinator; the built-in codebook; two invented
interview transcripts in Swedish, coded with it; the free-text answers of Kalmar's spring
survey; a memo; and a dataset ready to export. Invented people only; idempotent."""

from contextlib import suppress
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from samverka.accounts.models import User
from samverka.lib.scoping import collaboration_scope
from samverka.research.access import ResearchAccess, approved_collaboration_ids
from samverka.research.datasets.models import Dataset, Period
from samverka.research.projects.models import DataKind, Inclusion, ResearchProject
from samverka.research.projects.services import (
    inclusion_decide,
    inclusion_request,
    memo_save,
    project_create,
)
from samverka.research.sources import services as sources
from samverka.research.sources.models import Coding, Source, SourceKind

TITLE = "Samverkan som skapar mervärden – uppföljning 2026"
PLACES = ("0880", "2582", "1962")  # Kalmar, Boden, Norberg

INTERVIEW_KALMAR = """\
Intervju med kommunens integrationssamordnare, Kalmar. Intervjuare (I), samordnare (S).

I: Hur började samarbetet med föreningen?
S: Vi kände varandra sedan tidigare projekt. Det fanns redan en gemensam målbild om att nå familjer som socialtjänstens vanliga föräldrastöd inte når.
S: Föreningens projektledare var något av en gränsgångare. Hon kunde prata med både rektorer och föräldrar och översätta mellan våra världar.
I: Vad har det betytt för familjerna?
S: Föräldrarna började lita på socialtjänsten. En mamma sa att det var första gången hon kände sig sedd av en myndighet.
S: I föräldragruppen har de byggt ett nätverk. Nu träffas de även utan oss, på biblioteket och i parken.
I: Har ni stött på svårigheter?
S: Ja, vi diskuterade länge om vi skulle erbjuda cykelverkstaden till alla barn i området eller bara till de nyanlända. Kommunen måste vara likvärdig, men behoven ser olika ut.
S: Och en risk är att allt vilar på några få personer. Om projektledaren slutar försvinner mycket av kontakterna.
I: Vad händer när projektet tar slut?
S: Vi håller på att skriva ner arbetssätten och bestämma vem som ansvarar för föräldragruppen framåt. Målet är att det ska bli en del av ordinarie verksamhet.
"""

INTERVIEW_BODEN = """\
Intervju med föreningens lokala projektledare, Boden. Intervjuare (I), projektledare (P).

I: Hur skulle du beskriva samarbetet med kommunen?
P: På ledningsnivå finns viljan, men i vardagen saknas tid. Det är engagemang som hålls tillbaka av att strukturerna inte finns.
P: Vi har ingen gemensam styrgrupp ännu, så beslut tar lång tid.
I: Vad fungerar bra?
P: Informationsutbytet med skolan har blivit mycket bättre. Vi har en kontaktperson som vi ringer varje vecka.
P: Barnen har fått en meningsfull fritid. Flera har börjat i idrottsföreningen och har nya kompisar.
I: Hur arbetar ni med barnens rättigheter?
P: Vi frågar barnen vad de vill göra och berättar efteråt vad vi gjorde med deras idéer. Det har gett kommunen ett nytt sätt att tänka kring barnets bästa.
I: Finns det något ni inte kunnat påverka?
P: Familjerna berättar om rasism i skolan. Vi kan stötta enskilda barn, men strukturerna ändrar vi inte ensamma.
"""

# (source, passage, built-in concept, memo)
CODINGS = [
    ("kalmar", "Det fanns redan en gemensam målbild", "strategic-goal-picture", ""),
    (
        "kalmar",
        "Föreningens projektledare var något av en gränsgångare",
        "boundary-spanner",
        "Tydligt exempel på gränsgångare.",
    ),
    ("kalmar", "Hon kunde prata med både rektorer och föräldrar", "operational-relationships", ""),
    ("kalmar", "Föräldrarna började lita på socialtjänsten.", "value-emotional", ""),
    ("kalmar", "Föräldrarna började lita på socialtjänsten.", "role-trust-builder", ""),
    (
        "kalmar",
        "En mamma sa att det var första gången hon kände sig sedd av en myndighet.",
        "value-emotional",
        "",
    ),
    ("kalmar", "I föräldragruppen har de byggt ett nätverk.", "value-social", ""),
    (
        "kalmar",
        "Kommunen måste vara likvärdig, men behoven ser olika ut.",
        "dilemma-equal-vs-needs",
        "Diskuterat i flera intervjuer.",
    ),
    ("kalmar", "allt vilar på några få personer", "person-dependence", ""),
    ("kalmar", "Vi håller på att skriva ner arbetssätten", "phase-transition", ""),
    (
        "boden",
        "På ledningsnivå finns viljan, men i vardagen saknas tid.",
        "receptiveness-strategic",
        "",
    ),
    (
        "boden",
        "På ledningsnivå finns viljan, men i vardagen saknas tid.",
        "capacity-operational",
        "",
    ),
    ("boden", "Vi har ingen gemensam styrgrupp ännu", "strategic-organisation", ""),
    (
        "boden",
        "Informationsutbytet med skolan har blivit mycket bättre.",
        "operational-information",
        "",
    ),
    ("boden", "Flera har börjat i idrottsföreningen och har nya kompisar.", "value-social", ""),
    ("boden", "Vi frågar barnen vad de vill göra", "child-rights", ""),
    (
        "boden",
        "Det har gett kommunen ett nytt sätt att tänka kring barnets bästa.",
        "value-altruistic",
        "",
    ),
    (
        "boden",
        "Vi kan stötta enskilda barn, men strukturerna ändrar vi inte ensamma.",
        "dilemma-individual-vs-structure",
        "",
    ),
]


def _coordinator(collaboration):
    return User.objects.filter(
        memberships__collaboration=collaboration,
        memberships__role="coordinator",
        memberships__ended_at__isnull=True,
    ).first()


def seed(collaborations) -> None:
    researcher = User.objects.filter(username="forskare").first()
    places = [collaborations[c] for c in PLACES if c in collaborations]
    if researcher is None or len(places) < 3:
        return
    project = ResearchProject.objects.filter(title=TITLE).first()
    today = timezone.localdate()
    if project is None:
        project = project_create(
            title=TITLE,
            purpose=(
                "Hur skapar samverkan mellan kommun och civilsamhälle mervärden för nyanlända "
                "barn och deras familjer, och vilka förutsättningar avgör vilka mervärden som "
                "blir verklighet? Intervjuer i tre kommuner, fritextsvar och deltagande."
            ),
            ethics_reference="2026-01234-01",
            ethics_approved_on=today - timedelta(days=120),
            starts_on=today - timedelta(days=90),
            ends_on=today + timedelta(days=365),
            data_requested=list(DataKind.values),
            builtin_codebook=True,
            by=researcher,
        )
    for collaboration in places:
        if not Inclusion.objects.filter(project=project, collaboration=collaboration).exists():
            (inclusion,) = inclusion_request(
                project=project, collaborations=[collaboration], by=researcher
            )
            inclusion_decide(inclusion=inclusion, approve=True, by=_coordinator(collaboration))
    ids = approved_collaboration_ids(project)
    research = ResearchAccess(
        user=researcher,
        project=project,
        researcher=project.researchers.get(user=researcher),
        collaboration_ids=ids,
    )
    # The project's material reaches across collaborations: exactly its approved inclusions.
    with collaboration_scope(sorted(ids)):
        _material(research, places, researcher)
        if not project.datasets.exists():
            dataset = Dataset.objects.create(
                project=project,
                title="Deltagande och närvaro i tre kommuner",
                starts_on=project.starts_on,
                ends_on=today,
                period=Period.QUARTER,
                k=5,
                created_by=researcher,
            )
            rounds = _rounds(places)
            dataset.survey_rounds.set(rounds)
            _link_respondents(rounds)
    if not project.memos.exists():
        memo_save(
            project=project,
            title="Första läsningen",
            text=(
                "Tillit och gränsgångare återkommer i båda intervjuerna. Jämför Kalmars "
                "övergångsarbete med Bodens saknade styrgrupp: mottaglighet utan kapacitet?"
            ),
            by=researcher,
        )


def _material(research, places, researcher) -> None:
    project = research.project
    kalmar, boden = places[0], places[1]
    texts = {}
    for key, collaboration, name, text in [
        ("kalmar", kalmar, "Intervju 1 – integrationssamordnare, Kalmar", INTERVIEW_KALMAR),
        ("boden", boden, "Intervju 2 – föreningens projektledare, Boden", INTERVIEW_BODEN),
    ]:
        source = Source.objects.filter(project=project, name=name).first()
        if source is None:
            source = Source.objects.create(
                project=project,
                collaboration=collaboration,
                kind=SourceKind.TRANSCRIPT,
                name=name,
                text=text.strip(),
                direction="ltr",
                original_name=f"intervju-{key}.txt",
                created_by=researcher,
            )
        texts[key] = source
    codes = {c.builtin_key: c for c in project.codes.exclude(builtin_key="")}
    for key, passage, concept, memo in CODINGS:
        source = texts[key]
        start = source.text.find(passage)
        if start < 0 or concept not in codes:
            continue
        end = start + len(passage)
        if Coding.objects.filter(source=source, code=codes[concept], start=start, end=end).exists():
            continue
        sources.coding_add(
            research=research,
            source=source,
            code=codes[concept],
            start=start,
            end=end,
            memo=memo,
            by=researcher,
        )
    spring = (
        kalmar.survey_rounds.filter(closes_on__lt=timezone.localdate()).order_by("opens_on").first()
    )
    if spring is not None and not Source.objects.filter(project=project, survey_round=spring):
        # A round with too few answers is not shared: then the transcripts are enough.
        with suppress(ValidationError):
            sources.survey_pull(research=research, survey_round=spring, by=researcher)


def _rounds(places):
    from samverka.surveys.rounds.models import Round

    return list(
        Round.objects.filter(collaboration__in=places, version__instrument__kind="parent").order_by(
            "opens_on"
        )[:3]
    )


def _link_respondents(rounds) -> None:
    """In the demo some parents gave their participant code when they answered (and have
    survey consent), so their answers reach the dataset; everyone else stays anonymous."""
    from samverka.participants.models import Participant
    from samverka.surveys.respond.models import Response

    for survey_round in rounds:
        responses = Response.objects.filter(round=survey_round, submitted_at__isnull=False)
        if responses.filter(participant__isnull=False).exists():
            continue
        parents = list(
            Participant.objects.filter(collaboration=survey_round.collaboration, role="guardian")
            .with_consent("surveys")
            .order_by("pk")  # not by the random codes: the same parents on every run
        )
        for response, parent in zip(
            responses.order_by("pk"), parents[: len(parents) * 2 // 3], strict=False
        ):
            Response.objects.filter(pk=response.pk).update(participant=parent)
