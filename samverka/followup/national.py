"""The national comparison of the follow-up: a built-in indicator across collaborations for a
year, and the four added values of each collaboration's latest partner-survey round.

Read-only for the national lead and researchers (a researcher by membership sees the
collaborations they are a researcher in, `national.collaborations()`). Every figure is
computed by the same sources as the collaboration's own page, so it is disclosure-controlled
for everyone (a count from 1 to 4 and a share or mean of fewer than five people are hidden);
no totals across collaborations are published, so no hidden figure can be worked out.
"""

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from samverka.accounts.roles import Capability
from samverka.followup import periods as P
from samverka.followup.addedvalues import national_added_values
from samverka.followup.models import AddedValue, IndicatorDefinition
from samverka.followup.selectors import format_value
from samverka.followup.sources import Context, compute_many
from samverka.orgs.decorators import national_view

COMPARABLE = ("manual", "qualitative", "checklist.done")


def _comparable():
    return IndicatorDefinition.objects.filter(
        collaboration__isnull=True, archived_at__isnull=True, builtin_id__gt=""
    ).exclude(source__in=COMPARABLE)


class ComparisonForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator"))
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [
            (d.builtin_id, f"{d.builtin_id} {d.name}") for d in _comparable()
        ]
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, y) for y in range(this_year, this_year - 5, -1)]


def comparison(national, data) -> dict:
    form = ComparisonForm(data or None)
    definitions = {d.builtin_id: d for d in _comparable()}
    indicator_id, year = "FU-ATT-01", timezone.localdate().year
    if form.is_bound and form.is_valid():
        indicator_id, year = form.cleaned_data["indicator"], form.cleaned_data["year"]
    definition = definitions.get(indicator_id)
    period = P.parse(str(year))
    collaborations = list(national.collaborations().order_by("municipality__name", "name"))
    rows = []
    if definition is not None:
        contexts = [
            Context(
                collaboration=collaboration,
                start=period.start,
                end=period.end,
                params=dict(definition.params or {}),
            )
            for collaboration in collaborations
        ]
        computed = compute_many(definition.source, contexts)
        rows = [
            {"collaboration": collaboration, "text": format_value(value, definition.unit)}
            for collaboration, value in zip(collaborations, computed, strict=True)
        ]
    values = []
    for collaboration, round_values in national_added_values(collaborations):
        shares = [row.shares[0] for row in round_values.rows] if round_values else []
        values.append(
            {
                "collaboration": collaboration,
                "round": round_values.round if round_values else None,
                "n": round_values.n if round_values else None,
                "shares": shares,
            }
        )
    return {
        "form": form,
        "definition": definition,
        "period": period,
        "rows": rows,
        "added_values": values,
        "value_labels": [v.label for v in AddedValue],
        "scoped": national.is_scoped,
    }


@national_view(Capability.VIEW_NATIONAL_COMPARISONS)
@require_GET
def national_followup(request, national):
    return render(request, "followup/national.html", comparison(national, request.GET))
