"""Survey rounds: what staff create, change and close.

A round asks one published instrument version in one collaboration, between two dates, in the
languages chosen for it. Creating a round creates its public links: one general link, and for a
partner survey one link per chosen partner organisation (so answers are known to come from it).

Each workflow runs in one transaction and is audited. The rules are checked here as well as in
the forms, so no other caller (demo data, commands) can open a round in a language with missing
texts or tie it to another collaboration's instrument, activity or session.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.lib.languages import LANGUAGE_CODES
from samverka.surveys.instruments.models import InstrumentVersion
from samverka.surveys.respond import counts
from samverka.surveys.rounds.models import RespondentLink, Round
from samverka.surveys.rounds.selectors import (
    is_partner_version,
    language_labels,
    languages_with_answers,
    link_organisations,
    missing_language_messages,
    reachable_versions,
)


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
    offered: int | None = None,
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
        offered=offered,
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
    offered: int | None = None,
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
        "offered": offered,
    }
    save_audited(round_, new_values, by=by, collaboration=collaboration)
    links = _sync_links(round_, organisations)
    if links:
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=round_,
            collaboration=collaboration,
            fields=links,
        )
    return round_


@transaction.atomic
def round_close(*, round: Round, by) -> Round:
    """Close a round now: its links stop taking answers. Closing twice changes nothing.
    Its sent responses are folded into the kept counts of the national results."""
    round_ = Round.objects.select_for_update().get(pk=round.pk)
    if round_.closed_at is None:
        data = {"closed_at": timezone.now()}
        save_audited(round_, data, by=by, collaboration=round_.collaboration)
        counts.fold([round_.pk])
    return round_
