"""Scopes of every survey URL, gathered from the rooms (each lists its own in
`<room>/tests/url_scopes.py`); tests/test_url_scoping.py looks for this module, and
tests/test_export_injection.py for the exports registry (EXPORTS, `plant`)."""

from samverka.surveys.instruments.tests import url_scopes as scopes_instruments
from samverka.surveys.respond.tests import url_scopes as scopes_respond
from samverka.surveys.results.tests import url_scopes as scopes_results
from samverka.surveys.rounds.tests import url_scopes as scopes_rounds

_PARTS = [scopes_instruments, scopes_rounds, scopes_respond, scopes_results]

SCOPES = {name: scope for part in _PARTS for name, scope in part.SCOPES.items()}


def url_arguments(world):
    values = {}
    for part in _PARTS:
        values.update(part.url_arguments(world))
    return values


EXPORTS = {name: entry for part in _PARTS for name, entry in getattr(part, "EXPORTS", {}).items()}


def plant(world, text: str) -> None:
    """Make every staff-written text the survey exports carry equal `text`."""
    for part in _PARTS:
        if hasattr(part, "plant"):
            part.plant(world, text)
