"""The dilemmas the parties met: what happened, each side's view and how it was balanced."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability as C
from samverka.assessment.dilemmas import services
from samverka.assessment.dilemmas.forms import DilemmaForm
from samverka.assessment.models import DILEMMA_HELP, DilemmaKind
from samverka.assessment.pages import page_context
from samverka.orgs.decorators import collaboration_view


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def dilemmas(request, access):
    entries = access.collaboration.dilemmas.all()
    kind = request.GET.get("kind", "")
    if kind in DilemmaKind.values:
        entries = entries.filter(kind=kind)
    all_entries = list(access.collaboration.dilemmas.values_list("kind", flat=True))
    kinds = [
        {
            "value": k.value,
            "label": k.label,
            "help": DILEMMA_HELP[k],
            "count": all_entries.count(k.value),
        }
        for k in DilemmaKind
    ]
    return render(
        request,
        "assessment/dilemmas.html",
        page_context(access, "dilemmas", entries=entries, kinds=kinds, kind=kind),
    )


def _dilemma(access, dilemma_code):
    return get_object_or_404(access.collaboration.dilemmas.all(), code=dilemma_code)


@collaboration_view(C.VIEW_COLLABORATION_MODEL)
def dilemma_detail(request, access, dilemma_code):
    dilemma = _dilemma(access, dilemma_code)
    return render(
        request,
        "assessment/dilemma.html",
        page_context(
            access,
            "dilemmas",
            dilemma=dilemma,
            kind_help=DILEMMA_HELP[dilemma.kind],
            sessions=dilemma.learning_sessions.all(),
        ),
    )


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def dilemma_create(request, access):
    return _dilemma_form(request, access, None)


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
def dilemma_edit(request, access, dilemma_code):
    return _dilemma_form(request, access, dilemma_code)


def _dilemma_form(request, access, dilemma_code):
    instance = _dilemma(access, dilemma_code) if dilemma_code else None
    initial = {}
    if instance is None and request.GET.get("kind") in DilemmaKind.values:
        initial["kind"] = request.GET["kind"]
    form = DilemmaForm(request.POST or None, instance=instance, initial=initial)
    if request.method == "POST" and form.is_valid():
        dilemma = services.dilemma_save(
            collaboration=access.collaboration,
            dilemma=instance,
            by=request.user,
            **form.cleaned_data,
        )
        messages.success(request, _("The dilemma is saved."))
        return redirect("assessment:dilemma", access.code, dilemma.code)
    return render(
        request,
        "assessment/dilemma_form.html",
        page_context(
            access,
            "dilemmas",
            form=form,
            dilemma=instance,
            kinds=[(k.label, DILEMMA_HELP[k]) for k in DilemmaKind],
        ),
    )


@collaboration_view(C.EDIT_COLLABORATION_MODEL)
@require_POST
def dilemma_delete(request, access, dilemma_code):
    services.dilemma_delete(dilemma=_dilemma(access, dilemma_code), by=request.user)
    messages.success(request, _("The dilemma is deleted."))
    return redirect("assessment:dilemmas", access.code)
