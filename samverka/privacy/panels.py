"""The overview panel that leads the coordinator to the record of processing."""

from samverka.accounts.roles import Capability
from samverka.orgs.panels import Panel


def privacy_panel(request, access) -> Panel | None:
    if not access.can(Capability.VIEW_PROCESSING_RECORD):
        return None
    return Panel(
        template="privacy/panel.html",
        context={"code": access.collaboration.code},
        order=190,
    )
