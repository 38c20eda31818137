"""Tenant scoping: rows of a collaboration are read only inside a declared scope."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test import override_settings

from samverka.activities.models import Activity, Attendance, Session
from samverka.lib.scoping import (
    ScopeError,
    collaboration_scope,
    current_scope,
    national_scope,
    unscoped,
)
from samverka.orgs.models import Collaboration
from samverka.participants.models import Household, Participant

# Models that point at a collaboration but are deliberately not tenant models, and why.
NOT_TENANT = {
    # The access layer itself: collaboration_access reads memberships to decide the scope.
    "accounts.membership": "decides the scope",
    "accounts.invitation": "accepted by someone not yet a member",
    # Survey instruments are shared: the built-ins (no collaboration) and a collaboration's copies
    # are listed together; every instrument page filters them through its Place.
    "surveys.instrument": "shared with the built-ins",
    # A person's own background work: reached only by who asked for it (samverka/jobs).
    "jobs.job": "the requester's own",
    # A research project's inclusions decide which collaborations its pages may read
    # (samverka/research/access.py), as memberships decide a member's.
    "research.inclusion": "decides the research scope",
    # The indicator library is shared: the built-ins (no collaboration) and a collaboration's
    # own are listed together; pages filter them through followup.selectors.definitions_for.
    "followup.indicatordefinition": "shared with the built-ins",
}


def _is_tenant(model) -> bool:
    return hasattr(model._default_manager, "with_scopes_disabled")


def _reaches_collaboration(model, seen=()) -> bool:
    for field in model._meta.get_fields():
        if not (field.many_to_one or field.one_to_one) or not field.concrete:
            continue
        target = field.related_model
        if target is Collaboration:
            return True
        if target is not None and target not in seen and _is_tenant(target):
            return True
    return False


def test_every_model_that_belongs_to_a_collaboration_is_a_tenant_model():
    missing = [
        model._meta.label_lower
        for model in apps.get_models()
        if model._meta.app_label not in {"admin", "auth", "contenttypes", "sessions"}
        and model is not Collaboration
        and _reaches_collaboration(model)
        and not _is_tenant(model)
        and model._meta.label_lower not in NOT_TENANT
    ]
    assert not missing, f"give these models tenant_manager(...) or say why not: {missing}"


def _activity(collaboration, name="Läxhjälp"):
    return Activity.objects.create(
        collaboration=collaboration,
        name=name,
        focus_area=2,
        type="leisure",
        starts_on="2025-01-01",
    )


def test_an_unscoped_query_on_a_tenant_model_raises(world):
    _activity(world.kalmar)
    with unscoped():
        assert current_scope() == ""
        with pytest.raises(ScopeError):
            list(Activity.objects.all())
        with pytest.raises(ScopeError):
            Participant.objects.filter(collaboration=world.kalmar).count()
        with pytest.raises(ScopeError):
            list(world.kalmar.activities.all())
        # Collaborations themselves are not tenant rows: the access layer reads them.
        assert Collaboration.objects.filter(pk=world.kalmar.pk).exists()


def test_a_collaboration_scope_sees_only_its_own_rows_even_without_a_filter(world):
    kalmar, boden = _activity(world.kalmar, "Kalmar"), _activity(world.boden, "Boden")
    Session.objects.create(activity=kalmar, date="2025-01-08")
    Session.objects.create(activity=boden, date="2025-01-08")
    with unscoped(), collaboration_scope(world.kalmar):
        assert current_scope() == "collaboration"
        assert list(Activity.objects.values_list("name", flat=True)) == ["Kalmar"]
        assert Activity.objects.filter(pk=boden.pk).first() is None
        assert [s.activity_id for s in Session.objects.all()] == [kalmar.pk]
    with unscoped(), collaboration_scope([world.kalmar, world.boden]):
        assert Activity.objects.count() == 2


def test_the_national_scope_is_a_deliberate_reach_over_every_collaboration(world):
    _activity(world.kalmar)
    _activity(world.boden)
    with unscoped(), national_scope():
        assert current_scope() == "national"
        assert Activity.objects.count() == 2
        assert Attendance.objects.count() == 0


@override_settings(ROOT_URLCONF="samverka.lib.tests.forgetful_urls")
def test_a_request_starts_unscoped_whatever_ran_before_it(world, login_as):
    """The test body runs in the national scope; a view must still declare its own."""
    with pytest.raises(ScopeError):
        login_as(world.kalmar_ngo).get("/forgetful/")


class ForgetfulCommand(BaseCommand):
    def handle(self, *args, **options):
        self.stdout.write(str(Household.objects.count()))


def test_a_command_starts_unscoped_whatever_ran_before_it(world):
    with pytest.raises(ScopeError):
        call_command(ForgetfulCommand(), stdout=StringIO())
