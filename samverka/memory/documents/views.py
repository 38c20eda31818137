"""The formal ground and the document archive. Files are served only from here, after the
collaboration's scope and the person's capability are checked, and every download is audited."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samverka.accounts.roles import Capability
from samverka.lib.uploads import serve_file
from samverka.memory.documents import services
from samverka.memory.documents.forms import (
    DOCUMENT_MAX_BYTES,
    AgreementEditForm,
    DocumentForm,
    DocumentUploadForm,
)
from samverka.memory.documents.models import Agreement, Document, DocumentKind
from samverka.memory.navigation import memory_context
from samverka.orgs.decorators import collaboration_view

C = Capability


def _document(access, document_code) -> Document:
    return get_object_or_404(
        Document.objects.filter(collaboration=access.collaboration), code=document_code
    )


@collaboration_view(C.VIEW_MEMORY)
def documents(request, access):
    collaboration = access.collaboration
    kind = request.GET.get("kind", "")
    shown = collaboration.documents.select_related("uploaded_by")
    if kind in DocumentKind.values:
        shown = shown.filter(kind=kind)
    context = memory_context(
        access,
        "documents",
        documents=shown,
        kinds=DocumentKind.choices,
        kind=kind,
        agreements=collaboration.agreements.select_related("document"),
    )
    return render(request, "memory/documents/list.html", context)


@collaboration_view(C.MANAGE_MEMORY)
def document_upload(request, access):
    form = DocumentUploadForm(request.POST or None, request.FILES or None, request=request)
    if request.method == "POST" and form.is_valid():
        document = services.document_add(
            collaboration=access.collaboration,
            upload=form.cleaned_data["upload"],
            data=form.cleaned_data,
            by=request.user,
        )
        messages.success(request, _("%(title)s is in the archive.") % {"title": document.title})
        return redirect("memory:documents", access.code)
    return render(
        request,
        "memory/documents/upload.html",
        memory_context(access, "documents", form=form, max_mb=DOCUMENT_MAX_BYTES // 2**20),
    )


@collaboration_view(C.VIEW_MEMORY)
@require_GET
def document_download(request, access, document_code):
    document = _document(access, document_code)
    response = serve_file(document)
    services.document_downloaded(document=document, by=request.user)
    return response


@collaboration_view(C.MANAGE_MEMORY)
def document_edit(request, access, document_code):
    document = _document(access, document_code)
    form = DocumentForm(request.POST or None, instance=document)
    if request.method == "POST" and form.is_valid():
        services.document_change(document=document, data=form.cleaned_data, by=request.user)
        messages.success(request, _("The document is saved."))
        return redirect("memory:documents", access.code)
    return render(
        request,
        "memory/documents/edit.html",
        memory_context(access, "documents", form=form, document=document),
    )


@collaboration_view(C.MANAGE_MEMORY)
@require_POST
def document_delete(request, access, document_code):
    document = _document(access, document_code)
    services.document_delete(document=document, by=request.user)
    messages.success(request, _("%(title)s is deleted, with its file.") % {"title": document})
    return redirect("memory:documents", access.code)


def _agreement_form(request, access, agreement: Agreement | None):
    collaboration = access.collaboration
    form = AgreementEditForm(
        request.POST or None,
        instance=agreement or Agreement(collaboration=collaboration),
        collaboration=collaboration,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_save(
                collaboration=collaboration,
                data=form.cleaned_data,
                by=request.user,
                agreement=agreement,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The agreement is saved."))
            return redirect("memory:documents", access.code)
    return render(
        request,
        "memory/documents/agreement_form.html",
        memory_context(access, "documents", form=form, agreement=agreement),
    )


@collaboration_view(C.MANAGE_MEMORY)
def agreement_create(request, access):
    return _agreement_form(request, access, None)


@collaboration_view(C.MANAGE_MEMORY)
def agreement_edit(request, access, agreement_code):
    agreement = get_object_or_404(access.collaboration.agreements.all(), code=agreement_code)
    return _agreement_form(request, access, agreement)


@collaboration_view(C.MANAGE_MEMORY)
@require_POST
def agreement_delete(request, access, agreement_code):
    agreement = get_object_or_404(access.collaboration.agreements.all(), code=agreement_code)
    services.agreement_delete(agreement=agreement, by=request.user)
    messages.success(request, _("The agreement is deleted."))
    return redirect("memory:documents", access.code)
