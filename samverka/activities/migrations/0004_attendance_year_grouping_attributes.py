import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    """Derive every row again, now with what the funder count groups by (see
    samverka.activities.attendance_years)."""
    from samverka.activities.attendance_years import rebuild

    rebuild(
        apps.get_model("activities", "Attendance"),
        apps.get_model("activities", "AttendanceYear"),
        apps.get_model("participants", "ConsentState"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0003_report_tables_one_index_less"),
        ("orgs", "0003_field_labels"),
        ("participants", "0006_audit_pseudonyms"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="attendanceyear",
            name="attendance_year_scan",
        ),
        migrations.AddField(
            model_name="attendanceyear",
            name="collaboration",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="orgs.collaboration",
            ),
        ),
        migrations.AddField(
            model_name="attendanceyear",
            name="birth_year",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="attendanceyear",
            name="gender",
            field=models.CharField(default="", max_length=12),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="attendanceyear",
            name="third_country_national",
            field=models.CharField(default="", max_length=8),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="attendanceyear",
            name="counted",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
