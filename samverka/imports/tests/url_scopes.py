"""URL scopes of the attendance import (merged into tests/test_url_scoping.py)."""

from samverka.imports.models import PendingImport

SCOPES = {
    "imports:upload": "collaboration",
    "imports:template_csv": "collaboration",
    "imports:template_xlsx": "collaboration",
    "imports:preview": "collaboration",
}


def url_arguments(world) -> dict[str, str]:
    pending = PendingImport.objects.create(
        collaboration=world.kalmar,
        created_by=world.kalmar_ngo,
        filename="närvaro.csv",
        rows=[[2, {"date": "2025-03-14", "activity": "Cykelverkstad", "participant_code": "KAL2"}]],
    )
    return {"pending_code": pending.code}


# The exports registry (tests/test_export_injection.py): the blank templates carry column names
# and the instructions only, no staff-written text.
EXPORTS = {
    "imports:template_csv": {"method": "get", "persona": "kalmar_ngo", "texts": False},
    "imports:template_xlsx": {"method": "get", "persona": "kalmar_ngo", "texts": False},
}


def plant(world, text: str) -> None:
    """Nothing staff write reaches the templates."""
