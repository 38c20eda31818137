"""Scopes of the survey results URLs for tests/test_url_scoping.py."""

SCOPES = {}


def url_arguments(world):
    return {}
