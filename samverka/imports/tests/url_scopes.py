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
