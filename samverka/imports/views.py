import os

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samverka.accounts.roles import Capability
from samverka.imports import jobs, services, template_files
from samverka.imports.columns import LABELS, REQUIRED, TEMPLATE_COLUMNS
from samverka.imports.forms import ConfirmForm, UploadForm
from samverka.imports.models import PENDING_IMPORT_LIFETIME, PendingImport
from samverka.imports.reading import ImportFileError, parse_upload
from samverka.jobs.services import job_start
from samverka.lib.exports import download
from samverka.orgs.decorators import collaboration_view

MAX_ERRORS_SHOWN = 200
MAX_SESSIONS_SHOWN = 300


@collaboration_view(Capability.IMPORT_ATTENDANCE)
@require_http_methods(["GET", "POST"])
def upload(request, access):
    collaboration = access.collaboration
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        filename = os.path.basename(upload.name or "")[:200]
        data = upload.read()
        if len(data) > jobs.BACKGROUND_BYTES:
            # A large list is read as background work with progress, never in this request.
            pending = services.pending_import_receive(
                collaboration=collaboration, filename=filename, data=data, by=request.user
            )
            job = job_start(
                kind="imports.read",
                title=_("Reading %(file)s") % {"file": filename or _("the list")},
                params={"pending": pending.code},
                by=request.user,
                collaboration=collaboration,
                back_url=reverse("imports:upload", args=[collaboration.code]),
            )
            return _go(request, reverse("jobs:detail", args=[job.code]))
        try:
            parsed = parse_upload(filename=upload.name or "", data=data)
        except ImportFileError as error:
            form.add_error("file", error.message)
        else:
            pending = services.pending_import_create(
                collaboration=collaboration,
                filename=filename,
                rows=parsed.rows,
                ignored_columns=parsed.ignored_columns,
                by=request.user,
            )
            return _go(request, reverse("imports:preview", args=[collaboration.code, pending.code]))
    explanations = template_files.explanations()
    columns = [
        (name, LABELS[name], name in REQUIRED, explanations[name]) for name in TEMPLATE_COLUMNS
    ]
    return render(
        request,
        "imports/upload.html",
        {"form": form, "collaboration": collaboration, "columns": columns},
    )


def _go(request, url: str) -> HttpResponse:
    """Redirect; an htmx upload is told to go there with a header."""
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


@collaboration_view(Capability.IMPORT_ATTENDANCE)
@require_http_methods(["GET", "POST"])
def preview(request, access, pending_code):
    """GET: what the import would do and what is wrong. POST: import (the confirm button)."""
    collaboration = access.collaboration
    pending = get_object_or_404(
        PendingImport.objects.filter(collaboration=collaboration, created_by=request.user),
        code=pending_code,
    )
    if pending.used_at is not None:
        messages.info(request, _("This file has already been imported."))
        return redirect("orgs:collaboration", collaboration.code)
    if pending.created_at < timezone.now() - PENDING_IMPORT_LIFETIME:
        messages.warning(request, _("The uploaded file has expired. Upload it again."))
        return redirect("imports:upload", collaboration.code)
    if pending.upload:
        messages.info(request, _("The file is still being read. Try again in a moment."))
        return redirect("imports:upload", collaboration.code)

    plan = services.import_plan(collaboration=collaboration, rows=pending.rows)
    form = ConfirmForm(
        request.POST if request.method == "POST" else None,
        unknown_activities=plan.unknown_activities,
    )
    if request.method == "POST" and plan.ok and form.is_valid():
        if len(pending.rows) > jobs.BACKGROUND_ROWS:
            job = job_start(
                kind="imports.run",
                title=_("Importing %(file)s") % {"file": pending.filename or _("the list")},
                params={
                    "pending": pending.code,
                    "choices": {k: list(v) for k, v in form.activity_choices().items()},
                },
                by=request.user,
                collaboration=collaboration,
                back_url=reverse("imports:preview", args=[collaboration.code, pending.code]),
            )
            return redirect("jobs:detail", job.code)
        try:
            done = services.attendance_import(
                collaboration=collaboration,
                rows=pending.rows,
                by=request.user,
                create_activities=True,
                activity_choices=form.activity_choices(),
                pending=pending,
            )
        except services.AlreadyImported:
            messages.info(request, _("This file has already been imported."))
            return redirect("orgs:collaboration", collaboration.code)
        except services.ImportRefused as refused:
            # The collaboration changed between the preview and the confirmation.
            plan = refused.plan
            form = ConfirmForm(unknown_activities=plan.unknown_activities)
        else:
            messages.success(request, summary(done))
            return redirect("orgs:collaboration", collaboration.code)
    return render(
        request,
        "imports/preview.html",
        {
            "collaboration": collaboration,
            "pending": pending,
            "plan": plan,
            "form": form,
            "errors": plan.errors[:MAX_ERRORS_SHOWN],
            "errors_hidden": max(0, len(plan.errors) - MAX_ERRORS_SHOWN),
            "sessions_shown": plan.sessions_to_create[:MAX_SESSIONS_SHOWN],
            "sessions_hidden": max(0, len(plan.sessions_to_create) - MAX_SESSIONS_SHOWN),
            "off_schedule": sum(1 for s in plan.sessions_to_create if s.on_schedule is False),
            "upload_form": UploadForm(),
        },
    )


def summary(plan: services.ImportPlan) -> str:
    return _(
        "The list is imported. Attendance added: %(attendance)s (already there: %(present)s). "
        "New participants: %(participants)s, new sessions: %(sessions)s, "
        "new activities: %(activities)s."
    ) % {
        "attendance": plan.attendance_to_add,
        "present": plan.already_present,
        "participants": plan.new_participants,
        "sessions": plan.new_sessions,
        "activities": plan.new_activities,
    }


@collaboration_view(Capability.IMPORT_ATTENDANCE)
@require_GET
def template_csv(request, access):
    return download(template_files.csv_bytes(), "samverka-attendance.csv")


@collaboration_view(Capability.IMPORT_ATTENDANCE)
@require_GET
def template_xlsx(request, access):
    return download(template_files.xlsx_bytes(), "samverka-attendance.xlsx")
