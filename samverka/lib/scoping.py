"""Tenant scoping: rows that belong to a collaboration are read only inside a declared scope.

Every model that belongs to a collaboration (participants, activities, attendance, surveys'
rounds and answers, the collaboration model, referrals, imports …) uses `tenant_manager(path)`
as its default manager, where `path` leads from the model to its collaboration. A query on such
a model outside an active scope raises `ScopeError` instead of returning rows, so a view or
command that forgets which collaboration it works in fails in the tests instead of leaking in
production. This is django-scopes (pretix's mechanism), with names for our three kinds of scope:

- `collaboration_scope(collaboration)`: inside one collaboration (or a list of them); every
  query on a tenant model is filtered to it as well. `samverka.orgs.decorators.collaboration_view`
  opens it for every collaboration page.
- `national_scope()`: deliberately across all collaborations (national pages, the funder count,
  management commands, the demo, the bench, the admin).
- no scope: every request starts here (`ScopeResetMiddleware`), and so does every process.

Relations followed forwards (`attendance.session`) and deletions by cascade use Django's base
manager and are not checked; reverse relations (`session.attendances.all()`) are.
"""

from contextlib import contextmanager

from django.db import models
from django_scopes import ScopedManager, ScopeError, get_scope, scope, scopes_disabled
from django_scopes.manager import DisabledQuerySet
from django_scopes.state import state

__all__ = [
    "ScopeError",
    "ScopeResetMiddleware",
    "collaboration_scope",
    "current_scope",
    "national_scope",
    "tenant_manager",
    "unscoped",
]

DIMENSION = "collaboration"


class RefusedQuerySet(DisabledQuerySet):
    """A tenant query made outside a scope: it refuses to run or to be narrowed, but `.all()`
    gives a copy, so that a ModelForm's choice field can be declared when the form class is
    made (its view then sets the collaboration's own choices; left as it is, it refuses)."""

    def all(self):
        return self._chain()


def tenant_manager(path: str, queryset_class: type[models.QuerySet] | None = None):
    """The default manager of a tenant model; `path` leads to its collaboration."""
    base = models.Manager.from_queryset(queryset_class) if queryset_class else models.Manager
    scoped = ScopedManager(_manager_class=base, **{DIMENSION: path}).__class__

    class TenantManager(scoped):
        def get_queryset(self):
            queryset = super().get_queryset()
            if isinstance(queryset, DisabledQuerySet):
                queryset.__class__ = RefusedQuerySet
            return queryset

    TenantManager.__name__ = TenantManager.__qualname__ = "TenantManager"
    return TenantManager()


@contextmanager
def collaboration_scope(collaboration):
    """Queries on tenant models see only `collaboration` (an instance, or a list of them)."""
    if isinstance(collaboration, (list, tuple, set, frozenset)):
        collaboration = [getattr(c, "pk", c) for c in collaboration]
    with scope(**{DIMENSION: collaboration}):
        yield


@contextmanager
def national_scope():
    """Queries on tenant models see every collaboration: a deliberate, national reach."""
    with scopes_disabled():
        yield


@contextmanager
def unscoped():
    """No scope at all, as at the start of a request or a process: tenant queries raise."""
    token = state.set({"_enabled": True})
    try:
        yield
    finally:
        state.reset(token)


def current_scope() -> str:
    """'national', 'collaboration' or '' (none), for checks and messages."""
    active = get_scope()
    if not active.get("_enabled", True):
        return "national"
    return "collaboration" if DIMENSION in active else ""


class ScopeResetMiddleware:
    """Every request starts with no scope, whatever the thread or test ran before it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with unscoped():
            return self.get_response(request)
