SCOPES = {
    "privacy:collaboration_record": "collaboration",
    "privacy:collaboration_record_pdf": "collaboration",
    "privacy:national_record": "national",
    "privacy:national_record_pdf": "national",
}


def url_arguments(world):
    return {}
