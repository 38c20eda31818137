"""The rows of a pseudonymised dataset, made from what the project's approved inclusions allow.

Who is in it: participants of the included collaborations who have funder-reporting consent
(as the funder count: without it a person is counted only in anonymous headcounts) and attended
at least one held session in the dataset's period. Per row:

- `pseudonym`: a keyed hash (HMAC-SHA256) of the participant's internal id with the project's
  own secret: the same person has the same pseudonym in every dataset of the project and a
  different, unlinkable one in any other project. Never the participant code.
- age band (from the birth year at the period's start), gender, third-country status and the
  municipality: the quasi-identifiers, checked for k-anonymity (`anonymity.py`);
- attendance: held sessions attended per focus area and period (year, half-year or quarter);
- survey answers from the chosen rounds, only for participants whose latest survey consent is
  given and only when the project asks for them; never free text.

Runs inside the tenant scope of the approved inclusions (the view's, or the background job's).
"""

import hashlib
import hmac
import re
from base64 import b32encode
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from samverka.activities.models import Attendance, FocusArea
from samverka.lib import agebands
from samverka.participants.models import (
    ConsentPurpose,
    ConsentState,
    Gender,
    ThirdCountryNational,
)
from samverka.reports.selectors import counted_participants
from samverka.research.datasets.anonymity import ALL_AGES, NATIONAL, Report, anonymise
from samverka.research.datasets.models import Period
from samverka.research.projects.models import DataKind


@dataclass
class Variable:
    name: str
    label: str
    numeric: bool = False
    values: dict = field(default_factory=dict)  # value -> label
    missing: list = field(default_factory=list)  # values that mean "no answer" (SPSS)


@dataclass
class Table:
    variables: list[Variable]
    rows: list[dict]
    report: Report
    collaborations: list[str]
    periods: list[str]
    rounds: list[str]
    survey_respondents: int = 0


def pseudonym(secret: bytes, participant_pk: int) -> str:
    digest = hmac.new(secret, f"participant:{participant_pk}".encode(), hashlib.sha256).digest()
    return "P" + b32encode(digest).decode()[:12]


def period_of(day: date, period: str) -> str:
    if period == Period.YEAR:
        return f"{day.year}"
    if period == Period.QUARTER:
        return f"{day.year}q{(day.month - 1) // 3 + 1}"
    return f"{day.year}h{1 if day.month <= 6 else 2}"


def periods_between(start: date, end: date, period: str) -> list[str]:
    out: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        label = period_of(date(year, month, 1), period)
        if label not in out:
            out.append(label)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def variable_name(text: str) -> str:
    """A name SPSS accepts: letters, digits and _, starting with a letter, at most 64."""
    name = re.sub(r"[^0-9A-Za-z_]", "_", text)
    if not name or not name[0].isalpha():
        name = "v_" + name
    return name[:64]


def _label(texts: dict, language: str) -> str:
    return (texts or {}).get(language) or (texts or {}).get("sv") or ""


def build(dataset, *, language: str = "sv") -> Table:
    """The rows of `dataset`, anonymised (call inside the project's tenant scope)."""
    project = dataset.project
    secret = project.pseudonym_secret()
    start, end = dataset.starts_on, dataset.ends_on
    participants = list(
        counted_participants(start=start, end=end)
        .order_by()
        .select_related("collaboration__municipality")
        .distinct()
    )
    collaborations = sorted({p.collaboration.name for p in participants})
    periods = periods_between(start, end, dataset.period)
    areas = [area.value for area in FocusArea]

    attendance: dict[int, dict[tuple[int, str], int]] = defaultdict(lambda: defaultdict(int))
    ids = [p.pk for p in participants]
    for chunk in range(0, len(ids), 2000):
        for participant_id, day, area in (
            Attendance.objects.filter(
                participant_id__in=ids[chunk : chunk + 2000],
                session__date__gte=start,
                session__date__lte=end,
                session__cancelled=False,
            )
            .order_by()
            .values_list("participant_id", "session__date", "session__activity__focus_area")
        ):
            attendance[participant_id][(area, period_of(day, dataset.period))] += 1

    variables = [
        Variable("pseudonym", _("Pseudonym (stable within this project only)")),
        Variable(
            "age_band",
            _("Age band at the start of the period"),
            values={
                **{b: b for b in agebands_labels()},
                agebands.UNKNOWN: _("Unknown"),
                ALL_AGES: _("All ages"),
            },
        ),
        Variable("gender", _("Gender"), values={g.value: str(g.label) for g in Gender}),
        Variable(
            "third_country",
            _("Citizen of a country outside the EU"),
            values={t.value: str(t.label) for t in ThirdCountryNational},
        ),
        Variable("place", _("Municipality (or county, or the whole country: see place_level)")),
        Variable(
            "place_level",
            _("Level of the place"),
            values={
                "municipality": _("Municipality"),
                "county": _("County"),
                "national": _("The whole country"),
            },
        ),
    ]
    for area in areas:
        for label in periods:
            variables.append(
                Variable(
                    f"att_fa{area}_{label}",
                    _("Sessions attended, focus area %(area)s, %(period)s")
                    % {"area": area, "period": label},
                    numeric=True,
                )
            )

    rows = []
    for participant in participants:
        age = participant.age_on(start)
        row = {
            "_pk": participant.pk,
            "pseudonym": pseudonym(secret, participant.pk),
            "age_band": agebands.band_for(age),
            "gender": participant.gender,
            "third_country": participant.third_country_national,
            "place": participant.collaboration.municipality.name,
            "place_level": "municipality",
        }
        counts = attendance.get(participant.pk, {})
        for area in areas:
            for label in periods:
                row[f"att_fa{area}_{label}"] = counts.get((area, label), 0)
        rows.append(row)

    rounds: list[str] = []
    respondents = 0
    if project.asks_for(DataKind.SURVEY_ANSWERS):
        survey_vars, respondents, rounds = _survey_answers(dataset, rows, language)
        variables += survey_vars

    counties = {
        p.collaboration.municipality.name: p.collaboration.municipality.county for p in participants
    }
    rows, report = anonymise(rows, k=dataset.k, county_of=counties)
    for row in rows:
        row.pop("_pk", None)
    rows.sort(key=lambda r: r["pseudonym"])
    return Table(
        variables=variables,
        rows=rows,
        report=report,
        collaborations=collaborations,
        periods=periods,
        rounds=rounds,
        survey_respondents=respondents,
    )


def agebands_labels() -> list[str]:
    from django.conf import settings

    return list(settings.AGE_BANDS)


def _survey_answers(dataset, rows, language):
    """Answers of the chosen rounds for rows whose participant has survey consent."""
    from samverka.surveys.instruments.models import DONT_KNOW, ItemType
    from samverka.surveys.respond.models import Answer, Response

    by_pk = {row["_pk"]: row for row in rows}
    consenting = set(
        ConsentState.objects.filter(
            participant_id__in=list(by_pk), purpose=ConsentPurpose.SURVEYS, given=True
        ).values_list("participant_id", flat=True)
    )
    variables: list[Variable] = []
    answered: set[int] = set()
    titles = []
    for number, survey_round in enumerate(
        dataset.survey_rounds.select_related("version", "collaboration").order_by("opens_on", "pk"),
        start=1,
    ):
        titles.append(f"r{number}: {survey_round.title} ({survey_round.collaboration})")
        latest: dict[int, int] = {}
        for response_pk, participant_id in (
            Response.objects.filter(
                round=survey_round,
                submitted_at__isnull=False,
                participant_id__in=list(consenting),
            )
            .order_by("submitted_at", "pk")
            .values_list("pk", "participant_id")
        ):
            latest[participant_id] = response_pk
        responses = {pk: participant for participant, pk in latest.items()}
        items = list(
            survey_round.version.items.exclude(type=ItemType.TEXT)
            .prefetch_related("options")
            .order_by("section__position", "position", "pk")
        )
        columns: dict[tuple[int, str], str] = {}
        for item in items:
            base = variable_name(f"r{number}_{item.item_id}")
            label = f"r{number} {item.item_id}: {_label(item.text, language)}"[:250]
            options = {o.value: _label(o.label, language) or o.value for o in item.options.all()}
            if item.type == ItemType.MULTIPLE:
                for value, option_label in options.items():
                    name = variable_name(f"{base}_{value}")
                    columns[(item.pk, value)] = name
                    variables.append(
                        Variable(
                            name,
                            f"{label} – {option_label}"[:250],
                            numeric=True,
                            values={0: _("Not chosen"), 1: _("Chosen")},
                        )
                    )
            elif item.is_scale:
                columns[(item.pk, "")] = base
                values = {int(v): t for v, t in options.items() if v.isdigit()}
                values[9] = options.get(DONT_KNOW, _("Don't know"))
                variables.append(Variable(base, label, numeric=True, values=values, missing=[9]))
            elif item.type == ItemType.NUMBER:
                columns[(item.pk, "")] = base
                variables.append(Variable(base, label, numeric=True))
            else:
                columns[(item.pk, "")] = base
                variables.append(Variable(base, label, values=options))
        for row in rows:
            for (_item, value), name in columns.items():
                # Multiple choice: 0 (not chosen) for those who answered the round.
                row[name] = 0 if value and row["_pk"] in latest else None
        item_of = {item.pk: item for item in items}
        for response_pk, item_pk, value, number_value in Answer.objects.filter(
            response_id__in=list(responses), item_id__in=list(item_of)
        ).values_list("response_id", "item_id", "value", "number"):
            row = by_pk.get(responses[response_pk])
            if row is None:
                continue
            answered.add(row["_pk"])
            item = item_of[item_pk]
            if item.type == ItemType.MULTIPLE:
                name = columns.get((item_pk, value))
                if name:
                    row[name] = 1
            elif item.is_scale:
                row[columns[(item_pk, "")]] = 9 if value == DONT_KNOW else _int(value)
            elif item.type == ItemType.NUMBER:
                row[columns[(item_pk, "")]] = number_value
            else:
                row[columns[(item_pk, "")]] = value
    return variables, len(answered), titles


def _int(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


__all__ = ["NATIONAL", "Table", "Variable", "build", "pseudonym"]
