"""REFI-QDA exchange workflows: exporting a project or its codebook (audited with the
project) and importing a codebook or a project's codes and text codings. An import is read and
checked whole first (`read.py`) and then stored in one transaction: all or nothing."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.lib.downloads import Download
from samverka.lib.scoping import national_scope
from samverka.research.codebook.colours import normalise
from samverka.research.codebook.models import Code
from samverka.research.projects.models import ProjectMemo
from samverka.research.projects.services import research_audit
from samverka.research.refiqda import export
from samverka.research.refiqda.read import COLLABORATION_VARIABLE, Parsed, canonical
from samverka.research.sources.models import Coding, Source, SourceKind


def _name(project, suffix: str) -> str:
    return f"{slugify(project.title)[:60] or 'projekt'}{suffix}"


@transaction.atomic
def project_export(*, research, by) -> Download:
    """The project as .qdpx: what the approved inclusions allow now (call in their scope)."""
    from samverka.research.projects.selectors import active_researchers
    from samverka.research.sources.selectors import codings_of, sources_of

    project = research.project
    sources = list(sources_of(project).order_by("name", "pk"))
    codings = list(codings_of(project).order_by("source_id", "start", "end", "pk"))
    researchers = list(active_researchers(project))
    memos = list(project.memos.order_by("created_at", "pk"))
    content = export.project_qdpx(project, sources, codings, researchers, memos)
    research_audit(
        project=project,
        by=by,
        action=AuditAction.EXPORT,
        what=f"REFI-QDA project exported ({len(sources)} sources, {len(codings)} codings)",
    )
    return Download(content, export.QDPX_TYPE, _name(project, ".qdpx"))


@transaction.atomic
def codebook_export(*, research, by) -> Download:
    project = research.project
    try:
        content = export.codebook_xml(project)
    except ValueError as error:
        raise ValidationError(_("The project has no codes to export.")) from error
    research_audit(
        project=project, by=by, action=AuditAction.EXPORT, what="REFI-QDA codebook exported"
    )
    return Download(content, export.QDC_TYPE, _name(project, "-kodbok.qdc"))


@dataclass
class Imported:
    codes_added: int = 0
    codes_kept: int = 0
    sources_added: int = 0
    sources_kept: int = 0
    codings_added: int = 0
    memos_added: int = 0
    left_out: list[str] = field(default_factory=list)


def _import_codes(project, parsed: Parsed, result: Imported, by) -> dict[str, Code]:
    """Codes by their GUID in the file: an existing code of the project with the same GUID,
    or with the same name under the same parent, is kept; the others are added."""
    existing = {canonical(str(code.guid)): code for code in project.codes.all()}
    by_place = {(code.parent_id, code.name): code for code in project.codes.all()}
    mapped: dict[str, Code] = {}
    position = project.codes.count()
    for parsed_code in parsed.codes:
        parent = mapped.get(parsed_code.parent) if parsed_code.parent else None
        code = existing.get(parsed_code.guid) or by_place.get(
            (parent.pk if parent else None, parsed_code.name)
        )
        if code is not None:
            result.codes_kept += 1
        else:
            position += 1
            code = Code.objects.create(
                project=project,
                parent=parent,
                name=parsed_code.name,
                description=parsed_code.description,
                colour=normalise(parsed_code.colour),
                codable=parsed_code.codable,
                memo=parsed_code.note,
                position=position,
                guid=parsed_code.guid,
                created_by=by,
            )
            by_place[(code.parent_id, code.name)] = code
            result.codes_added += 1
        mapped[parsed_code.guid] = code
    return mapped


@transaction.atomic
def codebook_import(*, research, parsed: Parsed, by) -> Imported:
    project = research.project
    result = Imported(left_out=list(parsed.left_out))
    _import_codes(project, parsed, result, by)
    research_audit(
        project=project,
        by=by,
        action=AuditAction.CREATE,
        what=f"REFI-QDA codebook imported ({result.codes_added} codes added)",
    )
    return result


@transaction.atomic
def project_import(*, research, parsed: Parsed, collaboration, by) -> Imported:
    """Codes, text sources with their codings and memos of a .qdpx file. A source goes to the
    collaboration its variable names when that one is included, else to `collaboration`."""
    project = research.project
    if collaboration is None or collaboration.pk not in research.collaboration_ids:
        raise ValidationError(_("Choose one of the collaborations included in the project."))
    included = {c.code: c for c in research.collaborations()}
    result = Imported(left_out=list(parsed.left_out))
    codes = _import_codes(project, parsed, result, by)
    # Sources already in the project (also those of a revoked collaboration, which the page's
    # scope hides) are recognised by their GUID and kept as they are.
    with national_scope():
        present = {
            canonical(str(g))
            for g in Source.objects.filter(project=project).values_list("guid", flat=True)
        }
    for parsed_source in parsed.sources:
        if parsed_source.guid in present:
            result.sources_kept += 1
            continue
        target = included.get(
            parsed_source.variables.get(COLLABORATION_VARIABLE, ""), collaboration
        )
        source = Source.objects.create(
            project=project,
            collaboration=target,
            kind=SourceKind.IMPORTED,
            name=parsed_source.name,
            text=parsed_source.text,
            memo=parsed_source.note,
            guid=parsed_source.guid,
            created_by=by,
        )
        from samverka.research.sources.extract import direction_of

        source.direction = direction_of(source.text)
        source.save(update_fields=["direction"])
        result.sources_added += 1
        made = set()
        for selection in parsed_source.selections:
            for parsed_coding in selection.codings:
                code = codes[parsed_coding.code]
                key = (code.pk, selection.start, selection.end)
                if key in made:
                    continue
                made.add(key)
                Coding.objects.create(
                    source=source,
                    code=code,
                    start=selection.start,
                    end=selection.end,
                    memo=parsed_coding.note,
                    selection_guid=selection.guid,
                    guid=parsed_coding.guid,
                    created_by=by,
                )
                result.codings_added += 1
    known_memos = {canonical(str(g)) for g in project.memos.values_list("guid", flat=True)}
    for memo in parsed.memos:
        if memo.guid in known_memos:
            continue
        ProjectMemo.objects.create(
            project=project, title=memo.title[:200], text=memo.text, guid=memo.guid, created_by=by
        )
        result.memos_added += 1
    research_audit(
        project=project,
        by=by,
        action=AuditAction.CREATE,
        what=(
            f"REFI-QDA project imported ({result.sources_added} sources, "
            f"{result.codings_added} codings, {result.codes_added} codes)"
        ),
    )
    return result
