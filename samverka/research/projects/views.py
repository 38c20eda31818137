"""Research projects: the list, a new project, its page, researchers, inclusions, memos and
the access log. Views declare their scope (`research_view`) and call services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.orgs.models import Collaboration
from samverka.research.access import research_view
from samverka.research.projects import selectors, services
from samverka.research.projects.forms import (
    InclusionRequestForm,
    MemoForm,
    NewProjectForm,
    ProjectForm,
    ResearcherForm,
)
from samverka.research.projects.models import InclusionStatus


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _language() -> str:
    return "en" if (get_language() or "").startswith("en") else "sv"


@login_required
def home(request):
    """The research projects a person works in (all of them for the national lead)."""
    user = request.user
    researcher = selectors.is_researcher(user)
    if not researcher and not user.is_national_lead:
        raise Http404
    projects = selectors.projects_for(user).order_by("-starts_on", "title")
    return render(
        request,
        "research/home.html",
        {"projects": projects, "can_start": researcher, "is_lead": user.is_national_lead},
    )


@login_required
def project_create(request):
    if not selectors.is_researcher(request.user):
        raise Http404
    form = NewProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = services.project_create(
                title=data["title"],
                purpose=data["purpose"],
                ethics_reference=data["ethics_reference"],
                ethics_approved_on=data["ethics_approved_on"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                data_requested=data["data_requested"],
                builtin_codebook=data["builtin_codebook"],
                language=_language(),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The project is created. Ask the collaborations you need to include it."),
            )
            return redirect("research:project", project.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "research/project_form.html", {"form": form}, status=status)


@research_view(material=False)
def project(request, research):
    project = research.project
    context = {
        "research": research,
        "project": project,
        "researchers": selectors.active_researchers(project),
        "inclusions": selectors.inclusions_of(project),
    }
    if research.is_researcher:
        from samverka.research.sources.selectors import codings_of, sources_of

        context.update(
            sources=sources_of(project).count(),
            codings=codings_of(project).count(),
            codes=project.codes.count(),
            datasets=project.datasets.count(),
            memos=project.memos.all()[:5],
        )
    if research.is_lead:
        taken = project.inclusions.filter(status__in=InclusionStatus.current()).values(
            "collaboration_id"
        )
        context["request_form"] = InclusionRequestForm(
            collaborations=Collaboration.objects.exclude(pk__in=taken).select_related(
                "municipality"
            )
        )
    return render(request, "research/project.html", context)


@research_view(lead=True)
def project_edit(request, research):
    project = research.project
    form = ProjectForm(
        request.POST or None, instance=project, initial={"data_requested": project.data_requested}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(project=project, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The project is saved."))
            return redirect("research:project", project.code)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "research/project_form.html",
        {"form": form, "project": project, "research": research},
        status=status,
    )


@research_view(lead=True)
def researchers(request, research):
    project = research.project
    form = ResearcherForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.researcher_add(
                project=project,
                user=form.cleaned_data["username"],
                lead=form.cleaned_data["lead"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("username", error)
        else:
            messages.success(request, _("The researcher is added."))
            return redirect("research:researchers", project.code)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "research/researchers.html",
        {
            "research": research,
            "project": project,
            "form": form,
            "researchers": selectors.active_researchers(project),
        },
        status=status,
    )


@research_view(lead=True)
@require_POST
def researcher_remove(request, research, researcher_code):
    researcher = get_object_or_404(research.project.researchers.active(), code=researcher_code)
    try:
        services.researcher_remove(researcher=researcher, by=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("The researcher is removed from the project."))
    return redirect("research:researchers", research.code)


@research_view(lead=True)
@require_POST
def inclusions_request(request, research):
    project = research.project
    taken = project.inclusions.filter(status__in=InclusionStatus.current()).values(
        "collaboration_id"
    )
    form = InclusionRequestForm(
        request.POST, collaborations=Collaboration.objects.exclude(pk__in=taken)
    )
    if form.is_valid():
        made = services.inclusion_request(
            project=project, collaborations=form.cleaned_data["collaborations"], by=request.user
        )
        messages.success(
            request,
            _("%(n)s collaborations are asked. Their coordinators decide.") % {"n": len(made)},
        )
    else:
        messages.error(request, _("Choose at least one collaboration."))
    return redirect("research:project", project.code)


@research_view(lead=True)
@require_POST
def inclusion_withdraw(request, research, inclusion_code):
    inclusion = get_object_or_404(research.project.inclusions, code=inclusion_code)
    try:
        services.inclusion_withdraw(inclusion=inclusion, by=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(
            request,
            _("%(name)s is no longer part of the project.") % {"name": inclusion.collaboration},
        )
    return redirect("research:project", research.code)


@research_view(material=False)
def access_log(request, research):
    page = Paginator(selectors.access_log(research.project), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "research/access_log.html",
        {"research": research, "project": research.project, "page": page},
    )


@research_view()
def memos(request, research):
    project = research.project
    form = MemoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.memo_save(project=project, by=request.user, **form.cleaned_data)
        messages.success(request, _("The memo is saved."))
        return redirect("research:memos", project.code)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "research/memos.html",
        {"research": research, "project": project, "form": form, "memos": project.memos.all()},
        status=status,
    )


@research_view()
def memo_edit(request, research, memo_code):
    project = research.project
    memo = get_object_or_404(project.memos, code=memo_code)
    form = MemoForm(request.POST or None, initial={"title": memo.title, "text": memo.text})
    if request.method == "POST":
        if request.POST.get("delete"):
            services.memo_delete(memo=memo, by=request.user)
            messages.success(request, _("The memo is removed."))
            return redirect("research:memos", project.code)
        if form.is_valid():
            services.memo_save(project=project, memo=memo, by=request.user, **form.cleaned_data)
            messages.success(request, _("The memo is saved."))
            return redirect("research:memos", project.code)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "research/memo_form.html",
        {"research": research, "project": project, "form": form, "memo": memo},
        status=status,
    )
