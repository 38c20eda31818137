"""Survey rounds: what staff create, change and close, and the reads their pages share.

A round asks one published instrument version in one collaboration, between two dates, in the
languages chosen for it. Creating a round creates its public links: one general link, and for a
partner survey one link per chosen partner organisation (so answers are known to come from it).

Each workflow runs in one transaction and is audited. The rules are checked here as well as in
the forms, so no other caller (demo data, commands) can open a round in a language with missing
texts or tie it to another collaboration's instrument, activity or session.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverka.accounts.roles import Role
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.lib.disclosure import THRESHOLD, TOTAL, disclosure_control, display
from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS, native_name
from samverka.orgs.models import Organisation
from samverka.surveys.instruments import texts
from samverka.surveys.models import (
    InstrumentKind,
    InstrumentVersion,
    RespondentLink,
    Round,
    VersionStatus,
)

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
    return settings.SITE_URL + link_path(link)


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


def _check(
    *,
    collaboration,
    version: InstrumentVersion,
    opens_on: date,
    closes_on: date,
    languages,
    activity,
    session,
    organisations,
) -> None:
    """Raise ValidationError unless the round's settings keep every rule."""
    errors: list[str] = []
    if not reachable_versions(collaboration).filter(pk=version.pk).exists():
        errors.append(_("Choose a published survey of this collaboration or a built-in one."))
    if closes_on < opens_on:
        errors.append(_("The round cannot close before it opens."))
    unknown = [lang for lang in languages if lang not in LANGUAGE_CODES]
    if unknown or not languages:
        errors.append(_("Choose at least one of the survey languages."))
    else:
        errors.extend(missing_language_messages(version, languages))
    if activity is not None and activity.collaboration_id != collaboration.pk:
        errors.append(_("Choose an activity of this collaboration."))
    if session is not None:
        if session.activity.collaboration_id != collaboration.pk:
            errors.append(_("Choose a session of this collaboration."))
        elif activity is not None and session.activity_id != activity.pk:
            errors.append(_("The session belongs to another activity."))
    allowed = set(link_organisations(collaboration).values_list("pk", flat=True))
    if any(o.pk not in allowed for o in organisations):
        errors.append(_("Links can only be made for the collaboration's own organisations."))
    if errors:
        raise ValidationError(errors)


def _ordered_languages(languages) -> list[str]:
    return [lang for lang in LANGUAGE_CODES if lang in set(languages)]


def _sync_links(round_: Round, organisations) -> list[str]:
    """Make the round's links match: one general link, one per organisation of a partner
    survey. Returns what changed, for the audit trail."""
    changes = []
    if not round_.links.filter(organisation__isnull=True).exists():
        RespondentLink.objects.create(round=round_)
        changes.append("links")
    wanted = {o.pk for o in organisations} if is_partner_version(round_.version) else set()
    have = {link.organisation_id: link for link in round_.links.filter(organisation__isnull=False)}
    for organisation in organisations:
        if organisation.pk in wanted and organisation.pk not in have:
            RespondentLink.objects.create(round=round_, organisation=organisation)
            changes.append("links")
    for organisation_id, link in have.items():
        if organisation_id not in wanted:
            if link.responses.exists():
                raise ValidationError(
                    _("%(organisation)s has answered through its link; its link stays.")
                    % {"organisation": link.organisation}
                )
            link.delete()
            changes.append("links")
    return changes


# -------------------------------------------------------------------------------- workflows


@transaction.atomic
def round_create(
    *,
    collaboration,
    version: InstrumentVersion,
    title: str,
    opens_on: date,
    closes_on: date,
    languages,
    activity=None,
    session=None,
    organisations=(),
    by,
) -> Round:
    """A new round with its general link and, for a partner survey, a link per organisation."""
    if session is not None and activity is None:
        activity = session.activity
    organisations = list(organisations)
    _check(
        collaboration=collaboration,
        version=version,
        opens_on=opens_on,
        closes_on=closes_on,
        languages=languages,
        activity=activity,
        session=session,
        organisations=organisations,
    )
    round_ = Round.objects.create(
        collaboration=collaboration,
        version=version,
        title=title.strip(),
        activity=activity,
        session=session,
        opens_on=opens_on,
        closes_on=closes_on,
        languages=_ordered_languages(languages),
        created_by=by,
    )
    _sync_links(round_, organisations)
    audit_record(
        actor=by,
        action=AuditAction.CREATE,
        obj=round_,
        collaboration=collaboration,
        detail=f"links:{round_.links.count()}",
    )
    return round_


def languages_with_answers(round_: Round) -> set[str]:
    """Languages someone has started answering the round in (they cannot be removed)."""
    return set(round_.responses.values_list("language", flat=True).distinct())


@transaction.atomic
def round_update(
    *,
    round: Round,
    title: str,
    opens_on: date,
    closes_on: date,
    languages,
    activity=None,
    session=None,
    version: InstrumentVersion | None = None,
    organisations=None,
    by,
) -> Round:
    """Change a round. The version is fixed once answers exist; a language with answers stays.

    `organisations=None` keeps the partner links as they are (for a partner survey) or, when
    the round becomes a partner survey, gives the lead and every partner a link.
    """
    round_ = Round.objects.select_for_update().get(pk=round.pk)
    collaboration = round_.collaboration
    version = version or round_.version
    if session is not None and activity is None:
        activity = session.activity
    has_answers = round_.responses.exists()
    if version.pk != round_.version_id and has_answers:
        raise ValidationError(_("The survey cannot be changed once someone has answered."))
    kept = languages_with_answers(round_) - set(languages)
    if kept:
        raise ValidationError(
            _("%(languages)s cannot be removed: someone has answered in it.")
            % {"languages": ", ".join(language_labels(kept))}
        )
    if organisations is None:
        current = [link.organisation for link in round_.links.filter(organisation__isnull=False)]
        organisations = current or list(link_organisations(collaboration))
    organisations = list(organisations)
    _check(
        collaboration=collaboration,
        version=version,
        opens_on=opens_on,
        closes_on=closes_on,
        languages=languages,
        activity=activity,
        session=session,
        organisations=organisations,
    )
    new_values = {
        "title": title.strip(),
        "version": version,
        "activity": activity,
        "session": session,
        "opens_on": opens_on,
        "closes_on": closes_on,
        "languages": _ordered_languages(languages),
    }
    changed = [name for name, value in new_values.items() if getattr(round_, name) != value]
    for name in changed:
        setattr(round_, name, new_values[name])
    if changed:
        round_.save(update_fields=changed)
    changed += _sync_links(round_, organisations)
    if changed:
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=round_,
            collaboration=collaboration,
            fields=changed,
        )
    return round_


@transaction.atomic
def round_close(*, round: Round, by) -> Round:
    """Close a round now: its links stop taking answers. Closing twice changes nothing."""
    round_ = Round.objects.select_for_update().get(pk=round.pk)
    if round_.closed_at is None:
        round_.closed_at = timezone.now()
        round_.save(update_fields=["closed_at"])
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=round_,
            collaboration=round_.collaboration,
            fields=["closed_at"],
        )
    return round_


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
