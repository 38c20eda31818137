import pytest
from django.core.management import CommandError, call_command

from samverka.audit.models import AuditEvent


def test_set_national_role_appoints_the_first_national_lead(world):
    call_command("set_national_role", "kalmar.ngo", "national_lead")
    world.kalmar_ngo.refresh_from_db()
    assert world.kalmar_ngo.is_national_lead
    assert world.kalmar_ngo.requires_two_factor
    assert AuditEvent.objects.filter(object_code=world.kalmar_ngo.code).exists()


def test_set_national_role_refuses_an_unknown_person(db):
    with pytest.raises(CommandError):
        call_command("set_national_role", "nobody", "researcher")
