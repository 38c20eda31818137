"""Workflows of a project's material: uploading transcripts and field notes, pulling free-text
survey answers, coding text selections and memos. Each is one transaction, and every research
access (reading material counts) is audited with the project."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import save_audited
from samverka.lib.privacy import identifying_codes
from samverka.research.projects.models import DataKind
from samverka.research.projects.selectors import audit_detail
from samverka.research.projects.services import research_audit
from samverka.research.sources.extract import direction_of, extract_text, normalise
from samverka.research.sources.models import Coding, Source, SourceKind
from samverka.research.sources.redact import known_names, redact

MIN_ROUND_ANSWERS = 5  # as the results pages: no answers of a round with fewer respondents


def _check_collaboration(research, collaboration) -> None:
    if collaboration.pk not in research.collaboration_ids:
        raise ValidationError(_("Choose one of the collaborations included in the project."))


def _refuse_codes(text: str) -> None:
    codes = identifying_codes(text)
    if codes:
        raise ValidationError(
            _(
                "The text contains the participant code %(codes)s. Researchers never see "
                "participant codes: take them out and upload again."
            )
            % {"codes": ", ".join(codes)}
        )


@transaction.atomic
def source_upload(
    *, research, collaboration, kind: str, name: str, upload, by, direction: str = ""
) -> Source:
    """A transcript or field note from an uploaded file (checked by UploadField)."""
    _check_collaboration(research, collaboration)
    if kind not in {SourceKind.TRANSCRIPT, SourceKind.FIELD_NOTE}:
        raise ValidationError(_("Choose transcript or field notes."))
    text = extract_text(upload)
    _refuse_codes(text)
    upload.seek(0)
    digest = hashlib.sha256(upload.read()).hexdigest()
    file_name = "".join(c for c in (upload.name or "") if c.isprintable())[-200:]
    return _source_create(
        research=research,
        collaboration=collaboration,
        kind=kind,
        name=name or file_name,
        text=text,
        direction=direction or direction_of(text),
        original_name=file_name,
        sha256=digest,
        by=by,
    )


def _source_create(*, research, by, **fields) -> Source:
    source = Source(project=research.project, created_by=by)
    save_audited(source, fields, by=by, detail=audit_detail(research.project, "source"))
    return source


def _item_label(item) -> str:
    texts = item.text or {}
    return texts.get("sv") or texts.get("en") or next(iter(texts.values()), item.item_id)


@transaction.atomic
def survey_pull(*, research, survey_round, by) -> Source:
    """The free-text answers of one survey round as a source: each question with its answers,
    without respondents, codes or names."""
    from samverka.surveys.instruments.models import ItemType
    from samverka.surveys.respond.models import Answer

    project = research.project
    if not project.asks_for(DataKind.FREE_TEXT):
        raise ValidationError(
            _("The project does not ask for free-text survey answers. Change what it asks for.")
        )
    if not project.is_active():
        raise ValidationError(_("Survey answers are read only during the project's period."))
    _check_collaboration(research, survey_round.collaboration)
    if Source.objects.filter(project=project, survey_round=survey_round).exists():
        raise ValidationError(_("The answers of this round are already in the project."))
    submitted = survey_round.responses.filter(submitted_at__isnull=False)
    if submitted.count() < MIN_ROUND_ANSWERS:
        raise ValidationError(
            _("The round has fewer than %(n)s answers; its free text is not shared.")
            % {"n": MIN_ROUND_ANSWERS}
        )
    names = known_names([survey_round.collaboration])
    answers = (
        Answer.objects.filter(
            response__in=submitted, item__type=ItemType.TEXT, item__version=survey_round.version
        )
        .exclude(text="")
        .select_related("item")
        .order_by("item__section__position", "item__position", "item_id", "response_id")
    )
    lines: list[str] = []
    current = None
    for answer in answers:
        if answer.item_id != current:
            if lines:
                lines.append("")
            lines.append(f"# {_item_label(answer.item)}")
            current = answer.item_id
        lines.append(redact(" ".join(answer.text.split()), names))
    if not lines:
        raise ValidationError(_("The round has no free-text answers."))
    text = normalise("\n".join(lines))
    municipality = survey_round.collaboration.municipality.name
    source = _source_create(
        research=research,
        collaboration=survey_round.collaboration,
        kind=SourceKind.SURVEY_ANSWERS,
        name=_("Free-text answers: %(round)s (%(place)s)")
        % {"round": survey_round.title, "place": municipality},
        text=text,
        direction=direction_of(text),
        survey_round=survey_round,
        by=by,
    )
    research_audit(
        project=project,
        by=by,
        action=AuditAction.VIEW,
        obj=survey_round,
        collaboration=survey_round.collaboration,
        what="free-text survey answers pulled (codes and names taken out)",
    )
    return source


@transaction.atomic
def source_update(*, research, source: Source, name: str, direction: str, memo: str, by):
    source = Source.objects.select_for_update().get(pk=source.pk)
    save_audited(
        source,
        {"name": name, "direction": direction, "memo": memo},
        by=by,
        detail=audit_detail(research.project, "source"),
    )
    return source


@transaction.atomic
def source_delete(*, research, source: Source, by) -> None:
    research_audit(
        project=research.project,
        by=by,
        action=AuditAction.DELETE,
        obj=source,
        collaboration=source.collaboration,
        what="source removed with its codings",
    )
    source.delete()


@transaction.atomic
def source_viewed(*, research, source: Source, by) -> None:
    research_audit(
        project=research.project,
        by=by,
        action=AuditAction.VIEW,
        obj=source,
        collaboration=source.collaboration,
        what="source read",
    )


def locate(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Where the `occurrence`-th copy of `quote` stands in `text` (the no-JavaScript way of
    choosing a selection: paste the passage)."""
    quote = normalise(quote).strip()
    if not quote:
        raise ValidationError(_("Select a passage in the text, or paste it into the field."))
    start = -1
    for _n in range(max(1, occurrence)):
        start = text.find(quote, start + 1)
        if start < 0:
            break
    if start < 0:
        raise ValidationError(
            _("The passage was not found in the text. Copy it exactly as it stands.")
        )
    return start, start + len(quote)


@transaction.atomic
def coding_add(
    *,
    research,
    source: Source,
    code,
    start: int | None,
    end: int | None,
    quote: str = "",
    occurrence: int = 1,
    memo: str = "",
    by,
) -> Coding:
    """Code a selection: [start, end) in code points, or found from a pasted quote."""
    if code.project_id != research.project.pk:
        raise ValidationError(_("Choose a code of this project."))
    if not code.codable:
        raise ValidationError(
            _("%(code)s only groups other codes. Choose one of them.") % {"code": code.name}
        )
    text = source.text
    if start is None or end is None:
        start, end = locate(text, quote, occurrence)
    if not (0 <= start < end <= len(text)):
        raise ValidationError(_("The selection is outside the text. Select the passage again."))
    if quote and quote.split() != text[start:end].split():
        raise ValidationError(
            _("The text has changed since the page was opened. Reload and select again.")
        )
    # Trim spaces and line breaks at the edges of the selection.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise ValidationError(_("Select some text, not only spaces."))
    same = Coding.objects.filter(source=source, start=start, end=end).first()
    coding = Coding(source=source, code=code, start=start, end=end, memo=memo, created_by=by)
    if same is not None:
        coding.selection_guid = same.selection_guid
    try:
        with transaction.atomic():
            coding.save()
    except IntegrityError as error:
        raise ValidationError(_("This passage already has that code.")) from error
    research_audit(
        project=research.project,
        by=by,
        action=AuditAction.CREATE,
        obj=coding,
        collaboration=source.collaboration,
        what="coding",
    )
    return coding


@transaction.atomic
def coding_update(*, research, coding: Coding, code, memo: str, by) -> Coding:
    coding = Coding.objects.select_for_update().get(pk=coding.pk)
    if code.project_id != research.project.pk or not code.codable:
        raise ValidationError(_("Choose a code of this project."))
    if (
        code.pk != coding.code_id
        and Coding.objects.filter(
            source=coding.source, code=code, start=coding.start, end=coding.end
        ).exists()
    ):
        raise ValidationError(_("This passage already has that code."))
    save_audited(
        coding,
        {"code": code, "memo": memo},
        by=by,
        collaboration=coding.source.collaboration,
        detail=audit_detail(research.project, "coding"),
    )
    return coding


@transaction.atomic
def coding_delete(*, research, coding: Coding, by) -> None:
    research_audit(
        project=research.project,
        by=by,
        action=AuditAction.DELETE,
        obj=coding,
        collaboration=coding.source.collaboration,
        what="coding removed",
    )
    coding.delete()
