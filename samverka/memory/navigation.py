"""What every page of the organisational memory needs: the collaboration, the tabs and what the
person may do there."""

from samverka.accounts.roles import Capability

C = Capability


def can_for(access) -> dict[str, bool]:
    return {
        "view": access.can(C.VIEW_MEMORY),
        "manage": access.can(C.MANAGE_MEMORY),
        "handover": access.can(C.WRITE_HANDOVERS),
        "lessons": access.can(C.RECORD_LESSONS),
        "share": access.can(C.SHARE_LESSONS),
    }


def memory_context(access, tab: str, **extra) -> dict:
    collaboration = access.collaboration
    return {
        "access": access,
        "collaboration": collaboration,
        "can": can_for(access),
        "tab": tab,
        "inherits": collaboration.builds_on_id is not None,
        **extra,
    }
