# A draft's answers move onto its own row (Response.draft); Answer rows are written when it is sent.

from django.db import migrations, models


def drafts_onto_their_rows(apps, schema_editor):
    """The answers of unsent responses into `draft`, and their Answer rows deleted."""
    Response = apps.get_model("surveys", "Response")
    Answer = apps.get_model("surveys", "Answer")
    drafts: dict[int, dict] = {}
    rows = Answer.objects.filter(response__submitted_at__isnull=True).order_by("id")
    for response_id, item_id, value, number, text in rows.values_list(
        "response_id", "item_id", "value", "number", "text"
    ):
        drafts.setdefault(response_id, {}).setdefault(str(item_id), []).append(
            [value, number, text]
        )
    for response_id, draft in drafts.items():
        Response.objects.filter(pk=response_id).update(draft=draft)
    rows.delete()


def drafts_into_answer_rows(apps, schema_editor):
    Response = apps.get_model("surveys", "Response")
    Answer = apps.get_model("surveys", "Answer")
    rows = []
    for response in Response.objects.filter(submitted_at__isnull=True).exclude(draft={}):
        for item_id, answers in response.draft.items():
            for value, number, text in answers:
                rows.append(
                    Answer(
                        response_id=response.pk,
                        item_id=int(item_id),
                        value=value,
                        number=number,
                        text=text,
                    )
                )
    Answer.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0003_merge_20261202_1214"),
    ]

    operations = [
        migrations.AddField(
            model_name="response",
            name="draft",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.RunPython(drafts_onto_their_rows, drafts_into_answer_rows),
    ]
