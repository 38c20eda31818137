SCOPES = {"healthz": "public"}


def url_arguments(world):
    return {}
