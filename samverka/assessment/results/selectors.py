"""A closed self-assessment round's figures, and the journey over the closed rounds.

Disclosure rule: a figure is shown only when at least MIN_GROUP people stand behind it, and
only for closed rounds (while a round is open, watching the figures change after each answer
would reveal that answer). Groups below the limit are hidden and the page says why. Because a
party's pooled figure minus one level's figure would reveal the other level, levels are shown
separately only when every level that has answers has at least MIN_GROUP people (secondary
suppression).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from samverka.assessment.instrument import (
    ELEMENTS,
    HIGH_THRESHOLD,
    ITEMS,
    Element,
    Item,
    Quadrant,
    items_of,
    quadrant_for,
)
from samverka.assessment.models import AssessmentRound, Level, Party, Response
from samverka.assessment.recommendations import RECOMMENDATIONS_BY_KEY, Recommendation
from samverka.orgs.models import Collaboration

MIN_GROUP = 3
# Items where the parties' means are at least this far apart are topics for a conversation.
DIFFERENCE_THRESHOLD = 1.0
MAX_DIFFERENCES = 6
MAX_WEAK_AREAS = 3

PARTIES = (Party.MUNICIPALITY, Party.CIVIL_SOCIETY)
LEVELS = (Level.STRATEGIC, Level.OPERATIONAL)


@dataclass
class Score:
    """An aggregate of answers. `mean` is None when nothing may be shown."""

    mean: float | None = None
    n: int = 0  # people who gave a number (not "don't know")
    dont_know: int = 0  # "don't know" answers
    suppressed: bool = False  # hidden to protect a small group elsewhere

    @property
    def shown(self) -> bool:
        return self.mean is not None

    @property
    def too_few(self) -> bool:
        return 0 < self.n < MIN_GROUP


@dataclass
class _Respondent:
    party: str
    level: str
    values: dict[str, int | None]
    comments: dict[str, str]


def _score(respondents: list[_Respondent], item_ids) -> Score:
    values: list[int] = []
    contributors = dont_know = 0
    for respondent in respondents:
        mine = [respondent.values[i] for i in item_ids if i in respondent.values]
        numbers = [v for v in mine if v is not None]
        dont_know += len(mine) - len(numbers)
        if numbers:
            contributors += 1
            values.extend(numbers)
    mean = sum(values) / len(values) if values and contributors >= MIN_GROUP else None
    return Score(mean=mean, n=contributors, dont_know=dont_know)


def _by_level(respondents: list[_Respondent], item_ids) -> dict[str, Score]:
    """One party's scores per level, suppressed together unless every level with answers is big
    enough (else the pooled figure minus one level reveals the other)."""
    scores = {
        level: _score([r for r in respondents if r.level == level], item_ids) for level in LEVELS
    }
    if any(s.too_few for s in scores.values()):
        for s in scores.values():
            if s.mean is not None:
                s.mean, s.suppressed = None, True
    return scores


def _combined(party_scores: dict[str, Score]) -> float | None:
    """The unweighted mean of the parties' shown means (never pools hidden answers)."""
    shown = [s.mean for s in party_scores.values() if s.mean is not None]
    return sum(shown) / len(shown) if shown else None


@dataclass
class AreaResult:
    element: Element
    parties: dict[str, Score]
    levels: dict[str, dict[str, Score]]
    combined: float | None
    lowest_item: Item | None = None


@dataclass
class ItemResult:
    item: Item
    parties: dict[str, Score]
    combined: float | None
    comments: dict[str, list[str]]

    @property
    def difference(self) -> float | None:
        m = self.parties[Party.MUNICIPALITY].mean
        c = self.parties[Party.CIVIL_SOCIETY].mean
        return abs(m - c) if m is not None and c is not None else None

    @property
    def higher_party(self) -> str | None:
        m = self.parties[Party.MUNICIPALITY].mean
        c = self.parties[Party.CIVIL_SOCIETY].mean
        if m is None or c is None or m == c:
            return None
        return Party.MUNICIPALITY if m > c else Party.CIVIL_SOCIETY


@dataclass
class QuadrantPoint:
    party: str
    level: str  # "" for the whole party
    receptiveness: float
    capacity: float
    n: int

    @property
    def quadrant(self) -> Quadrant:
        return quadrant_for(self.receptiveness, self.capacity)

    @property
    def label(self) -> str:
        party = Party(self.party).label
        if not self.level:
            return str(party)
        level = _("strategic") if self.level == Level.STRATEGIC else _("operational")
        return f"{party}, {level}"


@dataclass
class SuggestedRecommendation:
    recommendation: Recommendation
    areas: list[Element]


@dataclass
class RoundResults:
    round: AssessmentRound
    counts: dict[str, dict[str, int]]
    totals: dict[str, int]
    areas: list[AreaResult]
    items: list[ItemResult]
    points: list[QuadrantPoint]  # per party
    level_points: list[QuadrantPoint]  # per party and level, where they may be shown
    notes: list[str] = field(default_factory=list)
    differences: list[ItemResult] = field(default_factory=list)
    weakest: list[AreaResult] = field(default_factory=list)
    recommendations: list[SuggestedRecommendation] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    @property
    def anything_shown(self) -> bool:
        return any(a.combined is not None for a in self.areas)

    def point_for(self, party: str) -> QuadrantPoint | None:
        return next((p for p in self.points if p.party == party), None)

    @property
    def quadrants(self) -> dict[str, QuadrantPoint | None]:
        return {party: self.point_for(party) for party in PARTIES}

    @property
    def quadrant_rows(self) -> list[tuple[str, QuadrantPoint | None]]:
        return [(Party(party).label, self.point_for(party)) for party in PARTIES]

    def areas_in(self, section: str) -> list[AreaResult]:
        return [a for a in self.areas if a.element.section == section]

    def items_in(self, section: str) -> list[ItemResult]:
        keys = {e.key for e in ELEMENTS if e.section == section}
        return [i for i in self.items if i.item.element in keys]


def _respondents_in(rounds) -> dict[int, list[_Respondent]]:
    """The submitted responses of each round, in two queries for one or many rounds."""
    respondents: dict[int, list[_Respondent]] = {r.pk: [] for r in rounds}
    responses = Response.objects.filter(
        round__in=list(respondents), submitted_at__isnull=False
    ).prefetch_related("answers")
    for response in responses:
        answers = list(response.answers.all())
        respondents[response.round_id].append(
            _Respondent(
                party=response.party,
                level=response.level,
                values={a.item_id: a.value for a in answers},
                comments={a.item_id: a.comment.strip() for a in answers if a.comment.strip()},
            )
        )
    return respondents


def round_results(round: AssessmentRound) -> RoundResults:
    """Aggregated results of a round, with every figure below MIN_GROUP people hidden."""
    return round_results_in([round])[round.pk]


def round_results_in(rounds) -> dict[int, RoundResults]:
    """`round_results` of each round (the latest of every collaboration: the national
    comparison), reading the answers of all of them at once."""
    respondents = _respondents_in(rounds)
    return {r.pk: _results(r, respondents[r.pk]) for r in rounds}


def _results(round: AssessmentRound, respondents: list[_Respondent]) -> RoundResults:
    by_party = {party: [r for r in respondents if r.party == party] for party in PARTIES}
    counts = {
        party: {level: sum(r.level == level for r in by_party[party]) for level in LEVELS}
        for party in PARTIES
    }
    totals = {party: len(by_party[party]) for party in PARTIES}
    disclosed = {party: totals[party] >= MIN_GROUP for party in PARTIES}

    notes = []
    for party in PARTIES:
        label = Party(party).label
        if totals[party] == 0:
            notes.append(_("No one on the %(party)s has answered.") % {"party": label.lower()})
        elif not disclosed[party]:
            notes.append(
                _(
                    "Fewer than %(min)s have answered on the %(party)s, so its answers are not "
                    "shown."
                )
                % {"min": MIN_GROUP, "party": label.lower()}
            )
        elif any(0 < counts[party][level] < MIN_GROUP for level in LEVELS):
            notes.append(
                _(
                    "Fewer than %(min)s have answered at one level on the %(party)s, so its "
                    "levels are not shown separately."
                )
                % {"min": MIN_GROUP, "party": label.lower()}
            )

    items = []
    for item in ITEMS:
        parties = {party: _score(by_party[party], [item.id]) for party in PARTIES}
        comments = {
            party: sorted(r.comments[item.id] for r in by_party[party] if item.id in r.comments)
            if disclosed[party]
            else []
            for party in PARTIES
        }
        items.append(ItemResult(item, parties, _combined(parties), comments))
    items_by_id = {i.item.id: i for i in items}

    areas = []
    for element in ELEMENTS:
        ids = [item.id for item in items_of(element.key)]
        parties = {party: _score(by_party[party], ids) for party in PARTIES}
        levels = {party: _by_level(by_party[party], ids) for party in PARTIES}
        ranked = sorted(
            (items_by_id[i] for i in ids if items_by_id[i].combined is not None),
            key=lambda r: r.combined,
        )
        areas.append(
            AreaResult(
                element,
                parties,
                levels,
                _combined(parties),
                ranked[0].item if ranked else None,
            )
        )

    receptiveness_ids = [i.id for i in items_of("receptiveness")]
    capacity_ids = [i.id for i in items_of("capacity")]
    points, level_points = [], []
    for party in PARTIES:
        r, c = _score(by_party[party], receptiveness_ids), _score(by_party[party], capacity_ids)
        if r.mean is not None and c.mean is not None:
            points.append(QuadrantPoint(party, "", r.mean, c.mean, min(r.n, c.n)))
        r_levels = _by_level(by_party[party], receptiveness_ids)
        c_levels = _by_level(by_party[party], capacity_ids)
        for level in LEVELS:
            r_level, c_level = r_levels[level], c_levels[level]
            if r_level.mean is not None and c_level.mean is not None:
                level_points.append(
                    QuadrantPoint(
                        party, level, r_level.mean, c_level.mean, min(r_level.n, c_level.n)
                    )
                )

    differences = sorted(
        (i for i in items if i.difference is not None and i.difference >= DIFFERENCE_THRESHOLD),
        key=lambda i: -i.difference,
    )[:MAX_DIFFERENCES]

    weakest = sorted(
        (a for a in areas if a.combined is not None and a.combined < HIGH_THRESHOLD),
        key=lambda a: a.combined,
    )[:MAX_WEAK_AREAS]
    suggested: dict[str, SuggestedRecommendation] = {}
    for area in weakest:
        for key in area.element.recommendations:
            entry = suggested.setdefault(
                key, SuggestedRecommendation(RECOMMENDATIONS_BY_KEY[key], [])
            )
            entry.areas.append(area.element)

    return RoundResults(
        round=round,
        counts=counts,
        totals=totals,
        areas=areas,
        items=items,
        points=points,
        level_points=level_points,
        notes=notes,
        differences=differences,
        weakest=weakest,
        recommendations=list(suggested.values()),
    )


# --- The journey over the closed rounds ---------------------------------------------------


@dataclass
class Journey:
    results: list[RoundResults]

    @property
    def rounds(self) -> list[AssessmentRound]:
        return [r.round for r in self.results]

    def path(self, party: str) -> list[tuple[int, QuadrantPoint]]:
        return [(r.round.number, r.point_for(party)) for r in self.results if r.point_for(party)]

    def area_rows(self) -> list[dict]:
        rows = []
        for index, element in enumerate(ELEMENTS):
            rows.append(
                {
                    "element": element,
                    "cells": [
                        {
                            "round": r.round,
                            "parties": r.areas[index].parties,
                            "combined": r.areas[index].combined,
                        }
                        for r in self.results
                    ],
                }
            )
        return rows


def journey_for(collaboration: Collaboration) -> Journey:
    rounds = list(
        collaboration.assessment_rounds.filter(closed_at__isnull=False).order_by("number")
    )
    results = round_results_in(rounds)
    return Journey([results[r.pk] for r in rounds])
