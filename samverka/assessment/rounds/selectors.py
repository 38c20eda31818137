"""Self-assessment rounds: which is open, who is expected to answer, who has answered as what."""

from django.shortcuts import get_object_or_404

from samverka.accounts.roles import Role
from samverka.assessment.models import AssessmentRound, Level, Party, Response
from samverka.assessment.results.selectors import LEVELS, PARTIES
from samverka.orgs.models import Collaboration, OrganisationKind

RESPONDENT_ROLES = (Role.COORDINATOR, Role.MUNICIPAL_CONTACT, Role.ACTIVITY_LEADER, Role.PARTNER)


def round_or_404(collaboration: Collaboration, code: str) -> AssessmentRound:
    return get_object_or_404(collaboration.assessment_rounds.all(), code=code)


def default_party_and_level(user, collaboration: Collaboration) -> tuple[str, str]:
    """A first guess from the person's memberships; the respondent confirms or changes it."""
    memberships = list(
        collaboration.memberships.active().filter(user=user).select_related("organisation")
    )
    roles = {m.role for m in memberships}
    party = ""
    if roles == {Role.PARTNER}:
        # A partner organisation's member answers for civil society, whatever the organisation
        # (a library, a school) is in the register.
        party = Party.CIVIL_SOCIETY
    for membership in memberships if not party else []:
        organisation = membership.organisation
        if organisation is None:
            continue
        if organisation.is_municipal:
            party = Party.MUNICIPALITY
        elif organisation.kind in {OrganisationKind.CSO, OrganisationKind.ASSOCIATION}:
            party = Party.CIVIL_SOCIETY
        if party:
            break
    if not party:
        party = Party.MUNICIPALITY if Role.MUNICIPAL_CONTACT in roles else Party.CIVIL_SOCIETY
    level = Level.STRATEGIC if roles == {Role.MUNICIPAL_CONTACT} else Level.OPERATIONAL
    return party, level


def expected_respondents(collaboration: Collaboration) -> int:
    return (
        collaboration.memberships.active()
        .filter(role__in=RESPONDENT_ROLES)
        .values("user")
        .distinct()
        .count()
    )


def open_round(collaboration: Collaboration) -> AssessmentRound | None:
    return collaboration.assessment_rounds.filter(closed_at__isnull=True).first()


def latest_closed_round(collaboration: Collaboration) -> AssessmentRound | None:
    return (
        collaboration.assessment_rounds.filter(closed_at__isnull=False).order_by("-number").first()
    )


def current_rounds_in(
    collaborations,
) -> dict[int, tuple[AssessmentRound | None, AssessmentRound | None]]:
    """`latest_closed_round` and `open_round` of each collaboration, in one query."""
    by_pk = {c.pk: c for c in collaborations}
    latest: dict[int, AssessmentRound] = {}
    opened: dict[int, AssessmentRound] = {}
    rounds = AssessmentRound.objects.filter(collaboration__in=list(by_pk)).order_by("-number")
    for round in rounds:
        round.collaboration = by_pk[round.collaboration_id]
        if round.closed_at is None:
            opened.setdefault(round.collaboration_id, round)
        else:
            latest.setdefault(round.collaboration_id, round)
    return {pk: (latest.get(pk), opened.get(pk)) for pk in by_pk}


def own_response(round: AssessmentRound, user) -> Response | None:
    return round.responses.filter(respondent=user).prefetch_related("answers").first()


def submitted_counts(round: AssessmentRound) -> dict[str, dict[str, int]]:
    """How many have submitted, per party and level (counts only, never answers)."""
    counts = {party: dict.fromkeys(LEVELS, 0) for party in PARTIES}
    for response in round.responses.filter(submitted_at__isnull=False).only("party", "level"):
        counts[response.party][response.level] += 1
    return counts
