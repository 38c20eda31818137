"""Scoped reads for the actor map, referrals and gaps."""

from collections import Counter

from django.db.models import Q

from samverka.accounts.roles import Capability
from samverka.lib.disclosure import disclosure_control
from samverka.orgs.models import Organisation
from samverka.referrals.models import NeedCategory, ReferralStatus, Service

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
