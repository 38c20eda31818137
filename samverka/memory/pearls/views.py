"""The string of pearls with content: what this collaboration inherits, the chain, the earlier
dossiers, and taking over as drafts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samverka.accounts.roles import Capability
from samverka.activities.models import Activity
from samverka.lib.scoping import collaboration_scope
from samverka.lib.uploads import serve_file
from samverka.memory.documents.models import Document
from samverka.memory.documents.services import document_downloaded
from samverka.memory.dossier.selectors import dossier_for
from samverka.memory.navigation import memory_context
from samverka.memory.pearls import services
from samverka.memory.pearls.forms import (
    GoalDraftForm,
    RoutineDraftForm,
    TakeOverForm,
    activity_form,
)
from samverka.memory.pearls.models import Draft, DraftKind, DraftStatus
from samverka.memory.pearls.selectors import (
    chain_pearls,
    earlier_pearl,
    inheritance_for,
)
from samverka.orgs.decorators import collaboration_view
from samverka.orgs.selectors import collaborations_for_user

C = Capability


def _activity_names(collaboration) -> list[str]:
    return list(Activity.objects.filter(collaboration=collaboration).values_list("name", flat=True))


@collaboration_view(C.VIEW_MEMORY)
def inherited(request, access):
    inheritances = inheritance_for(access.collaboration)
    names = _activity_names(access.collaboration)
    forms = (
        {i.pearl.code: TakeOverForm(inheritance=i, existing_names=names) for i in inheritances}
        if access.can(C.MANAGE_MEMORY)
        else {}
    )
    context = memory_context(
        access,
        "inherited",
        inheritances=[(i, forms.get(i.pearl.code)) for i in inheritances],
        drafts=Draft.objects.filter(collaboration=access.collaboration, status=DraftStatus.DRAFT),
    )
    return render(request, "memory/pearls/inherited.html", context)


@collaboration_view(C.MANAGE_MEMORY)
@require_POST
def take_over(request, access, pearl_code):
    collaboration = access.collaboration
    pearl = earlier_pearl(collaboration, pearl_code)
    inheritance = next(i for i in inheritance_for(collaboration) if i.pearl.pk == pearl.pk)
    form = TakeOverForm(
        request.POST, inheritance=inheritance, existing_names=_activity_names(collaboration)
    )
    if not form.is_valid():
        for error in form.errors.get("__all__", []):
            messages.error(request, error)
        return redirect("memory:inherited", access.code)
    result = services.take_over(
        collaboration=collaboration,
        source=pearl,
        goal=form.cleaned_data.get("goal", False),
        elements=form.cleaned_data["elements"],
        activity_codes=form.cleaned_data["activities"],
        by=request.user,
    )
    messages.success(
        request,
        _(
            "Taken over as drafts: %(created)s new, %(refreshed)s refreshed, %(kept)s already "
            "adopted. Review each draft before it becomes yours."
        )
        % {"created": result.created, "refreshed": result.refreshed, "kept": result.kept},
    )
    return redirect("memory:drafts", access.code)


@collaboration_view(C.VIEW_MEMORY)
def chain(request, access):
    pearls, total = chain_pearls(access.collaboration)
    user_codes = set(
        collaborations_for_user(request.user)
        .filter(pk__in=[p.collaboration.pk for p in pearls])
        .values_list("code", flat=True)
    )
    context = memory_context(
        access,
        "chain",
        pearls=pearls,
        total=total,
        open_codes=user_codes,
        followed_by=collaborations_for_user(request.user).filter(builds_on=access.collaboration),
    )
    return render(request, "memory/pearls/chain.html", context)


@collaboration_view(C.VIEW_MEMORY)
def inherited_dossier(request, access, pearl_code):
    pearl = earlier_pearl(access.collaboration, pearl_code)
    # The earlier collaboration's dossier, read from the later one (see pearls/selectors.py).
    with collaboration_scope([pearl, access.collaboration]):
        dossier = dossier_for(pearl)
        context = memory_context(access, "inherited", dossier=dossier, inherited_from=pearl)
        return render(request, "memory/dossier/page.html", context)


@collaboration_view(C.VIEW_MEMORY)
@require_GET
def inherited_document(request, access, pearl_code, document_code):
    pearl = earlier_pearl(access.collaboration, pearl_code)
    with collaboration_scope([pearl, access.collaboration]):
        document = get_object_or_404(
            Document.objects.filter(collaboration=pearl), code=document_code
        )
        response = serve_file(document)
        document_downloaded(document=document, by=request.user, via=access.collaboration)
    return response


# --- Drafts taken over -----------------------------------------------------------------------


@collaboration_view(C.MANAGE_MEMORY)
def drafts(request, access):
    context = memory_context(
        access,
        "inherited",
        drafts=Draft.objects.filter(collaboration=access.collaboration).select_related(
            "source", "decided_by"
        ),
    )
    return render(request, "memory/pearls/drafts.html", context)


def _draft(access, draft_code) -> Draft:
    return get_object_or_404(
        Draft.objects.filter(collaboration=access.collaboration).select_related("source"),
        code=draft_code,
    )


@collaboration_view(C.MANAGE_MEMORY)
def draft_adopt(request, access, draft_code):
    collaboration = access.collaboration
    draft = _draft(access, draft_code)
    if draft.status != DraftStatus.DRAFT:
        messages.info(request, _("This draft is already dealt with."))
        return redirect("memory:drafts", access.code)
    data = request.POST or None
    if draft.kind == DraftKind.GOAL:
        form = GoalDraftForm(data, initial=draft.content)
        adopt = services.goal_draft_adopt
    elif draft.kind == DraftKind.ROUTINE:
        form = RoutineDraftForm(data, initial=draft.content, collaboration=collaboration)
        adopt = services.routine_draft_adopt
    elif draft.kind == DraftKind.ACTIVITY:
        form = activity_form(data, draft=draft, collaboration=collaboration)
        adopt = services.activity_draft_adopt
    else:  # pragma: no cover - every kind is handled above
        raise Http404
    if request.method == "POST" and form.is_valid():
        try:
            adopt(draft=draft, data=form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(title)s is adopted.") % {"title": draft.title})
            return redirect("memory:drafts", access.code)
    return render(
        request,
        "memory/pearls/draft_form.html",
        memory_context(access, "inherited", draft=draft, form=form),
    )


@collaboration_view(C.MANAGE_MEMORY)
@require_POST
def draft_discard(request, access, draft_code):
    draft = _draft(access, draft_code)
    try:
        services.draft_discard(draft=draft, by=request.user)
    except ValidationError as error:
        messages.info(request, error.messages[0])
    else:
        messages.success(request, _("%(title)s is discarded.") % {"title": draft.title})
    return redirect("memory:drafts", access.code)
