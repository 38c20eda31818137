"""The one function that writes the audit trail."""

from collections.abc import Iterable

from django.db import models

from samverka.audit.models import AuditAction, AuditEvent


def _collaboration_code(obj, collaboration) -> str:
    if collaboration is not None:
        return collaboration.code
    if obj is None:
        return ""
    from samverka.orgs.models import Collaboration

    if isinstance(obj, Collaboration):
        return obj.code
    related = getattr(obj, "collaboration", None)
    return getattr(related, "code", "") or ""


def audit_record(
    *,
    actor,
    action: AuditAction | str,
    obj: models.Model | None = None,
    collaboration=None,
    fields: Iterable[str] = (),
    detail: str = "",
) -> AuditEvent:
    """Record that `actor` did `action` to `obj`.

    Only names are stored: the object's type and opaque code, the names of the
    changed fields and a short non-personal detail such as a role name.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        actor=actor,
        actor_username=getattr(actor, "username", "") if actor else "",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_code=str(getattr(obj, "code", None) or getattr(obj, "pk", "") or "")
        if obj is not None
        else "",
        collaboration_code=_collaboration_code(obj, collaboration),
        fields=sorted(set(fields)),
        detail=detail[:200],
    )


def changed_fields(form) -> list[str]:
    """Names of the fields a bound ModelForm changed (never their values)."""
    return list(form.changed_data)


def audit_saved(*, actor, obj, created: bool, fields=(), collaboration=None) -> AuditEvent:
    """Record a creation, or a change of the named fields, of an object just saved."""
    return audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=obj,
        collaboration=collaboration,
        fields=() if created else fields,
    )
