"""Research projects: who starts one, its researchers, and the inclusions that coordinators
approve, refuse and revoke — each recorded and audited with the project."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samverka.audit.models import AuditEvent
from samverka.research.projects.models import Inclusion, InclusionStatus, ResearchProject
from samverka.research.tests.conftest import include, new_project


def project_data(**extra):
    today = timezone.localdate()
    return {
        "title": "Gränsgångare i nio kommuner",
        "purpose": "Vad gränsgångare gör för samverkan.",
        "ethics_reference": "2025-04567-01",
        "ethics_approved_on": (today - timedelta(days=30)).isoformat(),
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=400)).isoformat(),
        "data_requested": ["register", "free_text"],
        "builtin_codebook": "on",
        **extra,
    }


def test_a_researcher_starts_a_project_and_leads_it(login_as, world):
    client = login_as(world.forskare)
    response = client.post(reverse("research:project_create"), project_data())
    project = ResearchProject.objects.get(title="Gränsgångare i nio kommuner")
    assert response.status_code == 302
    assert response["Location"] == reverse("research:project", args=[project.code])
    assert project.researchers.get(user=world.forskare).lead
    assert project.data_requested == ["free_text", "register"]
    assert project.codes.filter(builtin_key="value-functional").exists()
    assert AuditEvent.objects.filter(detail=f"research {project.code}: project created").exists()
    page = client.get(reverse("research:project", args=[project.code]))
    assert "2025-04567-01" in page.content.decode()


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("ethics_reference", "dnr 12", "2025-01234-01"),
        ("ends_on", "2020-01-01", "ends before it starts"),
        ("ethics_approved_on", "2099-01-01", "before its ethical approval"),
    ],
)
def test_bad_project_data_is_refused_with_the_reason(login_as, world, field, value, message):
    client = login_as(world.forskare)
    client.cookies[__import__("django.conf").conf.settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(reverse("research:project_create"), project_data(**{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ResearchProject.objects.exists()


@pytest.mark.parametrize("persona", ["kalmar_ngo", "kalmar_kommun", "kalmar_ledare", "nationell"])
def test_only_researchers_start_projects(login_as, world, persona):
    client = login_as(getattr(world, persona))
    assert client.get(reverse("research:project_create")).status_code == 404
    assert client.post(reverse("research:project_create"), project_data()).status_code == 404
    assert not ResearchProject.objects.exists()


def test_a_researcher_by_membership_starts_a_project_too(login_as, world, other_researcher):
    client = login_as(other_researcher)
    assert client.post(reverse("research:project_create"), project_data()).status_code == 302


def test_the_list_shows_own_projects_and_all_of_them_to_the_national_lead(
    login_as, world, project, other_researcher
):
    mine = new_project(world, by=other_researcher, title="Föräldragrupper")
    page = login_as(world.forskare).get(reverse("research:home")).content.decode()
    assert project.title in page and mine.title not in page
    page = login_as(world.nationell).get(reverse("research:home")).content.decode()
    assert project.title in page and mine.title in page
    assert login_as(world.kalmar_ngo).get(reverse("research:home")).status_code == 404


def test_the_national_lead_reads_a_project_but_not_its_material(login_as, world, project):
    client = login_as(world.nationell)
    assert client.get(reverse("research:project", args=[project.code])).status_code == 200
    assert client.get(reverse("research:access_log", args=[project.code])).status_code == 200
    for name in ["sources", "codes", "datasets", "exchange", "memos"]:
        assert client.get(reverse(f"research:{name}", args=[project.code])).status_code == 404


def test_the_lead_adds_researchers_who_hold_a_researcher_role(
    login_as, world, project, other_researcher
):
    client = login_as(world.forskare)
    url = reverse("research:researchers", args=[project.code])
    refused = client.post(url, {"username": world.kalmar_ngo.username})
    assert refused.status_code == 400
    assert not project.researchers.filter(user=world.kalmar_ngo).exists()
    assert client.post(url, {"username": other_researcher.username}).status_code == 302
    assert project.researchers.active().filter(user=other_researcher, lead=False).exists()
    # The added researcher reads the material but may not add people.
    other = login_as(other_researcher)
    assert other.get(reverse("research:sources", args=[project.code])).status_code == 200
    assert other.get(url).status_code == 403


def test_the_last_lead_researcher_cannot_be_removed(login_as, world, project):
    lead = project.researchers.get(user=world.forskare)
    client = login_as(world.forskare)
    client.post(reverse("research:researcher_remove", args=[project.code, lead.code]))
    lead.refresh_from_db()
    assert lead.removed_at is None


def test_a_removed_researcher_loses_the_project(login_as, world, project, other_researcher):
    from samverka.research.projects.services import researcher_add

    member = researcher_add(project=project, user=other_researcher, by=world.forskare)
    login_as(world.forskare).post(
        reverse("research:researcher_remove", args=[project.code, member.code])
    )
    response = login_as(other_researcher).get(reverse("research:project", args=[project.code]))
    assert response.status_code == 404


def test_researchers_ask_and_the_coordinator_approves(login_as, world):
    project = new_project(world)
    client = login_as(world.forskare)
    client.post(
        reverse("research:inclusions_request", args=[project.code]),
        {"collaborations": [world.kalmar.pk]},
    )
    inclusion = Inclusion.objects.get(project=project, collaboration=world.kalmar)
    assert inclusion.status == InclusionStatus.REQUESTED

    coordinator = login_as(world.kalmar_ngo)
    overview = coordinator.get(reverse("orgs:collaboration", args=[world.kalmar.code]))
    assert project.title in overview.content.decode()
    url = reverse("research:collaboration_inclusion", args=[world.kalmar.code, inclusion.code])
    assert "2025-01234-01" in coordinator.get(url).content.decode()
    coordinator.post(url, {"decision": "approve", "note": ""})
    inclusion.refresh_from_db()
    assert inclusion.status == InclusionStatus.APPROVED
    assert inclusion.decided_by == world.kalmar_ngo
    event = AuditEvent.objects.get(detail=f"research {project.code}: inclusion approved")
    assert event.collaboration_code == world.kalmar.code


def test_the_coordinator_refuses_with_a_note(login_as, world):
    project = new_project(world)
    (inclusion,) = __import__(
        "samverka.research.projects.services", fromlist=["x"]
    ).inclusion_request(project=project, collaborations=[world.kalmar], by=world.forskare)
    url = reverse("research:collaboration_inclusion", args=[world.kalmar.code, inclusion.code])
    login_as(world.kalmar_ngo).post(url, {"decision": "refuse", "note": "Inte nu."})
    inclusion.refresh_from_db()
    assert (inclusion.status, inclusion.note) == (InclusionStatus.REFUSED, "Inte nu.")
    page = login_as(world.forskare).get(reverse("research:project", args=[project.code]))
    assert "Inte nu." in page.content.decode()


def test_the_national_lead_may_decide_for_a_collaboration(login_as, world):
    project = new_project(world)
    from samverka.research.projects.services import inclusion_request

    (inclusion,) = inclusion_request(
        project=project, collaborations=[world.boden], by=world.forskare
    )
    url = reverse("research:collaboration_inclusion", args=[world.boden.code, inclusion.code])
    login_as(world.nationell).post(url, {"decision": "approve"})
    inclusion.refresh_from_db()
    assert inclusion.status == InclusionStatus.APPROVED


def test_the_municipal_contact_sees_but_cannot_decide(login_as, world):
    project = new_project(world)
    from samverka.research.projects.services import inclusion_request

    (inclusion,) = inclusion_request(
        project=project, collaborations=[world.kalmar], by=world.forskare
    )
    client = login_as(world.kalmar_kommun)
    url = reverse("research:collaboration_inclusion", args=[world.kalmar.code, inclusion.code])
    assert client.get(url).status_code == 200
    assert client.post(url, {"decision": "approve"}).status_code == 403
    inclusion.refresh_from_db()
    assert inclusion.is_requested


@pytest.mark.parametrize("persona", ["kalmar_ledare", "kalmar_partner_user", "forskare"])
def test_leaders_partners_and_researchers_do_not_decide_inclusions(login_as, world, persona):
    project = new_project(world)
    from samverka.research.projects.services import inclusion_request

    (inclusion,) = inclusion_request(
        project=project, collaborations=[world.kalmar], by=world.forskare
    )
    url = reverse("research:collaboration_inclusion", args=[world.kalmar.code, inclusion.code])
    response = login_as(getattr(world, persona)).post(url, {"decision": "approve"})
    assert response.status_code == 403
    inclusion.refresh_from_db()
    assert inclusion.is_requested


def test_a_coordinator_of_another_collaboration_gets_404(login_as, world, project):
    inclusion = project.inclusions.get(collaboration=world.kalmar)
    url = reverse("research:collaboration_inclusion", args=[world.kalmar.code, inclusion.code])
    assert login_as(world.boden_ngo).post(url, {"decision": "revoke"}).status_code == 404
    inclusion.refresh_from_db()
    assert inclusion.is_approved


def test_revoking_is_recorded_and_a_new_request_is_a_new_row(login_as, world, project):
    inclusion = project.inclusions.get(collaboration=world.kalmar)
    url = reverse("research:collaboration_inclusion", args=[world.kalmar.code, inclusion.code])
    login_as(world.kalmar_ngo).post(url, {"decision": "revoke", "note": "Projektet är klart."})
    inclusion.refresh_from_db()
    assert inclusion.status == InclusionStatus.REVOKED
    assert inclusion.ended_by == world.kalmar_ngo
    again = include(project, world.kalmar, by=world.forskare, approver=world.kalmar_ngo)
    assert again.pk != inclusion.pk
    assert project.inclusions.filter(collaboration=world.kalmar).count() == 2


def test_researchers_withdraw_a_collaboration(login_as, world, project):
    inclusion = project.inclusions.get(collaboration=world.boden)
    login_as(world.forskare).post(
        reverse("research:inclusion_withdraw", args=[project.code, inclusion.code])
    )
    inclusion.refresh_from_db()
    assert inclusion.status == InclusionStatus.WITHDRAWN


def test_the_access_log_lists_what_was_done_through_the_project(login_as, world, project):
    client = login_as(world.forskare)
    client.get(reverse("research:qdpx_export", args=[project.code]))
    page = client.get(reverse("research:access_log", args=[project.code]))
    details = [e.detail for e in page.context["page"]]
    assert any("REFI-QDA project exported" in d for d in details)
    assert any("inclusion approved" in d for d in details)


def test_memos_are_written_changed_and_removed(login_as, world, project):
    client = login_as(world.forskare)
    client.post(
        reverse("research:memos", args=[project.code]),
        {"title": "Tillit", "text": "Tillit växer i relationer."},
    )
    memo = project.memos.get()
    url = reverse("research:memo_edit", args=[project.code, memo.code])
    client.post(url, {"title": "Tillit", "text": "Ändrad."})
    memo.refresh_from_db()
    assert memo.text == "Ändrad."
    client.post(url, {"delete": "1"})
    assert not project.memos.exists()
