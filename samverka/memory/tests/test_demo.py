"""The demo shows the organisational memory: Kalmar inherits from its earlier collaboration,
several towns share lessons, Boden is in transition with one undecided activity, and the
dossier PDF of a demo collaboration reads back. (Seeding takes a while: one test.)"""

from django.urls import reverse

from samverka.demo import data
from samverka.demo import memory as demo_memory
from samverka.jobs.models import Job
from samverka.memory.continuation.selectors import futures_for
from samverka.memory.models import Continuation, Document, Handover, Lesson
from samverka.memory.pearls.selectors import inheritance_for
from samverka.memory.tests.test_dossier import pdf_text
from samverka.orgs.models import Collaboration, Phase


def counts():
    return tuple(model.objects.count() for model in (Continuation, Document, Handover, Lesson))


def test_the_demo_shows_the_string_of_pearls_with_content_and_its_dossier_reads_back(
    db, client, settings
):
    collaborations = data.seed()
    kalmar, boden = collaborations["0880"], collaborations["2582"]
    earlier = kalmar.builds_on

    inherited = inheritance_for(kalmar)[0]
    assert inherited.pearl == earlier
    assert len(inherited.lessons) >= 3 and len(inherited.documented_routines) >= 3
    assert {c.get_future_display() for c in inherited.continued} == {
        "Fortsätter i ordinarie verksamhet",
        "Fortsätter med annan finansiering",
        "Överlämnad till en annan organisation",
    }
    assert inherited.open_decisions

    towns = set(
        Lesson.objects.filter(shared_at__isnull=False).values_list(
            "collaboration__municipality__name", flat=True
        )
    )
    assert len(towns) >= 5 and {"Kalmar", "Boden"} <= towns

    boden = Collaboration.objects.get(pk=boden.pk)
    assert boden.phase == Phase.TRANSITION
    assert boden.phase_changes.filter(to_phase=Phase.TRANSITION).exists()
    undecided = [row.activity.name for row in futures_for(boden) if not row.is_decided]
    assert undecided == ["Cykelverkstad"]

    client.force_login(kalmar.memberships.get(user__username="kalmar.ngo").user)
    assert "Överlämningar till dig" in client.get(reverse("home")).content.decode()
    client.post(reverse("memory:dossier_pdf", args=[earlier.code]))
    job = Job.objects.get(collaboration=earlier)
    text = pdf_text(
        b"".join(client.get(reverse("jobs:download", args=[job.code])).streaming_content)
    )
    for expected in (
        "Familjeträffar Kalmar",
        "Föräldraträffar på biblioteket",
        "Fortsätter i ordinarie verksamhet",
        "Tolk från första träffen",
        "Idéburet offentligt partnerskap",
        "Metodbeskrivning",
        "Bibliotekschef",
    ):
        assert expected in text, expected

    before = counts()
    demo_memory.seed(collaborations)
    assert counts() == before
