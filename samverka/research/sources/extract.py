"""Plain text out of an uploaded transcript or field note: UTF-8 text, DOCX or ODT.

The upload has already passed `samverka.lib.uploads` (content sniffing, size, zip-bomb and
path checks). The XML parts are first read with defusedxml, which refuses entity expansion and
external references, before python-docx or odfpy reads the document; only the text is kept
(never the file: it may carry names in its metadata and comments). Line breaks become "\\n" so
that coding offsets mean the same characters everywhere.
"""

import io
import unicodedata
import zipfile

from defusedxml import ElementTree as SafeXML
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

from samverka.lib.uploads import UploadRefused

MAX_TEXT_CHARACTERS = 2_000_000

# Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, Arabic extended and
# presentation forms) decide a source's direction.
_RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


def normalise(text: str) -> str:
    """Line breaks as \\n, no byte-order mark, NFC, no trailing spaces at line ends."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def direction_of(text: str) -> str:
    """'rtl', 'ltr' or 'auto' (mixed) from the share of right-to-left letters."""
    rtl = ltr = 0
    for char in text[:20000]:
        if not char.isalpha():
            continue
        point = ord(char)
        if any(low <= point <= high for low, high in _RTL_RANGES):
            rtl += 1
        else:
            ltr += 1
    if rtl + ltr == 0:
        return "auto"
    share = rtl / (rtl + ltr)
    if share >= 0.7:
        return "rtl"
    return "ltr" if share <= 0.1 else "auto"


def _safe_parts(data: bytes, names: tuple[str, ...]) -> None:
    """Parse the document's XML parts with defusedxml first: entities and DTDs are refused."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        present = set(archive.namelist())
        for name in names:
            if name not in present:
                raise UploadRefused(_("The file is damaged or not what its name says."))
            try:
                SafeXML.fromstring(archive.read(name))
            except (DefusedXmlException, SafeXML.ParseError) as error:
                raise UploadRefused(
                    _("The document's content could not be read safely.")
                ) from error


def _docx_text(data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _safe_parts(data, ("word/document.xml",))
    document = docx.Document(io.BytesIO(data))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells = []
                for cell in row.cells:
                    if cell.text not in cells:  # merged cells repeat their text
                        cells.append(cell.text)
                lines.append("\t".join(cells))
    return "\n".join(lines)


def _odt_text(data: bytes) -> str:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    _safe_parts(data, ("content.xml",))
    document = load(io.BytesIO(data))
    lines = []

    def visit(node):
        for child in node.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            if child.qname in {(TEXTNS, "p"), (TEXTNS, "h")}:
                lines.append(teletype.extractText(child))
            else:
                visit(child)

    visit(document.text)
    return "\n".join(lines)


def extract_text(upload) -> str:
    """The plain text of a checked upload (`upload.kind` set by UploadField)."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    kind = upload.kind.name
    try:
        if kind == "txt":
            text = data.decode("utf-8")
        elif kind == "docx":
            text = _docx_text(data)
        elif kind == "odt":
            text = _odt_text(data)
        else:
            raise UploadRefused(_("This file type is not accepted."))
    except UploadRefused:
        raise
    except Exception as error:  # a damaged document: python-docx and odfpy raise many kinds
        raise UploadRefused(
            _("The document could not be read. Save it again and retry.")
        ) from error
    text = normalise(text)
    if not text.strip():
        raise UploadRefused(_("The file holds no text."))
    if len(text) > MAX_TEXT_CHARACTERS:
        raise UploadRefused(_("The text is too long for one source. Split it into parts."))
    return text
