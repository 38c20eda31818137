"""Scoped reads for the actor map, referrals and gaps."""

from collections import Counter

from django.db.models import Q

from samverka.accounts.roles import Capability
from samverka.lib.disclosure import disclosure_control
from samverka.orgs.models import Organisation
from samverka.referrals.models import NeedCategory, Referral, ReferralStatus, Service

GAP_MEASURES = ["raised_without_actor", "failed_referrals"]


def actors_for(collaboration):
    """Organisations in the collaboration's municipality, and national ones."""
    return Organisation.objects.filter(
        Q(municipality=collaboration.municipality) | Q(municipality__isnull=True)
    )


def services_for(collaboration):
    return Service.objects.filter(organisation__in=actors_for(collaboration)).select_related(
        "organisation"
    )


def relations_for(collaboration):
    return collaboration.actor_relations.select_related("from_organisation", "to_organisation")


def referrals_for(collaboration):
    return collaboration.referrals.select_related("organisation", "service__organisation")


def referrals_seen_by(access):
    """The referrals a person may open: all with VIEW_REFERRALS, else only those they made."""
    referrals = referrals_for(access.collaboration)
    if access.can(Capability.VIEW_REFERRALS):
        return referrals
    return referrals.filter(created_by=access.user)


def coverage(collaboration) -> tuple[list, list[dict]]:
    """Rows of (need, [covered per actor], covered by anyone) and the actors as columns."""
    services = list(services_for(collaboration))
    actor_ids = sorted({s.organisation_id for s in services})
    actors = list(Organisation.objects.filter(id__in=actor_ids))
    covered = {(n, s.organisation_id) for s in services for n in s.need_categories}
    rows = []
    for need in NeedCategory:
        cells = [(need.value, a.id) in covered for a in actors]
        rows.append({"need": need, "cells": cells, "covered": any(cells)})
    return actors, rows


def period_of(day) -> str:
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def gap_cube(collaboration):
    """The one disclosure-controlled cube: need × half-year period × measure."""
    counts: Counter = Counter()
    periods = set()
    for referral in referrals_for(collaboration):
        period = period_of(referral.date)
        if not referral.has_actor:
            counts[(referral.need_category, period, GAP_MEASURES[0])] += 1
        elif referral.status in ReferralStatus.failed():
            counts[(referral.need_category, period, GAP_MEASURES[1])] += 1
        else:
            continue
        periods.add(period)
    periods = sorted(periods)
    dims = [NeedCategory.values, periods, GAP_MEASURES]
    return periods, disclosure_control(counts, dims)


def gap_rows(collaboration) -> list[dict]:
    """One row per need and period with a gap, controlled for small counts (None: hidden)."""
    periods, cube = gap_cube(collaboration)
    rows = []
    for need in NeedCategory:
        for period in periods:
            raised = cube[(need.value, period, GAP_MEASURES[0])]
            failed = cube[(need.value, period, GAP_MEASURES[1])]
            if raised == 0 and failed == 0:
                continue
            rows.append(
                {
                    "need": need,
                    "period": period,
                    "raised_without_actor": raised,
                    "failed_referrals": failed,
                }
            )
    return rows


def gap_totals(collaboration) -> list[dict]:
    """Per need over all periods (a slice of the same cube)."""
    _periods, cube = gap_cube(collaboration)
    rows = []
    for need in NeedCategory:
        raised = cube[(need.value, "*", GAP_MEASURES[0])]
        failed = cube[(need.value, "*", GAP_MEASURES[1])]
        if raised == 0 and failed == 0:
            continue
        rows.append({"need": need, "raised_without_actor": raised, "failed_referrals": failed})
    return rows


def national_gap_cube(collaborations, *, year: int | None = None):
    """Gaps of many collaborations in ONE disclosure-controlled cube: need × municipality ×
    measure (needs raised without an actor, failed referrals), for one year or all years.

    Every figure of the national page is a slice of this cube, so the counts of one
    municipality cannot be worked out from the totals (samverka/lib/disclosure.py)."""
    collaborations = list(collaborations)
    municipality_of = {c.pk: c.municipality.code for c in collaborations}
    municipalities = sorted(set(municipality_of.values()))
    counts: Counter = Counter()
    referrals = Referral.objects.filter(collaboration__in=collaborations).order_by()
    if year is not None:
        referrals = referrals.filter(date__year=year)
    for collaboration_id, need, status, has_organisation, has_service in referrals.values_list(
        "collaboration_id", "need_category", "status", "organisation_id", "service_id"
    ):
        municipality = municipality_of[collaboration_id]
        if has_organisation is None and has_service is None:
            counts[(need, municipality, GAP_MEASURES[0])] += 1
        elif status in ReferralStatus.failed():
            counts[(need, municipality, GAP_MEASURES[1])] += 1
    dims = [NeedCategory.values, municipalities, GAP_MEASURES]
    return municipalities, disclosure_control(counts, dims)


def referral_years(collaborations) -> list[int]:
    """The years with referrals in these collaborations, newest first."""
    return sorted(
        {
            d.year
            for d in Referral.objects.filter(collaboration__in=list(collaborations))
            .order_by()
            .values_list("date", flat=True)
        },
        reverse=True,
    )
