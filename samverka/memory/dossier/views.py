"""The transition dossier (/c/<code>/transition/): the page, and its PDF and ZIP made in the
background so that a large collaboration never holds a web worker."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.jobs.services import job_start
from samverka.memory.dossier.selectors import dossier_for
from samverka.memory.navigation import memory_context
from samverka.orgs.decorators import collaboration_view

C = Capability

KINDS = {
    "pdf": ("memory.dossier_pdf", gettext_noop("Transition dossier %(name)s (PDF)")),
    "zip": ("memory.dossier_zip", gettext_noop("Transition dossier %(name)s, its parts (ZIP)")),
}


@collaboration_view(C.VIEW_MEMORY)
def dossier(request, access):
    context = memory_context(
        access,
        "dossier",
        dossier=dossier_for(access.collaboration),
        document_url="memory:document_download",
    )
    return render(request, "memory/dossier/page.html", context)


def _start(request, access, kind: str):
    job_kind, title = KINDS[kind]
    job = job_start(
        kind=job_kind,
        title=_(title) % {"name": access.collaboration.name},
        params={"language": get_language()},
        by=request.user,
        collaboration=access.collaboration,
        back_url=reverse("memory:dossier", args=[access.code]),
    )
    return redirect("jobs:detail", job.code)


@collaboration_view(C.VIEW_MEMORY)
@require_POST
def dossier_pdf(request, access):
    return _start(request, access, "pdf")


@collaboration_view(C.VIEW_MEMORY)
@require_POST
def dossier_zip(request, access):
    return _start(request, access, "zip")
