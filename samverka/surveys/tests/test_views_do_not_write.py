"""Views never write: every change (and its audit record) is a service's, in one transaction."""

import ast
from pathlib import Path

import pytest

SURVEYS = Path(__file__).resolve().parent.parent
VIEW_MODULES = sorted([*SURVEYS.glob("*/views.py"), *SURVEYS.glob("*/views/*.py")])
WRITES = {"save", "create", "delete", "bulk_create", "get_or_create", "update_or_create"}
AUDIT = {"audit_record", "save_audited"}


def test_every_room_with_pages_has_views():
    rooms = {path.relative_to(SURVEYS).parts[0] for path in VIEW_MODULES}
    assert rooms == {"instruments", "rounds", "respond", "results"}


@pytest.mark.parametrize("path", VIEW_MODULES, ids=lambda p: str(p.relative_to(SURVEYS)))
def test_a_survey_view_module_saves_deletes_and_audits_nothing_itself(path):
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if (isinstance(func, ast.Attribute) and name in WRITES) or name in AUDIT:
            found.append(f"line {node.lineno}: {name}()")
    assert not found, found
