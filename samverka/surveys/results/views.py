"""Survey results for staff: per item distributions, breakdowns, comparison of two rounds,
free-text answers, exports and a printable summary.

Every number comes from the controlled cubes of `selectors.round_results` (see the room's text,
`results/__init__.py`).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from samverka.accounts.roles import Capability
from samverka.lib.disclosure import display
from samverka.lib.downloads import attachment
from samverka.orgs.decorators import collaboration_view, national_view
from samverka.surveys.instruments.models import Instrument
from samverka.surveys.instruments.texts import text
from samverka.surveys.results import exports, services
from samverka.surveys.results.breakdowns import DIMENSION_LABELS, MIN_GROUP
from samverka.surveys.results.compare import compare
from samverka.surveys.results.forms import BreakdownForm, CompareForm, NationalResultsForm
from samverka.surveys.results.selectors import (
    RoundResults,
    cached_round_results,
    comparable_rounds,
    national_results,
)
from samverka.surveys.results.tables import compared_view, section_views
from samverka.surveys.rounds.selectors import round_reach

C = Capability


def interface_language(language_code: str | None) -> str:
    """Item texts follow the staff interface: English when it is English, else Swedish."""
    return "en" if (language_code or "").startswith("en") else "sv"


def _round(access, round_code):
    rounds = access.collaboration.survey_rounds.select_related(
        "version__instrument", "activity", "session"
    )
    return get_object_or_404(rounds, code=round_code)


def _language() -> str:
    return interface_language(get_language())


def _results_context(request, access, round_) -> dict:
    form = BreakdownForm(request.GET if "by" in request.GET else None)
    dimension = form.dimension()
    results = cached_round_results(round_, language=_language())
    breakdown = results.breakdown(dimension)
    query = urlencode({"by": dimension}) if dimension else ""
    return {
        "collaboration": access.collaboration,
        "round": round_,
        "version": round_.version,
        "version_title": text(round_.version.title, _language()),
        "results": results,
        "form": form,
        "dimension": dimension,
        "dimension_label": DIMENSION_LABELS.get(dimension, ""),
        "breakdown": breakdown,
        "breakdown_unavailable": bool(dimension) and breakdown is None and results.enough,
        "query": f"?{query}" if query else "",
        "min_group": MIN_GROUP,
        "can_free_text": access.can(C.VIEW_SURVEY_FREE_TEXT),
        "group_sizes": _group_sizes(results, breakdown),
    }


def _group_sizes(results: RoundResults, breakdown) -> list[tuple[str, str]]:
    if breakdown is None or not results.items:
        return []
    first = results.items[0]
    return [
        (g.label, display(first.group_size(breakdown.dimension, g.key))) for g in breakdown.groups
    ]


@collaboration_view(C.VIEW_SURVEY_RESULTS)
@require_GET
def results(request, access, round_code):
    round_ = _round(access, round_code)
    context = _results_context(request, access, round_)
    results_ = context["results"]
    if results_.enough:
        context["sections"] = section_views(results_, context["dimension"], chart=True)
        context["measures"] = results_.measures()
    context["has_comparable"] = bool(comparable_rounds(round_))
    # How many were offered it, the response rate and who answered beside who attended
    # (samverka/followup's survey denominators).
    context["reach"] = round_reach(round_)
    return render(request, "surveys/results/results.html", context)


@collaboration_view(C.VIEW_SURVEY_RESULTS)
@require_GET
def results_print(request, access, round_code):
    round_ = _round(access, round_code)
    context = _results_context(request, access, round_)
    results_ = context["results"]
    if results_.enough:
        context["sections"] = section_views(results_, context["dimension"], chart=False)
        context["measures"] = results_.measures()
    return render(request, "surveys/results/print.html", context)


@collaboration_view(C.VIEW_SURVEY_RESULTS)
@require_GET
def results_export(request, access, round_code, fmt):
    if fmt not in exports.FORMATS:
        raise Http404
    round_ = _round(access, round_code)
    dimension = BreakdownForm(request.GET if "by" in request.GET else None).dimension()
    results_ = cached_round_results(round_, language="sv")
    export = services.results_export(
        results=results_,
        dimension=dimension,
        file_format=fmt,
        by=request.user,
        collaboration=access.collaboration,
    )
    return attachment(export)


@collaboration_view(C.VIEW_SURVEY_FREE_TEXT)
@require_GET
def results_text(request, access, round_code):
    round_ = _round(access, round_code)
    texts = services.free_text_read(round_=round_, by=request.user, language=_language())
    return render(
        request,
        "surveys/results/free_text.html",
        {
            "collaboration": access.collaboration,
            "round": round_,
            "texts": texts,
            "enough": texts is not None,
            "min_group": MIN_GROUP,
        },
    )


def _dated(round_) -> str:
    return f"{round_.title} ({formats.date_format(round_.opens_on, 'SHORT_DATE_FORMAT')})"


@collaboration_view(C.VIEW_SURVEY_RESULTS)
@require_GET
def results_compare(request, access, round_code):
    round_ = _round(access, round_code)
    candidates = comparable_rounds(round_)
    form = CompareForm(request.GET if "with" in request.GET else None, rounds=candidates)
    context = {
        "collaboration": access.collaboration,
        "round": round_,
        "form": form,
        "candidates": candidates,
        "other": None,
        "min_group": MIN_GROUP,
    }
    if form.is_bound and form.is_valid():
        other = next(r for r in candidates if r.code == form.cleaned_data["with"])
        language = _language()
        results_a = cached_round_results(round_, language=language)
        results_b = cached_round_results(other, language=language)
        compared = compare(results_a, results_b)
        label_a, label_b = round_.title, other.title
        if label_a == label_b:
            label_a, label_b = _dated(round_), _dated(other)
        context.update(
            other=other,
            results_a=results_a,
            results_b=results_b,
            label_a=label_a,
            label_b=label_b,
            views=[
                compared_view(item, index, label_a, label_b)
                for index, item in enumerate(compared, start=1)
            ],
        )
    return render(request, "surveys/results/compare.html", context)


@national_view(C.VIEW_NATIONAL_COMPARISONS)
@require_GET
def national(request, national):
    """Built-in instruments' items over every collaboration, by municipality (controlled).

    National leads and researchers read it; a researcher by membership sees the collaborations
    they are a researcher in (the decorator opens the tenant scope of exactly those)."""
    instruments = list(Instrument.objects.filter(builtin=True).order_by("name"))
    today = timezone.localdate()
    initial = {
        "start": today.replace(month=1, day=1),
        "end": today,
        "instrument": (instruments[0].key or instruments[0].code) if instruments else "",
    }
    form = NationalResultsForm(
        request.GET if "instrument" in request.GET else None,
        instruments=instruments,
        initial=initial,
    )
    data = form.cleaned_data if form.is_bound and form.is_valid() else None
    if not form.is_bound and instruments:
        data = initial
    context = {"form": form, "instruments": instruments, "min_group": MIN_GROUP, "results": None}
    if data is not None:
        instrument = next(i for i in instruments if (i.key or i.code) == data["instrument"])
        results = national_results(
            instrument, start=data["start"], end=data["end"], language=_language()
        )
        dimension = data.get("by") or ""
        breakdown = results.breakdown(dimension)
        context.update(
            instrument=instrument,
            start=data["start"],
            end=data["end"],
            results=results,
            dimension=dimension,
            breakdown=breakdown,
            breakdown_unavailable=bool(dimension) and breakdown is None and results.enough,
            dimension_label=DIMENSION_LABELS.get(dimension, ""),
            group_sizes=_group_sizes(results, breakdown),
            rounds=results.rounds_answered,
            collaborations=results.collaborations_answered,
            sections=section_views(results, dimension, chart=True) if results.enough else [],
            measures=results.measures() if results.enough else [],
        )
    return render(request, "surveys/results/national.html", context)
