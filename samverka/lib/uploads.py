"""Safe uploads: files are recognised by their content, stored under generated names and served
only through scoped views.

Every feature that accepts documents (the document archive, knowledge-bank attachments,
interview transcripts) uses the same rules:

- **Size** is checked while the body arrives: `LimitedUploadHandler` stops storing a file once
  it passes `UPLOAD_MAX_BYTES` (settings; the largest any form accepts), so a huge file is never
  read whole; `UploadField(max_bytes=...)` then applies the form's own limit.
- **Content, not name**: the first bytes say what a file is (the `filetype` library); an
  executable or a web page renamed `.pdf` or `.docx` is refused. Office and OpenDocument files
  are ZIP archives and are opened once to refuse zip bombs and member names with path parts.
  Plain text must be UTF-8 without NUL bytes.
- **Storage**: under `MEDIA_ROOT/<area>/<year>/` with a generated name (`GeneratedName`); the
  name the person gave is kept only as data, for the download.
- **Serving**: `serve_file()` from a view that has checked the scope, as an attachment with
  `nosniff`; never a public or guessable URL. The service that deletes a record deletes its file.
"""

import hashlib
import uuid
import zipfile
from dataclasses import dataclass

import filetype
from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.db import models
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class FileKind:
    name: str
    extension: str
    content_type: str
    label: str
    archive: bool = False  # a ZIP container (Office Open XML, OpenDocument)


KINDS = {
    kind.name: kind
    for kind in [
        FileKind("pdf", ".pdf", "application/pdf", "PDF"),
        FileKind(
            "docx",
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word (DOCX)",
            archive=True,
        ),
        FileKind("odt", ".odt", "application/vnd.oasis.opendocument.text", "ODT", archive=True),
        FileKind(
            "xlsx",
            ".xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Excel (XLSX)",
            archive=True,
        ),
        FileKind(
            "ods", ".ods", "application/vnd.oasis.opendocument.spreadsheet", "ODS", archive=True
        ),
        FileKind("png", ".png", "image/png", "PNG"),
        FileKind("jpeg", ".jpg", "image/jpeg", "JPEG"),
        FileKind("txt", ".txt", "text/plain; charset=utf-8", _("plain text")),
    ]
}
DOCUMENT_KINDS = ("pdf", "docx", "odt", "xlsx", "ods", "png", "jpeg")
_DETECTED = {"jpg": "jpeg"}

ARCHIVE_MAX_MEMBERS = 2000
ARCHIVE_MAX_UNPACKED = 200 * 1024 * 1024
ARCHIVE_MAX_RATIO = 200


class UploadRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def too_large_message(max_bytes: int):
    return _("The file is larger than %(mb)s MB.") % {"mb": megabytes(max_bytes)}


def _sniff_text(head: bytes, upload) -> None:
    upload.seek(0)
    data = upload.read()
    if b"\x00" in data:
        raise UploadRefused(_("The file is not plain text."))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UploadRefused(_("The text file must be saved as UTF-8.")) from error


def check_archive(upload, *, max_members=ARCHIVE_MAX_MEMBERS) -> list[str]:
    """The member names of a ZIP upload, refusing bombs and names with path parts."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UploadRefused(_("The file is damaged or not what its name says.")) from error
    if len(members) > max_members:
        raise UploadRefused(_("The file holds too many parts."))
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if unpacked > ARCHIVE_MAX_UNPACKED or unpacked / packed > ARCHIVE_MAX_RATIO:
        raise UploadRefused(_("The file unpacks to far more than its size (a zip bomb)."))
    for member in members:
        name = member.filename
        if name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/") or ":" in name:
            raise UploadRefused(_("The file has parts with unsafe names."))
    upload.seek(0)
    return [m.filename for m in members]


def check_upload(upload, *, kinds, max_bytes: int) -> FileKind:
    """What the upload is, by its content; UploadRefused with the reason otherwise."""
    if upload.size > max_bytes:
        raise UploadRefused(too_large_message(max_bytes))
    if upload.size == 0:
        raise UploadRefused(_("The file is empty."))
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if "txt" in kinds and filetype.guess(head) is None:
        _sniff_text(head, upload)
        upload.seek(0)
        return KINDS["txt"]
    guessed = filetype.guess(head)
    name = _DETECTED.get(guessed.extension, guessed.extension) if guessed else None
    if name not in kinds:
        raise UploadRefused(
            _("This file type is not accepted. Accepted: %(kinds)s.")
            % {"kinds": ", ".join(str(KINDS[k].label) for k in kinds)}
        )
    kind = KINDS[name]
    if kind.archive:
        check_archive(upload)
    return kind


class UploadField(forms.FileField):
    """A file field that accepts the given kinds (by content) up to `max_bytes`."""

    def __init__(self, *, kinds=DOCUMENT_KINDS, max_bytes=None, **kwargs):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
        kwargs.setdefault(
            "help_text",
            _("%(kinds)s, at most %(mb)s MB.")
            % {
                "kinds": ", ".join(str(KINDS[k].label) for k in self.kinds),
                "mb": megabytes(self.max_bytes),
            },
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault(
            "accept", ",".join(KINDS[k].extension for k in self.kinds if k != "txt") or None
        )

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and not isinstance(upload, str):
            try:
                upload.kind = check_upload(upload, kinds=self.kinds, max_bytes=self.max_bytes)
            except UploadRefused as refused:
                raise forms.ValidationError(refused.message, code="refused") from refused
        return upload


class RefusedUploadsMixin:
    """For a form with UploadFields: a file the upload handler stopped because it was too
    large gets that reason as its error (instead of "this field is required")."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._refused = getattr(request, "refused_uploads", {}) if request is not None else {}

    def clean(self):
        cleaned = super().clean()
        for name in self._refused:
            if name in self.fields:
                self.errors.pop(name, None)
                self.add_error(name, too_large_message(settings.UPLOAD_MAX_BYTES))
        return cleaned


class LimitedUploadHandler(FileUploadHandler):
    """Stops storing a file as soon as it passes UPLOAD_MAX_BYTES, and remembers which field."""

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_BYTES:
            if self.request is not None:
                refused = getattr(self.request, "refused_uploads", {})
                refused[self.field_name] = self.received
                self.request.refused_uploads = refused
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


@deconstructible
class GeneratedName:
    """upload_to for stored files: `<area>/<year>/<random>.<ext>`, never the given name."""

    def __init__(self, area: str):
        self.area = area

    def __call__(self, instance, filename):
        by_type = {kind.content_type: kind.extension for kind in KINDS.values()}
        extension = by_type.get(getattr(instance, "content_type", ""), "")
        return f"{self.area}/{timezone.now():%Y}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, GeneratedName) and other.area == self.area


class StoredFile(models.Model):
    """Fields every stored upload keeps beside the file itself (an abstract base)."""

    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    @property
    def size_label(self) -> str:
        if self.size < 1024 * 1024:
            kb = max(1, round(self.size / 1024))
            return ngettext("%(n)s kB", "%(n)s kB", kb) % {"n": kb}
        return _("%(n)s MB") % {"n": f"{self.size / (1024 * 1024):.1f}"}


def file_fields(upload) -> dict:
    """The StoredFile values for a checked upload (UploadField sets `upload.kind`)."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    kind = upload.kind
    name = "".join(c for c in (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(c for c in name if c.isprintable() and c not in '<>:"|?*')[:200]
    return {
        "original_name": name or f"file{kind.extension}",
        "content_type": kind.content_type,
        "size": upload.size,
        "sha256": digest.hexdigest(),
    }


def serve_file(stored: StoredFile, file_field_name: str = "file") -> FileResponse:
    """The stored file as a download; call only from a view that has checked the scope."""
    field = getattr(stored, file_field_name)
    try:
        handle = field.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
