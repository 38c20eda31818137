from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.accounts.roles import Capability
from samverka.lib.languages import (
    LANGUAGE_CODES,
    LANGUAGES,
    Shipped,
    direction,
    html_lang,
    is_reviewed,
)
from samverka.lib.qr import qr_svg
from samverka.orgs.decorators import collaboration_view
from samverka.participants import notice_texts, selectors, services
from samverka.participants.forms import ConsentForm, IdentityForm, ParticipantForm
from samverka.participants.models import (
    ConsentEntry,
    ConsentPurpose,
    Identity,
    consent_giver_default,
    own_consent_age,
)


@collaboration_view(Capability.VIEW_PARTICIPANT_DATA)
def participant_list(request, access):
    query = request.GET.get("q", "")
    qs = selectors.with_attendance_stats(
        selectors.search(selectors.participants_for(access), query)
    ).order_by("household__code", "role", "code")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "participants/list.html",
        {"access": access, "collaboration": access.collaboration, "page": page, "query": query},
    )


@collaboration_view(Capability.REGISTER_PARTICIPANTS)
def participant_create(request, access):
    collaboration = access.collaboration
    identity_fields = access.can(Capability.VIEW_IDENTITIES)
    form = ParticipantForm(
        request.POST or None, collaboration=collaboration, identity_fields=identity_fields
    )
    consent_form = ConsentForm(request.POST or None, prefix="c")
    if (
        request.method == "POST"
        and form.is_valid()
        and consent_form.is_valid()
        and consent_form.check_giver(
            role=form.cleaned_data["role"], birth_year=form.cleaned_data["birth_year"]
        )
    ):
        participant = services.participant_create(
            collaboration=collaboration,
            by=request.user,
            **form.cleaned_data,
            consents=consent_form.consents(),
            consent_given_by=consent_form.cleaned_data["given_by"],
            consent_method=consent_form.cleaned_data["method"],
        )
        messages.success(request, _("%(code)s is registered.") % {"code": participant.code})
        if access.can(Capability.VIEW_PARTICIPANT_DATA):
            return redirect("participants:detail", access.code, participant.code)
        return redirect("orgs:collaboration", access.code)
    return render(
        request,
        "participants/form.html",
        {"collaboration": collaboration, "form": form, "consent_form": consent_form},
    )


@collaboration_view(Capability.VIEW_PARTICIPANT_DATA)
def participant_detail(request, access, participant_code):
    participant = selectors.participant_for(access, participant_code)
    attendance = participant.attendances.select_related("session", "session__activity").order_by(
        "-session__date"
    )
    return render(
        request,
        "participants/detail.html",
        {
            "access": access,
            "collaboration": access.collaboration,
            "participant": participant,
            "consents": participant.consent_state(),
            "ledger": ConsentEntry.answers(
                participant.consents.select_related("recorded_by", "guardian")
            ),
            "attendance": attendance[:20],
            "attendance_count": attendance.count(),
            "household_members": participant.household.members.exclude(pk=participant.pk),
            "display_name": selectors.display_names(access, [participant.pk]).get(participant.pk),
            "can_identity": access.can(Capability.VIEW_IDENTITIES),
            "can_erase": access.can(Capability.ERASE_PARTICIPANTS),
            "can_edit": access.can(Capability.REGISTER_PARTICIPANTS),
            "purposes": ConsentPurpose,
        },
    )


@collaboration_view(Capability.REGISTER_PARTICIPANTS, Capability.VIEW_PARTICIPANT_DATA)
def participant_edit(request, access, participant_code):
    participant = selectors.participant_for(access, participant_code)
    may_see_name = access.can(Capability.VIEW_IDENTITIES)
    form = ParticipantForm(
        request.POST or None,
        instance=participant,
        collaboration=access.collaboration,
        identity_fields=False,
        display_name=may_see_name,
        initial={
            "display_name": selectors.display_names(access, [participant.pk]).get(
                participant.pk, ""
            )
        }
        if may_see_name
        else None,
    )
    form.fields["household"].required = True
    if request.method == "POST" and form.is_valid():
        services.participant_update(participant=participant, by=request.user, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("participants:detail", access.code, participant.code)
    return render(
        request,
        "participants/form.html",
        {"collaboration": access.collaboration, "form": form, "participant": participant},
    )


@collaboration_view(Capability.VIEW_IDENTITIES, Capability.VIEW_PARTICIPANT_DATA)
def participant_identity(request, access, participant_code):
    """Name and phone number: coordinators only, and every look is in the audit trail."""
    participant = selectors.participant_for(access, participant_code)
    form = IdentityForm(request.POST or None)
    locked = False
    try:
        if request.method == "POST":
            if form.is_valid():
                services.identity_set(participant=participant, by=request.user, **form.cleaned_data)
                messages.success(request, _("Saved."))
                return redirect("participants:detail", access.code, participant.code)
            identity = {"name": form.data.get("name", ""), "phone": form.data.get("phone", "")}
        else:
            identity = services.identity_view(participant=participant, by=request.user)
    except services.IdentityLocked:
        locked, identity = True, {"name": "", "phone": ""}
    return render(
        request,
        "participants/identity.html",
        {
            "collaboration": access.collaboration,
            "participant": participant,
            "identity": identity,
            "form": form,
            "locked": locked,
        },
    )


@collaboration_view(Capability.REGISTER_PARTICIPANTS, Capability.VIEW_PARTICIPANT_DATA)
def participant_consent(request, access, participant_code):
    participant = selectors.participant_for(access, participant_code)
    current = {
        purpose: entry.given
        for purpose, entry in participant.consent_state().items()
        if entry is not None
    }
    form = ConsentForm(
        request.POST or None,
        current=current,
        given_by=consent_giver_default(
            role=participant.role, birth_year=participant.birth_year, on=timezone.localdate()
        ),
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.check_giver(role=participant.role, birth_year=participant.birth_year)
    ):
        changed = services.consents_update(
            participant=participant,
            consents=form.consents(),
            given_by=form.cleaned_data["given_by"],
            method=form.cleaned_data["method"],
            by=request.user,
        )
        if changed:
            messages.success(request, _("The consent ledger is updated."))
        else:
            messages.info(request, _("Nothing changed."))
        return redirect("participants:detail", access.code, participant.code)
    return render(
        request,
        "participants/consent.html",
        {"collaboration": access.collaboration, "participant": participant, "form": form},
    )


@collaboration_view(Capability.ERASE_PARTICIPANTS, Capability.VIEW_PARTICIPANT_DATA)
def participant_erase(request, access, participant_code):
    participant = selectors.participant_for(access, participant_code)
    if request.method == "POST" and request.POST.get("confirm") == participant.code:
        services.participant_erase(participant=participant, by=request.user)
        messages.success(
            request,
            _("%(code)s is erased. The sessions keep anonymous counts.")
            % {"code": participant_code.upper()},
        )
        return redirect("participants:list", access.code)
    if request.method == "POST":
        messages.error(request, _("Type the participant code to confirm."))
    return render(
        request,
        "participants/erase.html",
        {"collaboration": access.collaboration, "participant": participant},
    )


@collaboration_view(Capability.VIEW_PARTICIPANT_DATA)
def participant_card(request, access, participant_code):
    """A printable card with the code and a QR code holding only the code."""
    participant = selectors.participant_for(access, participant_code)
    return render(
        request,
        "participants/card.html",
        {
            "collaboration": access.collaboration,
            "participant": participant,
            "qr": qr_svg(participant.code),
        },
    )


def _filled(value, **fields):
    """Put `fields` into the {placeholders} of notice texts (strings, lists and dicts).

    Only the named placeholders are filled, so texts that take other values later
    (a consent date, a count) keep theirs.
    """
    if isinstance(value, str):
        for name, content in fields.items():
            value = value.replace("{" + name + "}", content)
        return value
    if isinstance(value, list):
        return [_filled(v, **fields) for v in value]
    if isinstance(value, dict):
        return {k: _filled(v, **fields) for k, v in value.items()}
    return value


def _notice_language(request) -> str:
    language = request.GET.get("lang", "sv")
    return language if language in LANGUAGE_CODES else "sv"


@collaboration_view(Capability.VIEW_PARTICIPANT_DATA)
def participant_stored(request, access, participant_code):
    """'What we store about you', printable in the person's language."""
    participant = selectors.participant_for(access, participant_code)
    language = request.GET.get("lang") or participant.language
    language = language if language in LANGUAGE_CODES else "sv"
    today = timezone.localdate()
    texts = _filled(
        notice_texts.STORED[language], organisation=access.collaboration.lead_organisation.name
    )
    services.stored_data_view(participant=participant, by=request.user)
    identity = Identity.objects.filter(participant=participant).first()
    consents = []
    for purpose, entry in participant.consent_state().items():
        title = notice_texts.NOTICE[language]["purposes"][purpose]["title"]
        if entry is None:
            state = texts["consent_never"]
        else:
            state = texts["consent_given" if entry.given else "consent_withdrawn"].format(
                date=entry.given_at.date().isoformat()
            )
        consents.append((title, state))
    return render(
        request,
        "participants/stored.html",
        {
            "collaboration": access.collaboration,
            "participant": participant,
            "t": texts,
            "intro": _filled(texts["intro"], date=today.isoformat()),
            "language": language,
            "html_lang": html_lang(language),
            "direction": direction(language),
            "languages": LANGUAGES,
            "draft": not is_reviewed(language, Shipped.NOTICE),
            "draft_note": notice_texts.NOTICE[language]["draft_note"],
            "consents": consents,
            "sessions": texts["sessions"].format(count=participant.attendances.count()),
            # Each field on its own: an identity may hold only a display name.
            "has_name": bool(identity and identity.name_encrypted),
            "has_phone": bool(identity and identity.phone_encrypted),
        },
    )


@collaboration_view(Capability.REGISTER_PARTICIPANTS)
def consent_notice(request, access):
    """The printable consent notice of this collaboration, in one of eight languages."""
    language = _notice_language(request)
    return render(
        request,
        "participants/notice.html",
        {
            "collaboration": access.collaboration,
            "n": _filled(
                notice_texts.NOTICE[language],
                organisation=access.collaboration.lead_organisation.name,
                municipality=access.collaboration.municipality.name,
                own_age=str(own_consent_age()),
                retention_months=str(settings.RETENTION_MONTHS),
            ),
            "language": language,
            "html_lang": html_lang(language),
            "direction": direction(language),
            "languages": LANGUAGES,
            "draft": not is_reviewed(language, Shipped.NOTICE),
            "version": notice_texts.NOTICE_VERSION,
        },
    )


@collaboration_view(Capability.VIEW_PARTICIPANT_DATA)
def household_detail(request, access, household_code):
    household = selectors.household_for(access, household_code)
    return render(
        request,
        "participants/household.html",
        {
            "collaboration": access.collaboration,
            "household": household,
            "members": selectors.with_attendance_stats(household.members.all()),
        },
    )
