"""After an erasure the whole database holds nothing that leads back to the person: not their
code, name, phone number, household label (nor its digest), any stored identity value or its
ciphertext — on SQLite and on PostgreSQL. Every field of `participants.Identity` is looked for,
whatever fields it has (an encrypted display name, say), so a new identity field is covered.

What remains by design: attendance as anonymous headcounts, and audit entries that name a
pseudonym (`p-…`) whose link to the person was deleted with them.
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from samverka.audit.models import AuditEvent
from samverka.imports.models import PendingImport
from samverka.imports.reading import household_digest
from samverka.lib import crypto
from samverka.participants import services
from samverka.participants.models import AuditPseudonym, Identity, Participant
from samverka.referrals.models import Referral

CODE = "WQXZ7KPM"
LABEL = "Familjen Haddad-Öberg"
LIST = (
    "datum;aktivitet;deltagarkod;födelseår;kön;tredjelandsmedborgare;hushåll;samtycke\n"
    f"2025-03-14;Cykelverkstad;{CODE};2016;flicka;ja;{LABEL};ja\n"
    "2025-03-14;Cykelverkstad;RRSTUV22;2015;pojke;nej;Grannarna;ja\n"
)


def dump() -> str:
    """Every row of every table, as text (bytes also as hex): what a dump would hold."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value)
                        parts.append(value.hex())
                        value = value.decode("utf-8", "replace")
                    parts.append(str(value))
    return "\n".join(parts)


def identity_values(participant) -> list[str]:
    """Every stored identity value, raw and decrypted, for every field Identity has."""
    identity = Identity.objects.get(participant=participant)
    values = []
    for field in Identity._meta.concrete_fields:
        if (
            field.primary_key
            or field.is_relation
            or field.get_internal_type()
            in {
                "DateTimeField",
                "DateField",
                "BooleanField",
            }
        ):
            continue
        raw = getattr(identity, field.attname)
        if raw:
            values.append(str(raw))
            if field.name.endswith("_encrypted"):
                values.append(crypto.decrypt(raw))
    return values


@pytest.fixture
def person(world, login_as, cykel, settings, tmp_path):
    """A participant registered the ways a real one is: an imported list (household label,
    consent on paper), a name and phone, looks at the identity, a referral, and an upload
    listing their code that was never confirmed."""
    settings.MEDIA_ROOT = tmp_path
    client = login_as(world.kalmar_ngo)
    url = reverse("imports:upload", args=[world.kalmar.code])
    client.post(url, {"file": SimpleUploadedFile("lista.csv", LIST.encode())})
    pending = PendingImport.objects.get()
    client.post(reverse("imports:preview", args=[world.kalmar.code, pending.code]))
    participant = Participant.objects.get(code=CODE)
    services.identity_set(
        participant=participant, name="Amira Haddad", phone="070-765 43 21", by=world.kalmar_ngo
    )
    services.identity_view(participant=participant, by=world.kalmar_ngo)
    services.stored_data_view(participant=participant, by=world.kalmar_ngo)
    Referral.objects.create(
        collaboration=world.kalmar,
        participant=participant,
        household=participant.household,
        need_category="school",
        date=timezone.localdate(),
    )
    client.post(url, {"file": SimpleUploadedFile("igen.csv", LIST.encode())})  # not confirmed
    return participant


@pytest.fixture
def cykel(world):
    from datetime import date

    from samverka.activities.models import Activity

    return Activity.objects.create(
        collaboration=world.kalmar,
        name="Cykelverkstad",
        focus_area=2,
        type="leisure",
        starts_on=date(2025, 1, 1),
    )


def test_the_database_holds_nothing_of_an_erased_person(world, person):
    household = person.household
    needles = {
        CODE,
        LABEL,
        household_digest(LABEL),
        household.code,
        *identity_values(person),
    }
    pseudonym = person.audit_reference()
    before = dump()
    plain = {LABEL, "Amira Haddad", "070-765 43 21"}  # stored only as digest and ciphertext
    missing = [needle for needle in needles - plain if needle not in before]
    assert not missing
    assert not [needle for needle in plain if needle in before]
    assert CODE not in "".join(AuditEvent.objects.values_list("object_code", flat=True))

    services.participant_erase(participant=person, by=world.kalmar_ngo)

    after = dump()
    found = sorted(needle for needle in needles if needle in after)
    assert not found, f"still in the database after erasure: {found}"
    # The trail keeps its entries (append-only, hash-chained) under a pseudonym that no longer
    # leads anywhere; the other person of the list is untouched.
    assert AuditEvent.objects.filter(object_code=pseudonym).count() >= 4
    assert not AuditPseudonym.objects.filter(pseudonym=pseudonym).exists()
    assert Participant.objects.filter(code="RRSTUV22").exists()
    call_command("audit_verify", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_unconfirmed_uploads_expire_on_a_schedule(world, person):
    assert PendingImport.objects.filter(used_at=None).count() == 1
    PendingImport.objects.update(created_at=timezone.now() - timedelta(days=2))
    call_command("expire_pending_imports", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not PendingImport.objects.exists()


def test_the_trail_page_shows_a_registered_persons_code_beside_the_pseudonym(
    world, person, login_as
):
    body = login_as(world.kalmar_ngo).get(
        reverse("audit:collaboration_trail", args=[world.kalmar.code])
    )
    assert f"({CODE})" in body.content.decode()
