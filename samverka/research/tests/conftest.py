"""Building blocks for research tests: a project with Kalmar included, researchers, sources."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import make_user
from samverka.accounts.models import Membership
from samverka.accounts.roles import Role
from samverka.research.codebook.services import builtin_copy
from samverka.research.projects.models import DataKind, Inclusion, InclusionStatus
from samverka.research.projects.services import (
    inclusion_decide,
    inclusion_request,
    project_create,
)
from samverka.research.sources.models import Source, SourceKind

TRANSCRIPT = (
    "Intervjuare: Hur började samarbetet mellan kommunen och föreningen?\n"
    "Samordnare: Vi träffades på biblioteket. Vi bestämde att göra något ihop för barnen.\n"
    "Intervjuare: Vad betydde det för familjerna?\n"
    "Samordnare: Föräldrarna började lita på socialtjänsten, de kände sig sedda."
)


def new_project(world, *, by=None, title="Samverkan i praktiken", asks=None, builtin=True):
    today = timezone.localdate()
    return project_create(
        title=title,
        purpose="Hur samverkan mellan kommun och civilsamhälle skapar mervärden.",
        ethics_reference="2025-01234-01",
        ethics_approved_on=today - timedelta(days=90),
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=365),
        data_requested=asks if asks is not None else list(DataKind.values),
        builtin_codebook=builtin,
        by=by or world.forskare,
    )


def include(project, collaboration, *, by, approver) -> Inclusion:
    (inclusion,) = inclusion_request(project=project, collaborations=[collaboration], by=by)
    return inclusion_decide(inclusion=inclusion, approve=True, by=approver)


@pytest.fixture
def project(world):
    """The national researcher's project with Kalmar and Boden included and the built-in
    codebook."""
    project = new_project(world)
    include(project, world.kalmar, by=world.forskare, approver=world.kalmar_ngo)
    include(project, world.boden, by=world.forskare, approver=world.boden_ngo)
    return project


@pytest.fixture
def other_researcher(world):
    """A researcher by membership in Boden (no national role), with a second factor."""
    user = make_user("forskare.boden")
    Membership.objects.create(user=user, collaboration=world.boden, role=Role.RESEARCHER)
    TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def add_source(project, collaboration, *, text=TRANSCRIPT, name="Intervju 1", by=None):
    return Source.objects.create(
        project=project,
        collaboration=collaboration,
        kind=SourceKind.TRANSCRIPT,
        name=name,
        text=text,
        direction="ltr",
        created_by=by,
    )


def code(project, key):
    return project.codes.get(builtin_key=key)


__all__ = ["InclusionStatus", "builtin_copy"]
