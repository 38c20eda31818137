from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.jobs.services import job_start
from samverka.lib.disclosure import TOTAL
from samverka.orgs.decorators import collaboration_view, national_view
from samverka.orgs.models import Municipality
from samverka.reports.forms import ExportForm, NationalPeriodForm, PeriodForm
from samverka.reports.funder import FunderReport, display, funder_report, sees_exact_figures
from samverka.reports.jobs import NATIONAL_EXPORT
from samverka.reports.services import funder_report_export


def _municipality_tables(report: FunderReport, code: str, prefix: str) -> dict:
    return {
        "age_gender": report.age_gender_table(code, slug=f"{prefix}-age-gender", chart=True),
        "third_country": report.third_country_table(code, slug=f"{prefix}-third-country"),
        "headcounts": report.headcount_table(code, slug=f"{prefix}-headcounts"),
        "focus_areas": report.focus_area_table(code, slug=f"{prefix}-focus-areas", chart=True),
    }


def _summary(report: FunderReport, code: str) -> dict:
    return {
        "start": report.start,
        "end": report.end,
        "participants": display(report.participant_count(municipality=code)),
        "third_country": display(
            report.participant_count(municipality=code, third_country_national="yes")
        ),
        "headcounts": display(report.headcount(municipality=code)),
        "sessions": report.sessions(code),
        "activities": report.activities(code),
    }


def _download(export) -> HttpResponse:
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["Cache-Control"] = "no-store"
    return response


@collaboration_view(Capability.VIEW_AGGREGATES)
def funder(request, access):
    """The funder count of the collaboration's own participants, headcounts and sessions."""
    collaboration = access.collaboration
    municipality = collaboration.municipality
    exact = sees_exact_figures(access)
    form = PeriodForm(request.GET if request.GET else None)
    period = form.period()
    context = {
        "collaboration": collaboration,
        "municipality": municipality,
        "form": form,
        "exact": exact,
        "report": None,
    }
    if period is not None:
        report = funder_report(
            start=period[0], end=period[1], controlled=not exact, collaborations=[collaboration.pk]
        )
        context.update(
            report=report,
            summary=_summary(report, municipality.code),
            tables=_municipality_tables(report, municipality.code, "m"),
            start=period[0],
            end=period[1],
        )
    return render(request, "reports/funder.html", context)


@collaboration_view(Capability.VIEW_AGGREGATES)
@require_POST
def funder_export(request, access):
    """The shareable export is disclosure-controlled (it leaves the circle); those who see the
    figures exactly may also download them exactly, for the funder report itself."""
    collaboration = access.collaboration
    form = ExportForm(request.POST, exact_allowed=sees_exact_figures(access))
    if not form.is_valid():
        messages.error(request, _("The export could not be made: check the period."))
        return redirect("reports:funder", access.code)
    data = form.cleaned_data
    report = funder_report(
        start=data["from"],
        end=data["to"],
        controlled=not data.get("exact"),
        collaborations=[collaboration.pk],
    )
    export = funder_report_export(
        report=report,
        file_format=data["format"],
        by=request.user,
        municipality=collaboration.municipality.code,
        collaboration=collaboration,
    )
    return _download(export)


@national_view(Capability.VIEW_NATIONAL_COMPARISONS)
def national_funder(request, national):
    """All municipalities, exact; a toggle previews the disclosure-controlled version.

    Researchers always read the disclosure-controlled version; a researcher by membership
    counts only their collaborations (the decorator opens exactly their tenant scope)."""
    municipalities = list(
        Municipality.objects.filter(collaborations__in=national.collaborations())
        .distinct()
        .order_by("name")
    )
    form = NationalPeriodForm(request.GET if request.GET else None, municipalities=municipalities)
    period = form.period()
    context = {"form": form, "report": None}
    if period is not None:
        controlled = bool(form.is_bound and form.cleaned_data.get("controlled"))
        controlled = controlled or not national.exact_figures
        chosen = form.cleaned_data.get("municipality", "") if form.is_bound else ""
        report = funder_report(start=period[0], end=period[1], controlled=controlled)
        names = {m.code: m.name for m in municipalities}
        context.update(
            report=report,
            controlled=controlled,
            exact_allowed=national.exact_figures,
            scoped=national.is_scoped,
            start=period[0],
            end=period[1],
            summary=_summary(report, TOTAL),
            municipality_table=report.municipality_table(
                names, slug="n-municipalities", chart=True
            ),
            tables=_municipality_tables(report, TOTAL, "n"),
            chosen=chosen,
            chosen_name=names.get(chosen, ""),
            chosen_tables=_municipality_tables(report, chosen, "c") if chosen else None,
            toggle_query=urlencode(
                {
                    "from": period[0].isoformat(),
                    "to": period[1].isoformat(),
                    "municipality": chosen,
                    **({} if controlled else {"controlled": "on"}),
                }
            ),
        )
    return render(request, "reports/national_funder.html", context)


@national_view(Capability.VIEW_NATIONAL_COMPARISONS)
@require_POST
def national_funder_export(request, national):
    municipalities = Municipality.objects.filter(
        collaborations__in=national.collaborations()
    ).distinct()
    form = ExportForm(request.POST, municipalities=municipalities, national=True)
    if not form.is_valid():
        messages.error(request, _("The export could not be made: check the period."))
        return redirect(reverse("reports:national_funder"))
    data = form.cleaned_data
    controlled = data["controlled"] or not national.exact_figures  # researchers: always
    job = job_start(
        kind=NATIONAL_EXPORT,
        title=_("Funder report %(start)s – %(end)s (%(marking)s)")
        % {
            "start": data["from"].isoformat(),
            "end": data["to"].isoformat(),
            "marking": _("disclosure-controlled") if controlled else _("exact"),
        },
        params={
            "from": data["from"].isoformat(),
            "to": data["to"].isoformat(),
            "controlled": controlled,
            "format": data["format"],
            "municipality": data["municipality"] or "",
        },
        by=request.user,
        back_url=reverse("reports:national_funder"),
    )
    return redirect("jobs:detail", job_code=job.code)
