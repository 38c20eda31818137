SCOPES = {
    "audit:collaboration_trail": "collaboration",
    "audit:national_trail": "national",
}


def url_arguments(world):
    return {}
