"""The transition dossier as files, made in the background (samverka/jobs): one PDF, and a ZIP
of its parts – each part as CSV (Excel with Swedish settings opens it directly), all parts in one
XLSX workbook, and the document archive's files. Both are audited as exports.
"""

import io
import re
import zipfile

from django.conf import settings
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.jobs.services import Output, producer
from samverka.lib.disclosure import HIDDEN_NOTE, display
from samverka.lib.exports import Sheet, csv_bytes, xlsx_bytes
from samverka.lib.pdf import PDF_TYPE, render_pdf
from samverka.memory.dossier.selectors import Dossier, dossier_for

ZIP_TYPE = "application/zip"


def _date(value) -> str:
    return value.isoformat() if value else ""


def _person(membership) -> str:
    return str(membership.user) if membership is not None else ""


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def file_stem(dossier: Dossier) -> str:
    name = slugify(dossier.collaboration.name) or dossier.collaboration.code
    return f"{slugify(_('transition dossier'))}-{name}-{timezone.localdate().isoformat()}"


def parts(dossier: Dossier) -> list[Sheet]:
    """Every part of the dossier as a table (the same rows go to CSV and to the workbook)."""
    c = dossier.collaboration
    profile = dossier.profile
    sheets = [
        Sheet(
            _("Goal picture"),
            [_("Part"), _("Text")],
            [
                (_("Shared goal picture"), c.shared_goal_picture),
                (_("Collaboration idea"), c.collaboration_idea),
                (_("Gaps in the welfare system"), profile.welfare_gaps),
                (_("Forums and steering groups"), profile.anchoring_forums),
                (_("Decisions taken"), profile.decisions),
                (_("Link to the child-rights work"), profile.child_rights_link),
                (_("The collaboration organisation"), profile.organisation),
            ],
            widths=(30, 100),
            wrap=True,
        ),
        Sheet(
            _("Agreements"),
            [
                _("Agreement form"),
                _("Between"),
                _("Signed"),
                _("Valid from"),
                _("Valid until"),
                _("Note"),
            ],
            [
                (
                    a.get_form_display(),
                    a.parties,
                    _date(a.signed_on),
                    _date(a.valid_from),
                    _date(a.valid_until),
                    a.note,
                )
                for a in dossier.agreements
            ],
            widths=(30, 40, 12, 12, 12, 60),
            wrap=True,
        ),
        Sheet(
            _("Routines"),
            [
                _("Element"),
                _("How we work"),
                _("Meetings"),
                _("Channels"),
                _("Contacts"),
                _("Key person"),
                _("Backup person"),
            ],
            [
                (
                    str(row["element"].name),
                    row["routine"].description,
                    row["routine"].meetings,
                    row["routine"].channels,
                    row["routine"].contacts,
                    _person(row["routine"].key_person),
                    _person(row["routine"].backup_person),
                )
                for row in dossier.routines
            ],
            widths=(24, 50, 30, 25, 30, 22, 22),
            wrap=True,
        ),
        Sheet(
            _("Actors"),
            [_("Organisation"), _("Relation"), _("Organisation"), _("Contact role")],
            [
                *[
                    (o.name, _("partner in the collaboration"), c.name, "")
                    for o in dossier.partners
                ],
                *[
                    (
                        r.from_organisation.name,
                        r.get_kind_display(),
                        r.to_organisation.name,
                        r.contact_role,
                    )
                    for r in dossier.relations
                ],
            ],
            widths=(40, 28, 40, 28),
        ),
        Sheet(
            _("Activities"),
            [
                _("Activity"),
                _("Focus area"),
                _("Type"),
                _("First date"),
                _("Last date"),
                _("What becomes of it"),
                _("Future owner"),
                _("Funding"),
                _("Date decided"),
                _("Where it was decided"),
                _("Note"),
            ],
            [
                (
                    row.activity.name,
                    row.activity.get_focus_area_display(),
                    row.activity.get_type_display(),
                    _date(row.activity.starts_on),
                    _date(row.activity.ends_on),
                    row.future_label,
                    str(row.continuation.owner or "") if row.continuation else "",
                    row.continuation.funding if row.continuation else "",
                    _date(row.continuation.decided_on) if row.continuation else "",
                    row.continuation.get_decided_in_display() if row.continuation else "",
                    row.continuation.note if row.continuation else "",
                )
                for row in dossier.futures
            ],
            widths=(30, 30, 22, 12, 12, 30, 30, 25, 12, 22, 50),
            wrap=True,
        ),
    ]
    if dossier.followup:
        sheets.append(
            Sheet(
                _("Follow-up"),
                [_("Indicator"), _("Result"), _("Period"), _("Note")],
                [(f.indicator, f.value, f.period, f.note) for f in dossier.followup],
                widths=(40, 20, 15, 50),
            )
        )
    sheets += [
        Sheet(
            _("Lessons"),
            [
                _("Lesson"),
                _("What we learned"),
                _("What we would do again"),
                _("What we would do differently"),
                _("Advice to others"),
                _("Tags"),
                _("Shared nationally"),
            ],
            [
                (
                    lesson.title,
                    lesson.learned,
                    lesson.again,
                    lesson.differently,
                    lesson.advice,
                    ", ".join(str(t) for t in lesson.tag_labels()),
                    _yes(lesson.is_shared),
                )
                for lesson in dossier.lessons
            ],
            widths=(35, 50, 35, 35, 35, 35, 10),
            wrap=True,
        ),
        Sheet(
            _("Open decisions"),
            [_("Decision"), _("Learning session"), _("Followed up by"), _("By (date)")],
            [
                (d.text, _date(d.session.held_on), _person(d.follow_up_by), _date(d.due_on))
                for d in dossier.open_decisions
            ],
            widths=(60, 15, 25, 12),
            wrap=True,
        ),
        Sheet(
            _("Dilemmas"),
            [
                _("Dilemma"),
                _("When it came up"),
                _("The situation"),
                _("How it was balanced"),
                _("What followed"),
                _("Status"),
            ],
            [
                (
                    d.heading,
                    _date(d.occurred_on),
                    d.situation,
                    d.balance,
                    d.outcome,
                    d.get_status_display(),
                )
                for d in dossier.dilemmas
            ],
            widths=(30, 12, 50, 50, 40, 15),
            wrap=True,
        ),
        Sheet(
            _("Self-assessment"),
            [_("Round"), _("Closed"), _("Side"), _("Receptiveness"), _("Capacity"), _("Quadrant")],
            [
                (
                    result.round.number,
                    _date(result.round.closed_at.date() if result.round.closed_at else None),
                    str(label),
                    round(point.receptiveness, 1) if point else "",
                    round(point.capacity, 1) if point else "",
                    str(point.quadrant.label) if point else _("too few answers"),
                )
                for result in dossier.journey.results
                for label, point in result.quadrant_rows
            ],
            widths=(8, 12, 25, 14, 14, 28),
        ),
        Sheet(
            _("Referral gaps"),
            [_("Need"), _("Raised without an actor"), _("Failed referrals")],
            [
                (
                    str(g["need"].label),
                    display(g["raised_without_actor"]),
                    display(g["failed_referrals"]),
                )
                for g in dossier.gaps
            ],
            widths=(35, 20, 20),
            notes=[HIDDEN_NOTE],
        ),
        Sheet(
            _("Documents"),
            [_("Title"), _("Kind"), _("Date"), _("File in this archive"), _("Description")],
            [
                (d.title, d.get_kind_display(), _date(d.dated_on), name, d.description)
                for d, name in zip(dossier.documents, document_names(dossier), strict=True)
            ],
            widths=(40, 22, 12, 45, 50),
            wrap=True,
        ),
        Sheet(
            _("Handovers"),
            [
                _("From"),
                _("To"),
                _("Why"),
                _("Routine"),
                _("What I held"),
                _("Open matters"),
                _("Contacts"),
                _("Written"),
            ],
            [
                (
                    h.leaving_name,
                    h.successor_name,
                    h.get_reason_display(),
                    h.routine.get_element_display() if h.routine_id else "",
                    h.held,
                    h.open_matters,
                    "\n".join(
                        " · ".join(p for p in (k.role, k.organisation_label, k.route, k.why) if p)
                        for k in h.contacts.all()
                    ),
                    _date(h.written_at.date()),
                )
                for h in dossier.handovers
            ],
            widths=(22, 22, 22, 22, 50, 40, 50, 12),
            wrap=True,
        ),
    ]
    for sheet in sheets:
        sheet.rows = list(sheet.rows)  # written twice: as CSV and in the workbook
    return sheets


def document_names(dossier: Dossier) -> list[str]:
    """Each document's name inside the ZIP: numbered, from the name it was given, safe."""
    names = []
    for index, document in enumerate(dossier.documents, start=1):
        base = re.sub(r"[^\w.\- ]+", "_", document.original_name).strip(" ._") or "document"
        names.append(f"{_('documents')}/{index:02d}-{base}")
    return names


def dossier_zip_bytes(dossier: Dossier, progress=lambda percent, step="": None) -> bytes:
    sheets = parts(dossier)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        progress(30, _("Writing the tables"))
        for index, sheet in enumerate(sheets, start=1):
            name = f"{index:02d}-{slugify(sheet.title) or 'part'}.csv"
            archive.writestr(name, csv_bytes(sheet.headers, sheet.rows, excel_swedish=True))
        archive.writestr(f"{slugify(_('transition dossier'))}.xlsx", xlsx_bytes(sheets))
        progress(50, _("Adding the documents"))
        for document, name in zip(dossier.documents, document_names(dossier), strict=True):
            try:
                with document.file.open("rb") as handle:
                    archive.writestr(
                        zipfile.ZipInfo(name, date_time=timezone.now().timetuple()[:6]),
                        handle.read(),
                        compress_type=zipfile.ZIP_STORED,
                    )
            except (FileNotFoundError, ValueError):
                continue  # a missing file is listed in the documents table, not packed
    return out.getvalue()


def _language(job) -> str:
    return job.params.get("language") or settings.LANGUAGE_CODE


def _audit(job, detail: str) -> None:
    audit_record(
        actor=job.requested_by,
        action=AuditAction.EXPORT,
        obj=job.collaboration,
        collaboration=job.collaboration,
        detail=detail,
    )


@producer("memory.dossier_pdf")
def dossier_pdf(job, progress) -> Output:
    with translation.override(_language(job)):
        progress(10, _("Reading what is recorded"))
        dossier = dossier_for(job.collaboration)
        progress(40, _("Writing the PDF"))
        content = render_pdf("memory/dossier/pdf.html", {"dossier": dossier, "pdf": True})
        _audit(job, "transition dossier PDF")
        return Output(content, f"{file_stem(dossier)}.pdf", PDF_TYPE)


@producer("memory.dossier_zip")
def dossier_zip(job, progress) -> Output:
    with translation.override(_language(job)):
        progress(10, _("Reading what is recorded"))
        dossier = dossier_for(job.collaboration)
        content = dossier_zip_bytes(dossier, progress)
        _audit(job, "transition dossier ZIP")
        return Output(content, f"{file_stem(dossier)}.zip", ZIP_TYPE)
