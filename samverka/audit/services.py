"""The one function that writes the audit trail, and the one way a service saves a row."""

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from django.db import models, transaction
from django.utils import timezone

from samverka.audit import chain
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
    if obj is None:
        object_code = ""
    elif hasattr(obj, "audit_reference"):
        # People are named by a pseudonym that erasing them makes unlinkable (participants).
        object_code = obj.audit_reference()
    else:
        object_code = str(getattr(obj, "code", None) or getattr(obj, "pk", "") or "")
    event = AuditEvent(
        at=timezone.now(),
        actor=actor,
        actor_username=getattr(actor, "username", "") if actor else "",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_code=object_code,
        collaboration_code=_collaboration_code(obj, collaboration),
        fields=sorted(set(fields)),
        detail=detail[:200],
    )
    # No savepoint inside the caller's transaction (two statements on every audited write, the
    # survey's send among them): an audit record that fails must fail the whole change anyway.
    with transaction.atomic(savepoint=False):
        event.chain_hash = chain.link(chain.previous_hash(AuditEvent), event)
        event.save()
    return event


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


class Saved(NamedTuple):
    created: bool
    changed: tuple[str, ...]  # names of the fields (and many-to-many relations) that changed


def save_audited(
    obj: models.Model, data: Mapping[str, Any], *, by, collaboration=None, detail: str = ""
) -> Saved:
    """Set `data` (field or many-to-many name → value) on `obj`, save it, and record its creation,
    or the names of the fields whose values changed, in the audit trail (with `detail`, a short
    non-personal note such as which part of a collaboration the row describes).

    The one way a service saves a row it was given data for (a view passes a validated form's
    `cleaned_data`). Values are compared, so data resent unchanged records no change and does
    not write the row (its `auto_now` fields keep the time of the last real change); names
    that are not fields of the model are ignored (a form may carry more than the model).
    """
    created = obj._state.adding
    many = {field.name for field in obj._meta.many_to_many}
    concrete = {field.name for field in obj._meta.concrete_fields}
    changed = []
    for name, value in data.items():
        if name in concrete and (created or getattr(obj, name) != value):
            setattr(obj, name, value)
            changed.append(name)
    if created or changed:
        obj.save()
    for name, value in data.items():
        if name not in many:
            continue
        related = getattr(obj, name)
        if created or set(related.all()) != set(value):
            related.set(value)
            changed.append(name)
    if created or changed:
        audit_record(
            actor=by,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            obj=obj,
            collaboration=collaboration,
            fields=() if created else changed,
            detail=detail,
        )
    return Saved(created, tuple(changed))
