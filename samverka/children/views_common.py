"""Small helpers the workflows' views share."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render

from samverka.accounts.roles import Capability

C = Capability


def can_flags(access) -> dict:
    return {
        "view_consultations": access.can(C.VIEW_CONSULTATIONS),
        "record": access.can(C.RECORD_CONSULTATIONS),
        "manage": access.can(C.MANAGE_CONSULTATIONS),
        "view_checks": access.can(C.VIEW_CHILD_RIGHTS_CHECKS),
        "manage_checks": access.can(C.MANAGE_CHILD_RIGHTS_CHECKS),
        "view_safety": access.can(C.VIEW_SAFETY),
        "manage_risks": access.can(C.MANAGE_RISK_ANALYSES),
        "report_incidents": access.can(C.REPORT_INCIDENTS),
        "view_incidents": access.can(C.VIEW_INCIDENTS),
    }


def _section(template: str) -> str:
    parts = template.split("/")
    if len(parts) > 2 and parts[2].startswith("incident"):
        return "incidents"
    folder = parts[1] if len(parts) > 2 else "consultations"
    return {"poster": "consultations"}.get(folder, folder)


def page(request, access, template, context=None, status=200):
    context = {
        "section": _section(template),
        "collaboration": access.collaboration,
        "access": access,
        "can": can_flags(access),
        **(context or {}),
    }
    return render(request, template, context, status=status)


def require_any(access, *capabilities):
    if not any(access.can(c) for c in capabilities):
        raise PermissionDenied


def apply_errors(form, error: ValidationError) -> None:
    """Put a service's refusal on the form, on its field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
