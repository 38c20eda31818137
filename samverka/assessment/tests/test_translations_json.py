"""The Swedish translations of the collaboration model (locale/sv/sources/assessment.json).

A full check runs once they are merged into locale/ (tests/test_translations.py); this one
guards the JSON itself and the simple {% translate "..." %} strings of the templates.
"""

import json
import re
from pathlib import Path

from django.utils import translation

from samverka.assessment.instrument import ELEMENTS, ITEMS, SCALE_LABELS, Quadrant
from samverka.assessment.phases import CHECKLIST
from samverka.assessment.recommendations import RECOMMENDATIONS

ROOT = Path(__file__).resolve().parents[3]
TRANSLATIONS = json.loads((ROOT / "locale/sv/sources/assessment.json").read_text(encoding="utf-8"))
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def test_every_translation_is_filled_and_keeps_its_placeholders():
    for msgid, msgstr in TRANSLATIONS.items():
        assert msgstr.strip(), msgid
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), msgid


def test_the_instrument_checklists_and_recommendations_are_translated():
    with translation.override("en"):  # the msgids themselves
        texts = _texts()
    missing = [t for t in texts if t not in TRANSLATIONS]
    assert not missing, missing


def _texts() -> list[str]:
    texts = [str(i.text) for i in ITEMS] + [str(e.name) for e in ELEMENTS]
    texts += [str(c.text) for c in CHECKLIST] + [str(c.help) for c in CHECKLIST]
    texts += [str(r.title) for r in RECOMMENDATIONS] + [str(r.text) for r in RECOMMENDATIONS]
    texts += [str(label) for label in SCALE_LABELS.values()] + [str(q.label) for q in Quadrant]
    return texts


def test_template_strings_are_translated():
    pattern = re.compile(r"""{% translate "([^"]+)" %}|{% translate '([^']+)' %}""")
    missing = set()
    for template in (ROOT / "templates/assessment").glob("*.html"):
        for match in pattern.finditer(template.read_text(encoding="utf-8")):
            msgid = match.group(1) or match.group(2)
            if msgid not in TRANSLATIONS:
                missing.add(msgid)
    assert not missing, sorted(missing)
