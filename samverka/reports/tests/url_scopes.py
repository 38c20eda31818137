SCOPES = {
    "reports:funder": "collaboration",
    "reports:funder_export": "collaboration",
    "reports:national_funder": "national",
    "reports:national_funder_export": "national",
}


def url_arguments(world):
    return {}
