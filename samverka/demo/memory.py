"""Demo content for the organisational memory. Everything and everyone is invented.

- Kalmar's earlier collaboration, "Familjeträffar Kalmar" (2019–2021), has what a transition
  dossier is built from: a goal picture and profile, routines, an IOP agreement and documents,
  activities with decided futures (the parent meetings became ordinary library work, the bicycle
  workshop went on with other funding, the language café was handed over to SFI), lessons, an
  open decision and the handover from its first coordinator. "Barn i fokus Kalmar" builds on it
  and inherits all of that (its overview shows it; "take over" copies it as drafts).
- Kalmar today: what becomes of two activities is decided, the rest is not; its own lessons,
  agreement and documents, and a handover note waiting on kalmar.ngo's start page.
- Boden is in its transition phase (moved here, recorded as a phase change by its coordinator):
  four activities have a decided future, the bicycle workshop has none.
- Lessons shared nationally from Kalmar, Boden, Norberg, Skellefteå, Uddevalla and
  Kristianstad, so the library at /lessons/ has something to search.

Safe to run again: nothing is duplicated.
"""

import random
import zlib
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from samverka.accounts.models import Membership, User
from samverka.accounts.roles import Role
from samverka.activities.models import Activity, ActivityType, FocusArea, TargetGroup
from samverka.assessment.checklists.services import phase_change
from samverka.assessment.models import (
    CollaborationProfile,
    LearningDecision,
    LearningSession,
    OperationalRoutine,
)
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.demo.activities import _households
from samverka.demo.assessment import Person as DemoPerson
from samverka.demo.assessment import _demo_user
from samverka.lib.exports import Sheet, xlsx_bytes
from samverka.memory.continuation.models import Continuation, DecisionForum, Future
from samverka.memory.documents.models import Agreement, AgreementForm, Document, DocumentKind
from samverka.memory.handovers.models import Handover, HandoverContact, HandoverReason
from samverka.memory.lessons.models import Lesson
from samverka.orgs.models import Collaboration, OrganisationKind, Phase

# --- Small real files for the document archive -------------------------------------------------


def _pdf_text(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("cp1252", errors="replace")


def tiny_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with a title and lines of text (Helvetica, Swedish letters)."""
    stream = b"BT /F1 16 Tf 56 780 Td (" + _pdf_text(title) + b") Tj ET\n"
    y = 750
    for line in lines:
        stream += b"BT /F1 11 Tf 56 %d Td (" % y + _pdf_text(line) + b") Tj ET\n"
        y -= 16
    packed = zlib.compress(stream)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R"
        b" >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PDF_TYPE = "application/pdf"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _document(
    collaboration, *, title, kind, dated_on, filename, content, content_type, by, text=""
):
    existing = Document.objects.filter(collaboration=collaboration, title=title).first()
    if existing is not None:
        return existing
    import hashlib

    document = Document(
        collaboration=collaboration,
        title=title,
        kind=kind,
        dated_on=dated_on,
        description=text,
        original_name=filename,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=by,
    )
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    audit_record(actor=by, action=AuditAction.CREATE, obj=document, detail="seed_demo")
    return document


# --- Helpers -----------------------------------------------------------------------------------


def _user(username):
    return User.objects.filter(username=username).first()


def _membership(collaboration, username):
    return (
        Membership.objects.filter(collaboration=collaboration, user__username=username)
        .order_by("ended_at", "pk")
        .first()
    )


def _partner(collaboration, kind):
    return collaboration.partners.filter(kind=kind).first()


def _continuation(
    activity,
    future,
    *,
    owner=None,
    funding="",
    decided_on=None,
    decided_in="",
    note="",
    by=None,
    session=None,
):
    Continuation.objects.update_or_create(
        activity=activity,
        defaults={
            "future": future,
            "owner": owner,
            "funding": funding,
            "decided_on": decided_on,
            "decided_in": decided_in,
            "learning_session": session,
            "note": note,
            "updated_by": by,
        },
    )


def _lesson(collaboration, title, *, by, shared=False, when=None, **fields):
    lesson, created = Lesson.objects.get_or_create(
        collaboration=collaboration,
        title=title,
        defaults={"written_by": by, **fields},
    )
    if created and when is not None:
        Lesson.objects.filter(pk=lesson.pk).update(created_at=when)
    if shared and lesson.shared_at is None:
        lesson.shared_at = when or timezone.now()
        lesson.shared_by = by
        lesson.save(update_fields=["shared_at", "shared_by"])
    return lesson


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _handover(
    collaboration,
    *,
    leaving,
    reason,
    held,
    by,
    successor=None,
    routine=None,
    open_matters="",
    contacts=(),
    read_on=None,
    written_on=None,
):
    handover = Handover.objects.filter(
        collaboration=collaboration, leaving=leaving, reason=reason, routine=routine
    ).first()
    if handover is not None:
        return handover
    handover = Handover.objects.create(
        collaboration=collaboration,
        leaving=leaving,
        successor=successor,
        reason=reason,
        routine=routine,
        held=held,
        open_matters=open_matters,
        written_by=by,
        read_at=_at(read_on) if read_on else None,
    )
    if written_on:
        Handover.objects.filter(pk=handover.pk).update(written_at=_at(written_on))
    for index, (role, organisation, route, why) in enumerate(contacts):
        HandoverContact.objects.create(
            handover=handover,
            role=role,
            organisation=organisation,
            route=route,
            why=why,
            order=index,
        )
    return handover


# --- Kalmar's earlier collaboration ------------------------------------------------------------

FORMER_COORDINATOR = DemoPerson(
    "kalmar.maria", "Maria", "Sundin", Role.COORDINATOR, "lead", "civil_society", "operational"
)


def _kalmar_earlier(earlier: Collaboration, kalmar: Collaboration) -> None:
    ngo = _user("kalmar.ngo")
    library = _partner(kalmar, OrganisationKind.LIBRARY)
    sfi = _partner(kalmar, OrganisationKind.SFI)
    club = _partner(kalmar, OrganisationKind.ASSOCIATION)
    social = _partner(kalmar, OrganisationKind.SOCIAL_SERVICES)
    earlier.partners.add(*[o for o in (library, sfi, club, social) if o])

    # The first coordinator, who left when the project ended and handed over to Amira.
    maria = _demo_user(FORMER_COORDINATOR)
    former = Membership.objects.filter(user=maria, collaboration=earlier).first()
    if former is None:
        former = Membership.objects.create(
            user=maria,
            collaboration=earlier,
            role=Role.COORDINATOR,
            organisation=earlier.lead_organisation,
            ended_at=_at(date(2021, 12, 31)),
        )
    amira = _membership(earlier, "kalmar.ngo")

    CollaborationProfile.objects.update_or_create(
        collaboration=earlier,
        defaults={
            "welfare_gaps": "Föräldrar som är nya i Sverige nås inte av kommunens ordinarie föräldrastöd: språket, tiderna och misstron mot myndigheter står i vägen.",
            "anchoring_forums": "Socialnämndens arbetsutskott (två gånger per år) och bibliotekets ledningsgrupp.",
            "decision_level": "committee",
            "decisions": "Socialnämnden beslutade i november 2021 att föräldraträffarna blir en del av bibliotekets ordinarie verksamhet från 2022.",
            "organisation": "Styrgrupp: enhetschef socialtjänst, bibliotekschef, Barnkrafts regionchef. Arbetsgrupp: projektledare, bibliotekarie, tolk.",
        },
    )
    routines = {
        "relationships": (
            "Vi möter föräldrarna där de redan är: biblioteket, skolans föräldramöten och föreningens lokal. Samma ansikten varje vecka.",
            "Arbetsgruppen varje måndag.",
        ),
        "information": (
            "Inbjudan muntligt och på fem språk, sms dagen före. Biblioteket sätter upp affischer i entrén.",
            "Kort avstämning efter varje träff.",
        ),
        "joint_activities": (
            "Föräldraträff varje onsdag 17.30 i biblioteket med tolk och barnpassning; teman väljs av gruppen.",
            "Planering med gruppen var sjätte vecka.",
        ),
    }
    for element, (description, meetings) in routines.items():
        OperationalRoutine.objects.update_or_create(
            collaboration=earlier,
            element=element,
            defaults={
                "description": description,
                "meetings": meetings,
                "key_person": former,
                "backup_person": amira,
            },
        )

    start = date(2019, 9, 1)
    activities = {}
    for name, area, kind, groups, description in (
        (
            "Föräldraträffar på biblioteket",
            FocusArea.PARENT_SUPPORT,
            ActivityType.PARENT_GROUP,
            [TargetGroup.GUARDIANS],
            "Varje onsdag med tolk och barnpassning. Teman som föräldrarna väljer: skolan, hälsa, ekonomi, barns rättigheter.",
        ),
        (
            "Cykelverkstad",
            FocusArea.LEISURE,
            ActivityType.LEISURE,
            [TargetGroup.CHILDREN_6_12, TargetGroup.FAMILIES],
            "Barn och föräldrar lagar cyklar tillsammans med föreningens volontärer, lördagar på fritidsgården.",
        ),
        (
            "Språkcafé för föräldrar",
            FocusArea.PARENT_SUPPORT,
            ActivityType.CONVERSATION_GROUP,
            [TargetGroup.GUARDIANS],
            "Samtal på svenska om vardagen, med SFI-lärare som stöd.",
        ),
        (
            "Sommarutflykter",
            FocusArea.LEISURE,
            ActivityType.EXCURSION,
            [TargetGroup.FAMILIES],
            "Tre utflykter varje sommar: skärgården, ett museum och en bondgård.",
        ),
    ):
        activity, _ = Activity.objects.get_or_create(
            collaboration=earlier,
            name=name,
            defaults={
                "focus_area": area,
                "type": kind,
                "target_groups": groups,
                "description": description,
                "starts_on": start,
                "ends_on": date(2021, 12, 15),
                "place": "Stadsbiblioteket Kalmar" if "bibliotek" in name else "",
            },
        )
        activities[name] = activity
    steering = date(2021, 11, 15)
    session, _ = LearningSession.objects.get_or_create(
        collaboration=earlier,
        held_on=date(2021, 10, 20),
        defaults={
            "other_participants": "Styrgruppen och arbetsgruppen",
            "notes": "Vad ska leva vidare efter projektet, och vem bär det?",
        },
    )
    LearningDecision.objects.get_or_create(
        session=session,
        text="Ta fram en gemensam introduktion för nya föreningar som vill arrangera aktiviteter för familjerna",
        defaults={"due_on": date(2022, 3, 31)},
    )
    _continuation(
        activities["Föräldraträffar på biblioteket"],
        Future.ORDINARY,
        owner=library,
        funding="Bibliotekets ordinarie budget från 2022; tolk via kommunens tolkavtal.",
        decided_on=steering,
        decided_in=DecisionForum.POLITICAL,
        note="Socialnämnden och kultur- och fritidsnämnden beslutade tillsammans. Barnkraft håller i två introduktionsträffar per termin.",
        by=ngo,
    )
    _continuation(
        activities["Cykelverkstad"],
        Future.OTHER_FUNDING,
        owner=club,
        funding="Föreningsbidrag från kommunen 2022–2024 och en lokal stiftelse.",
        decided_on=date(2021, 10, 20),
        decided_in=DecisionForum.LEARNING_SESSION,
        session=session,
        note="Svår att placera i kommunen: fritid, arbetsmarknad eller socialtjänst? Föreningen tog den.",
        by=ngo,
    )
    _continuation(
        activities["Språkcafé för föräldrar"],
        Future.HANDED_OVER,
        owner=sfi,
        decided_on=steering,
        decided_in=DecisionForum.STEERING_GROUP,
        note="SFI driver det som en del av samhällsorienteringen.",
        by=ngo,
    )
    _continuation(
        activities["Sommarutflykter"],
        Future.ENDS,
        decided_on=steering,
        decided_in=DecisionForum.STEERING_GROUP,
        note="Bra för gemenskapen men dyrt; föreningarna ordnar egna utflykter.",
        by=ngo,
    )
    if not earlier.participants.exists():
        _households(earlier, random.Random("samverka-demo-earlier-kalmar"), 5, ngo)

    when = date(2021, 12, 1)
    _lesson(
        earlier,
        "Tolk från första träffen – annars kommer föräldrarna inte tillbaka",
        by=ngo,
        shared=True,
        when=_at(when),
        learned="De första träffarna hade vi utan tolk för att spara pengar. Hälften av föräldrarna kom aldrig tillbaka. När tolken var med från start stannade nästan alla.",
        again="Tolk på plats, samma tolk varje gång.",
        differently="Budgetera tolk från början i stället för att pröva utan.",
        advice="Fråga föräldrarna vilket språk de vill ha, inte vilket land de kommer från.",
        focus_area=FocusArea.PARENT_SUPPORT,
        phase=Phase.IMPLEMENTATION,
        element="relationships",
        added_value="emotional",
    )
    _lesson(
        earlier,
        "Biblioteket är en neutral mötesplats",
        by=ngo,
        when=_at(when),
        learned="Många familjer var rädda för att gå till socialtjänsten men kom gärna till biblioteket. Där kunde socialsekreteraren också träffa dem utan myndighetsrollen i förgrunden.",
        again="Ha träffarna i biblioteket.",
        advice="Välj en lokal som familjerna redan litar på.",
        focus_area=FocusArea.PARENT_SUPPORT,
        element="joint_activities",
        added_value="emotional",
    )
    _lesson(
        earlier,
        "Förankra i nämnden innan projektet slutar, inte efter",
        by=ngo,
        when=_at(when),
        learned="Att föräldraträffarna lever vidare beror på att socialnämnden fick rapporter två gånger per år. Beslutet kunde tas i tid.",
        differently="Vi borde ha bjudit in kultur- och fritidsnämnden redan första året.",
        advice="Lägg in övergången i planen från start och boka nämndens möte ett halvår före slutet.",
        phase=Phase.TRANSITION,
        element="anchoring",
        added_value="functional",
        dilemma_kind="new_vs_existing",
    )

    Agreement.objects.get_or_create(
        collaboration=earlier,
        form=AgreementForm.IOP,
        defaults={
            "parties": "Kalmar kommun (socialnämnden) och Barnkraft Kalmar",
            "signed_on": date(2019, 8, 20),
            "valid_from": start,
            "valid_until": date(2021, 12, 31),
            "note": "Idéburet offentligt partnerskap om föräldraträffar. Kommunen står för lokal och tolk, Barnkraft för projektledning och volontärer.",
            "document": _document(
                earlier,
                title="IOP-överenskommelse 2019–2021",
                kind=DocumentKind.AGREEMENT,
                dated_on=date(2019, 8, 20),
                filename="IOP Familjeträffar 2019.pdf",
                content=tiny_pdf(
                    "Idéburet offentligt partnerskap",
                    [
                        "Parter: Kalmar kommun, socialnämnden, och Barnkraft Kalmar.",
                        "Syfte: föräldraträffar för föräldrar som är nya i Sverige.",
                        "Period: 1 september 2019 – 31 december 2021.",
                        "(Demo: påhittat dokument.)",
                    ],
                ),
                content_type=PDF_TYPE,
                by=ngo,
            ),
        },
    )
    _document(
        earlier,
        title="Metodbeskrivning: föräldraträffar med tolk",
        kind=DocumentKind.METHOD,
        dated_on=date(2021, 11, 30),
        filename="Metodbeskrivning föräldraträffar.pdf",
        content=tiny_pdf(
            "Metodbeskrivning: föräldraträffar med tolk",
            [
                "1. Bjud in muntligt och på familjens språk.",
                "2. Samma tid, samma plats och samma tolk varje vecka.",
                "3. Gruppen väljer teman var sjätte vecka.",
                "4. Barnpassning i rummet intill.",
                "5. Lotsa vidare när behov kommer fram – med samtycke.",
                "(Demo: påhittat dokument.)",
            ],
        ),
        content_type=PDF_TYPE,
        by=ngo,
        text="Så arbetade vi med föräldraträffarna – skriven för den som ska ta över.",
    )
    _document(
        earlier,
        title="Styrgruppens protokoll 15 november 2021",
        kind=DocumentKind.MINUTES,
        dated_on=steering,
        filename="Protokoll styrgrupp 2021-11-15.pdf",
        content=tiny_pdf(
            "Protokoll, styrgruppen 15 november 2021",
            [
                "§ 1 Föräldraträffarna blir ordinarie verksamhet i biblioteket 2022.",
                "§ 2 Språkcaféet lämnas över till SFI.",
                "§ 3 Sommarutflykterna avslutas med projektet.",
                "(Demo: påhittat dokument.)",
            ],
        ),
        content_type=PDF_TYPE,
        by=ngo,
    )
    _handover(
        earlier,
        leaving=former,
        successor=amira,
        reason=HandoverReason.LEAVING,
        by=maria,
        written_on=date(2021, 12, 10),
        read_on=date(2021, 12, 14),
        held="Projektledningen: kallelser till arbetsgruppen, kontakten med bibliotekschefen och tolkbokningarna. Pärmen med inbjudningar på fem språk ligger i bibliotekets personalrum; digitalt i den delade mappen 'Familjeträffar'.",
        open_matters="Introduktionen för nya föreningar (beslut från lärandeträffen i oktober) är inte klar. Cykelverkstadens ansökan om föreningsbidrag ska in senast 15 februari.",
        contacts=[
            (
                "Bibliotekschef",
                library,
                "Via bibliotekets växel",
                "Beslutar om lokalen och bibliotekariens tid",
            ),
            (
                "Samordnare för samhällsorientering",
                sfi,
                "Mejl till SFI:s expedition",
                "Tar över språkcaféet",
            ),
            ("Ordförande", club, "Föreningens telefon, kvällstid", "Håller i cykelverkstaden"),
        ],
    )


# --- Kalmar today ------------------------------------------------------------------------------


def _kalmar(kalmar: Collaboration) -> None:
    ngo, kommun = _user("kalmar.ngo"), _user("kalmar.kommun")
    library = _partner(kalmar, OrganisationKind.LIBRARY)
    club = _partner(kalmar, OrganisationKind.ASSOCIATION)
    activities = {a.name: a for a in kalmar.activities.all()}
    if "Föräldragruppen" in activities:
        _continuation(
            activities["Föräldragruppen"],
            Future.ORDINARY,
            owner=library,
            funding="Bibliotekets ordinarie budget, som föräldraträffarna före den.",
            decided_on=date(2025, 9, 18),
            decided_in=DecisionForum.STEERING_GROUP,
            by=kommun,
        )
    if "Cykelverkstad" in activities:
        _continuation(
            activities["Cykelverkstad"],
            Future.OTHER_FUNDING,
            owner=club,
            funding="Föreningsbidrag 2026–2027.",
            decided_on=date(2025, 10, 2),
            decided_in=DecisionForum.BOARD,
            by=ngo,
        )
    _lesson(
        kalmar,
        "Föräldrarna vill välja tema själva",
        by=ngo,
        shared=True,
        when=_at(date(2025, 5, 20)),
        learned="När föräldrarna fick välja teman tillsammans kom fler tillbaka. Föräldrarna ville prata om skolan och om ekonomi, inte om det vi hade planerat.",
        again="Låta gruppen välja teman var sjätte vecka.",
        advice="Ha en lista med förslag men låt föräldrarna bestämma.",
        focus_area=FocusArea.PARENT_SUPPORT,
        phase=Phase.IMPLEMENTATION,
        element="joint_activities",
        added_value="social",
    )
    _lesson(
        kalmar,
        "Skolans fritidspersonal är nyckeln till de yngsta barnen",
        by=_user("kalmar.ledare") or ngo,
        when=_at(date(2025, 3, 12)),
        learned="Fritidsklubben fylldes först när fritidspersonalen följde med barnen de första gångerna.",
        again="Följa med från skolan till klubben de första veckorna.",
        focus_area=FocusArea.LEISURE,
        element="coordination",
        added_value="social",
    )
    Agreement.objects.get_or_create(
        collaboration=kalmar,
        form=AgreementForm.IOP,
        defaults={
            "parties": "Kalmar kommun (socialnämnden och kultur- och fritidsnämnden) och Barnkraft Kalmar",
            "signed_on": date(2022, 12, 1),
            "valid_from": date(2023, 1, 1),
            "valid_until": date(2025, 12, 31),
            "document": _document(
                kalmar,
                title="IOP-överenskommelse 2023–2025",
                kind=DocumentKind.AGREEMENT,
                dated_on=date(2022, 12, 1),
                filename="IOP Barn i fokus Kalmar 2023-2025.pdf",
                content=tiny_pdf(
                    "Idéburet offentligt partnerskap 2023–2025",
                    [
                        "Parter: Kalmar kommun och Barnkraft Kalmar.",
                        "Bygger på Familjeträffar Kalmar 2019–2021.",
                        "(Demo: påhittat dokument.)",
                    ],
                ),
                content_type=PDF_TYPE,
                by=ngo,
            ),
        },
    )
    Agreement.objects.get_or_create(
        collaboration=kalmar,
        form=AgreementForm.GRANT,
        defaults={
            "parties": "Barnkraft (nationellt) från Asyl-, migrations- och integrationsfonden (AMIF)",
            "valid_from": date(2023, 1, 1),
            "valid_until": date(2025, 12, 31),
            "note": "Rapport till finansiären med deltagarantal per år.",
        },
    )
    _document(
        kalmar,
        title="Aktivitetsplan hösten 2025",
        kind=DocumentKind.REPORT,
        dated_on=date(2025, 8, 15),
        filename="Aktivitetsplan HT2025.xlsx",
        content=xlsx_bytes(
            [
                Sheet(
                    "Aktiviteter",
                    ["Aktivitet", "Dag", "Plats", "Ansvarig organisation"],
                    [
                        ("Fritidsklubben", "Varje vecka", "Idrottshallen", "Barnkraft och Framåt"),
                        ("Föräldragruppen", "Varje vecka", "Stadsbiblioteket", "Barnkraft"),
                        ("Cykelverkstad", "Lördagar", "Fritidsgården", "Framåt"),
                    ],
                )
            ]
        ),
        content_type=XLSX_TYPE,
        by=ngo,
    )
    _document(
        kalmar,
        title="Styrgruppens protokoll 18 september 2025",
        kind=DocumentKind.MINUTES,
        dated_on=date(2025, 9, 18),
        filename="Protokoll styrgrupp 2025-09-18.pdf",
        content=tiny_pdf(
            "Protokoll, styrgruppen 18 september 2025",
            [
                "§ 1 Föräldragruppen fortsätter i bibliotekets ordinarie verksamhet.",
                "§ 2 Fritidsklubben och dialogforumet: beslut i november.",
                "(Demo: påhittat dokument.)",
            ],
        ),
        content_type=PDF_TYPE,
        by=ngo,
    )
    linnea, amira = _membership(kalmar, "kalmar.linnea"), _membership(kalmar, "kalmar.ngo")
    routine = OperationalRoutine.objects.filter(collaboration=kalmar, element="information").first()
    if linnea and amira:
        _handover(
            kalmar,
            leaving=linnea,
            successor=amira,
            routine=routine,
            reason=HandoverReason.ROUTINE,
            by=linnea.user,
            written_on=timezone.localdate() - timedelta(days=3),
            held="Informationen till familjerna: affischerna i bibliotekets entré, sms-listan (i bibliotekets telefon) och översättningarna av inbjudningarna. Jag är föräldraledig från januari.",
            open_matters="Inbjudan till vårens första föräldraträff behöver översättas till tigrinja och dari före 10 januari.",
            contacts=[
                (
                    "Bibliotekarie med ansvar för barn och unga",
                    library,
                    "Bibliotekets växel",
                    "Tar emot affischer och ställer i ordning rummet",
                ),
                (
                    "Tolkförmedlingen",
                    None,
                    "Beställning via kommunens tolkavtal",
                    "Bokas två veckor i förväg",
                ),
            ],
        )


# --- Boden: in transition, one activity without a decided future -------------------------------


def _boden(boden: Collaboration) -> None:
    ngo = _user("boden.ngo")
    boden.refresh_from_db(fields=["phase"])
    if boden.phase != Phase.TRANSITION and ngo is not None:
        phase_change(
            collaboration=boden,
            to_phase=Phase.TRANSITION,
            changed_on=date(2025, 9, 15),
            reason="Projektet slutar vid årsskiftet. Styrgruppen vill att vi planerar övergången nu.",
            by=ngo,
        )
    social = _partner(boden, OrganisationKind.SOCIAL_SERVICES)
    integration = _partner(boden, OrganisationKind.INTEGRATION)
    club = _partner(boden, OrganisationKind.ASSOCIATION)
    activities = {a.name: a for a in boden.activities.all()}
    decided = date(2025, 10, 8)
    plan = {
        "Föräldragruppen": {
            "future": Future.ORDINARY,
            "owner": social,
            "funding": "Socialtjänstens föräldrastöd.",
            "note": "Familjecentralen tar över grupperna; Barnkraft stöttar första terminen.",
        },
        "Fritidsklubben": {
            "future": Future.HANDED_OVER,
            "owner": club,
            "funding": "Föreningsbidrag och hallen utan kostnad.",
        },
        "Dialogforum kommun och civilsamhälle": {
            "future": Future.ORDINARY,
            "owner": integration,
            "note": "Blir en del av integrationsenhetens samverkansforum två gånger per år.",
        },
        "Öppen familjeträff": {
            "future": Future.ENDS,
            "note": "Föreningarna bjuder in till egna familjedagar.",
        },
    }
    for name, fields in plan.items():
        if name in activities:
            _continuation(
                activities[name],
                decided_on=decided,
                decided_in=DecisionForum.STEERING_GROUP,
                by=ngo,
                **fields,
            )
    if "Cykelverkstad" in activities:
        _continuation(
            activities["Cykelverkstad"],
            Future.UNDECIDED,
            note="Arbetsmarknad, fritid eller socialtjänst – ingen förvaltning har tagit på sig den. Frågan ligger hos styrgruppen.",
            by=ngo,
        )
    _lesson(
        boden,
        "Hela samverkan vilade på en person",
        by=ngo,
        shared=True,
        when=_at(date(2025, 6, 2)),
        learned="När integrationslotsen slutade tappade vi kontakten med skolan och flera familjer. Allt fanns i hans telefon och hans huvud.",
        differently="Utse en ersättare för varje nyckelperson från början och skriv ner kontaktvägarna.",
        advice="Fråga er: vem ringer familjerna om den här personen blir sjuk i morgon?",
        phase=Phase.IMPLEMENTATION,
        element="organisation",
        added_value="functional",
        dilemma_kind="external_vs_internal",
    )


# --- Lessons shared from other towns -----------------------------------------------------------

OTHER_LESSONS = {
    "1962": [
        {
            "title": "Familjecentralen tog över föräldragrupperna",
            "learned": "Övergången fungerade för att familjecentralens personal var med i grupperna ett halvår innan projektet slutade. Föräldrarna kände redan igen dem.",
            "again": "Dubbelbemanna det sista halvåret.",
            "advice": "Låt den som tar över vara med i verksamheten innan ni lämnar över.",
            "focus_area": FocusArea.PARENT_SUPPORT,
            "phase": Phase.TRANSITION,
            "element": "organisation",
            "added_value": "functional",
        },
        {
            "title": "Teman på föräldrarnas språk",
            "learned": "Föräldrarna frågade mest om skolan och om barns rättigheter i Sverige. Material på deras språk gjorde samtalen djupare.",
            "focus_area": FocusArea.PARENT_SUPPORT,
            "element": "information",
            "added_value": "altruistic",
        },
    ],
    "2482": [
        {
            "title": "Barnen intervjuade politikerna i en podd",
            "learned": "När barnen själva ställde frågorna lyssnade politikerna på ett annat sätt. Ett av förslagen blev en gång- och cykelväg.",
            "advice": "Ge barnen en riktig mottagare för det de säger, och berätta för dem vad som hände sedan.",
            "focus_area": FocusArea.COLLABORATION,
            "element": "joint_activities",
            "added_value": "altruistic",
        },
    ],
    "1485": [
        {
            "title": "Lika behandling eller efter behov – vi pratade om det öppet",
            "learned": "Kommunen ville erbjuda lägret till alla, föreningen ville prioritera de familjer som behövde det mest. Att ta upp dilemmat i styrgruppen gjorde att vi kunde förklara urvalet för föräldrarna.",
            "advice": "Skriv ner hur ni vägde, så att nästa grupp inte börjar om.",
            "element": "shared_goal",
            "dilemma_kind": "equal_vs_needs",
            "added_value": "altruistic",
        },
    ],
    "1290": [
        {
            "title": "Börja övergången ett år före slutet",
            "learned": "Vi gick in i övergångsfasen när finansieringen redan tog slut. Då hann ingen förvaltning besluta om att ta över.",
            "differently": "Planera övergången redan i genomförandefasen.",
            "phase": Phase.TRANSITION,
            "element": "anchoring",
            "added_value": "functional",
            "dilemma_kind": "new_vs_existing",
        },
    ],
}


@transaction.atomic
def seed(collaborations: dict[str, Collaboration]) -> None:
    kalmar = collaborations.get("0880")
    if kalmar is not None:
        if kalmar.builds_on is not None:
            _kalmar_earlier(kalmar.builds_on, kalmar)
        _kalmar(kalmar)
    if "2582" in collaborations:
        _boden(collaborations["2582"])
    for code, lessons in OTHER_LESSONS.items():
        collaboration = collaborations.get(code)
        if collaboration is None:
            continue
        by = User.objects.filter(
            memberships__collaboration=collaboration, memberships__role=Role.COORDINATOR
        ).first()
        for index, fields in enumerate(lessons):
            _lesson(
                collaboration,
                by=by,
                shared=True,
                when=_at(date(2025, 4 + index, 10 + index)),
                **fields,
            )
