"""Reads shared by the views of the collaboration model: checklists, warnings and results.

Disclosure rule for self-assessment results: a figure is shown only when at least
MIN_GROUP people stand behind it, and only for closed rounds (while a round is open,
watching the figures change after each answer would reveal that answer). Groups below the
limit are hidden and the page says why. Because a party's pooled figure minus one level's
figure would reveal the other level, levels are shown separately only when every level
that has answers has at least MIN_GROUP people (secondary suppression).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.accounts.models import Membership
from samverka.accounts.roles import Role
from samverka.assessment.instrument import (
    ELEMENTS,
    HIGH_THRESHOLD,
    ITEMS,
    OPERATIONAL_ELEMENTS,
    Element,
    Item,
    Quadrant,
    items_of,
    quadrant_for,
)
from samverka.assessment.models import (
    AssessmentRound,
    BoundarySpanner,
    ChecklistMark,
    CollaborationProfile,
    Level,
    OperationalRoutine,
    Party,
    Response,
)
from samverka.assessment.phases import (
    CHECKLIST_BY_ID,
    PHASE_ORDER,
    ChecklistItem,
    checklist_for,
    phase_index,
)
from samverka.assessment.recommendations import RECOMMENDATIONS_BY_KEY, Recommendation
from samverka.orgs.models import Collaboration, OrganisationKind, Phase

MIN_GROUP = 3
# Items where the parties' means are at least this far apart are topics for a conversation.
DIFFERENCE_THRESHOLD = 1.0
MAX_DIFFERENCES = 6
MAX_WEAK_AREAS = 3

RESPONDENT_ROLES = (Role.COORDINATOR, Role.MUNICIPAL_CONTACT, Role.ACTIVITY_LEADER)
PARTIES = (Party.MUNICIPALITY, Party.CIVIL_SOCIETY)
LEVELS = (Level.STRATEGIC, Level.OPERATIONAL)


# --- Profile and routines ------------------------------------------------------------------


def profile_for(collaboration: Collaboration) -> CollaborationProfile:
    """The profile, unsaved and empty if none is written yet."""
    profile = CollaborationProfile.objects.filter(collaboration=collaboration).first()
    return profile or CollaborationProfile(collaboration=collaboration)


def routines_for(collaboration: Collaboration) -> list[OperationalRoutine]:
    """One routine per operational element, in the model's order (unsaved where not written)."""
    saved = {
        r.element: r
        for r in collaboration.operational_routines.select_related(
            "key_person__user", "backup_person__user"
        )
    }
    return [
        saved.get(e.key) or OperationalRoutine(collaboration=collaboration, element=e.key)
        for e in OPERATIONAL_ELEMENTS
    ]


def active_memberships(collaboration: Collaboration) -> QuerySet[Membership]:
    return (
        collaboration.memberships.active()
        .select_related("user", "organisation")
        .order_by("user__first_name", "user__last_name", "role")
    )


# --- Phases and checklists -----------------------------------------------------------------


@dataclass
class ChecklistRow:
    item: ChecklistItem
    done: bool
    note: str
    evidence: str = ""


@dataclass
class PhaseChecklist:
    phase: str
    label: str
    rows: list[ChecklistRow]
    current: bool = False

    @property
    def done(self) -> int:
        return sum(row.done for row in self.rows)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def open_rows(self) -> list[ChecklistRow]:
        return [row for row in self.rows if not row.done]

    @property
    def is_thin(self) -> bool:
        """Fewer than half of the items are done."""
        return self.done * 2 < self.total


def checklist_evidence(collaboration: Collaboration) -> dict[str, str]:
    """What Samverka itself knows about some checklist items, shown as a hint beside them."""
    profile = profile_for(collaboration)
    documented = sum(r.is_documented for r in routines_for(collaboration))
    total = len(OPERATIONAL_ELEMENTS)
    routines = _("%(done)s of %(total)s operational routines described.") % {
        "done": documented,
        "total": total,
    }
    sessions = collaboration.learning_sessions.count()
    rounds = collaboration.assessment_rounds.count()
    evidence = {
        "impl_routines": routines,
        "trans_documented": routines,
        "impl_learning": _("%(sessions)s learning sessions and %(rounds)s self-assessment rounds.")
        % {"sessions": sessions, "rounds": rounds},
    }
    if collaboration.shared_goal_picture.strip():
        evidence["init_goals"] = _("A shared goal picture is written.")
    if profile.welfare_gaps.strip():
        evidence["init_needs"] = _("The gaps in the welfare system are described.")
    if profile.anchoring_forums.strip():
        evidence["init_anchored"] = _("Forums and steering groups are described.")
    if profile.organisation.strip():
        evidence["init_structure"] = _("The collaboration organisation is described.")
    warnings = dependence_warnings(collaboration)
    if warnings:
        evidence["trans_handover"] = _(
            "Samverka sees %(count)s warnings about person-dependence."
        ) % {"count": len(warnings)}
    # --- hook: samverka/memory (what becomes of the activities, handovers, lessons) ---------
    from samverka.memory.hooks import transition_evidence

    for item_id, text in transition_evidence(collaboration).items():
        evidence[item_id] = f"{evidence.get(item_id, '')} {text}".strip()
    # --- end of hook ------------------------------------------------------------------------
    return evidence


def checklists_for(collaboration: Collaboration, *, evidence: bool = True) -> list[PhaseChecklist]:
    marks = {m.item_id: m for m in ChecklistMark.objects.filter(collaboration=collaboration)}
    hints = checklist_evidence(collaboration) if evidence else {}
    result = []
    for phase in PHASE_ORDER:
        rows = []
        for item in checklist_for(phase):
            mark = marks.get(item.id)
            rows.append(
                ChecklistRow(
                    item=item,
                    done=bool(mark and mark.done),
                    note=mark.note if mark else "",
                    evidence=hints.get(item.id, ""),
                )
            )
        result.append(
            PhaseChecklist(
                phase=phase,
                label=Phase(phase).label,
                rows=rows,
                current=phase == collaboration.phase,
            )
        )
    return result


def checklist_of(collaboration: Collaboration, phase: str, **kwargs) -> PhaseChecklist:
    return next(c for c in checklists_for(collaboration, **kwargs) if c.phase == phase)


def phase_change_warnings(collaboration: Collaboration, to_phase: str) -> list[dict]:
    """What is thin before moving to `to_phase`. Structured, so it is stored and re-rendered."""
    current = collaboration.phase
    if to_phase == current or current not in PHASE_ORDER:
        return []
    warnings: list[dict] = []
    start, end = phase_index(current), phase_index(to_phase)
    if end < start:
        return warnings  # Going back is a choice, not a risk.
    checklists = {c.phase: c for c in checklists_for(collaboration, evidence=False)}
    for phase in PHASE_ORDER[start:end]:
        checklist = checklists[phase]
        if phase != current:
            warnings.append({"kind": "skipped", "phase": phase})
        if checklist.open_rows:
            warnings.append(
                {
                    "kind": "open_items",
                    "phase": phase,
                    "items": [row.item.id for row in checklist.open_rows],
                    "done": checklist.done,
                    "total": checklist.total,
                    "thin": checklist.is_thin,
                }
            )
    if to_phase == Phase.TRANSITION:
        if not any(r.is_documented for r in routines_for(collaboration)):
            warnings.append({"kind": "no_working_methods"})
        dependence = dependence_warnings(collaboration)
        if dependence:
            warnings.append({"kind": "person_dependence", "count": len(dependence)})
    return warnings


def describe_phase_warning(warning: dict) -> dict:
    """A stored warning as a sentence (and the open items), in the current language."""
    kind = warning.get("kind")
    phase_label = Phase(warning["phase"]).label if warning.get("phase") in Phase.values else ""
    items: list[str] = []
    if kind == "open_items":
        items = [
            str(CHECKLIST_BY_ID[i].text) for i in warning.get("items", []) if i in CHECKLIST_BY_ID
        ]
        if warning.get("thin"):
            text = _("The checklist for %(phase)s is thin: %(done)s of %(total)s done. Still open:")
        else:
            text = _("The checklist for %(phase)s has %(open)s open items:")
        text = text % {
            "phase": phase_label,
            "done": warning.get("done", 0),
            "total": warning.get("total", 0),
            "open": len(items),
        }
    elif kind == "skipped":
        text = _("The collaboration skips the phase %(phase)s.") % {"phase": phase_label}
    elif kind == "no_working_methods":
        text = _(
            "No working methods are documented yet: describe the operational routines so that "
            "others can take them over."
        )
    elif kind == "person_dependence":
        text = _(
            "Samverka sees %(count)s warnings about person-dependence. Hand over key persons' "
            "tasks before the project ends."
        ) % {"count": warning.get("count", 0)}
    else:
        text = _("Something on the checklist was open.")
    return {"text": text, "items": items, "thin": bool(warning.get("thin"))}


# --- Boundary spanners and person-dependence --------------------------------------------


@dataclass
class DependenceWarning:
    kind: str
    text: str
    spanner: BoundarySpanner | None = None


def _spanner_left(spanner: BoundarySpanner, today: date) -> bool:
    membership_ended = spanner.membership_id is not None and spanner.membership.ended_at is not None
    return membership_ended or (spanner.ended_on is not None and spanner.ended_on <= today)


def spanners_for(collaboration: Collaboration) -> list[BoundarySpanner]:
    return list(
        collaboration.boundary_spanners.select_related(
            "membership__user", "membership__organisation", "successor__user"
        ).prefetch_related("organisations")
    )


def dependence_warnings(collaboration: Collaboration) -> list[DependenceWarning]:
    """When the collaboration rests on single persons.

    - a boundary spanner has left (membership ended, or the role ended) with no active
      successor named, or is about to leave with none named;
    - a routine's key person has left and no backup keeps it going;
    - more than half of the routines and relations rest on one person alone. A routine rests
      on the people who carry it (key person, backup); a relation is an organisation that
      the active boundary spanners connect. Counted from three routines and relations.
    """
    today = timezone.localdate()
    warnings: list[DependenceWarning] = []
    spanners = spanners_for(collaboration)
    names: dict[tuple, str] = {}

    for spanner in spanners:
        names[spanner.person_key] = str(spanner)
        if spanner.has_active_successor:
            continue
        if _spanner_left(spanner, today):
            warnings.append(
                DependenceWarning(
                    "spanner_left",
                    _("%(name)s, a boundary spanner, has left and no successor is named.")
                    % {"name": spanner},
                    spanner,
                )
            )
        elif spanner.ended_on is not None:
            warnings.append(
                DependenceWarning(
                    "spanner_leaving",
                    _(
                        "%(name)s leaves the boundary-spanner role on %(date)s and no successor "
                        "is named."
                    )
                    % {"name": spanner, "date": spanner.ended_on.isoformat()},
                    spanner,
                )
            )

    carried: list[set] = []
    for routine in routines_for(collaboration):
        if routine.pk is None or routine.key_person_id is None:
            continue
        carriers = set()
        for membership in (routine.key_person, routine.backup_person):
            if membership is not None and membership.ended_at is None:
                key = ("user", membership.user_id)
                carriers.add(key)
                names[key] = str(membership.user)
        if routine.key_person.ended_at is not None and not carriers:
            warnings.append(
                DependenceWarning(
                    "routine_orphaned",
                    _("The routine for %(element)s rests on someone who has left.")
                    % {"element": routine.get_element_display()},
                )
            )
        if carriers:
            carried.append(carriers)

    by_organisation: dict[int, set] = defaultdict(set)
    for spanner in spanners:
        if _spanner_left(spanner, today):
            continue
        for organisation in spanner.organisations.all():
            by_organisation[organisation.pk].add(spanner.person_key)
    carried.extend(by_organisation.values())

    total = len(carried)
    if total >= MIN_GROUP:
        alone: dict[tuple, int] = defaultdict(int)
        for carriers in carried:
            if len(carriers) == 1:
                alone[next(iter(carriers))] += 1
        for person, count in sorted(alone.items(), key=lambda kv: -kv[1]):
            if count * 2 > total:
                warnings.append(
                    DependenceWarning(
                        "one_person",
                        _(
                            "%(count)s of the collaboration's %(total)s routines and relations "
                            "rest on %(name)s alone."
                        )
                        % {"count": count, "total": total, "name": names.get(person, "?")},
                    )
                )
    # --- hook: samverka/memory (key persons with no backup and no handover note) ------------
    from samverka.memory.hooks import dependence_warnings as memory_warnings

    warnings.extend(memory_warnings(collaboration))
    # --- end of hook ------------------------------------------------------------------------
    return warnings


# --- Self-assessment: who answers as what ---------------------------------------------------


def default_party_and_level(user, collaboration: Collaboration) -> tuple[str, str]:
    """A first guess from the person's memberships; the respondent confirms or changes it."""
    memberships = list(
        collaboration.memberships.active().filter(user=user).select_related("organisation")
    )
    party = ""
    for membership in memberships:
        organisation = membership.organisation
        if organisation is None:
            continue
        if organisation.is_municipal:
            party = Party.MUNICIPALITY
        elif organisation.kind in {OrganisationKind.CSO, OrganisationKind.ASSOCIATION}:
            party = Party.CIVIL_SOCIETY
        if party:
            break
    roles = {m.role for m in memberships}
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


def own_response(round: AssessmentRound, user) -> Response | None:
    return round.responses.filter(respondent=user).prefetch_related("answers").first()


def submitted_counts(round: AssessmentRound) -> dict[str, dict[str, int]]:
    """How many have submitted, per party and level (counts only, never answers)."""
    counts = {party: dict.fromkeys(LEVELS, 0) for party in PARTIES}
    for response in round.responses.filter(submitted_at__isnull=False).only("party", "level"):
        counts[response.party][response.level] += 1
    return counts


# --- Self-assessment: results -----------------------------------------------------------


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


def _respondents(round: AssessmentRound) -> list[_Respondent]:
    respondents = []
    responses = round.responses.filter(submitted_at__isnull=False).prefetch_related("answers")
    for response in responses:
        answers = list(response.answers.all())
        respondents.append(
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
    respondents = _respondents(round)
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


# --- The journey over rounds and the national comparison ------------------------------------


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
    rounds = collaboration.assessment_rounds.filter(closed_at__isnull=False).order_by("number")
    return Journey([round_results(r) for r in rounds])


@dataclass
class NationalRow:
    collaboration: Collaboration
    checklist: PhaseChecklist | None
    latest: RoundResults | None
    open_round: AssessmentRound | None
    warnings: list[DependenceWarning]


def national_rows(collaborations) -> list[NationalRow]:
    rows = []
    for collaboration in collaborations:
        checklist = (
            checklist_of(collaboration, collaboration.phase, evidence=False)
            if collaboration.phase in PHASE_ORDER
            else None
        )
        latest = latest_closed_round(collaboration)
        rows.append(
            NationalRow(
                collaboration=collaboration,
                checklist=checklist,
                latest=round_results(latest) if latest else None,
                open_round=open_round(collaboration),
                warnings=dependence_warnings(collaboration),
            )
        )
    return rows
