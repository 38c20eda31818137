"""seed_synthetic: invented data at any scale, deterministic, add-only, marked as synthetic."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from samverka.activities.models import Activity, Attendance, FocusArea, Headcount, Session
from samverka.demo.synthetic import SYNTHETIC_ROOT, synthetic_collaborations
from samverka.lib.codes import ALPHABET
from samverka.orgs.models import Collaboration, Municipality, Organisation
from samverka.participants.models import ConsentEntry, Household, Participant

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
    assert worlds[0]["participants"] != worlds[2]["participants"]


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
    seed(municipalities=3, participants=60, append=True, quiet=True)
    assert Participant.objects.filter(collaboration__in=synthetic_collaborations()).count() == 120
    codes = list(Participant.objects.values_list("code", flat=True))
    assert len(codes) == len(set(codes))


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
