import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Separate from 0004: PostgreSQL alters no table with rows written in the same transaction
    whose deferred foreign-key checks are still pending."""

    dependencies = [
        ("activities", "0004_attendance_year_grouping_attributes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="attendanceyear",
            name="collaboration",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="orgs.collaboration",
            ),
        ),
        migrations.AddIndex(
            model_name="attendanceyear",
            index=models.Index(
                fields=["year", "counted", "months", "participant"], name="attendance_year_scan"
            ),
        ),
    ]
