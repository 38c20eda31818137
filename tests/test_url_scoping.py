"""The security model, checked for every URL the project serves.

The resolver is walked: a new URL pattern without an entry in SCOPES fails the
suite, so every view gets an anonymous test and a foreign-collaboration test.
"""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import samverka
from samverka.accounts.services import invitation_create

# How each named URL is scoped:
#   public         reachable without login (must still not leak data)
#   own            the logged-in person's own pages (no collaboration in them)
#   collaboration  belongs to one collaboration: a foreign member gets 404
#   national       national lead only: everyone else gets 404
SCOPES = {
    "home": "own",
    "healthz": "public",
    "set_language": "public",
    "accounts:login": "public",
    "accounts:verify": "own",
    "accounts:password_reset": "public",
    "accounts:password_reset_sent": "public",
    "accounts:password_reset_confirm": "public",
    "accounts:logout": "own",
    "accounts:account": "own",
    "accounts:password_change": "own",
    "accounts:two_factor_setup": "own",
    "accounts:backup_codes": "own",
    "accounts:two_factor_disable": "own",
    "accounts:invitation": "public",
    "accounts:members": "collaboration",
    "accounts:member_invite": "collaboration",
    "accounts:member_end": "collaboration",
    "accounts:invitation_revoke": "collaboration",
    "accounts:people": "national",
    "accounts:person": "national",
    "accounts:person_membership_end": "national",
    "orgs:collaboration": "collaboration",
    "orgs:collaboration_edit": "collaboration",
    "orgs:partners": "collaboration",
    "orgs:organisation_create": "collaboration",
    "orgs:partner_remove": "collaboration",
    "orgs:collaboration_create": "national",
    "orgs:municipalities": "national",
    "orgs:municipalities_import": "national",
    "orgs:organisations": "national",
    "audit:collaboration_trail": "collaboration",
    "audit:national_trail": "national",
}


def _feature_modules():
    """Each app may ship `tests/url_scopes.py` with SCOPES and `url_arguments(world)`."""
    for info in pkgutil.iter_modules(samverka.__path__):
        name = f"samverka.{info.name}.tests.url_scopes"
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as error:
            if not name.startswith(error.name or "-"):
                raise


for _module in _feature_modules():
    SCOPES.update(_module.SCOPES)


def named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # covered by test_admin_asks_for_staff_login
            child_ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry, child_ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def test_every_url_pattern_has_a_scope_and_a_test():
    names = {name for name, _ in named_patterns()}
    missing = names - SCOPES.keys()
    assert not missing, f"URL patterns without a scoping test: {sorted(missing)}"
    stale = SCOPES.keys() - names
    assert not stale, f"SCOPES names patterns that no longer exist: {sorted(stale)}"


def kalmar_kwargs(name, world):
    """URL arguments that point at objects of the Kalmar collaboration."""
    kalmar = world.kalmar
    membership = kalmar.memberships.get(user=world.kalmar_ledare)
    invitation, _ = invitation_create(
        collaboration=kalmar,
        role="activity_leader",
        name="Ny ledare",
        email="",
        by=world.kalmar_ngo,
    )
    values = {
        "code": kalmar.code,
        "membership_code": membership.code,
        "invitation_code": invitation.code,
        "organisation_code": world.kalmar_partner.code,
        "user_code": world.kalmar_ledare.code,
        "token": "not-a-real-token",
        "uidb64": "MQ",
    }
    # Only the feature that owns the URL builds its objects (each builds a few rows, and this
    # runs for every URL, method and persona).
    for module in _feature_modules():
        if name in module.SCOPES:
            values.update(module.url_arguments(world))
    pattern = dict(named_patterns())[name]
    return {key: values[key] for key in pattern.pattern.regex.groupindex}


ALL_NAMES = sorted(SCOPES)


@pytest.mark.parametrize("name", ALL_NAMES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_request_never_gets_data(client, world, name, method):
    url = reverse(name, kwargs=kalmar_kwargs(name, world))
    response = getattr(client, method)(url)
    if SCOPES[name] == "public":
        body = response.content.decode()
        assert world.kalmar.name not in body
        assert "kalmar.ngo" not in body
        return
    assert response.status_code in {302, 405}, response.status_code
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "name", [n for n in ALL_NAMES if SCOPES[n] in {"collaboration", "national"}]
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_member_of_another_collaboration_gets_404(client, world, name, method):
    url = reverse(name, kwargs=kalmar_kwargs(name, world))
    client.force_login(world.boden_ngo)
    response = getattr(client, method)(url)
    # 405 only where the view refuses the method before looking anything up.
    assert response.status_code in {404, 405}
    assert world.kalmar.name.encode() not in response.content


@pytest.mark.parametrize("name", [n for n in ALL_NAMES if SCOPES[n] == "national"])
def test_coordinator_cannot_open_national_pages(client, world, name):
    client.force_login(world.kalmar_ngo)
    response = client.get(reverse(name, kwargs=kalmar_kwargs(name, world)))
    assert response.status_code in {404, 405}


def test_admin_asks_for_staff_login(client, world):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    client.force_login(world.kalmar_ngo)
    response = client.get("/admin/orgs/collaboration/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
