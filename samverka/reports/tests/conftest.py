"""Building blocks for funder-count tests: participants, sessions, attendance, headcounts."""

import uuid
from datetime import date

import pytest

from samverka.activities.models import Activity, Headcount, Session
from samverka.activities.services import attendance_save, session_create
from samverka.participants.models import ConsentPurpose, Participant
from samverka.participants.services import participant_create


class Data:
    def __init__(self, world):
        self.world = world

    def participant(
        self,
        collaboration=None,
        *,
        birth_year: int | None = 2016,
        gender: str = "female",
        tcn: str = "yes",
        consent: bool | None = True,
    ) -> Participant:
        consents = None if consent is None else {ConsentPurpose.FUNDER_REPORTING: consent}
        return participant_create(
            collaboration=collaboration or self.world.kalmar,
            by=self.world.kalmar_ngo,
            role="child",
            birth_year=birth_year,
            gender=gender,
            third_country_national=tcn,
            language="ar",
            consents=consents,
        )

    def session(
        self,
        day: date,
        collaboration=None,
        *,
        cancelled: bool = False,
        focus_area: int = 2,
        activity: str = "Cykelverkstad",
    ) -> Session:
        activity_obj, _ = Activity.objects.get_or_create(
            collaboration=collaboration or self.world.kalmar,
            name=activity,
            defaults={"focus_area": focus_area, "type": "leisure", "starts_on": day},
        )
        # Through the service that keeps ActivityYear (sessions held) in step.
        return session_create(
            activity=activity_obj, by=self.world.kalmar_ngo, date=day, cancelled=cancelled
        )

    def attend(self, participant: Participant, *sessions: Session) -> None:
        """Mark present the way the attendance page does (which keeps AttendanceYear in step)."""
        for session in sessions:
            session.refresh_from_db()
            present = set(session.attendances.values_list("participant_id", flat=True))
            attendance_save(
                session=session,
                present=present | {participant.pk},
                version=session.version,
                key=uuid.uuid4().hex,
                by=self.world.kalmar_ngo,
            )

    def group(self, count: int, session: Session, collaboration=None, **attributes) -> list:
        """`count` participants with the same attributes, all at `session`."""
        people = [self.participant(collaboration, **attributes) for _ in range(count)]
        for person in people:
            self.attend(person, session)
        return people

    def headcount(self, session: Session, age_band: str, gender: str, count: int) -> Headcount:
        return Headcount.objects.create(
            session=session, age_band=age_band, gender=gender, count=count
        )


@pytest.fixture
def data(world) -> Data:
    return Data(world)


@pytest.fixture
def kalmar_figures(data):
    """Kalmar 2025: 6 girls and 2 boys aged 6-12 (third-country nationals), 7 in Boden."""
    session = data.session(date(2025, 3, 4))
    data.group(6, session, birth_year=2016, gender="female", tcn="yes")
    data.group(2, session, birth_year=2016, gender="male", tcn="yes")
    boden_session = data.session(date(2025, 5, 6), data.world.boden, activity="Föräldragrupp")
    data.group(7, boden_session, data.world.boden, birth_year=1990, gender="female", tcn="no")
    data.headcount(session, "6-12", "male", 9)
    return session
