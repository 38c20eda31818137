"""The REFI-QDA exchange page: export the project (.qdpx) or its codebook (.qdc), import a
codebook or another tool's project."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samverka.lib.downloads import attachment
from samverka.lib.uploads import UploadRefused
from samverka.research.access import research_view
from samverka.research.refiqda import read, services
from samverka.research.refiqda.forms import ExchangeUploadForm


def _page(request, research, *, codebook_form=None, project_form=None, result=None, status=200):
    return render(
        request,
        "research/exchange.html",
        {
            "research": research,
            "project": research.project,
            "codebook_form": codebook_form or ExchangeUploadForm(codebook=True, request=request),
            "project_form": project_form
            or ExchangeUploadForm(
                codebook=False, collaborations=research.collaborations(), request=request
            ),
            "result": result,
            "has_collaborations": bool(research.collaboration_ids),
        },
        status=status,
    )


@research_view()
@require_GET
def exchange(request, research):
    return _page(request, research)


@research_view()
@require_GET
def project_export(request, research):
    return attachment(services.project_export(research=research, by=request.user))


@research_view()
@require_GET
def codebook_export(request, research):
    try:
        return attachment(services.codebook_export(research=research, by=request.user))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("research:exchange", research.code)


@research_view()
@require_POST
def codebook_import(request, research):
    form = ExchangeUploadForm(request.POST, request.FILES, codebook=True, request=request)
    if form.is_valid():
        try:
            parsed = read.read_codebook(form.cleaned_data["file"])
        except UploadRefused as refused:
            form.add_error("file", refused.message)
        else:
            result = services.codebook_import(research=research, parsed=parsed, by=request.user)
            messages.success(
                request,
                _("The codebook is imported: %(added)s codes added, %(kept)s already there.")
                % {"added": result.codes_added, "kept": result.codes_kept},
            )
            return _page(request, research, result=result)
    return _page(request, research, codebook_form=form, status=400)


@research_view()
@require_POST
def project_import(request, research):
    form = ExchangeUploadForm(
        request.POST,
        request.FILES,
        codebook=False,
        collaborations=research.collaborations(),
        request=request,
    )
    if form.is_valid():
        try:
            parsed = read.read_project(form.cleaned_data["file"])
            result = services.project_import(
                research=research,
                parsed=parsed,
                collaboration=form.cleaned_data["collaboration"],
                by=request.user,
            )
        except UploadRefused as refused:
            form.add_error("file", refused.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "The project is imported: %(sources)s sources, %(codings)s codings and "
                    "%(codes)s codes added."
                )
                % {
                    "sources": result.sources_added,
                    "codings": result.codings_added,
                    "codes": result.codes_added,
                },
            )
            return _page(request, research, result=result)
    return _page(request, research, project_form=form, status=400)
