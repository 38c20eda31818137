"""A planned statement gives what its SQL gives; PostgreSQL plans it once per connection."""

import pytest
from django.db import connection, connections

from samverka.lib.planned import PlannedStatement
from samverka.participants.models import Household, Participant

pytestmark = pytest.mark.django_db

SQL = """
SELECT p.code, h.code FROM participants_participant p
JOIN participants_household h ON h.id = p.household_id
WHERE p.collaboration_id = %(collaboration)s AND h.collaboration_id = %(collaboration)s
  AND p.code >= %(first)s
ORDER BY p.code
"""
CODES = PlannedStatement("test_codes", SQL, collaboration="bigint", first="varchar")


def rows(statement, **values):
    return statement.rows(**values)


def plain(**values):
    with connection.cursor() as cursor:
        cursor.execute(SQL, values)
        return cursor.fetchall()


def test_gives_the_rows_of_its_sql_for_any_values(world):
    for collaboration, codes in ((world.kalmar, ["K0001", "N0002"]), (world.boden, ["B0001"])):
        household = Household.objects.create(collaboration=collaboration, code=f"H{codes[0]}")
        for code in codes:
            Participant.objects.create(collaboration=collaboration, household=household, code=code)
    for collaboration in (world.kalmar, world.boden):
        for first in ("", "M", "ZZZZZZZZ"):
            values = {"collaboration": collaboration.pk, "first": first}
            assert rows(CODES, **values) == plain(**values)
    assert rows(CODES, collaboration=world.kalmar.pk, first="M") == [("N0002", "HK0001")]


def test_postgresql_plans_it_once_per_connection(world):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs the SQL as it is written")

    def prepared(other):
        with other.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                ["%p.code >= CAST($2 AS varchar)%"],
            )
            return cursor.fetchone()[0]

    other = connections.create_connection("default")  # outside the test's transaction
    try:
        assert prepared(other) == 0
        for first in ("", "M", "ZZ"):  # one statement for every value
            assert CODES.rows(other, collaboration=world.kalmar.pk, first=first) == []
        assert prepared(other) == 1
        other.close()  # Django's next connection prepares it again
        assert prepared(other) == 0
        CODES.rows(other, collaboration=world.kalmar.pk, first="")
        assert prepared(other) == 1
    finally:
        other.close()


@pytest.mark.parametrize(
    ("name", "sql", "types", "why"),
    [
        ("test_codes", "SELECT 1", {}, "exists already"),
        ("Bad-name", "SELECT 1", {}, "lower-case"),
        ("test_missing", "SELECT %(a)s", {}, "not the declared"),
        ("test_unused", "SELECT 1", {"a": "int"}, "not the declared"),
        ("test_percent", "SELECT 5 %% 2 + %(a)s", {"a": "int"}, "literal %"),
    ],
)
def test_refuses_what_it_could_not_prepare(name, sql, types, why):
    with pytest.raises(ValueError, match=why):
        PlannedStatement(name, sql, **types)
