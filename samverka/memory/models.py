"""Organisational memory: the models live in their workflows' sub-packages.

- continuation/  what becomes of each activity when the project ends
- handovers/     handover notes between people, with the contacts that matter
- documents/     the formal ground (agreements) and the document archive
- lessons/       lessons (lärdomar), shared nationally after a check that they name no person
- pearls/        drafts taken over from an earlier collaboration in the chain
"""

from samverka.memory.continuation.models import Continuation, DecisionForum, Future
from samverka.memory.documents.models import Agreement, AgreementForm, Document, DocumentKind
from samverka.memory.handovers.models import Handover, HandoverContact, HandoverReason
from samverka.memory.lessons.models import AddedValue, Lesson
from samverka.memory.pearls.models import Draft, DraftKind, DraftStatus

__all__ = [
    "AddedValue",
    "Agreement",
    "AgreementForm",
    "Continuation",
    "DecisionForum",
    "Document",
    "DocumentKind",
    "Draft",
    "DraftKind",
    "DraftStatus",
    "Future",
    "Handover",
    "HandoverContact",
    "HandoverReason",
    "Lesson",
]
