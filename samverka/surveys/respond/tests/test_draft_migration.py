"""Migration 0004 moves the answers of unsent responses onto their drafts' rows (and back)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("surveys", "0003_merge_20261202_1214")]
AFTER = [("surveys", "0004_response_draft")]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.fixture
def before(_migration_data, world):
    apps = migrate(BEFORE)
    yield apps
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_unsent_answers_move_onto_their_drafts_and_back(before, world):
    from samverka.surveys.tests.factories import make_round

    # The rows are made with today's models (the tables of 0003 differ only by `draft`).
    Response = before.get_model("surveys", "Response")
    Answer = before.get_model("surveys", "Answer")
    round_ = make_round(world.kalmar)
    items = list(round_.version.items.order_by("pk"))
    draft, sent = (
        Response.objects.create(
            round_id=round_.pk, version_id=round_.version_id, language="sv", token=token
        )
        for token in ("draft-token", "sent-token")
    )
    Response.objects.filter(pk=sent.pk).update(submitted_at="2026-12-01T10:00:00Z")
    Answer.objects.create(response_id=draft.pk, item_id=items[0].pk, value="4")
    Answer.objects.create(response_id=draft.pk, item_id=items[1].pk, number=35)
    Answer.objects.create(response_id=sent.pk, item_id=items[0].pk, value="2")

    after = migrate(AFTER)
    Response, Answer = after.get_model("surveys", "Response"), after.get_model("surveys", "Answer")
    assert Response.objects.get(pk=draft.pk).draft == {
        str(items[0].pk): [["4", None, ""]],
        str(items[1].pk): [["", 35, ""]],
    }
    assert Response.objects.get(pk=sent.pk).draft == {}
    assert list(Answer.objects.values_list("response_id", "value")) == [(sent.pk, "2")]

    back = migrate(BEFORE)
    Answer = back.get_model("surveys", "Answer")
    assert sorted(Answer.objects.values_list("response_id", "item_id", "value", "number")) == [
        (draft.pk, items[0].pk, "4", None),
        (draft.pk, items[1].pk, "", 35),
        (sent.pk, items[0].pk, "2", None),
    ]
