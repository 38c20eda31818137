"""Demo competence work (invented people only): the built-in knowledge bank and courses, the
demo activities' methods and parent-group themes from the bank, and in Kalmar and Boden a
course run, a volunteer roster (with and without a current criminal-records check, hours at
sessions) and leader reflections (one asking for support, unanswered).

Idempotent: the bank installs itself idempotently; everything else is added only to a
collaboration that has no volunteers yet.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from samverka.accounts.models import User
from samverka.activities.models import Session, Theme
from samverka.knowledge.bank import services as bank_services
from samverka.knowledge.bank.models import ActivityMethod, Item, ThemeLink
from samverka.knowledge.builtin.install import install_builtin_knowledge
from samverka.knowledge.courses import services as course_services
from samverka.knowledge.courses.models import Course, RunForm, TraineeRole
from samverka.knowledge.languages import TranslationStatus
from samverka.knowledge.reflections import services as reflection_services
from samverka.knowledge.volunteers import services as volunteer_services
from samverka.knowledge.volunteers.models import Volunteer
from samverka.orgs.models import OrganisationKind

CODES = ["0880", "2582"]

# Demo activity name → built-in method card.
METHODS = {
    "Fritidsklubben": "method-leisure-club",
    "Föräldragruppen": "method-parent-group",
    "Cykelverkstad": "method-bicycle-workshop",
    "Dialogforum kommun och civilsamhälle": "method-dialogue-forum",
    "Öppen familjeträff": "method-open-family-day",
}
# The demo parent group's themes that come from the bank.
THEMES = {
    "Barns rättigheter enligt barnkonventionen": "theme-rights-convention",
    "Skolan i Sverige – så fungerar den": "theme-school-system",
    "Hälsa, sömn och välmående": "theme-health-sleep",
    "Fritid och föreningsliv för barnen": "theme-leisure-clubs",
    "Ekonomi i vardagen": "theme-society-money",
}
# Invented volunteers: (name, phone, months since the extract was seen or None, activity).
VOLUNTEERS = {
    "0880": [
        ("Sara Demo", "070-000 00 11", 2, "Fritidsklubben"),
        ("Ahmed Demo", "070-000 00 12", 5, "Cykelverkstad"),
        ("Lena Demo", "070-000 00 13", 15, "Föräldragruppen"),
        ("Yusuf Demo", "070-000 00 14", None, "Fritidsklubben"),
    ],
    "2582": [
        ("Maja Demo", "070-000 00 21", 3, "Fritidsklubben"),
        ("Khalid Demo", "070-000 00 22", None, "Cykelverkstad"),
        ("Eva Demo", "070-000 00 23", 13, "Föräldragruppen"),
    ],
}


# A draft Arabic translation of one theme (not checked by a translator, and marked so), so the
# demo shows a family language with its status and right-to-left text.
ARABIC_THEME = (
    "theme-rights-convention",
    "اتفاقية حقوق الطفل",
    "أصبحت حقوق الطفل قانونًا في السويد منذ عام 2020. ماذا يعني ذلك للأسرة؟",
    """## أسئلة للنقاش
- ما هي الحقوق التي تعتبرونها الأهم؟
- كيف يمكن للأطفال أن يعبّروا عن رأيهم في البيت؟

## من المفيد أن تعرف
- يتحمّل الوالدان المسؤولية الأولى عن حصول الطفل على ما يحق له.
- للأطفال الحق في التعبير عن رأيهم في الأمور التي تخصّهم.
- جميع أشكال العنف ضد الأطفال ممنوعة في السويد.

## جرّبوا في البيت
اسألوا الأطفال عمّا يرونه مهمًا في الأسرة، واستمعوا إليهم.""",
)


def _item(key):
    return Item.objects.get(builtin_key=key)


def _practice(collaboration, coordinator):
    for activity in collaboration.activities.all():
        key = METHODS.get(activity.name)
        if key and not ActivityMethod.objects.filter(activity=activity).exists():
            bank_services.activity_methods_set(
                activity=activity, items=[_item(key)], by=coordinator
            )
        if (
            not activity.is_parent_group
            or ThemeLink.objects.filter(theme__activity=activity).exists()
        ):
            continue
        for theme in Theme.objects.filter(activity=activity):
            if theme.title in THEMES:
                ThemeLink.objects.create(theme=theme, item=_item(THEMES[theme.title]))
        bank_services.theme_take_from_bank(
            activity=activity,
            item=_item("theme-health-care"),
            planned_for=timezone.localdate() + timedelta(weeks=2),
            by=coordinator,
        )


def _course_run(collaboration, coordinator, others, today):
    kalmar = collaboration.municipality.code == "0880"
    course = Course.objects.get(
        builtin_key="course-impact" if kalmar else "course-collaboration-model"
    )
    run = course_services.run_save(
        collaboration=collaboration,
        data={
            "course": course,
            "starts_on": today - timedelta(weeks=4),
            "ends_on": today - timedelta(weeks=4) + timedelta(days=1),
            "form": RunForm.ON_SITE if kalmar else RunForm.DIGITAL,
            "trainer": "Utbildare från Barnkraft (demo)",
            "organiser": collaboration.lead_organisation,
            "place": f"Stadsbiblioteket {collaboration.municipality.name}"
            if kalmar
            else "Videomöte",
        },
        by=coordinator,
    )
    attendees = [
        course_services.attendee_add(run=run, role=TraineeRole.STAFF, user=user, by=coordinator)
        for user in others
    ]
    for kind, role, count in (
        (OrganisationKind.SOCIAL_SERVICES, TraineeRole.STAFF, 4),
        (OrganisationKind.SCHOOL, TraineeRole.STAFF, 3),
        (OrganisationKind.ASSOCIATION, TraineeRole.CLUB_LEADER, 2),
    ):
        organisation = collaboration.partners.filter(kind=kind).first()
        for _ in range(count):
            attendees.append(
                course_services.attendee_add(
                    run=run,
                    role=role,
                    organisation=organisation,
                    organisation_kind=kind,
                    by=coordinator,
                )
            )
    return run, attendees


def _complete(run, attendees, coordinator, share=0.8):
    modules = list(run.course.modules.all())
    done = set()
    for index, attendee in enumerate(attendees):
        last = len(modules) if index % 3 else int(len(modules) * share)
        done |= {(attendee.pk, m.pk) for m in modules[:last]}
    course_services.completions_save(run=run, completed=done, by=coordinator)


@transaction.atomic
def seed_collaboration(collaboration) -> None:
    today = timezone.localdate()
    coordinator = User.objects.filter(
        memberships__collaboration=collaboration, memberships__role="coordinator"
    ).first()
    _practice(collaboration, coordinator)
    if Volunteer.objects.filter(collaboration=collaboration).exists():
        return
    others = list(
        User.objects.filter(
            memberships__collaboration=collaboration,
            memberships__role__in=["municipal_contact", "activity_leader"],
        ).distinct()
    )
    run, attendees = _course_run(collaboration, coordinator, others, today)

    volunteers = []
    activities = {a.name: a for a in collaboration.activities.all()}
    for name, phone, months, activity_name in VOLUNTEERS[collaboration.municipality.code]:
        volunteer = volunteer_services.volunteer_save(
            collaboration=collaboration,
            name=name,
            phone=phone,
            organisation=collaboration.lead_organisation,
            activities=[activities[activity_name]],
            started_on=today - timedelta(days=400),
            by=coordinator,
        )
        if months is not None:
            volunteer_services.record_check_add(
                volunteer=volunteer,
                seen_on=today - timedelta(days=30 * months),
                seen_by=coordinator,
                valid_until=None,
                by=coordinator,
            )
        volunteers.append((volunteer, activities[activity_name]))
    # The volunteers took part in the last six weeks of their activities' held sessions.
    for session in Session.objects.filter(
        activity__collaboration=collaboration,
        date__lt=today,
        date__gte=today - timedelta(weeks=6),
        cancelled=False,
    ):
        minutes = {
            v: 90 if session.activity.name != "Cykelverkstad" else 120
            for v, activity in volunteers
            if activity == session.activity
        }
        if minutes:
            volunteer_services.session_volunteers_set(
                session=session, minutes=minutes, by=coordinator
            )
    # Volunteers trained too: the first two attend the course run.
    for volunteer, _activity in volunteers[:2]:
        attendees.append(
            course_services.attendee_add(
                run=run, role=TraineeRole.VOLUNTEER, volunteer=volunteer, by=coordinator
            )
        )
    _complete(run, attendees, coordinator)
    _reflections(collaboration, coordinator, today)


def _reflections(collaboration, coordinator, today):
    club_activity = collaboration.activities.filter(name="Fritidsklubben").first()
    leader = club_activity.leaders.order_by("username").first() if club_activity else None
    leader = leader or coordinator
    held = Session.objects.filter(
        activity__collaboration=collaboration,
        activity__leaders=leader,
        date__lt=today,
        cancelled=False,
    ).order_by("-date")
    club = list(held.filter(activity__name="Fritidsklubben")[:2])
    bikes = held.filter(activity__name="Cykelverkstad").first()
    if len(club) < 2 or bikes is None:
        return
    reflection_services.reflection_save(
        session=club[1],
        what_worked="Barnen tyckte om att själva välja lekarna. Två nya barn kom med sina kompisar.",
        what_to_change="Vi behöver mer tid till läxhjälpen; fikat tog för lång tid.",
        needs_support=False,
        support_request="",
        by=leader,
    )
    answered = reflection_services.reflection_save(
        session=bikes,
        what_worked="Cyklarna blev klara och alla fick prova att cykla på skolgården.",
        what_to_change="Vi saknar reservdelar: bromsklossar och slangar.",
        needs_support=True,
        support_request="Kan vi få en liten budget för reservdelar?",
        by=leader,
    )
    reflection_services.reflection_answer(
        reflection=answered,
        answer="Ja, 1 500 kronor till reservdelar. Ta kvittot till mig.",
        by=coordinator,
    )
    if leader != coordinator:
        # The request for support waits on the coordinator's overview until answered.
        reflection_services.reflection_save(
            session=club[0],
            what_worked="Stämningen var god och fler föräldrar kom och hämtade.",
            what_to_change="Två barn hamnade i konflikt flera gånger.",
            needs_support=True,
            support_request="Jag vill gärna prata om hur vi hanterar konflikter mellan barnen, "
            "kanske med någon från skolan.",
            by=leader,
        )


def seed(collaborations) -> None:
    install_builtin_knowledge()
    key, title, summary, body = ARABIC_THEME
    theme = _item(key)
    if not theme.translations.filter(language="ar").exists():
        bank_services.translation_save(
            item=theme,
            language="ar",
            title=title,
            summary=summary,
            body=body,
            status=TranslationStatus.DRAFT,
            by=None,
        )
    for code in CODES:
        if code in collaborations:
            seed_collaboration(collaborations[code])
    # The other collaborations name the methods of their activities and take bank themes too.
    for code, collaboration in collaborations.items():
        if code not in CODES:
            coordinator = User.objects.filter(
                memberships__collaboration=collaboration, memberships__role="coordinator"
            ).first()
            with transaction.atomic():
                _practice(collaboration, coordinator)
