"""The built-in indicator library, shipped like the survey instruments.

Each definition has a stable id (`FU-<AREA>-<nn>`): change its texts or parameters, never the
id of an indicator that means the same thing; an indicator that means something new gets a new
id. `install_builtin_indicators()` (`manage.py load_indicators`, run on every deploy and by the
demo) creates what is missing and updates what changed; it never deletes (a definition that
leaves the library is archived, so plans that follow it stay readable).

The built-ins cover the funder count (participants, sessions), the four added values (the
partner survey), family outcomes (wellbeing, networks, understanding of society, trust) and the
collaboration (receptiveness × capacity, decisions, checklist, referrals).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from samverka.followup.models import IndicatorDefinition, Level, Unit


@dataclass(frozen=True)
class Builtin:
    id: str
    name_sv: str
    name_en: str
    description_sv: str
    description_en: str
    unit: str
    source: str
    level: str
    params: dict = field(default_factory=dict)
    direction: str = "higher"
    added_value: str = ""
    scale_max: int | None = None


F, S, C = Level.FAMILIES, Level.STAFF, Level.SOCIETY
PA = {"instrument_kind": "partner"}
PARENT = {"instrument_kind": "parent"}

BUILTINS: tuple[Builtin, ...] = (
    # --- the funder count and attendance ---------------------------------------------------
    Builtin(
        "FU-ATT-01",
        "Unika deltagare",
        "Unique participants",
        "Personer som deltagit i minst en genomförd träff under perioden.",
        "People who took part in at least one held session in the period.",
        Unit.COUNT,
        "attendance.unique_participants",
        F,
    ),
    Builtin(
        "FU-ATT-02",
        "Unika barn som deltagit",
        "Unique children taking part",
        "Barn som deltagit i minst en genomförd träff under perioden.",
        "Children who took part in at least one held session in the period.",
        Unit.COUNT,
        "attendance.unique_participants",
        F,
        {"role": "child"},
    ),
    Builtin(
        "FU-ATT-03",
        "Unika vårdnadshavare som deltagit",
        "Unique guardians taking part",
        "Vårdnadshavare som deltagit i minst en genomförd träff under perioden.",
        "Guardians who took part in at least one held session in the period.",
        Unit.COUNT,
        "attendance.unique_participants",
        F,
        {"role": "guardian"},
    ),
    Builtin(
        "FU-ATT-04",
        "Genomförda träffar",
        "Sessions held",
        "Träffar som hölls (inte inställda) under perioden.",
        "Sessions held (not cancelled) in the period.",
        Unit.COUNT,
        "attendance.sessions_held",
        S,
    ),
    Builtin(
        "FU-ATT-05",
        "Deltagare som stannar kvar",
        "Participants who stay",
        "Andel av en aktivitets deltagare som kom till minst tre av dess träffar under perioden.",
        "Share of an activity's participants who came to at least three of its sessions in the "
        "period.",
        Unit.SHARE,
        "attendance.retention",
        F,
        {"min_sessions": 3},
    ),
    Builtin(
        "FU-ATT-06",
        "Hushåll där barn och vuxen deltar",
        "Households where child and guardian take part",
        "Andel av de deltagande hushållen där både ett barn och en vårdnadshavare deltagit.",
        "Share of the households taking part where both a child and a guardian took part.",
        Unit.SHARE,
        "attendance.households_both",
        F,
    ),
    Builtin(
        "FU-ATT-07",
        "Deltagare i meningsfull fritid",
        "Participants in meaningful leisure",
        "Unika deltagare i aktiviteter inom insatsområde 2.",
        "Unique participants in activities of focus area 2.",
        Unit.COUNT,
        "attendance.unique_participants",
        F,
        {"focus_area": 2},
    ),
    Builtin(
        "FU-ATT-08",
        "Deltagare i föräldrastöd",
        "Participants in parent support",
        "Unika deltagare i aktiviteter inom insatsområde 3.",
        "Unique participants in activities of focus area 3.",
        Unit.COUNT,
        "attendance.unique_participants",
        F,
        {"focus_area": 3},
    ),
    # --- family outcomes (the parent survey) -----------------------------------------------
    Builtin(
        "FU-FAM-01",
        "Välbefinnande (WHO-5)",
        "Wellbeing (WHO-5)",
        "Medelvärdet av WHO-5 (0–100) bland föräldrar som svarat på alla fem frågorna.",
        "The mean WHO-5 score (0–100) of parents who answered all five items.",
        Unit.MEAN,
        "surveys.who5_mean",
        F,
        scale_max=100,
    ),
    Builtin(
        "FU-FAM-02",
        "Sociala nätverk",
        "Social networks",
        "Andel svar 4–5 på föräldraenkätens frågor om nätverk och kontakter.",
        "Share of answers 4–5 on the parent survey's items on networks and contacts.",
        Unit.SHARE,
        "surveys.share_agreeing",
        F,
        {"items": ["P-NET-01", "P-NET-02", "P-NET-03", "P-NET-04"]},
    ),
    Builtin(
        "FU-FAM-03",
        "Förståelse för samhället",
        "Understanding of society",
        "Andel svar 4–5 på föräldraenkätens frågor om hur samhället fungerar.",
        "Share of answers 4–5 on the parent survey's items on how society works.",
        Unit.SHARE,
        "surveys.share_agreeing",
        F,
        {"items": ["P-SOC-01", "P-SOC-02", "P-SOC-03"]},
    ),
    Builtin(
        "FU-FAM-04",
        "Tillit till samhällets aktörer",
        "Trust in society's actors",
        "Andel svar 4–5 på föräldraenkätens frågor om tillit.",
        "Share of answers 4–5 on the parent survey's items on trust.",
        Unit.SHARE,
        "surveys.share_agreeing",
        F,
        {"items": ["P-TRU-01", "P-TRU-02", "P-TRU-03", "P-TRU-04", "P-TRU-05"]},
    ),
    Builtin(
        "FU-FAM-05",
        "Egenmakt",
        "Agency and empowerment",
        "Andel svar 4–5 på föräldraenkätens frågor om egenmakt.",
        "Share of answers 4–5 on the parent survey's items on agency.",
        Unit.SHARE,
        "surveys.share_agreeing",
        F,
        {"items": ["P-EMP-01", "P-EMP-02", "P-EMP-03", "P-EMP-04"]},
    ),
    Builtin(
        "FU-SRV-01",
        "Svar på föräldraenkäten",
        "Answers to the parent survey",
        "Inskickade svar på föräldraenkäten under perioden.",
        "Parent survey answers submitted in the period.",
        Unit.COUNT,
        "surveys.answers",
        F,
        PARENT,
    ),
    Builtin(
        "FU-SRV-02",
        "Svarsfrekvens",
        "Response rate",
        "Inskickade svar av dem som erbjöds enkäten, för omgångar som öppnade under perioden.",
        "Answers submitted of those offered the survey, for rounds that opened in the period.",
        Unit.SHARE,
        "surveys.response_rate",
        F,
    ),
    # --- the four added values (the partner survey) -----------------------------------------
    Builtin(
        "FU-VAL-01",
        "Funktionellt mervärde",
        "Functional added value",
        "Civilsamhället som verksamhetsförbättrare: andel svar 4–5 i partnerenkäten.",
        "Civil society as service improver: share of answers 4–5 in the partner survey.",
        Unit.SHARE,
        "surveys.share_agreeing",
        S,
        {"items": ["PA-FUN-01", "PA-FUN-02"]},
        added_value="functional",
    ),
    Builtin(
        "FU-VAL-02",
        "Altruistiskt mervärde",
        "Altruistic added value",
        "Civilsamhället som värdebärare: andel svar 4–5 i partnerenkäten.",
        "Civil society as value bearer: share of answers 4–5 in the partner survey.",
        Unit.SHARE,
        "surveys.share_agreeing",
        S,
        {"items": ["PA-ALT-01", "PA-ALT-02"]},
        added_value="altruistic",
    ),
    Builtin(
        "FU-VAL-03",
        "Emotionellt mervärde",
        "Emotional added value",
        "Civilsamhället som tillitsskapare: andel svar 4–5 i partnerenkäten.",
        "Civil society as trust builder: share of answers 4–5 in the partner survey.",
        Unit.SHARE,
        "surveys.share_agreeing",
        S,
        {"items": ["PA-EMO-01", "PA-EMO-02"]},
        added_value="emotional",
    ),
    Builtin(
        "FU-VAL-04",
        "Socialt mervärde",
        "Social added value",
        "Civilsamhället som samhällsbyggare: andel svar 4–5 i partnerenkäten.",
        "Civil society as community builder: share of answers 4–5 in the partner survey.",
        Unit.SHARE,
        "surveys.share_agreeing",
        C,
        {"items": ["PA-SOC-01", "PA-SOC-02"]},
        added_value="social",
    ),
    # --- the collaboration -----------------------------------------------------------------
    Builtin(
        "FU-COL-01",
        "Samverkansmottaglighet",
        "Collaboration receptiveness",
        "Medelvärde (1–5) i den senaste självskattning som stängdes under perioden.",
        "Mean (1–5) in the last self-assessment round closed in the period.",
        Unit.MEAN,
        "assessment.mean",
        C,
        {"section": "receptiveness"},
        scale_max=5,
    ),
    Builtin(
        "FU-COL-02",
        "Samverkanskapacitet",
        "Collaboration capacity",
        "Medelvärde (1–5) i den senaste självskattning som stängdes under perioden.",
        "Mean (1–5) in the last self-assessment round closed in the period.",
        Unit.MEAN,
        "assessment.mean",
        C,
        {"section": "capacity"},
        scale_max=5,
    ),
    Builtin(
        "FU-COL-03",
        "Lärandebeslut genomförda i tid",
        "Learning decisions done on time",
        "Andel av lärandebesluten med datum under perioden som genomfördes senast det datumet.",
        "Share of the learning decisions due in the period that were done by their date.",
        Unit.SHARE,
        "learning.on_time",
        C,
    ),
    Builtin(
        "FU-COL-04",
        "Fasernas checklista",
        "The phase checklist",
        "Andel av fasernas checklista som är avbockad (som den ser ut nu).",
        "Share of the phase checklist marked done (as it stands now).",
        Unit.SHARE,
        "checklist.done",
        C,
    ),
    Builtin(
        "FU-COL-05",
        "Lotsningar som ledde till kontakt",
        "Referrals that connected",
        "Andel av periodens lotsningar till en aktör där familjen fick kontakt.",
        "Share of the period's referrals to an actor where the family was connected.",
        Unit.SHARE,
        "referrals.connected",
        C,
    ),
    Builtin(
        "FU-COL-06",
        "Glapp i lotsningen",
        "Referral gaps",
        "Behov utan aktör och lotsningar som inte lyckades under perioden.",
        "Needs raised without an actor and referrals that failed in the period.",
        Unit.COUNT,
        "referrals.gaps",
        C,
        direction="lower",
    ),
    Builtin(
        "FU-STF-01",
        "Utbildade personer",
        "People trained",
        "Personer (personal, ledare, volontärer) som avslutat minst en kursdel under perioden.",
        "People (staff, leaders, volunteers) who completed at least one module in the period.",
        Unit.COUNT,
        "knowledge.trained_people",
        S,
    ),
    Builtin(
        "FU-STF-02",
        "Volontärtimmar",
        "Volunteer hours",
        "Timmar som volontärer gett vid träffar under perioden.",
        "Hours volunteers gave at sessions in the period.",
        Unit.COUNT,
        "knowledge.volunteer_hours",
        S,
    ),
    Builtin(
        "FU-MAN-01",
        "Egen uppgift per period",
        "Figure entered per period",
        "Ett värde som förs in för hand varje period, med källa.",
        "A value entered by hand each period, with its source.",
        Unit.COUNT,
        "manual",
        C,
    ),
    Builtin(
        "FU-QUA-01",
        "Berättelser och iakttagelser",
        "Stories and observations",
        "Följs upp med kvalitativa noteringar (iakttagelser, citat, berättelser).",
        "Followed with qualitative notes (observations, quotes, stories).",
        Unit.COUNT,
        "qualitative",
        F,
    ),
)

BY_ID = {b.id: b for b in BUILTINS}
FIELDS = (
    "name_sv",
    "name_en",
    "description_sv",
    "description_en",
    "unit",
    "source",
    "level",
    "params",
    "direction",
    "added_value",
    "scale_max",
)


@transaction.atomic
def install_builtin_indicators(stdout=None) -> dict[str, int]:
    """Create the missing built-ins, update the changed ones, archive those no longer shipped.
    Safe to run again: an unchanged definition is left alone."""
    counts = {"created": 0, "updated": 0, "archived": 0}
    existing = {d.builtin_id: d for d in IndicatorDefinition.objects.exclude(builtin_id="")}
    for builtin in BUILTINS:
        wanted = {name: getattr(builtin, name) for name in FIELDS}
        definition = existing.get(builtin.id)
        if definition is None:
            IndicatorDefinition.objects.create(builtin_id=builtin.id, **wanted)
            counts["created"] += 1
            continue
        changed = [n for n, v in wanted.items() if getattr(definition, n) != v]
        if changed or definition.archived_at is not None:
            for name in changed:
                setattr(definition, name, wanted[name])
            definition.archived_at = None
            definition.save()
            counts["updated"] += 1
    for builtin_id, definition in existing.items():
        if builtin_id not in BY_ID and definition.archived_at is None:
            definition.archived_at = timezone.now()
            definition.save(update_fields=["archived_at"])
            counts["archived"] += 1
    if stdout is not None:
        stdout.write(
            f"{counts['created']} created, {counts['updated']} updated, "
            f"{counts['archived']} archived."
        )
    return counts
