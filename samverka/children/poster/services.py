"""Workflows of the "Ni sa – vi gjorde" poster."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.children.consultations.models import Decision, DecisionStatus
from samverka.children.languages import LANGUAGE_CODES, SOURCE, TranslationStatus
from samverka.children.poster.models import ItemState, Poster, PosterItem, PosterTranslation
from samverka.children.poster.texts import icon_for
from samverka.children.privacy import refuse_identifying

STATE_OF_DECISION = {
    DecisionStatus.PLANNED: ItemState.WORKING,
    DecisionStatus.DONE: ItemState.DONE,
    DecisionStatus.NOT_POSSIBLE: ItemState.NOT_POSSIBLE,
}


def _languages(languages) -> list[str]:
    unknown = set(languages) - set(LANGUAGE_CODES)
    if unknown:
        raise ValidationError(_("Unknown language."))
    return [code for code in LANGUAGE_CODES if code in set(languages) | {SOURCE}]


def _decisions(collaboration, consultation, term_starts_on, term_ends_on):
    decisions = Decision.objects.filter(consultation__collaboration=collaboration)
    if consultation is not None:
        decisions = decisions.filter(consultation=consultation)
    else:
        decisions = decisions.filter(
            consultation__held_on__gte=term_starts_on, consultation__held_on__lte=term_ends_on
        )
    return decisions.select_related("voice", "consultation").order_by(
        "consultation__held_on", "created_at"
    )


@transaction.atomic
def poster_create(
    *,
    collaboration,
    consultation=None,
    term_starts_on: date | None = None,
    term_ends_on: date | None = None,
    title: str,
    languages: list[str],
    by,
) -> Poster:
    """A poster for one consultation or a term, with one item per decision made in response
    (what the children said, what was done), ready to be rewritten in children's words."""
    if consultation is None and (term_starts_on is None or term_ends_on is None):
        raise ValidationError(_("Choose a consultation, or the first and last day of the term."))
    if consultation is None and term_ends_on < term_starts_on:
        raise ValidationError(_("The term ends before it starts."))
    poster = Poster(collaboration=collaboration, created_by=by)
    save_audited(
        poster,
        {
            "consultation": consultation,
            "term_starts_on": None if consultation else term_starts_on,
            "term_ends_on": None if consultation else term_ends_on,
            "title": title.strip() or "Ni sa – vi gjorde",
            "languages": _languages(languages),
        },
        by=by,
        collaboration=collaboration,
    )
    for order, decision in enumerate(
        _decisions(collaboration, consultation, term_starts_on, term_ends_on), start=1
    ):
        said = decision.voice.theme if decision.voice else decision.consultation.topic
        did = decision.text if decision.status != DecisionStatus.NOT_POSSIBLE else decision.note
        PosterItem.objects.create(
            poster=poster,
            icon=icon_for(said),
            said=said[:200],
            did=(did or decision.text)[:200],
            state=STATE_OF_DECISION[decision.status],
            order=order,
        )
    return poster


@transaction.atomic
def poster_update(*, poster: Poster, title: str, languages: list[str], items: list[dict], by):
    """Change the heading, languages and items (dicts: code, icon, said, did, state, delete)."""
    for item in items:
        refuse_identifying(said=item.get("said", ""), did=item.get("did", ""))
    save_audited(
        poster,
        {"title": title.strip() or poster.title, "languages": _languages(languages)},
        by=by,
        collaboration=poster.collaboration,
    )
    existing = {i.code: i for i in poster.items.all()}
    order = 0
    for item in items:
        row = existing.get(item.get("code") or "")
        if row is not None and item.get("delete"):
            audit_record(
                actor=by, action=AuditAction.DELETE, obj=row, collaboration=poster.collaboration
            )
            row.delete()
            continue
        if not (item.get("said") or "").strip() and not (item.get("did") or "").strip():
            continue
        if not (item.get("said") or "").strip() or not (item.get("did") or "").strip():
            raise ValidationError(
                _("Each item needs both what the children said and what was done.")
            )
        order += 1
        save_audited(
            row or PosterItem(poster=poster),
            {
                "icon": item.get("icon") or icon_for(item["said"]),
                "said": item["said"].strip(),
                "did": item["did"].strip(),
                "state": item.get("state") or ItemState.DONE,
                "order": order,
            },
            by=by,
            collaboration=poster.collaboration,
        )
    return poster


@transaction.atomic
def poster_translation_save(
    *, poster: Poster, language: str, title: str, items: dict[str, tuple[str, str]], status: str, by
) -> PosterTranslation:
    """Save a language's texts. A language with texts missing cannot be marked reviewed."""
    if language not in LANGUAGE_CODES or language == SOURCE:
        raise ValidationError(_("Unknown language."))
    if status not in (
        TranslationStatus.DRAFT,
        TranslationStatus.REVIEWED,
        TranslationStatus.BACK_TRANSLATED,
    ):
        raise ValidationError(_("Choose a status."))
    codes = set(poster.items.values_list("code", flat=True))
    texts = {
        "title": title.strip(),
        "items": {
            code: {"said": said.strip(), "did": did.strip()}
            for code, (said, did) in items.items()
            if code in codes
        },
    }
    complete = bool(texts["title"]) and all(
        texts["items"].get(code, {}).get("said") and texts["items"].get(code, {}).get("did")
        for code in codes
    )
    if status != TranslationStatus.DRAFT and not complete:
        raise ValidationError(
            _("Translate every text before marking the language as checked by a translator.")
        )
    translation = PosterTranslation.objects.filter(poster=poster, language=language).first()
    translation = translation or PosterTranslation(poster=poster, language=language)
    save_audited(
        translation,
        {"texts": texts, "status": status, "updated_by": by},
        by=by,
        collaboration=poster.collaboration,
    )
    if language not in poster.languages:
        poster.languages = _languages([*poster.languages, language])
        poster.save(update_fields=["languages"])
    return translation


@transaction.atomic
def poster_delete(*, poster: Poster, by) -> None:
    audit_record(
        actor=by, action=AuditAction.DELETE, obj=poster, collaboration=poster.collaboration
    )
    poster.delete()
