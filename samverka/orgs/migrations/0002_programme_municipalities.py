"""Ship the nine municipalities of the Barn i fokus programme."""

from django.db import migrations

PROGRAMME_MUNICIPALITIES = [
    ("2582", "Boden", "Norrbottens län"),
    ("2482", "Skellefteå", "Västerbottens län"),
    ("1962", "Norberg", "Västmanlands län"),
    ("2084", "Avesta", "Dalarnas län"),
    ("0136", "Haninge", "Stockholms län"),
    ("1485", "Uddevalla", "Västra Götalands län"),
    ("1290", "Kristianstad", "Skåne län"),
    ("0880", "Kalmar", "Kalmar län"),
    ("1463", "Mark", "Västra Götalands län"),
]


def add_municipalities(apps, schema_editor):
    Municipality = apps.get_model("orgs", "Municipality")
    for code, name, county in PROGRAMME_MUNICIPALITIES:
        Municipality.objects.update_or_create(code=code, defaults={"name": name, "county": county})


class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_initial")]
    operations = [migrations.RunPython(add_municipalities, migrations.RunPython.noop)]
