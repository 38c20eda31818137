"""Small links other apps' pages show into the organisational memory."""

from django import template

from samverka.accounts.roles import Capability

register = template.Library()


@register.inclusion_tag("memory/_lesson_link.html")
def lesson_link(access, *, learning=None, dilemma=None):
    """ "Write a lesson from this" on a learning session or a dilemma, for those who may."""
    allowed = access is not None and access.can(Capability.RECORD_LESSONS)
    return {
        "allowed": allowed,
        "collaboration": access.collaboration if access is not None else None,
        "learning": learning,
        "dilemma": dilemma,
    }
