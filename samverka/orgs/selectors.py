"""Scoped reads of collaborations. The security model lives here.

`collaboration_access(user, code)` answers 404 for anything outside the user's scope, so a
foreign collaboration is indistinguishable from one that does not exist, and says which roles
(and so which capabilities) the user holds in it. Views never call it themselves: they declare
their scope with `samverka.orgs.decorators.collaboration_view` (or `national_view`), which
calls it and opens the collaboration's tenant scope (`samverka.lib.scoping`).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from samverka.accounts.roles import CAPABILITIES, Capability, NationalRole, Role, who_can
from samverka.orgs.models import Collaboration


def collaborations_for_user(user) -> QuerySet[Collaboration]:
    """The collaborations a user may open: all for national staff, else their memberships."""
    qs = Collaboration.objects.select_related("municipality", "lead_organisation")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_national_staff:
        return qs.all()
    return qs.filter(memberships__user=user, memberships__ended_at__isnull=True).distinct()


def roles_in(user, collaboration: Collaboration) -> frozenset[str]:
    roles = set(collaboration.memberships.active().filter(user=user).values_list("role", flat=True))
    if user.national_role == NationalRole.NATIONAL_LEAD:
        roles.add(Role.NATIONAL_LEAD)
    elif user.national_role == NationalRole.RESEARCHER:
        roles.add(Role.RESEARCHER)
    return frozenset(roles)


@dataclass(frozen=True)
class CollaborationAccess:
    """What one user may do in one collaboration."""

    user: object
    collaboration: Collaboration
    roles: frozenset[str]

    @property
    def code(self) -> str:
        return self.collaboration.code

    def can(self, capability: Capability) -> bool:
        return any(capability in CAPABILITIES.get(role, ()) for role in self.roles)

    def require(self, capability: Capability) -> None:
        if not self.can(capability):
            raise PermissionDenied(who_can(capability))

    @property
    def capabilities(self) -> frozenset[str]:
        caps: set[str] = set()
        for role in self.roles:
            caps |= CAPABILITIES.get(role, frozenset())
        return frozenset(caps)

    @property
    def role_labels(self) -> list[str]:
        return [Role(r).label for r in sorted(self.roles)]


def collaboration_access(user, code: str) -> CollaborationAccess:
    """The collaboration with `code` and the user's roles in it, or 404."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    if user.is_national_staff:
        collaboration = collaborations_for_user(user).filter(code=code).first()
        if collaboration is None:
            raise Http404
        roles = roles_in(user, collaboration)
    else:
        # Everyone else reaches a collaboration only through an active membership, so one
        # query gives what collaborations_for_user and roles_in would give in two.
        memberships = list(
            user.memberships.active()
            .filter(collaboration__code=code)
            .select_related("collaboration__municipality", "collaboration__lead_organisation")
            .order_by()
        )
        if not memberships:
            raise Http404
        collaboration = memberships[0].collaboration
        roles = frozenset(m.role for m in memberships)
    if not roles:
        raise Http404
    return CollaborationAccess(user=user, collaboration=collaboration, roles=roles)
