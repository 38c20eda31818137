"""The document archive and the agreements: adding, changing, deleting, downloading."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.lib.uploads import file_fields
from samverka.memory.documents.models import Agreement, Document
from samverka.orgs.models import Collaboration

DOCUMENT_FIELDS = ("kind", "title", "description", "dated_on")
AGREEMENT_FIELDS = (
    "form",
    "parties",
    "signed_on",
    "valid_from",
    "valid_until",
    "document",
    "note",
)


def _named_as_it_is(name: str, extension: str) -> str:
    """The given name with the ending of what the file really is (a PNG called "x.pdf" is
    downloaded as "x.png"), so the reader's computer opens it with the right program."""
    stem, dot, ending = name.rpartition(".")
    same = {extension, ".jpeg"} if extension == ".jpg" else {extension}
    if dot and f".{ending.lower()}" in same:
        return name
    return f"{stem if dot else name}{extension}"[-200:]


@transaction.atomic
def document_add(*, collaboration: Collaboration, upload, data: dict, by) -> Document:
    """Store a checked upload (UploadField has set `upload.kind`) under a generated name."""
    if getattr(upload, "kind", None) is None:
        raise ValidationError(_("The file has not been checked."))
    fields = file_fields(upload)
    fields["original_name"] = _named_as_it_is(fields["original_name"], upload.kind.extension)
    document = Document(collaboration=collaboration, uploaded_by=by, **fields)
    document.file = upload  # stored under GeneratedName("documents") when the row is saved
    save_audited(
        document,
        {name: data[name] for name in DOCUMENT_FIELDS if name in data},
        by=by,
        collaboration=collaboration,
    )
    return document


@transaction.atomic
def document_change(*, document: Document, data: dict, by) -> Document:
    document = Document.objects.select_for_update().get(pk=document.pk)
    save_audited(
        document,
        {name: data[name] for name in DOCUMENT_FIELDS if name in data},
        by=by,
        collaboration=document.collaboration,
    )
    return document


@transaction.atomic
def document_delete(*, document: Document, by) -> None:
    """Delete the record and, once that is committed, its file (a rolled-back deletion keeps
    both)."""
    audit_record(
        actor=by,
        action=AuditAction.DELETE,
        obj=document,
        collaboration=document.collaboration,
        detail=document.kind,
    )
    storage, name = document.file.storage, document.file.name
    document.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def document_downloaded(*, document: Document, by, via: Collaboration | None = None) -> None:
    """Every download is in the audit trail, of the document's collaboration; `via` is the
    later collaboration it was read from (the string of pearls)."""
    audit_record(
        actor=by,
        action=AuditAction.EXPORT,
        obj=document,
        collaboration=document.collaboration,
        detail=f"download via {via.code}" if via is not None else "download",
    )


@transaction.atomic
def agreement_save(
    *, collaboration: Collaboration, data: dict, by, agreement: Agreement | None = None
) -> Agreement:
    document = data.get("document")
    if document is not None and document.collaboration_id != collaboration.pk:
        raise ValidationError(_("Choose a document of this collaboration."))
    if agreement is not None:
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    else:
        agreement = Agreement(collaboration=collaboration)
    save_audited(
        agreement,
        {name: data[name] for name in AGREEMENT_FIELDS if name in data},
        by=by,
        collaboration=collaboration,
    )
    return agreement


@transaction.atomic
def agreement_delete(*, agreement: Agreement, by) -> None:
    audit_record(
        actor=by, action=AuditAction.DELETE, obj=agreement, collaboration=agreement.collaboration
    )
    agreement.delete()
