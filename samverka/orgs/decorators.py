"""How a view declares its scope: once, above its definition.

    @collaboration_view(Capability.MANAGE_ACTIVITIES)
    def activity_create(request, access): ...

    @national_view()
    def people(request, national): ...

The decorator logs the person in (anonymous → login page), resolves the collaboration in the
URL's `code` through `collaboration_access` (404 outside the person's scope), checks the
capabilities (403 inside the collaboration), opens the collaboration's tenant scope
(`samverka.lib.scoping`) for the whole view and hands the view its access object in place of
`code` (template tags that other features add to the page find it as
`request.collaboration_access`). National pages get the same with `national_view` (404 for
everyone without the national capability). `tests/test_url_scoping.py` fails for a
collaboration or national URL whose view is not declared this way.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samverka.accounts.roles import CAPABILITIES, Capability
from samverka.lib.scoping import collaboration_scope, national_scope
from samverka.orgs.selectors import collaboration_access


@dataclass(frozen=True)
class ViewScope:
    """What a decorated view declared; read by the URL walker."""

    kind: str  # "collaboration" or "national"
    required: tuple[Capability, ...] = ()
    any_of: tuple[Capability, ...] = ()


def _declare(wrapper: Callable, declared: ViewScope) -> Callable:
    wrapper.view_scope = declared
    return wrapper


def collaboration_view(*required: Capability, any_of: Iterable[Capability] = ()):
    """A page of one collaboration: the view gets `access` (CollaborationAccess), not `code`.

    Every capability in `required` is needed; of `any_of`, at least one.
    """
    any_of = tuple(any_of)

    def decorate(view):
        @wraps(view)
        def wrapper(request, code, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            access = collaboration_access(request.user, code)
            for capability in required:
                access.require(capability)
            if any_of and not any(access.can(c) for c in any_of):
                raise PermissionDenied
            request.collaboration_access = access  # for template tags of other features
            with collaboration_scope(access.collaboration):
                return view(request, access, *args, **kwargs)

        return _declare(wrapper, ViewScope("collaboration", tuple(required), any_of))

    return decorate


@dataclass(frozen=True)
class NationalAccess:
    """What a person with a national role may do on national pages."""

    user: object
    role: str

    def can(self, capability: Capability) -> bool:
        return capability in CAPABILITIES.get(self.role, ())

    @property
    def is_lead(self) -> bool:
        return self.can(Capability.MANAGE_NATIONAL)


def national_access(user) -> NationalAccess | None:
    if not (getattr(user, "is_authenticated", False) and user.national_role):
        return None
    return NationalAccess(user=user, role=user.national_role)


def national_view(capability: Capability = Capability.MANAGE_NATIONAL):
    """A national page: the view gets `national` (NationalAccess); others get 404."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            national = national_access(request.user)
            if national is None or not national.can(capability):
                raise Http404
            with national_scope():
                return view(request, national, *args, **kwargs)

        return _declare(wrapper, ViewScope("national", (capability,)))

    return decorate


def collaboration_or_national_view(
    *required: Capability,
    any_of: Iterable[Capability] = (),
    national: Capability = Capability.MANAGE_NATIONAL,
):
    """A page that exists inside a collaboration (its URL has `code`) and on the national pages
    (no `code`), such as the survey instruments. The view gets a CollaborationAccess or a
    NationalAccess, declared as for `collaboration_view` and `national_view`."""

    def decorate(view):
        in_collaboration = collaboration_view(*required, any_of=any_of)(view)
        on_national_pages = national_view(national)(view)

        @wraps(view)
        def wrapper(request, *args, code=None, **kwargs):
            if code is None:
                return on_national_pages(request, *args, **kwargs)
            return in_collaboration(request, code, *args, **kwargs)

        return _declare(wrapper, ViewScope("both", tuple(required), tuple(any_of)))

    return decorate
