"""The four added values of collaboration with civil society, as a view of their own.

Per collaboration and partner-survey round: functional, altruistic, emotional and social added
value (each with the civil-society role the research report ties it to), as the share of
answers 4–5 on the partner survey's two items of that value, for everyone, split by party (the
municipal side / the civil-society side, by the answering organisation's kind) and by kind of
organisation (kinds with fewer than five respondents merged into "other kinds").

The respondents per group form ONE disclosure-controlled cube (party × kind group,
samverka/lib/disclosure.py); a group whose size is hidden shows no figures. Within a shown
group the shares are exact (as in the survey results). Evidence notes tagged with a value are
listed beside it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from django.utils.translation import gettext as _

from samverka.followup.models import ADDED_VALUE_ROLES, AddedValue, EvidenceNote
from samverka.lib.disclosure import THRESHOLD, TOTAL, disclosure_control
from samverka.orgs.models import OrganisationKind
from samverka.surveys.builtin.partner import ADDED_VALUES

MUNICIPAL, CIVIL, UNKNOWN = "municipal", "civil_society", "unknown"
OTHER_KINDS = "_other"
AGREE = {"4", "5"}
SCALE = {"1", "2", "3", "4", "5"}


def party_label(party: str) -> str:
    return {
        MUNICIPAL: _("Municipal side"),
        CIVIL: _("Civil-society side"),
        UNKNOWN: _("Organisation not known"),
    }[party]


@dataclass
class Column:
    key: tuple
    label: str
    size: int | None  # published respondents; None hidden


@dataclass
class ValueRow:
    value: str
    label: str
    role: str
    shares: list[float | None]  # one per column (None: hidden or no answers)
    evidence: list = field(default_factory=list)


@dataclass
class RoundValues:
    round: object
    columns: list[Column]
    rows: list[ValueRow]
    n: int | None  # published respondents of the round

    @property
    def enough(self) -> bool:
        return self.n is not None and self.n >= THRESHOLD


@dataclass
class AddedValues:
    rounds: list[RoundValues]
    evidence: dict[str, list]

    @property
    def evidence_rows(self) -> list[tuple[str, str, list]]:
        """(value label, civil-society role, notes) for each value with notes tagged."""
        return [
            (str(value.label), str(ADDED_VALUE_ROLES[value]), self.evidence[value.value])
            for value in AddedValue
            if self.evidence.get(value.value)
        ]

    @property
    def latest(self) -> RoundValues | None:
        shown = [r for r in self.rounds if r.enough]
        return shown[-1] if shown else None


def _party(kind: str | None) -> str:
    if not kind:
        return UNKNOWN
    return MUNICIPAL if kind in OrganisationKind.municipal() else CIVIL


def _share(rows: list[str]) -> float | None:
    answers = [v for v in rows if v in SCALE]
    if not answers:
        return None
    return 100.0 * sum(1 for v in answers if v in AGREE) / len(answers)


def round_values(round_, respondents: dict[int, str | None], answers: dict) -> RoundValues:
    """`respondents`: response pk -> organisation kind; `answers`: response pk -> item -> value."""
    kind_sizes: dict[str, int] = defaultdict(int)
    for kind in respondents.values():
        kind_sizes[kind or ""] += 1
    group_of_kind = {
        kind: (kind if kind and n >= THRESHOLD else OTHER_KINDS) for kind, n in kind_sizes.items()
    }
    kinds = sorted({g for g in group_of_kind.values() if g != OTHER_KINDS})
    if OTHER_KINDS in group_of_kind.values():
        kinds.append(OTHER_KINDS)
    parties = [MUNICIPAL, CIVIL, UNKNOWN]
    counts: dict[tuple, int] = defaultdict(int)
    member: dict[int, tuple] = {}
    for pk, kind in respondents.items():
        cell = (_party(kind), group_of_kind[kind or ""])
        counts[cell] += 1
        member[pk] = cell
    cube = disclosure_control(dict(counts), [parties, kinds or [OTHER_KINDS]])
    kind_labels = {k: str(OrganisationKind(k).label) for k in kinds if k != OTHER_KINDS}
    kind_labels[OTHER_KINDS] = _("Other kinds")
    columns = [Column((TOTAL, TOTAL), _("Everyone"), cube[(TOTAL, TOTAL)])]
    for party in parties:
        if counts_in(counts, party=party):
            columns.append(Column((party, TOTAL), party_label(party), cube[(party, TOTAL)]))
    if len(kinds) > 1:
        for kind in kinds:
            columns.append(Column((TOTAL, kind), kind_labels[kind], cube[(TOTAL, kind)]))

    def in_column(cell, key) -> bool:
        return all(k in (TOTAL, c) for k, c in zip(key, cell, strict=True))

    rows = []
    for value in AddedValue:
        items = ADDED_VALUES[value.value]
        shares = []
        for column in columns:
            if column.size is None or column.size < THRESHOLD:
                shares.append(None)
                continue
            values = [
                answers.get(pk, {}).get(item, "")
                for pk, cell in member.items()
                if in_column(cell, column.key)
                for item in items
            ]
            shares.append(_share(values))
        rows.append(ValueRow(value.value, str(value.label), str(ADDED_VALUE_ROLES[value]), shares))
    return RoundValues(round=round_, columns=columns, rows=rows, n=cube[(TOTAL, TOTAL)])


def counts_in(counts: dict, *, party: str) -> int:
    return sum(n for (p, _k), n in counts.items() if p == party)


def _partner_rounds(collaborations):
    from samverka.surveys.rounds.models import Round

    return Round.objects.filter(
        collaboration__in=collaborations, version__instrument__kind="partner"
    ).order_by("opens_on", "id")


@cache
def _partner_rounds_query():
    from samverka.lib.prepared import PreparedQuery
    from samverka.surveys.rounds.models import Round

    return PreparedQuery(
        lambda collaboration: Round.objects.filter(
            collaboration_id=collaboration, version__instrument__kind="partner"
        ).order_by("opens_on", "id"),
        collaboration=int,
    )


def _partner_rounds_of(collaboration) -> list:
    """`_partner_rounds([collaboration])`, its SQL built once per connection (lib/prepared.py)."""
    return _partner_rounds_query().all(collaboration=collaboration.pk)


@cache
def _read_queries():
    """The respondents and the answers of partner rounds, their SQL built once per connection
    and number of rounds (lib/prepared.py)."""
    from samverka.lib.prepared import PreparedQuery
    from samverka.surveys.respond.models import Answer, Response

    respondents = PreparedQuery(
        lambda rounds: (
            Response.objects.filter(round_id__in=rounds, submitted_at__isnull=False)
            .order_by()
            .values_list("pk", "round_id", "organisation__kind")
        ),
        rounds=[int],
    )
    answers = PreparedQuery(
        lambda rounds, items: (
            Answer.objects.filter(
                response__round_id__in=rounds,
                response__submitted_at__isnull=False,
                item__item_id__in=items,
            )
            .order_by()
            .values_list("response_id", "item__item_id", "value")
        ),
        rounds=[int],
        items=[str],
    )
    return respondents, answers


def _read(rounds) -> tuple[dict, dict]:
    if not rounds:
        return {}, {}
    round_ids = [r.pk for r in rounds]
    respondents_query, answers_query = _read_queries()
    respondents: dict[int, dict[int, str | None]] = defaultdict(dict)
    for pk, round_id, kind in respondents_query.all(rounds=round_ids):
        respondents[round_id][pk] = kind
    items = [i for pair in ADDED_VALUES.values() for i in pair]
    answers: dict[int, dict[str, str]] = defaultdict(dict)
    for response, item, value in answers_query.all(rounds=round_ids, items=items):
        answers[response][item] = value
    return respondents, answers


def added_values_for(collaboration, *, notes=None) -> AddedValues:
    """`notes`: the collaboration's evidence notes, if read already (the plan page)."""
    rounds = _partner_rounds_of(collaboration)
    for round_ in rounds:
        round_.collaboration = collaboration
    respondents, answers = _read(rounds)
    evidence: dict[str, list] = {v.value: [] for v in AddedValue}
    if notes is None:
        notes = EvidenceNote.objects.filter(collaboration=collaboration).exclude(added_value="")
    for note in notes:
        if note.added_value:
            evidence[note.added_value].append(note)
    result = [round_values(r, respondents.get(r.pk, {}), answers) for r in rounds]
    for round_result in result:
        for row in round_result.rows:
            row.evidence = evidence[row.value]
    return AddedValues(rounds=result, evidence=evidence)


def national_added_values(collaborations) -> list[tuple[object, RoundValues | None]]:
    """Per collaboration, its latest partner round with enough answers (the "everyone" column
    is what national comparisons show)."""
    collaborations = list(collaborations)
    rounds = list(_partner_rounds(collaborations).select_related("collaboration"))
    respondents, answers = _read(rounds)
    latest: dict[int, RoundValues] = {}
    for round_ in rounds:
        values = round_values(round_, respondents.get(round_.pk, {}), answers)
        if values.enough:
            latest[round_.collaboration_id] = values
    return [(c, latest.get(c.pk)) for c in collaborations]
