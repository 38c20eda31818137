"""The demo has a research project over three collaborations with two coded transcripts and a
dataset ready to export."""

import io
import zipfile

from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverka.accounts.models import User
from samverka.research.models import Coding, ResearchProject, Source, SourceKind


def test_the_demo_researcher_has_a_coded_project_and_a_dataset_to_export(
    db, settings, client, capsys
):
    settings.DEBUG = True
    call_command("seed_demo")
    project = ResearchProject.objects.get()
    assert project.inclusions.filter(status="approved").count() == 3
    transcripts = Source.objects.filter(project=project, kind=SourceKind.TRANSCRIPT)
    assert transcripts.count() == 2
    assert Coding.objects.filter(source__in=transcripts).count() >= 15
    used = set(
        Coding.objects.filter(source__project=project).values_list("code__builtin_key", flat=True)
    )
    assert used >= {"value-emotional", "value-social", "boundary-spanner", "phase-transition"}
    dataset = project.datasets.get()
    assert dataset.survey_rounds.exists()

    forskare = User.objects.get(username="forskare")
    client.force_login(forskare)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=forskare).persistent_id
    session.save()
    response = client.post(reverse("research:dataset_export", args=[project.code, dataset.code]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "data.sav" in archive.namelist()
    codings = Coding.objects.filter(source__project=project).count()
    sources = Source.objects.filter(project=project).count()
    call_command("seed_demo")  # idempotent
    assert ResearchProject.objects.count() == 1
    assert Coding.objects.filter(source__project=project).count() == codings
    assert Source.objects.filter(project=project).count() == sources
