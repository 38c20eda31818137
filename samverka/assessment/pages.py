"""What every page of the collaboration model shows: the collaboration, what the person may do
in it (which tabs and buttons appear) and the open tab."""

from samverka.accounts.roles import Capability as C


def page_context(access, tab: str, **extra) -> dict:
    """The template context of a page of the model, opened at `tab`."""
    can = {
        "view": access.can(C.VIEW_COLLABORATION_MODEL),
        "edit": access.can(C.EDIT_COLLABORATION_MODEL),
        "manage": access.can(C.MANAGE_ASSESSMENT),
        "answer": access.can(C.ANSWER_ASSESSMENT),
        "results": access.can(C.VIEW_ASSESSMENT_RESULTS),
        "spanners": access.can(C.VIEW_MEMBERS),
    }
    return {
        "access": access,
        "collaboration": access.collaboration,
        "can": can,
        "tab": tab,
        **extra,
    }
