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
from contextlib import nullcontext
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samverka.accounts.roles import CAPABILITIES, Capability, who_can
from samverka.lib.replica import reading_replica
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
                raise PermissionDenied(who_can(*any_of))
            request.collaboration_access = access  # for template tags of other features
            with collaboration_scope(access.collaboration):
                return view(request, access, *args, **kwargs)

        return _declare(wrapper, ViewScope("collaboration", tuple(required), any_of))

    return decorate


# National pages a researcher without a national role may open, limited to the collaborations
# where they hold a role with the capability (a researcher membership): the comparisons.
SCOPED_NATIONAL_CAPABILITIES = frozenset({Capability.VIEW_NATIONAL_COMPARISONS})


@dataclass(frozen=True)
class NationalAccess:
    """What a person may do on national pages.

    `collaboration_ids` is None for a national role (every collaboration); for a researcher who
    holds the role only by membership it names the collaborations they may compare, and the
    page runs in the tenant scope of exactly those (so every tenant query is limited to them).
    """

    user: object
    role: str
    collaboration_ids: frozenset[int] | None = None

    def can(self, capability: Capability) -> bool:
        return capability in CAPABILITIES.get(self.role, ())

    @property
    def is_lead(self) -> bool:
        return self.can(Capability.MANAGE_NATIONAL)

    @property
    def is_scoped(self) -> bool:
        return self.collaboration_ids is not None

    @property
    def exact_figures(self) -> bool:
        """Whether figures of other collaborations may be shown without disclosure control."""
        return self.can(Capability.VIEW_EXACT_FUNDER_FIGURES)

    def collaborations(self):
        """The collaborations this person may compare on national pages."""
        from samverka.orgs.models import Collaboration

        queryset = Collaboration.objects.select_related("municipality", "lead_organisation")
        if self.collaboration_ids is None:
            return queryset.all()
        return queryset.filter(pk__in=self.collaboration_ids)

    def scope(self):
        if self.collaboration_ids is None:
            return national_scope()
        return collaboration_scope(sorted(self.collaboration_ids))


def national_access(user, capability: Capability | None = None) -> NationalAccess | None:
    """National access of `user`: every collaboration for a national role; for a capability in
    SCOPED_NATIONAL_CAPABILITIES also the collaborations where a membership role grants it."""
    if not getattr(user, "is_authenticated", False):
        return None
    if user.national_role:
        return NationalAccess(user=user, role=user.national_role)
    if capability not in SCOPED_NATIONAL_CAPABILITIES:
        return None
    granting = [role for role, caps in CAPABILITIES.items() if capability in caps]
    rows = list(
        user.memberships.active()
        .filter(role__in=granting)
        .order_by("role")
        .values_list("role", "collaboration_id")
    )
    if not rows:
        return None
    return NationalAccess(
        user=user, role=rows[0][0], collaboration_ids=frozenset(c for _, c in rows)
    )


def _reads(request, capability: Capability):
    """National comparison pages read from the replica when there is one (GET only: a POST
    may read what it has just written); see samverka/lib/replica.py."""
    if capability == Capability.VIEW_NATIONAL_COMPARISONS and request.method in ("GET", "HEAD"):
        return reading_replica()
    return nullcontext()


def national_view(capability: Capability = Capability.MANAGE_NATIONAL):
    """A national page: the view gets `national` (NationalAccess); others get 404."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            national = national_access(request.user, capability)
            if national is None or not national.can(capability):
                raise Http404
            with national.scope(), _reads(request, capability):
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
