"""The built-in codebook and a project's code tree: codes, retrieval of a code's segments with
counts per municipality, and the co-occurrence of codes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.lib.downloads import Download, attachment
from samverka.research.access import research_view
from samverka.research.codebook import builtin, services
from samverka.research.codebook.forms import CodeForm
from samverka.research.codebook.selectors import code_tree, descendants, flat
from samverka.research.projects.selectors import is_researcher
from samverka.research.refiqda import export
from samverka.research.sources.forms import CodesChoiceForm
from samverka.research.sources.selectors import cooccurrence, retrieval


def _language() -> str:
    return "en" if (get_language() or "").startswith("en") else "sv"


def _may_read_builtin(user) -> bool:
    return is_researcher(user) or getattr(user, "is_national_lead", False)


@login_required
def builtin_codebook(request):
    if not _may_read_builtin(request.user):
        raise Http404
    language = _language()
    rows = []

    def add(concepts, depth):
        for concept in concepts:
            rows.append(
                {
                    "depth": depth,
                    "name": concept.name(language),
                    "description": concept.description(language),
                    "colour": f"code-colour-{_palette(concept.colour)}",
                    "codable": concept.codable,
                }
            )
            add(concept.children, depth + 1)

    add(builtin.BUILTIN, 0)
    return render(request, "research/builtin_codebook.html", {"rows": rows})


def _palette(colour: str) -> int:
    from samverka.research.codebook.colours import palette_index

    return palette_index(colour)


@login_required
def builtin_qdc(request):
    if not _may_read_builtin(request.user):
        raise Http404
    language = _language()
    return attachment(
        Download(
            export.builtin_codebook_xml(language),
            export.QDC_TYPE,
            f"samverka-kodbok-{language}.qdc",
        )
    )


@research_view()
def codes(request, research):
    project = research.project
    form = CodeForm(request.POST or None, project=project)
    if request.method == "POST":
        if request.POST.get("builtin"):
            added = services.builtin_copy(project=project, language=_language(), by=request.user)
            messages.success(
                request, _("%(n)s codes from the built-in codebook are added.") % {"n": added}
            )
            return redirect("research:codes", project.code)
        if form.is_valid():
            try:
                services.code_save(project=project, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The code is added."))
                return redirect("research:codes", project.code)
    tree = flat(code_tree(project, counts=True))
    return render(
        request,
        "research/codes.html",
        {
            "research": research,
            "project": project,
            "nodes": tree,
            "form": form,
            "has_builtin": project.codes.exclude(builtin_key="").count()
            >= len(list(builtin.walk())),
        },
        status=400 if request.method == "POST" else 200,
    )


@research_view()
def code_edit(request, research, code_code):
    project = research.project
    code = get_object_or_404(project.codes, code=code_code)
    initial = {
        "name": code.name,
        "parent": code.parent_id,
        "description": code.description,
        "colour": code.colour,
        "codable": code.codable,
        "memo": code.memo,
    }
    form = CodeForm(request.POST or None, project=project, code=code, initial=initial)
    if request.method == "POST":
        if request.POST.get("delete"):
            removed = services.code_delete(code=code, by=request.user)
            messages.success(
                request,
                _("The code is removed, with %(n)s codings.") % {"n": removed},
            )
            return redirect("research:codes", project.code)
        if form.is_valid():
            try:
                services.code_save(project=project, code=code, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The code is saved."))
                return redirect("research:codes", project.code)
    return render(
        request,
        "research/code_form.html",
        {"research": research, "project": project, "code": code, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _retrieval_for(research, code, with_children: bool):
    pks = {code.pk}
    if with_children:
        pks |= descendants(code)
    return retrieval(research.project, pks)


@research_view()
def code_segments(request, research, code_code):
    """Every coded segment of a code (and the codes under it), with counts per municipality."""
    project = research.project
    code = get_object_or_404(project.codes, code=code_code)
    with_children = request.GET.get("children") == "1"
    found = _retrieval_for(research, code, with_children)
    services.segments_read(project=project, code=code, by=request.user)
    return render(
        request,
        "research/code_segments.html",
        {
            "research": research,
            "project": project,
            "code": code,
            "found": found,
            "with_children": with_children,
            "has_children": code.children.exists(),
        },
    )


@research_view()
def code_segments_export(request, research, code_code):
    project = research.project
    code = get_object_or_404(project.codes, code=code_code)
    with_children = request.GET.get("children") == "1"
    found = _retrieval_for(research, code, with_children)
    file_format = "csv" if request.GET.get("format") == "csv" else "xlsx"
    return attachment(
        services.segments_export(
            project=project, code=code, found=found, file_format=file_format, by=request.user
        )
    )


@research_view()
def codes_cooccurrence(request, research):
    project = research.project
    form = CodesChoiceForm(request.GET or None, project=project)
    chosen = []
    if form.is_bound and form.is_valid():
        chosen = form.cleaned_data["codes"]
    if not chosen:
        chosen = [
            n.code.pk for n in flat(code_tree(project, counts=True)) if n.count and n.code.codable
        ][:12]
    codes_chosen = list(project.codes.filter(pk__in=chosen).order_by("position", "name"))
    rows = cooccurrence(project, codes_chosen) if codes_chosen else []
    return render(
        request,
        "research/cooccurrence.html",
        {
            "research": research,
            "project": project,
            "form": form,
            "codes": codes_chosen,
            "rows": rows,
            "chosen": set(chosen),
        },
    )


@research_view()
@require_POST
def code_move(request, research, code_code):
    """Move a code up or down among its siblings."""
    project = research.project
    code = get_object_or_404(project.codes, code=code_code)
    services.code_move(code=code, up=request.POST.get("direction") == "up", by=request.user)
    return redirect("research:codes", project.code)
