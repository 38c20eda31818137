"""Workflows of a project's codebook: copying the built-in one, adding, changing and removing
codes. Each is one transaction and audited with the project."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import save_audited
from samverka.research.codebook import builtin
from samverka.research.codebook.colours import normalise
from samverka.research.codebook.models import Code
from samverka.research.codebook.selectors import descendants
from samverka.research.projects.selectors import audit_detail
from samverka.research.projects.services import research_audit


@transaction.atomic
def builtin_copy(*, project, language: str = "sv", by) -> int:
    """Copy the built-in codebook into the project; concepts already there (by their key) are
    passed over, so copying twice adds nothing. Returns how many codes were added."""
    present = dict(project.codes.exclude(builtin_key="").values_list("builtin_key", "pk"))
    position = (project.codes.filter(parent=None).aggregate(m=Max("position"))["m"] or 0) + 1
    added = 0
    for index, (concept, parent) in enumerate(builtin.walk()):
        if concept.key in present:
            continue
        parent_pk = present.get(parent.key) if parent else None
        code = Code.objects.create(
            project=project,
            parent_id=parent_pk,
            name=concept.name(language),
            description=concept.description(language),
            colour=concept.colour,
            codable=concept.codable,
            position=position + index,
            builtin_key=concept.key,
            guid=concept.guid,
            created_by=by,
        )
        present[concept.key] = code.pk
        added += 1
    if added:
        research_audit(
            project=project,
            by=by,
            action=AuditAction.CREATE,
            what=f"built-in codebook copied ({added} codes)",
        )
    return added


def _check_parent(code: Code, parent: Code | None) -> None:
    if parent is None:
        return
    if parent.project_id != code.project_id:
        raise ValidationError(_("Choose a code of this project."))
    if code.pk is not None and (parent.pk == code.pk or parent.pk in descendants(code)):
        raise ValidationError(_("A code cannot be placed under itself or one of its own codes."))


def _check_name(code: Code, parent: Code | None, name: str) -> None:
    siblings = Code.objects.filter(project_id=code.project_id, parent=parent, name=name)
    if code.pk is not None:
        siblings = siblings.exclude(pk=code.pk)
    if siblings.exists():
        raise ValidationError(_("There is already a code with that name here."))


@transaction.atomic
def code_save(
    *,
    project,
    code: Code | None = None,
    name: str,
    parent: Code | None,
    description: str = "",
    colour: str = "#1D5C63",
    codable: bool = True,
    memo: str = "",
    by,
) -> Code:
    if code is None:
        code = Code(project=project, created_by=by)
        last = project.codes.filter(parent=parent).aggregate(m=Max("position"))["m"]
        code.position = (last or 0) + 1
    else:
        code = Code.objects.select_for_update().get(pk=code.pk, project=project)
    name = name.strip()
    _check_parent(code, parent)
    _check_name(code, parent, name)
    save_audited(
        code,
        {
            "name": name,
            "parent": parent,
            "description": description,
            "colour": normalise(colour),
            "codable": codable,
            "memo": memo,
        },
        by=by,
        detail=audit_detail(project, "code"),
    )
    return code


@transaction.atomic
def code_delete(*, code: Code, by) -> int:
    """Remove a code, the codes under it and their codings; returns how many codings went."""
    from samverka.lib.scoping import national_scope
    from samverka.research.sources.models import Coding

    project = code.project
    pks = {code.pk, *descendants(code)}
    # Codings of every source of the project go with the code, also those of a collaboration
    # whose inclusion was revoked (the code itself is the researchers' own).
    with national_scope():
        codings = Coding.objects.filter(code_id__in=pks)
        removed = codings.count()
        codings.delete()
    research_audit(
        project=project,
        by=by,
        action=AuditAction.DELETE,
        obj=code,
        what=f"code removed with {len(pks) - 1} codes under it and {removed} codings",
    )
    Code.objects.filter(pk__in=pks).delete()
    return removed


@transaction.atomic
def code_move(*, code: Code, up: bool, by) -> None:
    """Swap a code with its neighbour among its siblings (renumbering them in order)."""
    siblings = list(
        Code.objects.select_for_update()
        .filter(project_id=code.project_id, parent_id=code.parent_id)
        .order_by("position", "name")
    )
    index = next(i for i, c in enumerate(siblings) if c.pk == code.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            Code.objects.filter(pk=sibling.pk).update(position=position)
    research_audit(
        project=code.project, by=by, action=AuditAction.UPDATE, obj=code, what="code moved"
    )


@transaction.atomic
def segments_read(*, project, code: Code, by) -> None:
    research_audit(
        project=project, by=by, action=AuditAction.VIEW, obj=code, what="segments of a code read"
    )


@transaction.atomic
def segments_export(*, project, code: Code, found, file_format: str, by):
    """The segments of a code (a `sources.selectors.Retrieval`) as XLSX (with the counts per
    municipality on a second sheet) or CSV; audited with the project."""
    from samverka.lib.downloads import Download
    from samverka.lib.exports import CSV_TYPE, XLSX_TYPE, Sheet, csv_bytes, xlsx_bytes

    headers = [
        _("Code"),
        _("Municipality"),
        _("Source"),
        _("Start"),
        _("End"),
        _("Segment"),
        _("Memo"),
    ]
    rows = [
        [
            c.code.name,
            c.source.collaboration.municipality.name,
            c.source.name,
            c.start,
            c.end,
            c.excerpt,
            c.memo,
        ]
        for c in found.codings
    ]
    research_audit(
        project=project,
        by=by,
        action=AuditAction.EXPORT,
        obj=code,
        what=f"segments of a code exported ({len(rows)})",
    )
    name = f"segment-{code.code}"
    if file_format == "csv":
        return Download(csv_bytes(headers, rows), CSV_TYPE, f"{name}.csv")
    counts = [[place, segments, sources] for place, segments, sources in found.per_municipality]
    content = xlsx_bytes(
        [
            Sheet(_("Segments"), headers, rows, widths=(24, 16, 28, 8, 8, 80, 40), wrap=True),
            Sheet(
                _("Per municipality"),
                [_("Municipality"), _("Segments"), _("Sources")],
                counts,
                widths=(24, 12, 12),
            ),
        ]
    )
    return Download(content, XLSX_TYPE, f"{name}.xlsx")
