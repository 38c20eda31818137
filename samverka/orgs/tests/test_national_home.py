from django.urls import resolve, reverse

from samverka.orgs.national import SECTIONS

HOME = reverse("orgs:national_home")


def _links(response) -> set[str]:
    return {url for _, pages in response.context["sections"] for url, _ in pages}


def test_the_national_lead_finds_every_national_page_from_one_header_link(world, login_as):
    client = login_as(world.nationell)
    header = client.get(reverse("home")).content.decode()
    assert f'href="{HOME}"' in header
    assert f'href="{reverse("accounts:people")}"' not in header  # no longer a row of links
    response = client.get(HOME)
    assert response.status_code == 200
    assert _links(response) == {reverse(p.url_name) for s in SECTIONS for p in s.pages}
    assert (
        "Granskningslogg" in response.content.decode() or "Audit trail" in response.content.decode()
    )


def test_the_researcher_sees_the_comparisons_and_research_but_not_administration(world, login_as):
    response = login_as(world.forskare).get(HOME)
    links = _links(response)
    assert reverse("assessment:national") in links
    assert reverse("reports:national_funder") in links
    assert reverse("research:home") in links
    assert reverse("accounts:people") not in links
    assert reverse("audit:national_trail") not in links
    for url in links:  # each listed page opens for them
        assert login_as(world.forskare).get(url).status_code == 200, url


def test_members_of_a_collaboration_have_no_national_page(world, login_as):
    for user in (world.kalmar_ngo, world.kalmar_kommun, world.boden_ngo):
        client = login_as(user)
        assert client.get(HOME).status_code == 404
        assert f'href="{HOME}"' not in client.get(reverse("home")).content.decode()


def test_each_entry_asks_for_the_capability_its_page_declares():
    for section in SECTIONS:
        for page in section.pages:
            declared = getattr(resolve(reverse(page.url_name)).func, "view_scope", None)
            if declared is not None and declared.kind == "national":
                assert declared.required == (page.capability,), page.url_name
