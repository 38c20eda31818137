"""Scopes of the organisational memory's URLs, for tests/test_url_scoping.py."""

from datetime import date

from django.core.files.base import ContentFile

from samverka.accounts.models import Membership
from samverka.activities.models import Activity
from samverka.memory.documents.models import Agreement, Document
from samverka.memory.handovers.models import Handover
from samverka.memory.lessons.models import Lesson
from samverka.memory.pearls.models import Draft
from samverka.orgs.models import Collaboration

SCOPES = {
    "memory:continuation": "collaboration",
    "memory:continuation_edit": "collaboration",
    "memory:handovers": "collaboration",
    "memory:handover_create": "collaboration",
    "memory:handover": "collaboration",
    "memory:handover_edit": "collaboration",
    "memory:handover_read": "collaboration",
    "memory:handover_delete": "collaboration",
    "memory:documents": "collaboration",
    "memory:document_upload": "collaboration",
    "memory:document_download": "collaboration",
    "memory:document_edit": "collaboration",
    "memory:document_delete": "collaboration",
    "memory:agreement_create": "collaboration",
    "memory:agreement_edit": "collaboration",
    "memory:agreement_delete": "collaboration",
    "memory:dossier": "collaboration",
    "memory:dossier_pdf": "collaboration",
    "memory:dossier_zip": "collaboration",
    "memory:lessons": "collaboration",
    "memory:lesson_create": "collaboration",
    "memory:lesson": "collaboration",
    "memory:lesson_edit": "collaboration",
    "memory:lesson_share": "collaboration",
    "memory:lesson_unshare": "collaboration",
    "memory:lesson_delete": "collaboration",
    # The national lessons library: every logged-in person reads lessons shared nationally.
    "memory:library": "own",
    "memory:library_lesson": "own",
    "memory:library_withdraw": "national",
    "memory:inherited": "collaboration",
    "memory:take_over": "collaboration",
    "memory:inherited_dossier": "collaboration",
    "memory:inherited_document": "collaboration",
    "memory:chain": "collaboration",
    "memory:drafts": "collaboration",
    "memory:draft": "collaboration",
    "memory:draft_discard": "collaboration",
}


def url_arguments(world) -> dict:
    """Objects of the Kalmar collaboration (and the earlier one it builds on) for every URL
    argument of the memory's pages."""
    kalmar = world.kalmar
    activity = Activity.objects.create(
        collaboration=kalmar, name="Läxhjälp", focus_area=2, type="leisure", starts_on="2025-01-01"
    )
    leaving = Membership.objects.get(collaboration=kalmar, user=world.kalmar_ledare)
    successor = Membership.objects.get(collaboration=kalmar, user=world.kalmar_ngo)
    handover = Handover.objects.create(
        collaboration=kalmar,
        reason="leaving",
        leaving=leaving,
        successor=successor,
        held="Läxhjälpen på tisdagar.",
    )
    document = Document(
        collaboration=kalmar,
        kind="minutes",
        title="Protokoll",
        original_name="protokoll.pdf",
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
    )
    document.file.save("protokoll.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    agreement = Agreement.objects.create(
        collaboration=kalmar, form="iop", signed_on=date(2024, 1, 1)
    )
    lesson = Lesson.objects.create(
        collaboration=kalmar,
        title="Tolk från start",
        learned="Föräldrarna kom tillbaka när tolken var med.",
        shared_at="2025-01-01T10:00:00Z",
    )
    earlier = Collaboration.objects.create(
        name="Familjeträffar Kalmar",
        municipality=kalmar.municipality,
        lead_organisation=kalmar.lead_organisation,
        starts_on=date(2019, 1, 1),
        ends_on=date(2021, 12, 31),
    )
    Collaboration.objects.filter(pk=kalmar.pk).update(builds_on=earlier)
    kalmar.builds_on = earlier
    earlier_document = Document(
        collaboration=earlier,
        kind="method",
        title="Metod",
        original_name="metod.pdf",
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
    )
    earlier_document.file.save("metod.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    earlier_document.save()
    draft = Draft.objects.create(
        collaboration=kalmar,
        source=earlier,
        source_key="goal",
        kind="goal",
        title="Målbild",
        content={"shared_goal_picture": "Föräldrar möts.", "collaboration_idea": ""},
    )
    return {
        "activity_code": activity.code,
        "handover_code": handover.code,
        "document_code": document.code,
        "agreement_code": agreement.code,
        "lesson_code": lesson.code,
        "pearl_code": earlier.code,
        "draft_code": draft.code,
    }


# The exports registry (tests/test_export_injection.py): the dossier's ZIP (a CSV per part and
# one workbook, made as background work) carries the goal picture, activities, lessons and
# decisions as staff wrote them.
EXPORTS = {"memory:dossier_zip": {"method": "post", "persona": "kalmar_ngo"}}


def plant(world, text: str) -> None:
    """Kalmar's goal picture, its activities' names and its lessons' titles become `text`."""
    from samverka.memory.lessons.models import Lesson

    Collaboration = type(world.kalmar)
    Collaboration.objects.filter(pk=world.kalmar.pk).update(shared_goal_picture=text)
    Activity.objects.filter(collaboration=world.kalmar).update(name=text)
    Lesson.objects.filter(collaboration=world.kalmar).update(title=text)
