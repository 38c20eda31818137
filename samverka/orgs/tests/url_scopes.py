SCOPES = {
    "home": "own",
    "orgs:collaboration": "collaboration",
    "orgs:collaboration_edit": "collaboration",
    "orgs:partners": "collaboration",
    "orgs:organisation_create": "collaboration",
    "orgs:partner_remove": "collaboration",
    "orgs:national_home": "national",
    "orgs:collaboration_create": "national",
    "orgs:municipalities": "national",
    "orgs:municipalities_import": "national",
    "orgs:organisations": "national",
}


def url_arguments(world):
    return {"organisation_code": world.kalmar_partner.code}
