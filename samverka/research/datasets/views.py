"""A project's datasets: define one, see what the last export did, export it (small ones at
once, large ones as background work)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.jobs.services import job_start
from samverka.lib.downloads import Download, attachment
from samverka.research.access import research_view
from samverka.research.datasets import services
from samverka.research.datasets.formats import ZIP_TYPE
from samverka.research.datasets.forms import DatasetForm
from samverka.research.datasets.jobs import KIND
from samverka.research.projects.models import DataKind

# Datasets with more participants than this are made in the background (samverka/jobs).
BACKGROUND_FROM = 3000


def _rounds(research):
    from samverka.surveys.rounds.models import Round

    return (
        Round.objects.filter(collaboration__in=research.collaborations())
        .select_related("collaboration__municipality")
        .order_by("collaboration__municipality__name", "-opens_on")
    )


def _language() -> str:
    return "en" if (get_language() or "").startswith("en") else "sv"


def _form(request, research, dataset=None):
    project = research.project
    initial = {}
    if dataset is None:
        initial = {
            "title": _("Participation and attendance"),
            "starts_on": project.starts_on,
            "ends_on": project.ends_on,
        }
    return DatasetForm(
        request.POST or None,
        instance=dataset,
        initial=initial,
        rounds=_rounds(research),
        ask_surveys=project.asks_for(DataKind.SURVEY_ANSWERS),
    )


def _save(request, research, form, dataset=None):
    data = form.cleaned_data
    try:
        return services.dataset_save(
            research=research,
            dataset=dataset,
            title=data["title"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            period=data["period"],
            k=data["k"],
            survey_rounds=data.get("survey_rounds") or [],
            by=request.user,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None


@research_view()
def datasets(request, research):
    project = research.project
    form = _form(request, research) if project.asks_for(DataKind.REGISTER) else None
    if request.method == "POST" and form is not None and form.is_valid():
        dataset = _save(request, research, form)
        if dataset is not None:
            messages.success(request, _("The dataset is defined. Export it when you are ready."))
            return redirect("research:dataset", project.code, dataset.code)
    return render(
        request,
        "research/datasets.html",
        {
            "research": research,
            "project": project,
            "datasets": project.datasets.all(),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@research_view()
def dataset(request, research, dataset_code):
    project = research.project
    dataset = get_object_or_404(project.datasets, code=dataset_code)
    form = _form(request, research, dataset)
    if request.method == "POST":
        if request.POST.get("delete"):
            services.dataset_delete(research=research, dataset=dataset, by=request.user)
            messages.success(request, _("The dataset is removed."))
            return redirect("research:datasets", project.code)
        if form.is_valid() and _save(request, research, form, dataset) is not None:
            messages.success(request, _("The dataset is saved."))
            return redirect("research:dataset", project.code, dataset.code)
    return render(
        request,
        "research/dataset.html",
        {
            "research": research,
            "project": project,
            "dataset": dataset,
            "form": form,
            "estimate": services.participants_estimate(dataset),
            "summary": dataset.last_summary,
            "background_from": BACKGROUND_FROM,
        },
        status=400 if request.method == "POST" else 200,
    )


@research_view()
@require_POST
def dataset_export(request, research, dataset_code):
    project = research.project
    dataset = get_object_or_404(project.datasets, code=dataset_code)
    if services.participants_estimate(dataset) > BACKGROUND_FROM:
        job = job_start(
            kind=KIND,
            title=_("Dataset %(title)s") % {"title": dataset.title},
            params={"project": project.code, "dataset": dataset.code, "language": _language()},
            by=request.user,
            back_url=reverse("research:dataset", args=[project.code, dataset.code]),
        )
        return redirect("jobs:detail", job.code)
    try:
        content, filename = services.dataset_export(
            dataset=dataset, by=request.user, language=_language()
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("research:dataset", project.code, dataset.code)
    return attachment(Download(content, ZIP_TYPE, filename))
