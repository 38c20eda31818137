"""REFI-QDA 1.5 out: a project as `.qdpx` (a ZIP with `project.qde` and the plain texts in
`sources/`) and a codebook as `.qdc` (one XML file).

Text selections are character positions in the plain text counted in Unicode code points from
0, start inclusive and end exclusive (as QualCoder writes them). Memos on the project, codes,
sources and codings become Notes with NoteRefs. Each source carries two variables, the
municipality and the collaboration's code, so that an import into another Samverka project
puts it back in the same collaboration. The files validate against the published schemas
(samverka/research/tests/data/refi-qda/).
"""

import io
import zipfile
from collections import defaultdict
from datetime import UTC, datetime

from lxml import etree

from samverka.research.codebook.colours import normalise
from samverka.research.codebook.selectors import code_tree

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PROJECT_SCHEMA = f"{PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
CODEBOOK_SCHEMA = f"{CODEBOOK_NS} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd"
ORIGIN = "Samverka"
QDPX_TYPE = "application/zip"
QDC_TYPE = "application/xml"
MUNICIPALITY_VARIABLE = "Kommun"
COLLABORATION_VARIABLE = "Samverkan (kod)"

# Fixed GUIDs of the two source variables, the same in every export.
VARIABLE_GUIDS = {
    MUNICIPALITY_VARIABLE: "5b1d3c6e-8f2a-4e71-9c0d-2a7e6f1b4c01",
    COLLABORATION_VARIABLE: "5b1d3c6e-8f2a-4e71-9c0d-2a7e6f1b4c02",
}


def guid(value) -> str:
    return str(value).upper()


def _when(moment) -> str:
    if moment is None:
        moment = datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _element(tag: str, ns: str, attrs: dict | None = None, parent=None):
    """An element in the namespace `ns` (the default namespace of the document)."""
    attributes = {k: str(v) for k, v in (attrs or {}).items() if v not in (None, "")}
    if parent is None:
        return etree.Element(f"{{{ns}}}{tag}", attributes, nsmap={None: ns, "xsi": XSI})
    return etree.SubElement(parent, f"{{{ns}}}{tag}", attributes)


def _codes(parent, nodes, ns: str, notes: dict | None = None):
    for node in nodes:
        code = node.code
        element = _element(
            "Code",
            ns,
            {
                "guid": guid(code.guid),
                "name": code.name,
                "isCodable": "true" if code.codable else "false",
                "color": normalise(code.colour),
            },
            parent,
        )
        if code.description:
            _element("Description", ns, parent=element).text = code.description
        if notes is not None and code.memo:
            note = notes["code", code.pk] = (code.guid, code.name, code.memo)
            _element("NoteRef", ns, {"targetGUID": guid(_note_guid(note[0], "code"))}, element)
        _codes(element, node.children, ns, notes)


def _note_guid(base, kind: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.UUID(str(base)), f"samverka-note-{kind}"))


def _serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def codebook_xml(project) -> bytes:
    """The project's codebook as a `.qdc` file."""
    root = _element(
        "CodeBook", CODEBOOK_NS, {"origin": ORIGIN, f"{{{XSI}}}schemaLocation": CODEBOOK_SCHEMA}
    )
    tree = code_tree(project)
    if not tree:
        raise ValueError("a codebook needs at least one code")
    _codes(_element("Codes", CODEBOOK_NS, parent=root), tree, CODEBOOK_NS)
    return _serialise(root)


def builtin_codebook_xml(language: str = "sv") -> bytes:
    """The built-in codebook as a `.qdc` file (for tools outside Samverka)."""
    from samverka.research.codebook import builtin

    root = _element(
        "CodeBook", CODEBOOK_NS, {"origin": ORIGIN, f"{{{XSI}}}schemaLocation": CODEBOOK_SCHEMA}
    )
    codes = _element("Codes", CODEBOOK_NS, parent=root)

    def add(parent, concepts):
        for concept in concepts:
            element = _element(
                "Code",
                CODEBOOK_NS,
                {
                    "guid": guid(concept.guid),
                    "name": concept.name(language),
                    "isCodable": "true" if concept.codable else "false",
                    "color": concept.colour,
                },
                parent,
            )
            _element("Description", CODEBOOK_NS, parent=element).text = concept.description(
                language
            )
            add(element, concept.children)

    add(codes, builtin.BUILTIN)
    return _serialise(root)


def project_qde(project, sources, codings, researchers, memos) -> bytes:
    """`project.qde` for the project: users, codebook, variables, sources with their
    selections and codings, and notes."""
    ns = PROJECT_NS
    lead = next((r for r in researchers if r.lead), researchers[0] if researchers else None)
    root = _element(
        "Project",
        ns,
        {
            "name": project.title,
            "origin": ORIGIN,
            "creatingUserGUID": guid(lead.guid) if lead else None,
            "creationDateTime": _when(project.created_at),
            "modifiedDateTime": _when(None),
            f"{{{XSI}}}schemaLocation": PROJECT_SCHEMA,
        },
    )
    user_guid = {r.user_id: guid(r.guid) for r in researchers}
    if researchers:
        users = _element("Users", ns, parent=root)
        for researcher in researchers:
            _element(
                "User",
                ns,
                {
                    "guid": guid(researcher.guid),
                    "name": researcher.user.get_full_name() or researcher.user.username,
                    "id": researcher.user.username,
                },
                users,
            )
    notes: dict = {}
    tree = code_tree(project)
    if tree:
        codebook = _element("CodeBook", ns, parent=root)
        _codes(_element("Codes", ns, parent=codebook), tree, ns, notes)
    if sources:
        variables = _element("Variables", ns, parent=root)
        for name, variable_guid in VARIABLE_GUIDS.items():
            _element(
                "Variable",
                ns,
                {"guid": guid(variable_guid), "name": name, "typeOfVariable": "Text"},
                variables,
            )
    by_source = defaultdict(list)
    for coding in codings:
        by_source[coding.source_id].append(coding)
    if sources:
        element_sources = _element("Sources", ns, parent=root)
        for source in sources:
            element = _element(
                "TextSource",
                ns,
                {
                    "guid": guid(source.guid),
                    "name": source.name,
                    "plainTextPath": f"internal://{guid(source.guid)}.txt",
                    "creatingUser": user_guid.get(source.created_by_id),
                    "creationDateTime": _when(source.created_at),
                    "modifiedDateTime": _when(source.updated_at),
                },
                element_sources,
            )
            if source.kind:
                _element("Description", ns, parent=element).text = source.get_kind_display()
            selections = defaultdict(list)
            for coding in by_source.get(source.pk, []):
                selections[coding.selection_guid].append(coding)
            for selection_guid, members in selections.items():
                first = members[0]
                selection = _element(
                    "PlainTextSelection",
                    ns,
                    {
                        "guid": guid(selection_guid),
                        "startPosition": first.start,
                        "endPosition": first.end,
                        "creatingUser": user_guid.get(first.created_by_id),
                        "creationDateTime": _when(first.created_at),
                    },
                    element,
                )
                for coding in members:
                    coding_element = _element(
                        "Coding",
                        ns,
                        {
                            "guid": guid(coding.guid),
                            "creatingUser": user_guid.get(coding.created_by_id),
                            "creationDateTime": _when(coding.created_at),
                        },
                        selection,
                    )
                    _element("CodeRef", ns, {"targetGUID": guid(coding.code.guid)}, coding_element)
                    if coding.memo:
                        notes["coding", coding.pk] = (coding.guid, "", coding.memo)
                        _element(
                            "NoteRef",
                            ns,
                            {"targetGUID": guid(_note_guid(coding.guid, "coding"))},
                            coding_element,
                        )
            if source.memo:
                notes["source", source.pk] = (source.guid, source.name, source.memo)
                _element(
                    "NoteRef", ns, {"targetGUID": guid(_note_guid(source.guid, "source"))}, element
                )
            for name, value in (
                (MUNICIPALITY_VARIABLE, source.collaboration.municipality.name),
                (COLLABORATION_VARIABLE, source.collaboration.code),
            ):
                variable_value = _element("VariableValue", ns, parent=element)
                _element(
                    "VariableRef", ns, {"targetGUID": guid(VARIABLE_GUIDS[name])}, variable_value
                )
                _element("TextValue", ns, parent=variable_value).text = value
    for memo in memos:
        notes["project", memo.pk] = (memo.guid, memo.title, memo.text)
    if notes:
        element_notes = _element("Notes", ns, parent=root)
        for (kind, _pk), (base, name, text) in notes.items():
            note_guid = base if kind == "project" else _note_guid(base, kind)
            note = _element(
                "Note", ns, {"guid": guid(note_guid), "name": name or None}, element_notes
            )
            _element("PlainTextContent", ns, parent=note).text = text
    if project.purpose:
        _element("Description", ns, parent=root).text = project.purpose
    for memo in memos:
        _element("NoteRef", ns, {"targetGUID": guid(memo.guid)}, root)
    return _serialise(root)


def project_qdpx(project, sources, codings, researchers, memos) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project_qde(project, sources, codings, researchers, memos))
        for source in sources:
            archive.writestr(f"sources/{guid(source.guid)}.txt", source.text.encode("utf-8"))
    return out.getvalue()
