"""Large attendance lists are read and imported as background work (samverka/jobs), so no
upload holds a web worker longer than a few seconds: a file larger than BACKGROUND_BYTES is read
there, and a list of more than BACKGROUND_ROWS rows is imported there, with progress.

Reading: the upload view keeps the file (`pending_import_receive`) and starts `imports.read`,
which fills the pending import's rows, deletes the file and goes on to the preview. Importing:
the preview's confirmation starts `imports.run`, which imports all or nothing and says what it
did; a list that changed in between is refused with the reason, and nothing is written.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from samverka.accounts.models import User
from samverka.imports import services
from samverka.imports.models import PendingImport
from samverka.imports.reading import ImportFileError, parse_upload
from samverka.jobs.services import JobRefused, Output, producer

BACKGROUND_BYTES = 512 * 1024
BACKGROUND_ROWS = 2_000


@producer("imports.read")
def read_list(job, progress) -> Output:
    pending = PendingImport.objects.get(code=job.params["pending"])
    progress(5, _("Reading the file"))
    with pending.upload.open("rb") as upload:
        data = upload.read()

    def rows_read(count: int) -> None:
        progress(min(90, 5 + count * 85 // 20_000), _("%(count)s rows read") % {"count": count})

    try:
        parsed = parse_upload(filename=pending.filename, data=data, progress=rows_read)
    except ImportFileError as error:
        services.pending_import_discard(pending=pending)
        raise JobRefused(error.message) from error
    services.pending_import_read(
        pending=pending, rows=parsed.rows, ignored_columns=parsed.ignored_columns
    )
    return Output(url=reverse("imports:preview", args=[pending.collaboration.code, pending.code]))


@producer("imports.run")
def run_import(job, progress) -> Output:
    from samverka.imports.views import summary

    pending = PendingImport.objects.select_related("collaboration").get(code=job.params["pending"])
    by = User.objects.get(pk=job.requested_by_id)
    choices = {key: tuple(value) for key, value in job.params["choices"].items()}

    def report(phase: str, done: int, total: int) -> None:
        share = done * 100 // max(total, 1)
        counts = {"done": done, "total": total}
        if phase == "checked":
            progress(share // 4, _("%(done)s of %(total)s rows checked") % counts)
        else:
            progress(25 + share * 3 // 4, _("%(done)s of %(total)s rows imported") % counts)

    back = reverse("imports:preview", args=[pending.collaboration.code, pending.code])
    try:
        done = services.attendance_import(
            collaboration=pending.collaboration,
            rows=pending.rows,
            by=by,
            create_activities=True,
            activity_choices=choices,
            pending=pending,
            progress=report,
        )
    except services.AlreadyImported as error:
        raise JobRefused(_("This file has already been imported.")) from error
    except services.ImportRefused as error:
        raise JobRefused(
            _(
                "Nothing was imported: the collaboration changed after the check. "
                "Open the check again (%(url)s) and confirm once more."
            )
            % {"url": back}
        ) from error
    return Output(
        url=reverse("orgs:collaboration", args=[pending.collaboration.code]),
        summary=summary(done),
    )
