"""A project's material: the list with upload and survey pulls, a source with its coded text
and the coding form, and changes to codings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.lib.uploads import UploadRefused
from samverka.research.access import research_view
from samverka.research.codebook.selectors import code_tree, flat
from samverka.research.projects.models import DataKind
from samverka.research.sources import selectors, services
from samverka.research.sources.forms import (
    CodingEditForm,
    CodingForm,
    PullForm,
    SourceForm,
    UploadForm,
)
from samverka.research.sources.models import Coding


def _rounds(research):
    from samverka.surveys.rounds.models import Round

    return (
        Round.objects.filter(collaboration__in=research.collaborations())
        .select_related("collaboration__municipality")
        .order_by("collaboration__municipality__name", "-opens_on")
    )


def _lists(request, research, *, upload_form=None, pull_form=None, status=200):
    project = research.project
    collaborations = research.collaborations()
    return render(
        request,
        "research/sources.html",
        {
            "research": research,
            "project": project,
            "sources": selectors.sources_of(project).order_by(
                "collaboration__municipality__name", "name"
            ),
            "upload_form": upload_form
            or UploadForm(collaborations=collaborations, request=request),
            "pull_form": pull_form or PullForm(rounds=_rounds(research)),
            "can_pull": project.asks_for(DataKind.FREE_TEXT),
            "has_collaborations": bool(research.collaboration_ids),
        },
        status=status,
    )


@research_view()
def sources(request, research):
    return _lists(request, research)


@research_view()
@require_POST
def source_upload(request, research):
    form = UploadForm(
        request.POST, request.FILES, collaborations=research.collaborations(), request=request
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            source = services.source_upload(
                research=research,
                collaboration=data["collaboration"],
                kind=data["kind"],
                name=data["name"],
                upload=data["file"],
                by=request.user,
            )
        except (ValidationError, UploadRefused) as error:
            form.add_error("file", getattr(error, "message", None) or error)
        else:
            messages.success(request, _("The source is added. Select passages to code them."))
            return redirect("research:source", research.code, source.code)
    return _lists(request, research, upload_form=form, status=400)


@research_view()
@require_POST
def survey_pull(request, research):
    form = PullForm(request.POST, rounds=_rounds(research))
    if form.is_valid():
        try:
            source = services.survey_pull(
                research=research, survey_round=form.cleaned_data["survey_round"], by=request.user
            )
        except ValidationError as error:
            form.add_error("survey_round", error)
        else:
            messages.success(request, _("The free-text answers are added as a source."))
            return redirect("research:source", research.code, source.code)
    return _lists(request, research, pull_form=form, status=400)


def _source(research, source_code):
    return get_object_or_404(selectors.sources_of(research.project), code=source_code)


def _render_source(request, research, source, *, form=None, status=200):
    project = research.project
    codings = list(source.codings.select_related("code").order_by("start", "end", "pk"))
    services.source_viewed(research=research, source=source, by=request.user)
    return render(
        request,
        "research/source.html",
        {
            "research": research,
            "project": project,
            "source": source,
            "paragraphs": selectors.paragraphs(source.text, codings),
            "codings": codings,
            "form": form or CodingForm(project=project),
            "legend": [n for n in flat(code_tree(project)) if n.code.codable],
            "post_url": reverse("research:coding_add", args=[project.code, source.code]),
        },
        status=status,
    )


@research_view()
def source(request, research, source_code):
    return _render_source(request, research, _source(research, source_code))


@research_view()
@require_POST
def coding_add(request, research, source_code):
    project = research.project
    source = _source(research, source_code)
    form = CodingForm(request.POST, project=project)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.coding_add(
                research=research,
                source=source,
                code=data["code"],
                start=data.get("start"),
                end=data.get("end"),
                quote=data.get("quote") or "",
                occurrence=data.get("occurrence") or 1,
                memo=data.get("memo") or "",
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The passage is coded with %(code)s.") % {"code": data["code"].name}
            )
            return redirect(
                reverse("research:source", args=[project.code, source.code]) + "#coding-form"
            )
    # The source page again, with the form's errors (what the person chose is kept).
    return _render_source(request, research, source, form=form, status=400)


@research_view()
def source_edit(request, research, source_code):
    project = research.project
    source = _source(research, source_code)
    form = SourceForm(
        request.POST or None,
        initial={"name": source.name, "direction": source.direction, "memo": source.memo},
    )
    if request.method == "POST":
        if request.POST.get("delete"):
            services.source_delete(research=research, source=source, by=request.user)
            messages.success(request, _("The source is removed with its codings."))
            return redirect("research:sources", project.code)
        if form.is_valid():
            services.source_update(
                research=research, source=source, by=request.user, **form.cleaned_data
            )
            messages.success(request, _("The source is saved."))
            return redirect("research:source", project.code, source.code)
    return render(
        request,
        "research/source_form.html",
        {"research": research, "project": project, "source": source, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@research_view()
def coding_edit(request, research, source_code, coding_ref):
    project = research.project
    source = _source(research, source_code)
    coding = get_object_or_404(Coding.objects.filter(source=source), ref=coding_ref)
    form = CodingEditForm(
        request.POST or None,
        project=project,
        initial={"code": coding.code_id, "memo": coding.memo},
    )
    if request.method == "POST":
        if request.POST.get("delete"):
            services.coding_delete(research=research, coding=coding, by=request.user)
            messages.success(request, _("The coding is removed."))
            return redirect("research:source", project.code, source.code)
        if form.is_valid():
            try:
                services.coding_update(
                    research=research, coding=coding, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The coding is saved."))
                return redirect("research:source", project.code, source.code)
    return render(
        request,
        "research/coding_form.html",
        {
            "research": research,
            "project": project,
            "source": source,
            "coding": coding,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )
