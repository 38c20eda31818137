"""Pseudonymised datasets: who is in them, pseudonyms, survey answers only with consent and
never free text, k-anonymity, the files (CSV, XLSX, SPSS, codebook, README), revoked
collaborations left out, and large datasets made in the background."""

import csv
import io
import zipfile
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samverka.audit.models import AuditEvent
from samverka.participants.models import ConsentPurpose
from samverka.participants.services import participant_create
from samverka.reports.tests.conftest import Data
from samverka.research.datasets import build
from samverka.research.datasets.models import Dataset
from samverka.research.projects.services import inclusion_revoke
from samverka.research.tests.conftest import include, new_project
from samverka.surveys.tests.factories import make_response, make_round


def person(world, collaboration, *, surveys=False, gender="female", birth_year=2016):
    consents = {ConsentPurpose.FUNDER_REPORTING: True, ConsentPurpose.SURVEYS: surveys}
    return participant_create(
        collaboration=collaboration,
        by=world.kalmar_ngo,
        role="child",
        birth_year=birth_year,
        gender=gender,
        third_country_national="yes",
        language="ar",
        consents=consents,
    )


@pytest.fixture
def scene(world, project):
    """Kalmar: six girls (three with survey consent, all answered a round), one boy; Boden:
    five girls; one Kalmar girl without funder-reporting consent."""
    data = Data(world)
    today = timezone.localdate()
    leisure = data.session(today - timedelta(days=10), focus_area=2)
    parents = data.session(today - timedelta(days=9), focus_area=3, activity="Föräldragrupp")
    girls = [person(world, world.kalmar, surveys=i < 3) for i in range(6)]
    boy = person(world, world.kalmar, gender="male")
    for girl in girls:
        data.attend(girl, leisure)
    data.attend(girls[0], parents)
    data.attend(boy, leisure)
    no_consent = data.participant(consent=False)
    data.attend(no_consent, leisure)
    boden = data.session(today - timedelta(days=8), world.boden, activity="Läxhjälp")
    boden_girls = [person(world, world.boden) for _ in range(5)]
    for girl in boden_girls:
        data.attend(girl, boden)
    survey_round = make_round(world.kalmar)
    for girl in girls:  # all answer, but only the three with survey consent get into the data
        make_response(
            survey_round,
            {"T-NET-01": "4", "T-ABT-01": ["school", "sport"], "T-ABT-03": "Hemligt svar"},
            participant=girl,
        )
    dataset = Dataset.objects.create(
        project=project,
        title="Deltagande",
        starts_on=project.starts_on,
        ends_on=today,
        k=5,
    )
    dataset.survey_rounds.set([survey_round])
    return {"girls": girls, "boy": boy, "dataset": dataset, "no_consent": no_consent}


def export(client, project, dataset):
    response = client.post(reverse("research:dataset_export", args=[project.code, dataset.code]))
    assert response.status_code == 200, response.content[:500]
    return zipfile.ZipFile(io.BytesIO(response.content))


def read_csv(archive, name):
    return list(csv.DictReader(io.StringIO(archive.read(name).decode())))


def test_the_export_holds_the_data_the_codebook_and_a_readme(login_as, world, project, scene):
    archive = export(login_as(world.forskare), project, scene["dataset"])
    assert sorted(archive.namelist()) == [
        "README.txt",
        "codebook.csv",
        "data.csv",
        "data.sav",
        "data.xlsx",
    ]
    rows = read_csv(archive, "data.csv")
    # Six girls and one boy in Kalmar, five girls in Boden; not the one without consent.
    assert len(rows) == 11  # the boy stands alone and is left out after every coarsening
    readme = archive.read("README.txt").decode()
    assert "k = 5" in readme or "k=5" in readme
    codebook = {row["variable"]: row for row in read_csv(archive, "codebook.csv")}
    assert {"pseudonym", "age_band", "gender", "third_country", "place"} <= set(codebook)
    assert "att_fa2_" in ",".join(codebook)
    event = AuditEvent.objects.get(detail__startswith=f"research {project.code}: dataset exported")
    assert event.action == "export"


def test_pseudonyms_are_stable_in_a_project_and_differ_between_projects(world, project, scene):
    other = new_project(world, title="Ett annat projekt")
    girl = scene["girls"][0]
    first = build.pseudonym(project.pseudonym_secret(), girl.pk)
    assert first == build.pseudonym(project.pseudonym_secret(), girl.pk)
    assert first != build.pseudonym(other.pseudonym_secret(), girl.pk)
    assert girl.code not in first


def test_a_projects_pseudonym_secret_is_stored_encrypted_where_the_key_check_looks(project):
    from samverka.lib import crypto

    assert (type(project), "pseudonym_key_encrypted") in set(crypto.encrypted_fields())
    stored = type(project).objects.values_list("pseudonym_key_encrypted", flat=True).get()
    assert project.pseudonym_secret().hex() not in stored


def test_no_participant_code_and_no_free_text_reach_the_files(login_as, world, project, scene):
    archive = export(login_as(world.forskare), project, scene["dataset"])
    everything = b"".join(archive.read(name) for name in archive.namelist())
    for participant in [*scene["girls"], scene["boy"]]:
        assert participant.code.encode() not in everything
    assert b"Hemligt svar" not in everything


def test_survey_answers_only_where_survey_consent_is_given(login_as, world, project, scene):
    archive = export(login_as(world.forskare), project, scene["dataset"])
    rows = read_csv(archive, "data.csv")
    answered = [r for r in rows if r["r1_T_NET_01"]]
    assert len(answered) == 3
    assert {r["r1_T_NET_01"] for r in answered} == {"4"}
    assert {r["r1_T_ABT_01_school"] for r in answered} == {"1"}
    assert {r["r1_T_ABT_01_library"] for r in answered} == {"0"}
    assert all(not r["r1_T_NET_01"] for r in rows if r not in answered)


def test_the_coarsening_is_in_the_file_and_in_the_readme(login_as, world, project, scene):
    archive = export(login_as(world.forskare), project, scene["dataset"])
    rows = read_csv(archive, "data.csv")
    assert {(r["place"], r["place_level"]) for r in rows} == {
        ("Kalmar", "municipality"),
        ("Boden", "municipality"),
    }
    dataset = Dataset.objects.get(pk=scene["dataset"].pk)
    assert dataset.last_summary["suppressed"] == 1
    assert dataset.last_summary["rows_in"] == 12
    readme = archive.read("README.txt").decode()
    assert "12" in readme and "1" in readme


def test_the_spss_and_excel_files_hold_the_same_rows(login_as, world, project, scene):
    import pyreadstat
    from openpyxl import load_workbook

    archive = export(login_as(world.forskare), project, scene["dataset"])
    path = __import__("tempfile").mktemp(suffix=".sav")
    with open(path, "wb") as out:
        out.write(archive.read("data.sav"))
    frame, meta = pyreadstat.read_sav(path)
    assert len(frame) == 11
    assert "pseudonym" in meta.column_names
    assert meta.column_names_to_labels["gender"]
    assert meta.variable_value_labels["r1_T_NET_01"][9.0]
    workbook = load_workbook(io.BytesIO(archive.read("data.xlsx")))
    assert [s.title for s in workbook.worksheets] == ["data", "codebook", "README"]
    assert workbook["data"].max_row == 12


def test_a_revoked_collaboration_is_not_in_the_next_export(login_as, world, project, scene):
    client = login_as(world.forskare)
    inclusion_revoke(
        inclusion=project.inclusions.get(collaboration=world.boden), by=world.boden_ngo
    )
    rows = read_csv(export(client, project, scene["dataset"]), "data.csv")
    assert {r["place"] for r in rows} == {"Kalmar"}


def test_a_dataset_outside_the_project_period_is_refused(login_as, world, project):
    response = login_as(world.forskare).post(
        reverse("research:datasets", args=[project.code]),
        {
            "title": "För tidigt",
            "starts_on": (project.starts_on - timedelta(days=400)).isoformat(),
            "ends_on": project.ends_on.isoformat(),
            "period": "year",
            "k": 5,
        },
    )
    assert response.status_code == 400
    assert not Dataset.objects.exists()


def test_k_below_five_is_refused(login_as, world, project):
    response = login_as(world.forskare).post(
        reverse("research:datasets", args=[project.code]),
        {
            "title": "Litet k",
            "starts_on": project.starts_on.isoformat(),
            "ends_on": project.ends_on.isoformat(),
            "period": "year",
            "k": 2,
        },
    )
    assert response.status_code == 400
    assert not Dataset.objects.exists()


def test_a_project_that_does_not_ask_for_register_data_defines_no_dataset(login_as, world):
    project = new_project(world, asks=["free_text"])
    include(project, world.kalmar, by=world.forskare, approver=world.kalmar_ngo)
    page = login_as(world.forskare).get(reverse("research:datasets", args=[project.code]))
    assert page.context["form"] is None


def test_an_ended_project_exports_no_dataset(login_as, world, project, scene):
    project.ends_on = timezone.localdate() - timedelta(days=1)
    project.starts_on = project.ends_on - timedelta(days=100)
    project.save()
    client = login_as(world.forskare)
    url = reverse("research:dataset_export", args=[project.code, scene["dataset"].code])
    response = client.post(url)
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(detail__contains="dataset exported").exists()


def test_a_large_dataset_is_made_in_the_background(login_as, world, project, scene, monkeypatch):
    monkeypatch.setattr("samverka.research.datasets.views.BACKGROUND_FROM", 3)
    client = login_as(world.forskare)
    response = client.post(
        reverse("research:dataset_export", args=[project.code, scene["dataset"].code])
    )
    assert response.status_code == 302
    job_page = response["Location"]
    assert "/jobs/" in job_page
    from samverka.jobs.models import Job

    job = Job.objects.get()
    assert job.status == "done", job.status
    download = client.get(reverse("jobs:download", args=[job.code]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert "data.sav" in archive.namelist()
    # Another researcher (not in the project) cannot open the job.
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from conftest import make_user

    stranger = make_user("annan.forskare", national_role="researcher")
    TOTPDevice.objects.create(user=stranger, name="t", confirmed=True)
    assert login_as(stranger).get(job_page).status_code == 404


def test_the_period_columns_follow_the_choice(world, project):
    assert build.periods_between(date(2025, 2, 1), date(2025, 11, 30), "half_year") == [
        "2025h1",
        "2025h2",
    ]
    assert build.periods_between(date(2025, 2, 1), date(2025, 5, 30), "quarter") == [
        "2025q1",
        "2025q2",
    ]
