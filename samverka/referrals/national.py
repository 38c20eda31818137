"""The national comparison of gaps: needs nobody met and failed referrals per municipality.

Read-only for the national lead and researchers (a researcher by membership sees the
collaborations they are a researcher in). Every figure comes from one disclosure-controlled
cube (`selectors.national_gap_cube`), also for the national lead: the page is meant to be shown
and shared, like the collaboration's own gaps page.
"""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from samverka.accounts.roles import Capability
from samverka.lib.disclosure import TOTAL, display
from samverka.lib.exports import download
from samverka.orgs.decorators import national_view
from samverka.orgs.models import Municipality
from samverka.referrals import selectors, services
from samverka.referrals.models import NeedCategory

RAISED, FAILED = selectors.GAP_MEASURES


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *[(y, y) for y in years]]


def _comparison(national, data):
    collaborations = national.collaborations().order_by("municipality__name")
    years = selectors.referral_years(collaborations)
    form = YearForm(data or None, years=years)
    year = form.cleaned_data.get("year") if form.is_bound and form.is_valid() else None
    municipalities, cube = selectors.national_gap_cube(collaborations, year=year)
    names = dict(Municipality.objects.filter(code__in=municipalities).values_list("code", "name"))
    municipalities = sorted(municipalities, key=lambda code: names.get(code, code))
    rows = []
    for need in NeedCategory:
        cells = [
            (display(cube[(need.value, m, RAISED)]), display(cube[(need.value, m, FAILED)]))
            for m in municipalities
        ]
        total = (
            display(cube[(need.value, TOTAL, RAISED)]),
            display(cube[(need.value, TOTAL, FAILED)]),
        )
        rows.append({"need": need, "cells": cells, "total": total})
    totals = [
        (display(cube[(TOTAL, m, RAISED)]), display(cube[(TOTAL, m, FAILED)]))
        for m in municipalities
    ]
    grand = (display(cube[(TOTAL, TOTAL, RAISED)]), display(cube[(TOTAL, TOTAL, FAILED)]))
    return {
        "form": form,
        "year": year,
        "municipalities": [(m, names.get(m, m)) for m in municipalities],
        "rows": rows,
        "totals": totals,
        "grand": grand,
        "scoped": national.is_scoped,
    }


@national_view(Capability.VIEW_NATIONAL_COMPARISONS)
@require_GET
def national_gaps(request, national):
    return render(request, "referrals/national_gaps.html", _comparison(national, request.GET))


@national_view(Capability.VIEW_NATIONAL_COMPARISONS)
@require_GET
def national_gaps_export(request, national):
    """The same controlled figures as the page, as CSV (long format); the export is audited."""
    context = _comparison(national, request.GET)
    lines = []
    for row in context["rows"]:
        for (code, name), (raised, failed) in zip(
            context["municipalities"], row["cells"], strict=True
        ):
            lines.append([row["need"].value, code, name, raised, failed])
    content = services.national_gaps_export(lines=lines, year=context["year"], by=request.user)
    suffix = context["year"] or "alla-ar"
    return download(content, f"hålrum-{suffix}.csv".replace("å", "a"))
