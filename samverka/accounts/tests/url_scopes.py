from samverka.accounts.services import invitation_create

SCOPES = {
    "set_language": "public",
    "accounts:login": "public",
    "accounts:verify": "own",
    "accounts:password_reset": "public",
    "accounts:password_reset_sent": "public",
    "accounts:password_reset_confirm": "public",
    "accounts:logout": "own",
    "accounts:account": "own",
    "accounts:password_change": "own",
    "accounts:two_factor_setup": "own",
    "accounts:backup_codes": "own",
    "accounts:two_factor_disable": "own",
    "accounts:invitation": "public",
    "accounts:members": "collaboration",
    "accounts:member_invite": "collaboration",
    "accounts:member_end": "collaboration",
    "accounts:invitation_revoke": "collaboration",
    "accounts:people": "national",
    "accounts:person": "national",
    "accounts:person_membership_end": "national",
}


def url_arguments(world):
    membership = world.kalmar.memberships.get(user=world.kalmar_ledare)
    invitation, _ = invitation_create(
        collaboration=world.kalmar,
        role="activity_leader",
        name="Ny ledare",
        email="",
        by=world.kalmar_ngo,
    )
    return {
        "membership_code": membership.code,
        "invitation_code": invitation.code,
        "user_code": world.kalmar_ledare.code,
        "token": "not-a-real-token",
        "uidb64": "MQ",
    }
