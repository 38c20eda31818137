SCOPES = {
    "reports:funder": "collaboration",
    "reports:funder_export": "collaboration",
    "reports:national_funder": "national",
    "reports:national_funder_export": "national",
}


def url_arguments(world):
    return {}


# The exports registry (tests/test_export_injection.py). The CSV files carry codes and counts
# only; the XLSX names the municipality (kept by national staff) on its "about" sheet.
_YEAR = {"from": "2025-01-01", "to": "2025-12-31"}
EXPORTS = {
    "reports:funder_export": [
        {"method": "post", "persona": "kalmar_ngo", "data": {**_YEAR, "format": "xlsx"}},
        {
            "method": "post",
            "persona": "kalmar_ngo",
            "data": {**_YEAR, "format": "xlsx", "exact": "on"},
        },
        {
            "method": "post",
            "persona": "kalmar_ngo",
            "data": {**_YEAR, "format": "csv_excel"},
            "texts": False,
        },
        {
            "method": "post",
            "persona": "kalmar_ngo",
            "data": {**_YEAR, "format": "csv"},
            "texts": False,
        },
    ],
    "reports:national_funder_export": [
        {
            "method": "post",
            "persona": "nationell",
            "data": {**_YEAR, "format": "xlsx", "municipality": "0880"},
        },
        {
            "method": "post",
            "persona": "nationell",
            "data": {**_YEAR, "format": "csv", "controlled": "on"},
            "texts": False,
        },
    ],
}
EXPORT_COMMANDS = {
    "funder_report": {"options": {"start": "2025-01-01", "end": "2025-12-31"}},
}


def plant(world, text: str) -> None:
    municipality = world.kalmar.municipality
    municipality.name = text
    municipality.save(update_fields=["name"])
