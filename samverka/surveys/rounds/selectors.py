"""Reads the rounds pages share: the rounds of a collaboration, their public links with counts,
a partner's own links, the versions a round may use and which of their languages are ready.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverka.accounts.roles import Role
from samverka.lib.addresses import site_url
from samverka.lib.disclosure import THRESHOLD, TOTAL, disclosure_control, display
from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS, native_name
from samverka.orgs.models import Organisation
from samverka.surveys.instruments import texts
from samverka.surveys.instruments.models import InstrumentKind, InstrumentVersion, VersionStatus
from samverka.surveys.rounds.models import RespondentLink, Round

STATES = ("open", "planned", "closed")

# ------------------------------------------------------------------------------------ reads


def reachable_versions(collaboration) -> QuerySet[InstrumentVersion]:
    """Published versions a round of this collaboration may use: built-in ones and its own."""
    return (
        InstrumentVersion.objects.filter(status=VersionStatus.PUBLISHED)
        .filter(Q(instrument__builtin=True) | Q(instrument__collaboration=collaboration))
        .select_related("instrument")
        .order_by("-instrument__builtin", "instrument__name", "-number")
    )


def link_organisations(collaboration) -> QuerySet[Organisation]:
    """Organisations that may get their own link to a partner survey: lead and partners."""
    return Organisation.objects.filter(
        Q(pk=collaboration.lead_organisation_id) | Q(partner_in=collaboration)
    ).distinct()


def is_partner_version(version: InstrumentVersion | None) -> bool:
    return version is not None and version.instrument.kind == InstrumentKind.PARTNER


def rounds_for(collaboration) -> QuerySet[Round]:
    """The collaboration's rounds with their numbers of started and submitted answers."""
    return collaboration.survey_rounds.select_related(
        "version__instrument", "activity", "session__activity"
    ).annotate(
        started_count=Count("responses", distinct=True),
        submitted_count=Count(
            "responses", filter=Q(responses__submitted_at__isnull=False), distinct=True
        ),
    )


def grouped_by_state(rounds) -> dict[str, list[Round]]:
    """{"open": [...], "planned": [...], "closed": [...]}: open and planned soonest first."""
    groups: dict[str, list[Round]] = {state: [] for state in STATES}
    for round_ in rounds:
        groups[round_.state].append(round_)
    groups["open"].sort(key=lambda r: (r.closes_on, r.title))
    groups["planned"].sort(key=lambda r: (r.opens_on, r.title))
    groups["closed"].sort(key=lambda r: (r.closes_on, r.pk), reverse=True)
    return groups


def language_labels(codes) -> list[str]:
    """Staff names of survey languages, in the order of the survey languages."""
    return [str(LANGUAGE_LABELS[c]) for c in LANGUAGE_CODES if c in codes]


def link_path(link: RespondentLink) -> str:
    """The respondent's address of a link, /s/<code>/."""
    return reverse("surveys:respond", kwargs={"link_code": link.code})


def link_url(link: RespondentLink) -> str:
    return site_url() + link_path(link)


def short_address(link: RespondentLink) -> str:
    """The address to type from a poster: no scheme, no trailing slash."""
    url = link_url(link)
    return url.split("://", 1)[-1].rstrip("/")


def general_link(round_: Round) -> RespondentLink | None:
    return round_.links.filter(organisation__isnull=True).first()


def links_with_counts(round_: Round) -> dict:
    """The round's links with submitted answers per link, disclosure-controlled.

    Partner answers per organisation are small groups: a link's count is shown only when at
    least THRESHOLD answers came through it (the shared disclosure-control function, so no
    hidden count follows from the others and the total). With fewer than THRESHOLD answers in
    all, no count per link is shown, because the round's total is shown exactly.
    """
    links = sorted(
        round_.links.select_related("organisation"),
        key=lambda link: (link.organisation_id is not None, str(link.organisation or "")),
    )
    counts = Counter(
        round_.responses.filter(submitted_at__isnull=False).values_list("link_id", flat=True)
    )
    total = sum(counts.values())
    shown = total >= THRESHOLD
    cube = (
        disclosure_control(
            {(link.code,): counts.get(link.pk, 0) for link in links},
            [[link.code for link in links]],
        )
        if links
        else {}
    )
    rows = [
        {
            "link": link,
            "organisation": link.organisation,
            "url": link_url(link),
            "path": link_path(link),
            "submitted": display(cube.get((link.code,))) if shown else None,
            "hidden": shown and cube.get((link.code,)) is None,
        }
        for link in links
    ]
    return {
        "rows": rows,
        "broken_down": shown,
        "total": total,
        "cube_total": cube.get((TOTAL,)),
    }


def partner_links_for(access) -> list[dict]:
    """Open partner-survey links for a partner member's own organisation(s).

    The organisation comes from the person's partner membership. A partner membership without
    an organisation, or an organisation without a link of its own in a round, gets the round's
    general link.
    """
    memberships = access.collaboration.memberships.active().filter(
        user=access.user, role=Role.PARTNER
    )
    organisation_ids = {m.organisation_id for m in memberships if m.organisation_id}
    rows = []
    for round_ in rounds_for(access.collaboration).filter(
        version__instrument__kind=InstrumentKind.PARTNER
    ):
        if round_.state != "open":
            continue
        links = list(round_.links.select_related("organisation"))
        own = [link for link in links if link.organisation_id in organisation_ids]
        general = [link for link in links if link.organisation_id is None]
        for link in own or general:
            rows.append(
                {
                    "round": round_,
                    "link": link,
                    "organisation": link.organisation,
                    "url": link_url(link),
                    "path": link_path(link),
                }
            )
    return rows


# ------------------------------------------------------------------------------------ rules


def missing_language_messages(version: InstrumentVersion, languages) -> list[str]:
    """One message per chosen language that still misses texts in `version`."""
    units = list(texts.text_units(version))
    messages = []
    for language in LANGUAGE_CODES:
        if language not in languages:
            continue
        missing = len(texts.missing_texts(version, language, units))
        if missing:
            messages.append(
                ngettext(
                    "%(language)s: %(count)d text is missing. Translate it before the round "
                    "can use this language, or leave the language out.",
                    "%(language)s: %(count)d texts are missing. Translate them before the "
                    "round can use this language, or leave the language out.",
                    missing,
                )
                % {"language": capfirst(LANGUAGE_LABELS[language]), "count": missing}
            )
    return messages


# -------------------------------------------------------------------------------- languages


def languages_with_answers(round_: Round) -> set[str]:
    """Languages someone has started answering the round in (they cannot be removed)."""
    return set(round_.responses.values_list("language", flat=True).distinct())


@dataclass
class LanguageChoice:
    """A language as the round form shows it: its state and how many texts it misses."""

    code: str
    label: str
    native: str
    state: str
    missing: int

    @property
    def ready(self) -> bool:
        return self.missing == 0


def language_choices(version: InstrumentVersion | None) -> list[LanguageChoice]:
    units = list(texts.text_units(version)) if version is not None else []
    states = texts.language_states(version) if version is not None else {}
    return [
        LanguageChoice(
            code=code,
            label=str(LANGUAGE_LABELS[code]),
            native=native_name(code),
            state=states.get(code, "missing"),
            missing=len(texts.missing_texts(version, code, units)) if version else 0,
        )
        for code in LANGUAGE_CODES
    ]


# --- who was offered the round (the response rate's denominator) -----------------------------


def _open_until(round_: Round):
    closed = round_.closed_at.date() if round_.closed_at else round_.closes_on
    return min(closed, round_.closes_on)


def attenders_while_open(round_: Round):
    """The participants who attended a held session of the round's activity (or of any of the
    collaboration's activities) while the round was open."""
    from samverka.participants.models import Participant

    sessions = {
        "attendances__session__cancelled": False,
        "attendances__session__date__gte": round_.opens_on,
        "attendances__session__date__lte": _open_until(round_),
    }
    if round_.activity_id:
        sessions["attendances__session__activity_id"] = round_.activity_id
    else:
        sessions["attendances__session__activity__collaboration_id"] = round_.collaboration_id
    participants = Participant.objects.filter(collaboration_id=round_.collaboration_id)
    return participants.filter(**sessions).distinct()


def offered_count(round_: Round) -> int:
    """How many were offered the round: the number entered by hand, or else the unique
    attenders while it was open (0 when neither is known)."""
    if round_.offered:
        return round_.offered
    return attenders_while_open(round_).count()


@dataclass
class Reach:
    """How many were offered a round, how many answered, and the two groups' profiles."""

    offered: int
    by_hand: bool
    answered: int | None  # published (None: hidden)
    rate: float | None
    profile: list[tuple[str, str, list[tuple[str, str, str]]]]  # (dimension, label, rows)


def _controlled_side(values: list[str], groups: list[str]) -> dict:
    counts: dict[tuple, int] = {}
    for value in values:
        key = (value if value in groups else groups[-1],)
        counts[key] = counts.get(key, 0) + 1
    return disclosure_control(counts, [groups])


def round_reach(round_: Round) -> Reach:
    """The response rate and the respondents' profile (language, age band) beside the
    attenders' while the round was open; every count through the disclosure control (each side
    and dimension is one controlled table; a hidden count shows as hidden, never 0)."""
    from samverka.lib import agebands
    from samverka.participants.models import Language

    offered = offered_count(round_)
    answered_true = round_.responses.filter(submitted_at__isnull=False).count()
    answered = disclosure_control({("n",): answered_true}, [["n"]])[("n",)]
    rate = None
    if offered and answered is not None and answered >= 5:
        rate = min(100.0, 100.0 * answered_true / offered)
    responses = list(
        round_.responses.filter(submitted_at__isnull=False).values_list("language", "age_band")
    )
    attenders = list(attenders_while_open(round_).values_list("language", "birth_year"))
    today = _open_until(round_)
    languages = [code for code, _label in Language.choices]
    language_labels = dict(Language.choices)
    bands = [b.label for b in agebands.bands()] + [agebands.UNKNOWN]

    def language_of(code: str) -> str:
        return "sv" if (code or "").startswith("sv") else (code or "other")

    sides = {
        "language": (
            [language_of(lang) for lang, _age in responses],
            [language_of(lang) for lang, _year in attenders],
            languages,
            lambda g: str(language_labels.get(g, g)),
        ),
        "age_band": (
            [age or agebands.UNKNOWN for _lang, age in responses],
            [agebands.band_for(today.year - y if y else None) for _lang, y in attenders],
            bands,
            lambda g: str(_("unknown")) if g == agebands.UNKNOWN else g,
        ),
    }
    profile = []
    for dimension, (answering, attending, groups, label) in sides.items():
        left = _controlled_side(answering, groups)
        right = _controlled_side(attending, groups)
        rows = [
            (label(g), display(left[(g,)]), display(right[(g,)]))
            for g in groups
            if left[(g,)] != 0 or right[(g,)] != 0
        ]
        title = _("Language") if dimension == "language" else _("Age band")
        profile.append((dimension, str(title), rows))
    return Reach(
        offered=offered,
        by_hand=bool(round_.offered),
        answered=answered,
        rate=rate,
        profile=profile,
    )
