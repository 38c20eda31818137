"""Every user-facing string has its Swedish translation, and the compiled catalogue is current."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

PO = Path(__file__).resolve().parent.parent / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def entries():
    blocks = PO.read_text(encoding="utf-8").split("\n\n")[1:]
    return [b for b in blocks if "msgid" in b and not b.lstrip().startswith("#~")]


def test_every_swedish_message_is_translated_and_not_fuzzy():
    bad = [
        block
        for block in entries()
        if "#, fuzzy" in block or re.search(r'msgstr ""\s*$', block.strip())
    ]
    assert not bad, "Untranslated or fuzzy:\n" + "\n\n".join(bad[:5])


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
def test_compiled_catalogue_matches_the_po_file(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(PO)], check=True)
    assert compiled.read_bytes() == PO.with_suffix(".mo").read_bytes(), (
        "Run `make messages` and commit locale/sv/LC_MESSAGES/django.mo"
    )


def test_the_interface_speaks_swedish_by_default():
    with translation.override("sv"):
        assert translation.gettext("My collaborations") == "Mina samverkan"
        assert translation.gettext("Log in") == "Logga in"


def test_the_translation_sources_never_give_one_message_two_translations():
    """`scripts/messages-sync.sh` fills the catalogue from every file in locale/sv/sources/; two
    rooms translating the same msgid differently would make one of them silently lose."""
    sources = sorted((PO.parent.parent / "sources").glob("*.json"))
    chosen: dict[str, tuple[str, object]] = {}
    disagreements = []
    for source in sources:
        for msgid, msgstr in json.loads(source.read_text(encoding="utf-8")).items():
            first = chosen.setdefault(msgid, (source.name, msgstr))
            if first[1] != msgstr:
                disagreements.append(f"{msgid!r}: {first} vs {(source.name, msgstr)}")
    assert not disagreements, "\n".join(disagreements)


# The names makemessages reads (with `_` for gettext and the lazy variants).
GETTEXT_NAMES = {
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
    "gettext_noop",
}


def test_no_module_renames_gettext_so_that_makemessages_misses_its_strings():
    """`from django.utils.translation import gettext as gettext_now` hid a message from the
    catalogue, and its page stayed English: only `_` is an accepted other name."""
    import ast

    root = PO.parent.parent.parent.parent / "samverka"
    renamed = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                renamed += [
                    f"{path.relative_to(root.parent)}:{node.lineno} {a.name} as {a.asname}"
                    for a in node.names
                    if a.name in GETTEXT_NAMES and a.asname not in {None, "_"}
                ]
    assert not renamed, renamed
