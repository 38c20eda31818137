"""seed_synthetic: invented data at any scale, deterministic, add-only, marked as synthetic."""

import re
from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from samverka.activities.models import Activity, Attendance, FocusArea, Headcount, Session
from samverka.demo.synthetic import SYNTHETIC_ROOT, synthetic_collaborations
from samverka.lib.codes import ALPHABET
from samverka.orgs.models import Collaboration, Municipality, Organisation
from samverka.participants.models import ConsentEntry, Household, Participant
from samverka.referrals.models import NeedCategory, Referral, ReferralStatus
from samverka.referrals.services import NEEDS_CONSENT
from samverka.surveys.models import Answer, Response, Round

pytestmark = pytest.mark.django_db

CODE = re.compile(f"^[{ALPHABET}]+$")


def seed(**options):
    out, err = StringIO(), StringIO()
    options.setdefault("weeks", 8)
    call_command("seed_synthetic", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _debug(settings):
    settings.DEBUG = True


def snapshot() -> dict:
    """The synthetic world by codes and values (ids and timestamps of creation aside)."""
    return {
        "municipalities": sorted(Municipality.objects.values_list("code", "name", "county")),
        "collaborations": sorted(
            synthetic_collaborations().values_list(
                "code", "name", "municipality__code", "lead_organisation__name", "starts_on"
            )
        ),
        "activities": sorted(
            Activity.objects.values_list(
                "code", "collaboration__code", "name", "focus_area", "type", "weekday"
            )
        ),
        "sessions": sorted(
            Session.objects.values_list("code", "activity__code", "date", "cancelled", "theme")
        ),
        "participants": sorted(
            Participant.objects.values_list(
                "code",
                "household__code",
                "collaboration__code",
                "role",
                "birth_year",
                "gender",
                "third_country_national",
                "language",
            )
        ),
        "consent": sorted(
            ConsentEntry.objects.values_list(
                "participant__code", "purpose", "given", "given_at", "given_by", "method"
            )
        ),
        "attendance": sorted(
            Attendance.objects.values_list("session__code", "participant__code", "recorded_at")
        ),
        "headcounts": sorted(
            Headcount.objects.values_list("session__code", "age_band", "gender", "count")
        ),
        "rounds": sorted(
            Round.objects.values_list(
                "code", "collaboration__code", "version__instrument__key", "title", "opens_on"
            )
        ),
        "responses": sorted(
            Response.objects.values_list(
                "token",
                "round__code",
                "link__code",
                "language",
                "organisation__name",
                "participant__code",
                "age_band",
                "submitted_at",
            )
        ),
        "answers": sorted(
            Answer.objects.values_list(
                "response__token", "item__item_id", "value", "number", "text"
            )
        ),
        "referrals": sorted(
            Referral.objects.values_list(
                "code",
                "collaboration__code",
                "participant__code",
                "household__code",
                "need_category",
                "organisation__name",
                "status",
                "date",
                "consent_to_share",
            )
        ),
    }


def test_builds_a_plausible_world_of_the_asked_size():
    out, err = seed(municipalities=12, participants=400, seed=7)

    assert Participant.objects.count() == 400
    assert Municipality.objects.count() == 12  # the nine of the programme and three invented
    new = Municipality.objects.exclude(
        code__in=["2582", "2482", "1962", "2084", "0136", "1485", "1290", "0880", "1463"]
    )
    assert new.count() == 3
    for municipality in new:
        assert re.fullmatch(r"\d{4}", municipality.code)
        assert municipality.name and municipality.county.endswith("län")
    assert synthetic_collaborations().count() >= 12
    assert all(c.partners.count() >= 3 for c in synthetic_collaborations())
    assert set(Activity.objects.values_list("focus_area", flat=True)) == set(FocusArea.values)
    assert Household.objects.count() < 400
    roles = set(Participant.objects.values_list("role", flat=True))
    assert roles == {"child", "guardian"}
    codes = list(Participant.objects.values_list("code", flat=True))
    assert all(len(code) == 6 and CODE.match(code) for code in codes)
    assert len(set(Session.objects.values_list("code", flat=True))) == Session.objects.count()

    # Attendance: regulars come again and again; nobody attends a cancelled session.
    per_participant = Attendance.objects.count() / 400
    assert 2 < per_participant < 8  # eight weeks only
    assert not Attendance.objects.filter(session__cancelled=True).exists()
    assert Headcount.objects.exists()
    # Most have given funder-reporting consent; a few have withdrawn something later.
    funder = ConsentEntry.objects.filter(purpose="funder_reporting")
    assert funder.filter(given=True).count() > 0.8 * 400
    assert ConsentEntry.objects.filter(given=False).exists()
    assert Participant.objects.with_consent("funder_reporting").count() > 300

    assert "participants" in out and "400" in out
    assert "participants" in err and "elapsed" in err  # the progress bar


def test_the_same_seed_gives_the_same_data_and_another_seed_does_not():
    worlds = []
    for seed_value in (3, 3, 4):
        with transaction.atomic():
            seed(municipalities=10, participants=150, seed=seed_value, quiet=True)
            worlds.append(snapshot())
            transaction.set_rollback(True)
    assert worlds[0] == worlds[1]
    assert worlds[0]["answers"] and worlds[0]["referrals"]
    assert worlds[0]["participants"] != worlds[2]["participants"]
    assert worlds[0]["answers"] != worlds[2]["answers"]
    assert worlds[0]["referrals"] != worlds[2]["referrals"]


def test_each_collaboration_gets_survey_rounds_answers_and_referrals():
    out, _err = seed(municipalities=4, participants=800, weeks=40, seed=5, quiet=True)

    collaborations = list(synthetic_collaborations())
    assert len(collaborations) >= 4
    for collaboration in collaborations:
        rounds = Round.objects.filter(collaboration=collaboration)
        # A parent-survey round per term and a partner-survey round.
        keys = Counter(rounds.values_list("version__instrument__key", flat=True))
        assert keys == {"parent": 2, "partner": 1}
        assert Response.objects.filter(
            round__collaboration=collaboration, round__version__instrument__key="parent"
        ).exists()
        assert Referral.objects.filter(collaboration=collaboration).exists()

    # Sent responses only, anonymous unless a guardian with survey consent gave their code.
    responses = Response.objects.all()
    households = Household.objects.count()
    parent = responses.filter(round__version__instrument__key="parent")
    assert 0.2 * households < parent.count() < 0.8 * households  # two rounds of 15-35 %
    assert not responses.filter(submitted_at__isnull=True).exists()
    linked = parent.exclude(participant=None)
    assert 0 < linked.count() < 0.3 * parent.count()
    consenting = set(Participant.objects.with_consent("surveys").values_list("pk", flat=True))
    assert set(linked.values_list("participant_id", flat=True)) <= consenting
    assert set(linked.values_list("participant__role", flat=True)) == {"guardian"}
    assert not parent.filter(age_band="").exists()
    assert (
        responses.filter(round__version__instrument__key="partner")
        .exclude(organisation=None)
        .exists()
    )
    # Every sent response lies inside its round.
    for opens, closes, sent in responses.values_list(
        "round__opens_on", "round__closes_on", "submitted_at"
    ):
        assert opens <= sent.date() <= closes + timedelta(days=1)

    # Answers spread over the options, and none to a question its condition hides.
    scale = Counter(Answer.objects.filter(item__item_id="P-NET-01").values_list("value", flat=True))
    assert {"1", "2", "3", "4", "5"} <= set(scale)
    assert scale["4"] + scale["5"] > scale["1"] + scale["2"]
    hidden = Answer.objects.filter(item__item_id="P-NET-06").exclude(
        response__answers__item__item_id="P-NET-05", response__answers__value="yes"
    )
    assert not hidden.exists()
    per_response = Answer.objects.filter(response__in=parent).count() / parent.count()
    assert 25 < per_response < 45

    # Referrals over the needs and statuses the gaps pages count; none shared without consent.
    referrals = Referral.objects.all()
    assert len(set(referrals.values_list("need_category", flat=True))) >= 8
    assert set(referrals.values_list("status", flat=True)) == set(ReferralStatus.values)
    assert referrals.filter(organisation=None).exists()  # needs raised with no actor
    assert referrals.filter(status__in=ReferralStatus.failed()).exclude(organisation=None).exists()
    assert (
        not referrals.filter(status__in=list(NEEDS_CONSENT), consent_to_share=False)
        .exclude(organisation=None)
        .exists()
    )
    assert not referrals.filter(consent_to_share=True, consent_recorded_at=None).exists()
    assert all(n in NeedCategory.values for n in referrals.values_list("need_category", flat=True))

    assert "survey answers" in out and "referrals" in out


def national_lead() -> Client:
    """A national lead with a verified second factor (as bench/measure.py logs one in)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from samverka.accounts.models import NationalRole, User

    user = User.objects.create(
        username="syntetisk.nationell", national_role=NationalRole.NATIONAL_LEAD
    )
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def test_the_national_pages_show_figures_over_the_synthetic_surveys_and_referrals():
    seed(municipalities=3, participants=600, weeks=40, seed=2, quiet=True)
    client = national_lead()

    response = client.get(
        reverse("surveys:national_results")
        + "?instrument=parent&start=2025-01-01&end=2025-12-31&by=municipality"
    )
    assert response.status_code == 200
    results = response.context["results"]
    sent = Response.objects.filter(round__version__instrument__key="parent").count()
    assert results.enough and results.n == sent
    assert response.context["collaborations"] == synthetic_collaborations().count()
    assert response.context["breakdown"] is not None  # by municipality
    assert any(m.mean_share is not None for m in response.context["measures"])

    response = client.get(reverse("referrals:national_gaps"))
    assert response.status_code == 200
    raised, failed = response.context["grand"]
    assert int(raised) > 0 and int(failed) > 0
    assert len(response.context["municipalities"]) == 3


def test_the_report_tables_stay_in_step_after_surveys_and_referrals():
    seed(municipalities=2, participants=200, weeks=30, quiet=True)
    assert Answer.objects.exists() and Referral.objects.exists()
    call_command("rebuild_report_tables", "--check", stdout=StringIO())


def test_adds_without_touching_what_exists_and_refuses_a_second_run(world):
    before = {
        "collaborations": sorted(
            Collaboration.objects.values_list("pk", "code", "name", "municipality_id", "phase")
        ),
        "organisations": sorted(Organisation.objects.values_list("pk", "code", "name")),
        "municipalities": sorted(Municipality.objects.values_list("pk", "code", "name")),
    }
    seed(municipalities=3, participants=60, quiet=True)

    assert not world.kalmar.participants.exists()
    assert world.kalmar.partners.count() == 1
    after_collaborations = sorted(
        Collaboration.objects.values_list("pk", "code", "name", "municipality_id", "phase")
    )
    assert set(before["collaborations"]) <= set(after_collaborations)
    assert set(before["organisations"]) <= set(
        Organisation.objects.values_list("pk", "code", "name")
    )
    assert before["municipalities"] == sorted(
        Municipality.objects.values_list("pk", "code", "name")
    )
    root = Organisation.objects.get(name=SYNTHETIC_ROOT, municipality=None)
    assert root.children.count() == synthetic_collaborations().count() >= 3

    with pytest.raises(CommandError, match="already holds synthetic data"):
        seed(municipalities=3, participants=60, quiet=True)
    rounds, responses = Round.objects.count(), Response.objects.count()
    seed(municipalities=3, participants=60, append=True, quiet=True)
    assert Participant.objects.filter(collaboration__in=synthetic_collaborations()).count() == 120
    codes = list(Participant.objects.values_list("code", flat=True))
    assert len(codes) == len(set(codes))
    assert Round.objects.count() > rounds and Response.objects.count() > responses
    assert not world.kalmar.survey_rounds.exists() and not world.kalmar.referrals.exists()


def test_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        seed(municipalities=2, participants=20)
    seed(municipalities=2, participants=20, force=True, quiet=True)
    assert Participant.objects.count() == 20


def test_explains_impossible_sizes():
    with pytest.raises(CommandError, match="at least"):
        seed(municipalities=20, participants=10)
    with pytest.raises(CommandError, match="at most"):
        seed(municipalities=5000, participants=100000)
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        seed(municipalities=2, participants=20, start="13/1/2025")


def test_a_large_run_on_postgresql_rebuilds_the_indexes_it_dropped(monkeypatch):
    """Large runs drop the big tables' indexes and foreign keys first (the surveys' among
    them) and build them again at the end; here at a tiny size."""
    from django.db import connection

    from samverka.demo import synthetic

    if connection.vendor != "postgresql":
        pytest.skip("indexes are deferred on PostgreSQL only")

    def definitions():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "UNION ALL SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE connamespace = current_schema()::regnamespace"
            )
            return Counter(row[0] for row in cursor.fetchall())

    before = definitions()
    monkeypatch.setattr(synthetic, "DEFER_INDEXES_FROM", 100)
    seed(municipalities=2, participants=200, weeks=30, quiet=True)
    assert Answer.objects.exists() and Referral.objects.exists()
    assert definitions() == before
    call_command("rebuild_report_tables", "--check", stdout=StringIO())
