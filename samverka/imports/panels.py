"""The overview panel that leads to the attendance import."""

from samverka.accounts.roles import Capability
from samverka.orgs.panels import Panel


def import_panel(request, access) -> Panel | None:
    if not access.can(Capability.IMPORT_ATTENDANCE):
        return None
    return Panel(
        template="imports/panel.html",
        context={"code": access.collaboration.code},
        order=80,
    )
