"""Who is counted in the funder count, and how."""

from datetime import date

from samverka.orgs.models import Collaboration
from samverka.participants.models import ConsentPurpose
from samverka.participants.services import consent_record
from samverka.reports.funder import funder_report
from samverka.reports.selectors import funder_figures

YEAR_2025 = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


def counted(**period) -> dict:
    return funder_figures(**(period or YEAR_2025)).participants


def test_a_participant_with_consent_who_attended_is_counted_once_over_several_sessions(data):
    child = data.participant(birth_year=2016, gender="female", tcn="yes")
    data.attend(child, *(data.session(date(2025, 3, day)) for day in (4, 11, 18)))
    data.attend(child, data.session(date(2025, 4, 1), activity="Podd"))
    assert counted() == {("0880", "6-12", "female", "yes"): 1}


def test_withdrawn_consent_is_not_counted(data, world):
    child = data.participant()
    data.attend(child, data.session(date(2025, 3, 4)))
    consent_record(
        participant=child,
        purpose=ConsentPurpose.FUNDER_REPORTING,
        given=False,
        by=world.kalmar_ngo,
    )
    assert counted() == {}


def test_consent_given_again_after_withdrawal_is_counted(data, world):
    child = data.participant()
    data.attend(child, data.session(date(2025, 3, 4)))
    for given in (False, True):
        consent_record(
            participant=child,
            purpose=ConsentPurpose.FUNDER_REPORTING,
            given=given,
            by=world.kalmar_ngo,
        )
    assert sum(counted().values()) == 1


def test_never_asked_and_other_purposes_do_not_count(data, world):
    never_asked = data.participant(consent=None)
    surveys_only = data.participant(consent=None)
    consent_record(
        participant=surveys_only, purpose=ConsentPurpose.SURVEYS, given=True, by=world.kalmar_ngo
    )
    session = data.session(date(2025, 3, 4))
    data.attend(never_asked, session)
    data.attend(surveys_only, session)
    assert counted() == {}


def test_attending_only_a_cancelled_session_is_not_counted(data):
    child = data.participant()
    data.attend(child, data.session(date(2025, 3, 4), cancelled=True))
    assert counted() == {}


def test_sessions_outside_the_period_do_not_count(data):
    child = data.participant()
    data.attend(child, data.session(date(2024, 12, 31)), data.session(date(2026, 1, 1)))
    assert counted() == {}
    assert sum(counted(start=date(2024, 12, 31), end=date(2024, 12, 31)).values()) == 1


def test_age_is_the_period_start_year_minus_the_birth_year(data):
    twelve = data.participant(birth_year=2013)  # 12 in 2025, 13 in 2026
    thirteen = data.participant(birth_year=2012)
    unknown = data.participant(birth_year=None)
    session = data.session(date(2026, 5, 1))  # attended in 2026, period starts in 2025
    for child in (twelve, thirteen, unknown):
        data.attend(child, session)
    figures = counted(start=date(2025, 6, 1), end=date(2026, 5, 31))
    assert figures == {
        ("0880", "6-12", "female", "yes"): 1,
        ("0880", "13-17", "female", "yes"): 1,
        ("0880", "unknown", "female", "yes"): 1,
    }


def test_age_bands_follow_the_setting(data, settings):
    settings.AGE_BANDS = ["0-9", "10-17", "18+"]
    data.attend(data.participant(birth_year=2014), data.session(date(2025, 3, 4)))
    assert counted() == {("0880", "10-17", "female", "yes"): 1}


def test_gender_and_third_country_status_are_kept_apart(data):
    session = data.session(date(2025, 3, 4))
    data.group(2, session, gender="male", tcn="no")
    data.group(1, session, gender="not_stated", tcn="unknown")
    assert counted() == {
        ("0880", "6-12", "male", "no"): 2,
        ("0880", "6-12", "not_stated", "unknown"): 1,
    }


def test_two_collaborations_in_one_municipality_add_up_by_registration(data, world):
    """One person registered in two Kalmar collaborations is two pseudonymous registrations.

    Samverka cannot link them (by design), so the municipality's count is the number of
    Participant rows: each registration counts once, whatever it attended.
    """
    second = Collaboration.objects.create(
        name="Barn i fokus Kalmar 2",
        municipality=world.kalmar.municipality,
        lead_organisation=world.kalmar.lead_organisation,
        starts_on=date(2025, 1, 1),
    )
    first_registration = data.participant()
    second_registration = data.participant(second)
    data.attend(first_registration, data.session(date(2025, 3, 4)))
    data.attend(second_registration, data.session(date(2025, 3, 5), second, activity="Läxhjälp"))
    assert counted() == {("0880", "6-12", "female", "yes"): 2}


def test_headcounts_are_summed_over_the_sessions_held(data):
    first, second = data.session(date(2025, 3, 4)), data.session(date(2025, 3, 11))
    cancelled = data.session(date(2025, 3, 18), cancelled=True)
    outside = data.session(date(2026, 1, 13))
    data.headcount(first, "6-12", "female", 7)
    data.headcount(second, "6-12", "female", 5)
    data.headcount(second, "18-64", "male", 3)
    data.headcount(cancelled, "6-12", "female", 100)
    data.headcount(outside, "6-12", "female", 100)
    assert funder_figures(**YEAR_2025).headcounts == {
        ("0880", "6-12", "female"): 12,
        ("0880", "18-64", "male"): 3,
    }


def test_sessions_held_and_activities_per_focus_area(data, world):
    data.session(date(2025, 3, 4), focus_area=2)
    data.session(date(2025, 3, 11), focus_area=2)
    data.session(date(2025, 3, 18), focus_area=2, cancelled=True)
    data.session(date(2025, 3, 5), focus_area=3, activity="Föräldragrupp")
    data.session(date(2025, 3, 6), world.boden, focus_area=1, activity="Dialogforum")
    figures = funder_figures(**YEAR_2025)
    assert figures.focus_areas == {("0880", 2): (2, 1), ("0880", 3): (1, 1), ("2582", 1): (1, 1)}
    report = funder_report(**YEAR_2025, controlled=True)
    assert report.sessions() == 4
    assert report.sessions("0880") == 3
    assert report.activities("0880", 2) == 1


def test_the_municipality_filter_keeps_one_municipality(kalmar_figures):
    report = funder_report(**YEAR_2025, controlled=False)
    assert {row[0] for row in report.participant_rows()} == {"0880", "2582"}
    assert report.participant_rows("0880") == [
        ("0880", "6-12", "female", "yes", "6"),
        ("0880", "6-12", "male", "yes", "2"),
    ]
    assert report.participant_count(municipality="0880") == 8
    assert report.participant_count() == 15


def test_controlled_report_hides_small_counts_and_keeps_totals_consistent(kalmar_figures):
    report = funder_report(**YEAR_2025, controlled=True)
    assert report.participant_count(municipality="0880", gender="male") is None
    assert report.participant_rows("0880")[1] == ("0880", "6-12", "male", "total", "..")
    # The municipality slice is a slice of the national cube, not controlled on its own.
    national = funder_report(**YEAR_2025, controlled=True)
    assert national.participants == report.participants
