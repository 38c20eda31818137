from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverka.orgs.models import Municipality

PROGRAMME = {"2582", "2482", "1962", "2084", "0136", "1485", "1290", "0880", "1463"}


def upload(client, text, **extra):
    return client.post(
        reverse("orgs:municipalities_import"),
        {"file": SimpleUploadedFile("kommuner.csv", text.encode()), **extra},
    )


def test_the_nine_programme_municipalities_ship_with_samverka(db):
    assert set(Municipality.objects.values_list("code", flat=True)) >= PROGRAMME
    assert Municipality.objects.get(code="0136").name == "Haninge"


def test_national_lead_adds_a_municipality(login_as, world):
    client = login_as(world.nationell)
    client.post(
        reverse("orgs:municipalities"),
        {"code": "0180", "name": "Stockholm", "county": "Stockholms län"},
    )
    assert Municipality.objects.filter(code="0180").exists()


def test_a_bad_municipality_code_is_refused(login_as, world):
    client = login_as(world.nationell)
    response = client.post(reverse("orgs:municipalities"), {"code": "180", "name": "Stockholm"})
    assert response.context["form"].errors["code"]


def test_csv_import_creates_and_updates(login_as, world):
    client = login_as(world.nationell)
    response = upload(
        client, "code;name;county\n0180;Stockholm;Stockholms län\n880;Kalmar;Kalmar län\n"
    )
    assert response.status_code == 302
    assert Municipality.objects.get(code="0180").county == "Stockholms län"
    assert Municipality.objects.filter(code="0880").count() == 1  # leading zero restored


def test_csv_import_with_a_bad_row_writes_nothing_and_names_the_row(login_as, world):
    client = login_as(world.nationell)
    response = upload(client, "code,name,county\n0180,Stockholm,Stockholms län\nABCD,Fel,\n")
    assert response.status_code == 200
    assert response.context["result"].errors[0][0] == 3
    assert not Municipality.objects.filter(code="0180").exists()


def test_csv_import_dry_run_only_checks(login_as, world):
    client = login_as(world.nationell)
    response = upload(client, "code,name\n0180,Stockholm\n", dry_run="1")
    assert response.context["result"].created == 1
    assert not Municipality.objects.filter(code="0180").exists()


def test_csv_without_required_columns_is_refused(login_as, world):
    client = login_as(world.nationell)
    response = upload(client, "kommun,invånare\n0180,Stockholm\n")
    assert response.context["result"].errors


def test_csv_with_swedish_headers_is_accepted(login_as, world):
    client = login_as(world.nationell)
    upload(client, "kod;namn;län\n0180;Stockholm;Stockholms län\n")
    assert Municipality.objects.filter(code="0180").exists()
