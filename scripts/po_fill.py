#!/usr/bin/env python3
"""Fill or replace Swedish translations in a .po file, clearing their fuzzy flags.

Usage: scripts/po_fill.py locale/sv/LC_MESSAGES/django.po translations.json
where translations.json maps msgid to msgstr (a list of [singular, plural] for plural
entries). Several JSON files may be given. Prints the msgids still empty or fuzzy.
"""

import json
import re
import sys


def unquote(lines):
    return "".join(json.loads(line) for line in lines)


def parse_msgid(block):
    lines = block.splitlines()
    collected, inside = [], False
    for line in lines:
        if line.startswith("msgid "):
            inside = True
            collected.append(line[6:])
        elif inside and line.startswith('"'):
            collected.append(line)
        elif inside:
            break
    return unquote(collected) if collected else None


def quote(text):
    return json.dumps(text, ensure_ascii=False)


def fill(block, msgstr):
    """Replace the msgstr (a string) or the plural msgstr[n] lines (a list of strings)."""
    lines = block.splitlines()
    out, skipping = [], False
    for line in lines:
        if line.startswith("#|"):
            continue
        if line.startswith("#,"):
            flags = [f.strip() for f in line[2:].split(",") if f.strip() != "fuzzy"]
            if flags:
                out.append("#, " + ", ".join(flags))
            continue
        if line.startswith("msgstr "):
            skipping = True
            out.append("msgstr " + quote(msgstr))
            continue
        if line.startswith("msgstr["):
            skipping = True
            index = int(line[7 : line.index("]")])
            forms = msgstr if isinstance(msgstr, list) else [msgstr, msgstr]
            out.append(f"msgstr[{index}] " + quote(forms[min(index, len(forms) - 1)]))
            continue
        if skipping and line.startswith('"'):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)


def main(po_path, *json_paths):
    translations = {}
    for json_path in json_paths:
        with open(json_path, encoding="utf-8") as f:
            translations.update(json.load(f))
    with open(po_path, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    for i, block in enumerate(blocks[1:], start=1):
        msgid = parse_msgid(block)
        if msgid in translations:
            blocks[i] = fill(block, translations[msgid])
    text = "\n\n".join(blocks)
    with open(po_path, "w", encoding="utf-8") as f:
        f.write(text if text.endswith("\n") else text + "\n")
    for block in blocks[1:]:
        if (
            "#, fuzzy" in block
            or re.search(r'msgstr ""\s*$', block.strip())
            or re.search(r'msgstr\[\d\] ""\s*(\n|$)', block)
        ):
            print("still open:", parse_msgid(block))


if __name__ == "__main__":
    main(sys.argv[1], *sys.argv[2:])
