"""The security model, checked for every URL the project serves.

The resolver is walked: a new URL pattern without an entry in SCOPES fails the
suite, so every view gets an anonymous test and a foreign-collaboration test.
"""

import functools
import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import samverka
from conftest import on_the_shared_world

# How each named URL is scoped (each app lists its own in `<app>/tests/url_scopes.py`):
#   public         reachable without login (must still not leak data)
#   own            the logged-in person's own pages (no collaboration in them)
#   collaboration  belongs to one collaboration: a foreign member gets 404; its view is declared
#                  with @collaboration_view (samverka/orgs/decorators.py)
#   national       national pages: everyone without the national capability gets 404; its view
#                  is declared with @national_view
#   research       a research project's pages: everyone who is not one of its researchers gets
#                  404 (the national lead reads the project's own page); declared with
#                  @research_view (samverka/research/access.py)
SCOPES: dict[str, str] = {}


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


SCOPED = {"collaboration", "national", "research"}


@pytest.mark.parametrize("name", [n for n in sorted(SCOPES) if SCOPES[n] in SCOPED])
def test_every_scoped_url_declares_its_scope_on_the_view(name):
    """A collaboration or national page opens its scope through the decorator, so a view that
    forgets the access check cannot exist (the walker above only tests the roles it tries)."""
    callback = dict(named_patterns())[name].callback
    declared = getattr(callback, "view_scope", None)
    assert declared is not None, f"{name}: the view is not declared with a scope decorator"
    assert declared.kind in {SCOPES[name], "both"}, (name, declared.kind)


def _every_urls_arguments(world):
    """The URL arguments of every named URL, pointing at objects of the Kalmar collaboration:
    each feature builds its objects once (`url_arguments`) on the module's shared world."""
    built = [(module, module.url_arguments(world)) for module in _feature_modules()]
    return {name: _arguments(name, world, built) for name in SCOPES}


_walk_kwargs = on_the_shared_world(_every_urls_arguments)


@pytest.fixture
def walk_kwargs(db, _walk_kwargs):
    return _walk_kwargs


def kalmar_kwargs(name, world):
    """URL arguments that point at objects of the Kalmar collaboration, built now by the feature
    that owns the URL (for tests elsewhere that walk a few URLs on their own world)."""
    owners = [m for m in _feature_modules() if name in m.SCOPES]
    return _arguments(name, world, [(m, m.url_arguments(world)) for m in owners])


@functools.cache
def _patterns():
    return dict(named_patterns())


def _arguments(name, world, built):
    """The arguments of URL `name` from what the features built: (module, url_arguments)."""
    values = {"code": world.kalmar.code}
    for module, arguments in built:
        if name in module.SCOPES:
            values.update(arguments)
    return {key: values[key] for key in _patterns()[name].pattern.regex.groupindex}


ALL_NAMES = sorted(SCOPES)


@pytest.mark.parametrize("name", ALL_NAMES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_request_never_gets_data(client, world, walk_kwargs, name, method):
    url = reverse(name, kwargs=walk_kwargs[name])
    response = getattr(client, method)(url)
    if SCOPES[name] == "public":
        body = response.content.decode()
        assert world.kalmar.name not in body
        assert "kalmar.ngo" not in body
        return
    assert response.status_code in {302, 405}, response.status_code
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", [n for n in ALL_NAMES if SCOPES[n] in SCOPED])
@pytest.mark.parametrize("method", ["get", "post"])
def test_member_of_another_collaboration_gets_404(client, world, walk_kwargs, name, method):
    url = reverse(name, kwargs=walk_kwargs[name])
    client.force_login(world.boden_ngo)
    response = getattr(client, method)(url)
    # 405 only where the view refuses the method before looking anything up.
    assert response.status_code in {404, 405}
    assert world.kalmar.name.encode() not in response.content


@pytest.mark.parametrize("name", [n for n in ALL_NAMES if SCOPES[n] == "national"])
def test_coordinator_cannot_open_national_pages(client, world, walk_kwargs, name):
    client.force_login(world.kalmar_ngo)
    response = client.get(reverse(name, kwargs=walk_kwargs[name]))
    assert response.status_code in {404, 405}


@pytest.mark.parametrize("name", [n for n in ALL_NAMES if SCOPES[n] == "research"])
def test_coordinator_of_an_included_collaboration_cannot_open_research_pages(
    client, world, walk_kwargs, name
):
    """A project's material is for its researchers only, also when it comes from the
    coordinator's own collaboration."""
    client.force_login(world.kalmar_ngo)
    response = client.get(reverse(name, kwargs=walk_kwargs[name]))
    assert response.status_code in {404, 405}


def test_admin_asks_for_staff_login(client, world):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    client.force_login(world.kalmar_ngo)
    response = client.get("/admin/orgs/collaboration/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
