from samverka.participants.services import participant_create

SCOPES = {
    "participants:list": "collaboration",
    "participants:create": "collaboration",
    "participants:detail": "collaboration",
    "participants:edit": "collaboration",
    "participants:identity": "collaboration",
    "participants:consent": "collaboration",
    "participants:erase": "collaboration",
    "participants:card": "collaboration",
    "participants:stored": "collaboration",
    "participants:household": "collaboration",
    "participants:notice": "collaboration",
}


def url_arguments(world):
    participant = participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2016,
        gender="female",
        third_country_national="yes",
        language="ar",
        name="Hemligt Namn",
    )
    return {"participant_code": participant.code, "household_code": participant.household.code}
