"""Demo data for children's voice, the child-rights check and safe activities (invented).

Kalmar: consultations with and without feedback given, a "Ni sa – vi gjorde" poster in
Swedish and Arabic, decision-makers at the dialogue forum, risk analyses (one current, one
whose review date has passed), an excursion of the bicycle workshop that no current analysis
covers, and one incident whose measures are to be followed up. Boden: a child-rights check on
its planned move to transition (the demo keeps Boden in implementation), decision-makers at
its dialogue forum. The other collaborations get a consultation each, so the national
comparison has figures, small ones hidden by the disclosure control.
"""

from datetime import timedelta

from django.utils import timezone

from samverka.accounts.models import Membership, User
from samverka.activities.models import Activity, Session
from samverka.children.models import (
    ChildRightsCheck,
    Consultation,
    Decision,
    DecisionMaker,
    Excursion,
    Incident,
    KnowledgeSource,
    Poster,
    PosterItem,
    PosterTranslation,
    Risk,
    RiskAnalysis,
    Voice,
)
from samverka.orgs.models import Phase


def _user(username):
    return User.objects.filter(username=username).first()


def _member(collaboration, role):
    return (
        Membership.objects.filter(collaboration=collaboration, role=role, ended_at__isnull=True)
        .select_related("user")
        .first()
    )


def _session(activity, near, before=True):
    sessions = Session.objects.filter(activity=activity, cancelled=False)
    sessions = sessions.filter(date__lte=near) if before else sessions.filter(date__gte=near)
    return sessions.order_by("-date" if before else "date").first()


def _consultation(collaboration, topic, **fields):
    consultation, created = Consultation.objects.get_or_create(
        collaboration=collaboration, topic=topic, defaults=fields
    )
    return consultation, created


def _kalmar(collaboration, today):
    ngo, kommun, ledare = _user("kalmar.ngo"), _user("kalmar.kommun"), _user("kalmar.ledare")
    club = Activity.objects.filter(collaboration=collaboration, name="Fritidsklubben").first()
    bikes = Activity.objects.filter(collaboration=collaboration, name="Cykelverkstad").first()
    forum = Activity.objects.filter(
        collaboration=collaboration, name="Dialogforum kommun och civilsamhälle"
    ).first()
    if club is None or bikes is None or forum is None:
        return
    # 1. Told back, with a poster in Swedish and Arabic.
    asked = _session(club, today - timedelta(weeks=4))
    first, created = _consultation(
        collaboration,
        "Vad skulle göra fritidsklubben bättre?",
        held_on=asked.date if asked else today - timedelta(weeks=4),
        method="circle_talk",
        activity=club,
        session=asked,
        children_by_age={"6-12": 14, "13-17": 3},
        created_by=ledare,
        told_back_on=today - timedelta(weeks=1),
        told_back_how="poster",
        told_back_note="Vi satte upp affischen i hallen och pratade om den i samlingen. "
        "Barnen jublade över fotbollen och förstod varför simningen får vänta.",
        told_back_by=ngo,
    )
    if created:
        first.listeners.set(
            Membership.objects.filter(collaboration=collaboration, user__in=[ngo, ledare])
        )
        football = Voice.objects.create(
            consultation=first,
            theme="Mer fotboll",
            words="Vi vill spela fotboll varje gång!\nKan vi ha riktiga mål?",
            order=1,
        )
        snack = Voice.objects.create(
            consultation=first,
            theme="Mellanmål",
            words="Jag är hungrig när jag kommer från skolan.",
            order=2,
        )
        swim = Voice.objects.create(
            consultation=first, theme="Åka och bada", words="Kan vi åka till badhuset?", order=3
        )
        Decision.objects.create(
            consultation=first,
            voice=football,
            text="Fotboll varje fredag, med nya mål från idrottsföreningen",
            decided_by="Fritidschef, Kalmar kommun",
            due_on=today - timedelta(weeks=2),
            status="done",
            done_on=today - timedelta(weeks=2),
            created_by=ngo,
        )
        Decision.objects.create(
            consultation=first,
            voice=snack,
            text="Frukt och smörgås när klubben börjar",
            decided_by="Projektledare, Barnkraft",
            due_on=today - timedelta(weeks=3),
            status="done",
            done_on=today - timedelta(weeks=3),
            created_by=ngo,
        )
        Decision.objects.create(
            consultation=first,
            voice=swim,
            text="Badhuset",
            decided_by="Fritidschef, Kalmar kommun",
            status="not_possible",
            note="Badhuset renoveras i vår. Vi frågar igen till hösten.",
            created_by=ngo,
        )
        poster = Poster.objects.create(
            collaboration=collaboration, consultation=first, languages=["sv", "ar"], created_by=ngo
        )
        items = [
            ("ball", "Vi vill spela mer fotboll.", "Nu spelar vi fotboll varje fredag!", "done"),
            ("food", "Vi är hungriga efter skolan.", "Det finns frukt och smörgås.", "done"),
            (
                "water",
                "Vi vill åka och bada.",
                "Badhuset är stängt i vår. Vi frågar igen.",
                "not_possible",
            ),
        ]
        arabic = [
            ("نريد أن نلعب كرة القدم أكثر.", "الآن نلعب كرة القدم كل يوم جمعة!"),
            ("نحن جائعون بعد المدرسة.", "يوجد فاكهة وساندويشات."),
            ("نريد أن نذهب للسباحة.", "المسبح مغلق هذا الربيع. سنسأل مرة أخرى."),
        ]
        texts = {"title": "قلتم – فعلنا", "items": {}}
        for order, ((icon, said, did, state), (ar_said, ar_did)) in enumerate(
            zip(items, arabic, strict=True), start=1
        ):
            item = PosterItem.objects.create(
                poster=poster, icon=icon, said=said, did=did, state=state, order=order
            )
            texts["items"][item.code] = {"said": ar_said, "did": ar_did}
        PosterTranslation.objects.create(
            poster=poster, language="ar", status="draft", texts=texts, updated_by=ngo
        )

    # 2. Drawings last week: decided, but the children have not been told yet.
    recent = _session(club, today - timedelta(days=6))
    second, created = _consultation(
        collaboration,
        "Rita din drömfritid",
        held_on=recent.date if recent else today - timedelta(days=6),
        method="drawings",
        activity=club,
        session=recent,
        children_by_age={"6-12": 11},
        created_by=ledare,
    )
    if created:
        theme = Voice.objects.create(
            consultation=second,
            theme="Utflykt till skogen",
            words="Jag ritade en koja i skogen.",
            order=1,
        )
        Voice.objects.create(consultation=second, theme="En lugn hörna att läsa i", order=2)
        Decision.objects.create(
            consultation=second,
            voice=theme,
            text="En utflykt till naturreservatet med cykelverkstaden",
            decided_by="Projektledare, Barnkraft",
            due_on=today + timedelta(days=5),
            created_by=ngo,
        )

    # 3. The dialogue forum: children meet politicians and officials.
    forum_session = Session.objects.filter(activity=forum).order_by("date").first()
    if (
        forum_session is not None
        and not DecisionMaker.objects.filter(session=forum_session).exists()
    ):
        for title, organisation in (
            ("Ordförande i barn- och ungdomsnämnden", "Kalmar kommun"),
            ("Förvaltningschef, kultur och fritid", "Kalmar kommun"),
        ):
            DecisionMaker.objects.create(
                collaboration=collaboration,
                session=forum_session,
                title=title,
                organisation=organisation,
            )
        forum_consultation, created = _consultation(
            collaboration,
            "Barnens frågor till politikerna",
            held_on=forum_session.date,
            method="dialogue_forum",
            activity=forum,
            session=forum_session,
            children_by_age={"6-12": 6, "13-17": 2},
            created_by=ngo,
            told_back_on=forum_session.date + timedelta(days=14),
            told_back_how="at_activity",
            told_back_note="Politikerna skickade ett brev som vi läste på fritidsklubben.",
            told_back_by=ngo,
        )
        if created:
            Voice.objects.create(
                consultation=forum_consultation,
                theme="Trygg väg till klubben",
                words="Det är mörkt vid tunneln.",
                order=1,
            )

    # Safe activities: the club's analysis is current, the bicycle workshop's has expired.
    contact, coordinator = (
        _member(collaboration, "municipal_contact"),
        _member(collaboration, "coordinator"),
    )
    if not RiskAnalysis.objects.filter(activity=club).exists():
        analysis = RiskAnalysis.objects.create(
            activity=club,
            scope="Terminens träffar i idrottshallen",
            review_on=today + timedelta(days=150),
            municipal_signed_by=kommun,
            municipal_signed_on=today - timedelta(weeks=9),
            civil_signed_by=ngo,
            civil_signed_on=today - timedelta(weeks=9),
            created_by=ngo,
        )
        for area, description, likelihood, consequence, measure, who in (
            ("places", "Halt golv vid ingången", 2, 2, "Torkmatta och skylt", coordinator),
            (
                "ratio",
                "För få vuxna när många kommer",
                2,
                3,
                "Minst en vuxen per åtta barn; reservlista",
                coordinator,
            ),
            (
                "allergies_first_aid",
                "Nötallergi vid mellanmålet",
                2,
                4,
                "Nötfritt mellanmål, allergilista",
                contact,
            ),
            ("emergency", "Brand eller utrymning", 1, 4, "Utrymningsövning varje termin", contact),
            (
                "photo_consent",
                "Bilder på barn utan samtycke",
                2,
                2,
                "Fotografera bara barn med samtycke",
                coordinator,
            ),
        ):
            Risk.objects.create(
                analysis=analysis,
                area=area,
                description=description,
                likelihood=likelihood,
                consequence=consequence,
                measure=measure,
                responsible=who,
            )
    if not RiskAnalysis.objects.filter(activity=bikes).exists():
        expired = RiskAnalysis.objects.create(
            activity=bikes,
            scope="Cykelverkstaden och turer i närområdet",
            review_on=today - timedelta(days=20),
            municipal_signed_by=kommun,
            municipal_signed_on=today - timedelta(days=385),
            civil_signed_by=ngo,
            civil_signed_on=today - timedelta(days=385),
            created_by=ngo,
        )
        for area, description, likelihood, consequence, measure in (
            ("transport", "Cykling i trafik", 3, 3, "Hjälm och väst, en vuxen först och en sist"),
            ("places", "Verktyg i verkstaden", 2, 2, "Genomgång av verktyg varje gång"),
        ):
            Risk.objects.create(
                analysis=expired,
                area=area,
                description=description,
                likelihood=likelihood,
                consequence=consequence,
                measure=measure,
                responsible=coordinator,
            )
    trip = _session(bikes, today, before=False)
    if trip is not None:
        Excursion.objects.get_or_create(
            session=trip, defaults={"destination": "Naturreservatet", "marked_by": ngo}
        )
    incident_session = _session(club, today - timedelta(weeks=2))
    if (
        incident_session is not None
        and not Incident.objects.filter(collaboration=collaboration).exists()
    ):
        Incident.objects.create(
            collaboration=collaboration,
            session=incident_session,
            happened_on=incident_session.date,
            what_happened="Ett barn halkade på det blöta golvet vid ingången och slog i knät. "
            "Plåster och kylpåse; vårdnadshavaren hämtade.",
            measures="Torkmatta vid dörren, skylt om halt golv. Fastighetsägaren kontaktad om "
            "en längre matta.",
            informed=["guardians", "coordinator", "municipal_contact"],
            follow_up_by=contact,
            follow_up_on=today + timedelta(days=3),
            reported_by=ledare,
        )


def _boden(collaboration, today):
    ngo = _user("boden.ngo")
    # Boden is in implementation in the demo: the check is on its planned move to transition.
    if (
        collaboration.phase != Phase.TRANSITION
        and not ChildRightsCheck.objects.filter(
            collaboration=collaboration, subject="phase_change"
        ).exists()
    ):
        check = ChildRightsCheck.objects.create(
            collaboration=collaboration,
            subject="phase_change",
            to_phase=Phase.TRANSITION,
            title="Samverkan går över i övergångsfasen efter vårterminen",
            affected_children="Barnen 6–12 år som kommer till fritidsklubben och cykelverkstaden, "
            "omkring 40 barn, och deras syskon.",
            children_views="Barnen vill att fritidsklubben finns kvar och att samma vuxna är med. "
            "Se barnenkäten och samtalet i fritidsklubben.",
            knowledge="Följeforskningen visar att projekt som inte förs över i ordinarie "
            "verksamhet dör när personerna slutar. Närvaron har varit stabil hela året.",
            best_interests="Barnens bästa är att klubben fortsätter utan avbrott, med vuxna de "
            "känner, och att föreningen finns kvar som mötesplats.",
            conflicting_interests="Kommunens budget för nästa år är inte beslutad. Vägt mot "
            "barnens behov av kontinuitet: fritidsgården tar över lokalen, föreningen ledarna.",
            decision="Fritidsklubben förs över till fritidsgården från hösten; föreningen "
            "fortsätter som medarrangör.",
            reasons="Kontinuitet för barnen, ordinarie finansiering, kvar i samma lokal.",
            how_children_told="En Ni sa – vi gjorde-affisch och ett samtal på klubben före "
            "sommarlovet; brev till familjerna på deras språk.",
            follow_up_on=today + timedelta(days=180),
            created_by=ngo,
        )
        KnowledgeSource.objects.create(
            check_record=check,
            title="Följeforskningsrapporten 2026, kapitel 9",
            note="Rekommendationer om långsiktiga strukturer och organisatoriskt minne.",
        )
        consultations = Consultation.objects.filter(collaboration=collaboration)
        check.consultations.set(consultations)
    forum = Activity.objects.filter(
        collaboration=collaboration, name="Dialogforum kommun och civilsamhälle"
    ).first()
    forum_session = Session.objects.filter(activity=forum).first() if forum else None
    if (
        forum_session is not None
        and not DecisionMaker.objects.filter(session=forum_session).exists()
    ):
        DecisionMaker.objects.create(
            collaboration=collaboration,
            session=forum_session,
            title="Kommunalråd",
            organisation="Bodens kommun",
        )


def _others(collaboration, today, index):
    """One consultation each, with counts that vary (small ones are hidden nationally)."""
    club = Activity.objects.filter(collaboration=collaboration, name="Fritidsklubben").first()
    session = _session(club, today - timedelta(weeks=3)) if club else None
    consultation, created = _consultation(
        collaboration,
        "Vad tycker ni om fritidsklubben?",
        held_on=session.date if session else today - timedelta(weeks=3),
        method=["circle_talk", "walk_and_talk", "drawings"][index % 3],
        activity=club,
        session=session,
        children_by_age={"6-12": [3, 8, 12, 6, 15, 2, 9][index % 7]},
        told_back_on=today - timedelta(weeks=1) if index % 2 else None,
        told_back_how="at_activity" if index % 2 else "",
    )
    if created:
        Voice.objects.create(consultation=consultation, theme="Fler utflykter", order=1)


def seed(collaborations) -> None:
    today = timezone.localdate()
    for index, (code, collaboration) in enumerate(sorted(collaborations.items())):
        if code == "0880":
            _kalmar(collaboration, today)
        elif code == "2582":
            _boden(collaboration, today)
            _others(collaboration, today, index)
        else:
            _others(collaboration, today, index)
