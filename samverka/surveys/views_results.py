"""Survey results for staff: per item distributions, breakdowns, comparison of two rounds,
free-text answers, exports and a printable summary.

Every number comes from the controlled cubes of `results.round_results` (see results.py).
"""

import math
from dataclasses import dataclass

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samverka.accounts.roles import Capability
from samverka.lib.disclosure import TOTAL, display
from samverka.orgs.decorators import collaboration_view, national_view
from samverka.reports.funder import Row, Table, bar_chart
from samverka.surveys import exports_results
from samverka.surveys.instruments.texts import text
from samverka.surveys.models import Instrument
from samverka.surveys.results import (
    ANSWERED,
    DIMENSION_LABELS,
    DIMENSIONS,
    KIND_MULTIPLE,
    KIND_NUMBER,
    KIND_SCALE,
    KIND_TEXT,
    MIN_GROUP,
    NO_ANSWER,
    ComparedItem,
    ItemResult,
    RoundResults,
    cached_round_results,
    comparable_rounds,
    compare,
    interface_language,
    measure_label,
    national_results,
    national_rounds,
)

C = Capability
NOT_SHOWN = "–"


# ------------------------------------------------------------------------------------ forms


class BreakdownForm(forms.Form):
    by = forms.ChoiceField(
        label=gettext_lazy("Break down by"),
        required=False,
        choices=[
            ("", gettext_lazy("No breakdown")),
            *[(d, DIMENSION_LABELS[d]) for d in DIMENSIONS],
        ],
        widget=forms.Select(attrs={"data-autosubmit": ""}),
    )

    def dimension(self) -> str:
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get("by") or ""
        return ""


class CompareForm(forms.Form):
    """?with=<round code>: the field is named "with", which a class attribute cannot be."""

    def __init__(self, *args, rounds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["with"] = forms.ChoiceField(
            label=gettext_lazy("Compare with"),
            choices=[("", gettext_lazy("Choose a round"))]
            + [(r.code, _round_choice_label(r)) for r in rounds],
            error_messages={
                "invalid_choice": gettext_lazy("Choose one of the rounds in the list."),
                "required": gettext_lazy("Choose a round to compare with."),
            },
        )


def _round_choice_label(round_) -> str:
    return _("%(title)s (%(opens)s – %(closes)s, %(instrument)s v%(number)s)") % {
        "title": round_.title,
        "opens": formats.date_format(round_.opens_on, "SHORT_DATE_FORMAT"),
        "closes": formats.date_format(round_.closes_on, "SHORT_DATE_FORMAT"),
        "instrument": round_.version.instrument.name,
        "number": round_.version.number,
    }


class NationalResultsForm(forms.Form):
    """Which built-in instrument, which period (when answers were sent), broken down or not."""

    instrument = forms.ChoiceField(label=gettext_lazy("Survey"))
    start = forms.DateField(
        label=gettext_lazy("Answers sent from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=gettext_lazy("to"), widget=forms.DateInput(attrs={"type": "date"}))
    by = forms.ChoiceField(
        label=gettext_lazy("Break down by"),
        required=False,
        choices=[
            ("", gettext_lazy("No breakdown")),
            ("municipality", DIMENSION_LABELS["municipality"]),
        ],
    )

    def __init__(self, *args, instruments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].choices = [(i.key or i.code, i.name) for i in instruments]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period must end on or after the day it starts."))
        return data


# ----------------------------------------------------------------------------- formatting


def percent_text(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return NOT_SHOWN
    return _("%(value)s %%") % {"value": _number(value, decimals)}


def _number(value: float, decimals: int) -> str:
    """Rounded half away from zero (number_format alone would cut the decimals off)."""
    factor = 10**decimals
    rounded = math.floor(abs(value) * factor + 0.5) / factor
    return formats.number_format(math.copysign(rounded, value), decimals)


def number_text(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return NOT_SHOWN
    return _number(value, decimals)


def change_text(value: float | None, decimals: int) -> str:
    if value is None:
        return NOT_SHOWN
    number = _number(abs(value), decimals)
    if number == _number(0, decimals):
        return f"±{number}"
    return f"{'+' if value > 0 else '−'}{number}"


def count_and_percent(count: int | None, percent: float | None) -> str:
    if count is None:
        return display(None)
    if percent is None:
        return str(count)
    return _("%(count)s (%(percent)s)") % {"count": count, "percent": percent_text(percent)}


# ----------------------------------------------------------------------------- item views


@dataclass
class Column:
    dimension: str | None
    group: str
    label: str


def columns_for(results: RoundResults, dimension: str | None) -> list[Column]:
    columns = [Column(None, TOTAL, _("All"))]
    breakdown = results.breakdown(dimension)
    if breakdown is not None:
        columns += [Column(breakdown.dimension, g.key, g.label) for g in breakdown.groups]
    return columns


@dataclass
class ItemView:
    """What the templates show of one item: table, chart data and summary lines."""

    result: ItemResult
    slug: str
    table: Table | None
    summary: list[tuple[str, str]]
    text_answers: str = ""
    not_broken_down: str = ""  # the dimension asked for, when this item cannot show it

    @property
    def item(self):
        return self.result.item

    @property
    def question(self) -> str:
        return self.result.question

    @property
    def kind(self) -> str:
        return self.result.kind

    @property
    def measure_label(self) -> str:
        return measure_label(self.result.measure) if self.result.measure else ""


def item_view(item: ItemResult, columns: list[Column], index: int, *, chart: bool) -> ItemView:
    slug = f"item-{index}-{slugify(item.item_id)}"
    if item.kind == KIND_TEXT:
        return ItemView(item, slug, None, [], text_answers=display(item.count(ANSWERED)))
    not_broken_down = ""
    if len(columns) > 1 and not item.has_dimension(columns[1].dimension):
        not_broken_down = str(DIMENSION_LABELS[columns[1].dimension])
        columns = columns[:1]
    breakdown = len(columns) > 1
    rows: list[Row] = []
    for row in item.answer_rows:
        if breakdown:
            values = [
                count_and_percent(
                    item.count(row.value, c.dimension, c.group),
                    item.percent(row.value, c.dimension, c.group),
                )
                for c in columns
            ]
        else:
            values = [display(item.count(row.value)), percent_text(item.percent(row.value))]
        rows.append(Row(row.label, values))
    if item.count(NO_ANSWER) != 0:
        missing = [display(item.no_answer(c.dimension, c.group)) for c in columns]
        rows.append(Row(_("Not answered"), missing if breakdown else [*missing, ""]))
    answered = [display(item.answered(c.dimension, c.group)) for c in columns]
    rows.append(Row(_("Answered (n)"), answered if breakdown else [*answered, ""], total=True))

    def stat_row(label, values):
        rows.append(Row(label, values if breakdown else [values[0], ""], total=True))

    summary = []
    if item.kind == KIND_SCALE:
        shares = [percent_text(item.share_agreeing(c.dimension, c.group)) for c in columns]
        means = [number_text(item.mean(c.dimension, c.group)) for c in columns]
        stat_row(_("Agree (4–5)"), shares)
        stat_row(_("Mean (1–5)"), means)
        summary = [(_("Agree (4–5)"), shares[0]), (_("Mean (1–5)"), means[0])]
    elif item.kind == KIND_NUMBER:
        stats = [item.number_stats(c.dimension, c.group) for c in columns]
        means = [number_text(s.mean if s else None) for s in stats]
        medians = [number_text(s.median if s else None) for s in stats]
        stat_row(_("Mean"), means)
        stat_row(_("Median"), medians)
        summary = [(_("Mean"), means[0]), (_("Median"), medians[0])]
    header = [c.label for c in columns] if breakdown else [_("Count"), _("Share")]
    corner = _("Number range") if item.kind == KIND_NUMBER else _("Answer")
    if item.kind == KIND_MULTIPLE:
        caption = _("%(question)s (several answers possible)") % {"question": item.question}
    else:
        caption = item.question
    table = Table(caption=caption, corner=corner, columns=header, rows=rows, slug=slug)
    if chart:
        chart_columns = columns[1:] if breakdown else columns
        table.chart = bar_chart(
            labels=[row.label for row in item.answer_rows],
            datasets=[
                (
                    c.label,
                    [
                        _rounded(item.percent(r.value, c.dimension, c.group))
                        for r in item.answer_rows
                    ],
                )
                for c in chart_columns
            ],
            horizontal=True,
        )
    return ItemView(item, slug, table, summary, not_broken_down=not_broken_down)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def section_views(results: RoundResults, dimension: str | None, *, chart: bool) -> list[dict]:
    columns = columns_for(results, dimension)
    sections, index = [], 0
    for section in results.sections:
        views = []
        for item in section.items:
            index += 1
            views.append(item_view(item, columns, index, chart=chart))
        if views:
            sections.append({"title": section.title, "items": views})
    return sections


# ------------------------------------------------------------------------------- helpers


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


# --------------------------------------------------------------------------------- views


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
    if fmt not in exports_results.FORMATS:
        raise Http404
    round_ = _round(access, round_code)
    dimension = BreakdownForm(request.GET if "by" in request.GET else None).dimension()
    results_ = cached_round_results(round_, language="sv")
    export = exports_results.results_export(
        results=results_,
        dimension=dimension,
        file_format=fmt,
        by=request.user,
        collaboration=access.collaboration,
    )
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["Cache-Control"] = "no-store"
    return response


@collaboration_view(C.VIEW_SURVEY_FREE_TEXT)
@require_GET
def results_text(request, access, round_code):
    round_ = _round(access, round_code)
    texts = exports_results.free_text_read(round_=round_, by=request.user, language=_language())
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


@dataclass
class ComparedView:
    compared: ComparedItem
    slug: str
    table: Table


def compared_view(item: ComparedItem, index: int, label_a: str, label_b: str) -> ComparedView:
    slug = f"compare-{index}-{slugify(item.item_id)}"
    rows = [
        Row(
            row.label,
            [
                count_and_percent(row.count_a, row.percent_a)
                if row.count_a is not None or row.percent_a is not None
                else display(None),
                count_and_percent(row.count_b, row.percent_b)
                if row.count_b is not None or row.percent_b is not None
                else display(None),
                change_text(
                    None
                    if row.percent_a is None or row.percent_b is None
                    else row.percent_a - row.percent_b,
                    0,
                ),
            ],
        )
        for row in item.rows
    ]
    rows.append(
        Row(
            _("Answered (n)"),
            [display(item.answered_a), display(item.answered_b), ""],
            total=True,
        )
    )
    if item.kind == KIND_SCALE:
        rows.append(
            Row(
                _("Agree (4–5)"),
                [
                    percent_text(item.share_a),
                    percent_text(item.share_b),
                    change_text(item.share_change, 0),
                ],
                total=True,
            )
        )
        rows.append(
            Row(
                _("Mean (1–5)"),
                [
                    number_text(item.mean_a),
                    number_text(item.mean_b),
                    change_text(item.mean_change, 1),
                ],
                total=True,
            )
        )
    table = Table(
        caption=item.question,
        corner=_("Answer"),
        columns=[label_a, label_b, _("Difference")],
        rows=rows,
        slug=slug,
    )
    table.chart = bar_chart(
        labels=[row.label for row in item.rows],
        datasets=[
            (label_a, [_rounded(r.percent_a) for r in item.rows]),
            (label_b, [_rounded(r.percent_b) for r in item.rows]),
        ],
        horizontal=True,
    )
    return ComparedView(item, slug, table)


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
            label_a = (
                f"{round_.title} ({formats.date_format(round_.opens_on, 'SHORT_DATE_FORMAT')})"
            )
            label_b = f"{other.title} ({formats.date_format(other.opens_on, 'SHORT_DATE_FORMAT')})"
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


@national_view()
@require_GET
def national(request, national):
    """Built-in instruments' items over every collaboration, by municipality (controlled)."""
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
        rounds = national_rounds(instrument).filter(
            responses__submitted_at__date__gte=data["start"],
            responses__submitted_at__date__lte=data["end"],
        )
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
            rounds=rounds.order_by().distinct().count(),
            collaborations=rounds.order_by().values("collaboration").distinct().count(),
            sections=section_views(results, dimension, chart=True) if results.enough else [],
            measures=results.measures() if results.enough else [],
        )
    return render(request, "surveys/results/national.html", context)
