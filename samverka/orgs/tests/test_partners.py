from django.urls import reverse

from samverka.orgs.models import Organisation, OrganisationKind


def test_coordinator_adds_and_removes_a_partner(client, world):
    club = Organisation.objects.create(
        name="Kalmar simklubb",
        kind=OrganisationKind.ASSOCIATION,
        municipality=world.kalmar.municipality,
    )
    client.force_login(world.kalmar_ngo)
    url = reverse("orgs:partners", args=[world.kalmar.code])
    client.post(url, {"organisation": club.pk})
    assert world.kalmar.partners.filter(pk=club.pk).exists()
    client.post(reverse("orgs:partner_remove", args=[world.kalmar.code, club.code]))
    assert not world.kalmar.partners.filter(pk=club.pk).exists()


def test_an_organisation_from_another_municipality_cannot_be_added(client, world):
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("orgs:partners", args=[world.kalmar.code]), {"organisation": world.boden_partner.pk}
    )
    assert response.context["add_form"].errors["organisation"]
    assert not world.kalmar.partners.filter(pk=world.boden_partner.pk).exists()


def test_coordinator_registers_a_new_organisation_as_partner(client, world):
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("orgs:organisation_create", args=[world.kalmar.code]),
        {
            "name": "Kalmar cykelverkstad",
            "kind": "cso",
            "municipality": world.kalmar.municipality.pk,
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Kalmar cykelverkstad")
    assert organisation.municipality == world.kalmar.municipality
    assert world.kalmar.partners.filter(pk=organisation.pk).exists()


def test_duplicate_organisation_name_is_refused(client, world):
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("orgs:organisation_create", args=[world.kalmar.code]),
        {
            "name": world.kalmar_partner.name,
            "kind": "library",
            "municipality": world.kalmar.municipality.pk,
        },
    )
    assert response.context["form"].errors["name"]


def test_activity_leader_cannot_manage_partners(client, world):
    client.force_login(world.kalmar_ledare)
    assert client.get(reverse("orgs:partners", args=[world.kalmar.code])).status_code == 403
