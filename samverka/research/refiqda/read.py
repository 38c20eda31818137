"""REFI-QDA 1.5 in: reading a `.qdc` codebook or a `.qdpx` project, refusing anything that is
not what it should be before a single row is stored.

Refused with the reason: a file that is not a ZIP (for .qdpx), a zip bomb, member names with
path parts or outside `project.qde` and the flat `sources/` folder, XML with a DTD or entities
(defusedxml), another root element or namespace, GUIDs that are not GUIDs, selections outside
their text, codings of codes that do not exist. What Samverka does not keep (pictures, PDFs,
audio and video, sets, links, graphs, cases) is listed as left out, as the standard asks.

Offsets: the standard counts characters in Unicode code points from 0. A text with \\r\\n or
\\r line breaks (or a byte-order mark) is stored with \\n and the selections are moved with it,
so that they cover the same characters.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

from defusedxml import ElementTree as SafeXML
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

from samverka.lib.uploads import UploadRefused, check_archive
from samverka.research.refiqda.export import (
    CODEBOOK_NS,
    COLLABORATION_VARIABLE,
    MUNICIPALITY_VARIABLE,
    PROJECT_NS,
)

GUID = re.compile(
    r"^(\{)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?(1)\})$"
)
RGB = re.compile(r"^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
MAX_QDE_BYTES = 60 * 1024 * 1024
MAX_QDC_BYTES = 5 * 1024 * 1024
MAX_CODES = 5000
MAX_SOURCES = 2000


class Refused(UploadRefused):
    pass


@dataclass
class ParsedCode:
    guid: str
    name: str
    codable: bool
    colour: str
    description: str
    parent: str | None
    note: str = ""


@dataclass
class ParsedCoding:
    guid: str
    code: str
    note: str = ""


@dataclass
class ParsedSelection:
    guid: str
    start: int
    end: int
    codings: list[ParsedCoding]


@dataclass
class ParsedSource:
    guid: str
    name: str
    text: str
    selections: list[ParsedSelection]
    variables: dict[str, str]
    note: str = ""


@dataclass
class ParsedMemo:
    guid: str
    title: str
    text: str


@dataclass
class Parsed:
    name: str = ""
    codes: list[ParsedCode] = field(default_factory=list)
    sources: list[ParsedSource] = field(default_factory=list)
    memos: list[ParsedMemo] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


def canonical(value: str) -> str:
    return value.strip("{}").lower()


def _guid(value, what: str) -> str:
    if value is None or not GUID.match(value.strip()):
        raise Refused(
            _("The file has an identifier that is not a GUID (%(what)s).") % {"what": what}
        )
    return canonical(value.strip())


def _xml(data: bytes):
    try:
        return SafeXML.fromstring(data)
    except DefusedXmlException as error:
        raise Refused(
            _("The XML declares entities or a document type, which is not accepted.")
        ) from error
    except SafeXML.ParseError as error:
        raise Refused(_("The XML is malformed: %(error)s.") % {"error": error}) from error


def _tag(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def _text(element, ns: str, name: str) -> str:
    child = element.find(_tag(ns, name))
    return (child.text or "") if child is not None else ""


def _codes(parent_element, ns: str, parent: str | None, out: list[ParsedCode], notes: dict):
    for element in parent_element.findall(_tag(ns, "Code")):
        code_guid = _guid(element.get("guid"), "Code")
        name = (element.get("name") or "").strip()
        if not name:
            raise Refused(_("A code has no name."))
        codable = (element.get("isCodable") or "").strip().lower()
        if codable not in {"true", "false", "1", "0"}:
            raise Refused(
                _("The code %(name)s does not say whether it can be coded.") % {"name": name}
            )
        colour = (element.get("color") or "").strip()
        if colour and not RGB.match(colour):
            raise Refused(_("The code %(name)s has a colour that is not #RRGGBB.") % {"name": name})
        note = " \n".join(
            notes.get(_guid(ref.get("targetGUID"), "NoteRef"), "")
            for ref in element.findall(_tag(ns, "NoteRef"))
        ).strip()
        out.append(
            ParsedCode(
                guid=code_guid,
                name=name[:200],
                codable=codable in {"true", "1"},
                colour=colour or "#1D5C63",
                description=_text(element, ns, "Description"),
                parent=parent,
                note=note,
            )
        )
        if len(out) > MAX_CODES:
            raise Refused(_("The file holds too many codes."))
        _codes(element, ns, code_guid, out, notes)


def _check_unique(codes: list[ParsedCode]) -> None:
    seen = set()
    for code in codes:
        if code.guid in seen:
            raise Refused(_("Two codes have the same GUID."))
        seen.add(code.guid)


def read_codebook(data: bytes) -> Parsed:
    """A `.qdc` file: its codes, parents before children."""
    if len(data) > MAX_QDC_BYTES:
        raise Refused(_("The codebook file is too large."))
    root = _xml(data)
    if root.tag != _tag(CODEBOOK_NS, "CodeBook"):
        raise Refused(_("This is not a REFI-QDA codebook (.qdc)."))
    codes_element = root.find(_tag(CODEBOOK_NS, "Codes"))
    if codes_element is None:
        raise Refused(_("The codebook has no codes."))
    parsed = Parsed(name=root.get("origin") or "")
    _codes(codes_element, CODEBOOK_NS, None, parsed.codes, {})
    if not parsed.codes:
        raise Refused(_("The codebook has no codes."))
    _check_unique(parsed.codes)
    if root.find(_tag(CODEBOOK_NS, "Sets")) is not None:
        parsed.left_out.append(_("Sets of codes"))
    return parsed


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """`text` without a byte-order mark and with \\n line breaks, and where each old code point
    position (0..len) lands in the new text."""
    new: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(text):
        char = text[i]
        where.append(len(new))
        if char == "\ufeff" and i == 0:
            i += 1
            continue
        if char == "\r":
            if i + 1 < len(text) and text[i + 1] == "\n":
                where.append(len(new))
                i += 1
            new.append("\n")
        else:
            new.append(char)
        i += 1
    where.append(len(new))
    return "".join(new), where


def _members(data: bytes) -> zipfile.ZipFile:
    upload = io.BytesIO(data)
    check_archive(upload)
    archive = zipfile.ZipFile(upload)
    names = archive.namelist()
    if "project.qde" not in names:
        raise Refused(_("The file has no project.qde: it is not a REFI-QDA project (.qdpx)."))
    for name in names:
        if name == "project.qde" or name in {"sources/", "sources"}:
            continue
        if not name.startswith("sources/") or "/" in name[len("sources/") :]:
            raise Refused(
                _("The file has parts outside project.qde and the sources folder (%(name)s).")
                % {"name": name[:80]}
            )
    if archive.getinfo("project.qde").file_size > MAX_QDE_BYTES:
        raise Refused(_("The project file is too large."))
    return archive


def _internal(archive: zipfile.ZipFile, path: str, what: str) -> bytes:
    if not path.startswith("internal://"):
        raise Refused(_("The source %(name)s is not inside the file.") % {"name": what})
    name = "sources/" + path[len("internal://") :]
    if "/" in name[len("sources/") :] or ".." in name or "\\" in name:
        raise Refused(_("The file has parts with unsafe names."))
    try:
        return archive.read(name)
    except KeyError as error:
        raise Refused(
            _("The text of the source %(name)s is missing from the file.") % {"name": what}
        ) from error


def _decode(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refused(_("The text of %(name)s is not UTF-8.") % {"name": what}) from error


def _position(value, what: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise Refused(
            _("A selection in %(name)s has no valid position.") % {"name": what}
        ) from error


def read_project(data: bytes) -> Parsed:
    """A `.qdpx` file: codes, text sources with their selections and codings, memos."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise Refused(_("The file is not a ZIP archive, so not a REFI-QDA project (.qdpx)."))
    archive = _members(data)
    root = _xml(archive.read("project.qde"))
    ns = PROJECT_NS
    if root.tag != _tag(ns, "Project"):
        raise Refused(_("project.qde is not a REFI-QDA project (wrong root element or namespace)."))
    parsed = Parsed(name=(root.get("name") or "").strip())

    notes: dict[str, str] = {}
    note_titles: dict[str, str] = {}
    notes_element = root.find(_tag(ns, "Notes"))
    if notes_element is not None:
        for note in notes_element.findall(_tag(ns, "Note")):
            note_guid = _guid(note.get("guid"), "Note")
            content = note.find(_tag(ns, "PlainTextContent"))
            if content is not None:
                text = content.text or ""
            elif note.get("plainTextPath"):
                text = _decode(_internal(archive, note.get("plainTextPath"), "note"), "note")
            else:
                text = ""
            notes[note_guid] = normalise_with_offsets(text)[0]
            note_titles[note_guid] = note.get("name") or ""

    codebook = root.find(_tag(ns, "CodeBook"))
    if codebook is not None:
        codes_element = codebook.find(_tag(ns, "Codes"))
        if codes_element is not None:
            _codes(codes_element, ns, None, parsed.codes, notes)
    _check_unique(parsed.codes)
    known = {code.guid for code in parsed.codes}

    variables: dict[str, str] = {}
    variables_element = root.find(_tag(ns, "Variables"))
    if variables_element is not None:
        for variable in variables_element.findall(_tag(ns, "Variable")):
            variables[_guid(variable.get("guid"), "Variable")] = variable.get("name") or ""

    sources_element = root.find(_tag(ns, "Sources"))
    if sources_element is not None:
        for element in sources_element:
            kind = element.tag.rsplit("}", 1)[-1]
            if kind != "TextSource":
                parsed.left_out.append(
                    _("%(kind)s %(name)s (only text sources are kept)")
                    % {"kind": kind, "name": element.get("name") or ""}
                )
                continue
            parsed.sources.append(_source(element, archive, ns, known, notes, variables))
            if len(parsed.sources) > MAX_SOURCES:
                raise Refused(_("The file holds too many sources."))
    seen = set()
    for source in parsed.sources:
        if source.guid in seen:
            raise Refused(_("Two sources have the same GUID."))
        seen.add(source.guid)

    for ref in root.findall(_tag(ns, "NoteRef")):
        note_guid = _guid(ref.get("targetGUID"), "NoteRef")
        if note_guid in notes:
            parsed.memos.append(
                ParsedMemo(note_guid, note_titles.get(note_guid) or _("Memo"), notes[note_guid])
            )
    for name in ("Cases", "Sets", "Links", "Graphs"):
        if root.find(_tag(ns, name)) is not None:
            parsed.left_out.append(name)
    return parsed


def _source(element, archive, ns, known, notes, variables) -> ParsedSource:
    name = (element.get("name") or "").strip() or _("Source")
    source_guid = _guid(element.get("guid"), "TextSource")
    content = element.find(_tag(ns, "PlainTextContent"))
    if content is not None:
        raw = content.text or ""
    elif element.get("plainTextPath"):
        raw = _decode(_internal(archive, element.get("plainTextPath"), name), name)
    else:
        raise Refused(
            _("The source %(name)s has no plain text (rich text only is not read).")
            % {"name": name}
        )
    text, where = normalise_with_offsets(raw)
    selections = []
    for selection in element.findall(_tag(ns, "PlainTextSelection")):
        start = _position(selection.get("startPosition"), name)
        end = _position(selection.get("endPosition"), name)
        if not 0 <= start < end <= len(raw):
            raise Refused(
                _("A selection in %(name)s lies outside its text (%(start)s–%(end)s).")
                % {"name": name, "start": start, "end": end}
            )
        codings = []
        for coding in selection.findall(_tag(ns, "Coding")):
            ref = coding.find(_tag(ns, "CodeRef"))
            code_guid = _guid(ref.get("targetGUID") if ref is not None else None, "CodeRef")
            if code_guid not in known:
                raise Refused(
                    _("A coding in %(name)s refers to a code that is not in the file.")
                    % {"name": name}
                )
            note = " \n".join(
                notes.get(_guid(r.get("targetGUID"), "NoteRef"), "")
                for r in coding.findall(_tag(ns, "NoteRef"))
            ).strip()
            codings.append(ParsedCoding(_guid(coding.get("guid"), "Coding"), code_guid, note))
        if codings and where[start] < where[end]:
            selections.append(
                ParsedSelection(
                    _guid(selection.get("guid"), "PlainTextSelection"),
                    where[start],
                    where[end],
                    codings,
                )
            )
    values = {}
    for value in element.findall(_tag(ns, "VariableValue")):
        ref = value.find(_tag(ns, "VariableRef"))
        variable = variables.get(
            _guid(ref.get("targetGUID") if ref is not None else None, "VariableRef")
        )
        text_value = value.find(_tag(ns, "TextValue"))
        if variable and text_value is not None:
            values[variable] = (text_value.text or "").strip()
    note = " \n".join(
        notes.get(_guid(r.get("targetGUID"), "NoteRef"), "")
        for r in element.findall(_tag(ns, "NoteRef"))
    ).strip()
    return ParsedSource(source_guid, name[:200], text, selections, values, note)


__all__ = [
    "COLLABORATION_VARIABLE",
    "MUNICIPALITY_VARIABLE",
    "Parsed",
    "Refused",
    "read_codebook",
    "read_project",
]
