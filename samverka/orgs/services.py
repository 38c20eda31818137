"""Workflows for municipalities, organisations and collaborations."""

import csv
import datetime
import io
from dataclasses import dataclass, field
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.orgs.models import (
    Collaboration,
    Municipality,
    Organisation,
    municipality_code_validator,
)


class CollaborationFields(TypedDict, total=False):
    """What a collaboration is made of (CollaborationForm's fields)."""

    name: str
    municipality: Municipality
    lead_organisation: Organisation
    starts_on: datetime.date
    ends_on: datetime.date | None
    shared_goal_picture: str
    collaboration_idea: str
    builds_on: Collaboration | None


@transaction.atomic
def collaboration_create(*, by, **fields: Unpack[CollaborationFields]) -> Collaboration:
    collaboration = Collaboration()
    save_audited(collaboration, fields, by=by)
    return collaboration


@transaction.atomic
def collaboration_update(
    *, collaboration: Collaboration, by, **fields: Unpack[CollaborationFields]
) -> Collaboration:
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    save_audited(collaboration, fields, by=by)
    return collaboration


@transaction.atomic
def municipality_create(*, code: str, name: str, county: str = "", by) -> Municipality:
    municipality = Municipality()
    save_audited(municipality, {"code": code, "name": name, "county": county}, by=by)
    return municipality


@transaction.atomic
def organisation_create(
    *,
    name: str,
    kind: str,
    parent: Organisation | None = None,
    municipality: Municipality | None = None,
    partner_in: Collaboration | None = None,
    by,
) -> Organisation:
    """Register an organisation; with `partner_in`, as a partner of that collaboration."""
    organisation = Organisation()
    data = {"name": name, "kind": kind, "parent": parent, "municipality": municipality}
    save_audited(organisation, data, by=by, collaboration=partner_in)
    if partner_in is not None:
        partner_add(collaboration=partner_in, organisation=organisation, by=by)
    return organisation


@transaction.atomic
def partner_add(*, collaboration: Collaboration, organisation: Organisation, by) -> None:
    collaboration.partners.add(organisation)
    _partners_changed(collaboration, f"+{organisation.code}", by)


@transaction.atomic
def partner_remove(*, collaboration: Collaboration, organisation: Organisation, by) -> None:
    collaboration.partners.remove(organisation)
    _partners_changed(collaboration, f"-{organisation.code}", by)


def _partners_changed(collaboration: Collaboration, detail: str, by) -> None:
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=collaboration,
        fields=["partners"],
        detail=detail,
    )


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# Swedish column headers are accepted too.
COLUMN_ALIASES = {"kod": "code", "kommunkod": "code", "namn": "name", "län": "county"}


def _read_rows(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    reader.fieldnames = [
        COLUMN_ALIASES.get(key, key)
        for key in ((name or "").strip().lower() for name in reader.fieldnames or [])
    ]
    return list(reader)


@transaction.atomic
def municipalities_import(*, data: bytes, by, dry_run: bool = False) -> ImportResult:
    """Import municipalities from CSV (code, name, county): all rows or none.

    Existing codes get the new name and county; new codes are created. Every
    bad row is reported with its line number; nothing is written if any is bad.
    """
    result = ImportResult()
    try:
        rows = _read_rows(data)
    except UnicodeDecodeError:
        result.errors.append((1, _("The file is not UTF-8 text. Save it as CSV UTF-8.")))
        return result
    if not rows:
        result.errors.append((1, _("The file has no rows.")))
        return result
    missing = {"code", "name"} - set(rows[0].keys())
    if missing:
        result.errors.append(
            (1, _("Missing column(s): %(columns)s.") % {"columns": ", ".join(sorted(missing))})
        )
        return result
    seen: dict[str, int] = {}
    clean: list[tuple[str, str, str]] = []
    for line, row in enumerate(rows, start=2):
        code = (row.get("code") or "").strip()
        name = (row.get("name") or "").strip()
        county = (row.get("county") or "").strip()
        if len(code) == 3 and code.isdigit():
            code = "0" + code  # Excel drops the leading zero of 0136 and 0880.
        try:
            municipality_code_validator(code)
        except ValidationError:
            result.errors.append(
                (line, _("“%(code)s” is not a four-digit municipality code.") % {"code": code})
            )
            continue
        if not name:
            result.errors.append((line, _("The name is missing.")))
            continue
        if code in seen:
            result.errors.append(
                (
                    line,
                    _("Code %(code)s also appears on line %(line)s.")
                    % {"code": code, "line": seen[code]},
                )
            )
            continue
        seen[code] = line
        clean.append((code, name[:100], county[:100]))
    if result.errors or dry_run:
        existing = set(Municipality.objects.filter(code__in=seen).values_list("code", flat=True))
        result.updated = len(existing)
        result.created = len(clean) - len(existing)
        return result
    for code, name, county in clean:
        _municipality, created = Municipality.objects.update_or_create(
            code=code, defaults={"name": name, "county": county}
        )
        result.created += created
        result.updated += not created
    audit_record(
        actor=by,
        action=AuditAction.CREATE,
        detail=f"municipality import: {result.created} new, {result.updated} updated",
    )
    return result
