from django.db import migrations, models


def fill(apps, schema_editor):
    """Derive every row again, now with the days attended in each month (see
    samverka.activities.attendance_years)."""
    from samverka.activities.attendance_years import rebuild

    rebuild(
        apps.get_model("activities", "Attendance"),
        apps.get_model("activities", "AttendanceYear"),
        apps.get_model("participants", "ConsentState"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0006_merge_20261202_1250"),
    ]

    operations = [
        *(
            migrations.AddField(
                model_name="attendanceyear",
                name=f"days_{month}",
                field=models.IntegerField(null=True),
            )
            for month in range(1, 13)
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
