"""`{% roles_with_names "manage_assessment" as who %}`: the names of the roles that hold a
capability, so a page a person cannot act on says who can (samverka/accounts/roles.py)."""

from django import template

from samverka.accounts.roles import Capability, roles_with

register = template.Library()


@register.simple_tag
def roles_with_names(capability: str) -> str:
    return ", ".join(str(role.label) for role in roles_with(Capability(capability)))
