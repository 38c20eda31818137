"""A prepared query gives what its queryset gives, for any value, without building SQL again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverka.lib.prepared import PreparedQuery
from samverka.lib.scoping import collaboration_scope
from samverka.surveys.respond.models import Answer, Response
from samverka.surveys.rounds.models import RespondentLink
from samverka.surveys.tests.factories import make_round

BY_TOKEN = PreparedQuery(
    lambda token: Response.objects.select_related(
        "version", "link__round__collaboration__lead_organisation"
    ).filter(token=token)[:1],
    token=str,
)
ANSWERS = PreparedQuery(
    lambda response_id: (
        Answer.objects.filter(response_id=response_id)
        .order_by("item_id", "value")
        .values_list("item_id", "value", "number", "text")
    ),
    response_id=int,
)


@pytest.fixture
def responses(world):
    survey_round = make_round(world.kalmar)
    link = RespondentLink.objects.get(round=survey_round, organisation__isnull=True)
    one, other = (
        Response.objects.create(
            round=survey_round, link=link, version=survey_round.version, language=language
        )
        for language in ("sv", "ar")
    )
    items = list(survey_round.version.items.order_by("pk"))
    Answer.objects.create(response=one, item=items[0], value="4")
    Answer.objects.create(response=one, item=items[1], number=35)
    Answer.objects.create(response=other, item=items[2], text="Bra")
    return one, other


def test_model_instances_with_their_related_objects_as_the_queryset_gives_them(responses):
    for response in responses:
        [expected] = Response.objects.select_related(
            "version", "link__round__collaboration__lead_organisation"
        ).filter(token=response.token)
        [found] = BY_TOKEN.all(token=response.token)
        assert found == expected and found.language == response.language
        assert found.started_at == expected.started_at  # converted like the ORM (SQLite: text)
        assert found.version.title == expected.version.title  # JSON, decoded
        assert found.link.round.languages == expected.link.round.languages
        with CaptureQueriesContext(connection) as queries:  # related objects came with the row
            collaboration = found.link.round.collaboration
            assert collaboration.lead_organisation.name == (
                expected.link.round.collaboration.lead_organisation.name
            )
            assert found.version.code == expected.version.code
        assert len(queries) == 0
    assert BY_TOKEN.all(token="no-such-token") == []


def test_values_list_rows_for_each_value(responses):
    one, other = responses
    for response in responses:
        expected = list(
            Answer.objects.filter(response=response)
            .order_by("item_id", "value")
            .values_list("item_id", "value", "number", "text")
        )
        assert ANSWERS.all(response_id=response.pk) == expected
    assert ANSWERS.all(response_id=other.pk) != ANSWERS.all(response_id=one.pk)


def test_the_sql_is_built_once_and_no_scope_filter_is_kept(world, responses):
    """Built in the national scope: the first caller's tenant scope is not kept for the next
    (the prepared query's own filter decides which rows it reads)."""
    one, other = responses
    query = PreparedQuery(lambda token: Response.objects.filter(token=token).order_by(), token=str)
    built = []
    compile_once = query._compile
    query._compile = lambda alias, lengths: built.append(alias) or compile_once(alias, lengths)
    with collaboration_scope(world.boden):  # another collaboration's scope, first
        assert [r.pk for r in query.all(token=one.token)] == [one.pk]
    with collaboration_scope(world.kalmar):
        assert [r.pk for r in query.all(token=one.token)] == [one.pk]
        assert [r.pk for r in query.all(token=other.token)] == [other.pk]
    assert built == ["default"]


def test_lists_and_days_give_what_the_queryset_gives_built_once_per_length(responses):
    """`__in` lists and dates as placeholders (the follow-up page's reads): the same rows as
    the queryset for any values, the SQL built once per length of the lists; an empty list
    runs the queryset itself."""
    from datetime import date

    def build(responses, items, first):
        return (
            Answer.objects.filter(
                response_id__in=responses,
                item__item_id__in=items,
                response__started_at__date__gte=first,
            )
            .order_by("response_id", "item_id")
            .values_list("response_id", "item__item_id", "value", "response__started_at__date")
        )

    query = PreparedQuery(build, responses=[int], items=[str], first=date)
    built = []
    compile_once = query._compile
    query._compile = lambda alias, lengths: built.append(lengths) or compile_once(alias, lengths)
    one, other = responses
    item_ids = sorted(Answer.objects.values_list("item__item_id", flat=True).distinct())
    for values in (
        {"responses": [one.pk], "items": item_ids, "first": date(2000, 1, 1)},
        {"responses": [other.pk], "items": item_ids, "first": date(2000, 1, 1)},
        {"responses": [one.pk, other.pk], "items": item_ids[:1], "first": date(2000, 1, 1)},
        {"responses": [one.pk, other.pk], "items": item_ids[:1], "first": date(2999, 1, 1)},
        {"responses": [], "items": item_ids, "first": date(2000, 1, 1)},
    ):
        assert query.all(**values) == list(build(**values))
    assert [lengths["responses"] for lengths in built] == [1, 2]


def test_a_placeholder_must_be_a_plain_parameter_of_the_sql(world):
    unused = PreparedQuery(lambda token: Response.objects.all()[:1], token=str)
    with pytest.raises(ValueError, match="placeholders not found"):
        unused.all(token="x")
    with pytest.raises(TypeError):
        PreparedQuery(lambda when: Response.objects.filter(started_at=when), when=object).all(
            when=None
        )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements: PostgreSQL")
def test_on_postgresql_the_server_parses_and_plans_it_once_per_connection(responses):
    one, other = responses
    for response in (one, other, one):
        assert BY_TOKEN.all(token=response.token)[0] == response
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%FROM "surveys_response"%"token" = $1%'],
        )
        assert cursor.fetchone()[0] == 1  # one statement, prepared once, for every token
