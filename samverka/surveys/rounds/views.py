"""Survey rounds for staff: the surveys start page, rounds, their public links and posters.

Thin: scope, check the capability, call a service in `services.py`, render.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.lib.disclosure import THRESHOLD
from samverka.lib.languages import (
    LANGUAGE_CODES,
    LANGUAGE_LABELS,
    Shipped,
    direction,
    html_lang,
    is_reviewed,
    native_name,
)
from samverka.lib.qr import qr_svg
from samverka.orgs.decorators import collaboration_view
from samverka.surveys.instruments.models import InstrumentKind, InstrumentVersion
from samverka.surveys.rounds import poster_texts, selectors, services
from samverka.surveys.rounds.forms import RoundForm

C = Capability


def _can(access) -> dict:
    return {
        "manage": access.can(C.MANAGE_SURVEYS),
        "results": access.can(C.VIEW_SURVEY_RESULTS),
        "free_text": access.can(C.VIEW_SURVEY_FREE_TEXT),
    }


def _round(access, round_code):
    return get_object_or_404(
        selectors.rounds_for(access.collaboration).select_related("created_by"), code=round_code
    )


def _row(round_, collaboration) -> dict:
    return {
        "round": round_,
        "languages": selectors.language_labels(round_.languages),
        "url": reverse("surveys:round", args=[collaboration.code, round_.code]),
    }


STATE_LABELS = {
    "open": gettext_lazy("Open"),
    "planned": gettext_lazy("Planned"),
    "closed": gettext_lazy("Closed"),
}
SECTION_LABELS = {
    "open": gettext_lazy("Open rounds"),
    "planned": gettext_lazy("Planned rounds"),
    "closed": gettext_lazy("Closed rounds"),
}
EMPTY_LABELS = {
    "open": gettext_lazy("No round is open."),
    "planned": gettext_lazy("No round is planned."),
    "closed": gettext_lazy("No round has closed yet."),
}


@collaboration_view()
def index(request, access):
    """Rounds grouped open / planned / closed; a partner sees only their open partner links."""
    collaboration = access.collaboration
    can = _can(access)
    if not (can["manage"] or can["results"]):
        if not access.can(C.ANSWER_PARTNER_SURVEYS):
            raise PermissionDenied
        return render(
            request,
            "surveys/index.html",
            {
                "collaboration": collaboration,
                "partner_view": True,
                "partner_links": selectors.partner_links_for(access),
            },
        )
    groups = selectors.grouped_by_state(selectors.rounds_for(collaboration))
    sections = [
        {
            "state": state,
            "label": SECTION_LABELS[state],
            "empty": EMPTY_LABELS[state],
            "rows": [_row(r, collaboration) for r in groups[state]],
        }
        for state in selectors.STATES
    ]
    return render(
        request,
        "surveys/index.html",
        {
            "collaboration": collaboration,
            "can": can,
            "sections": sections,
            "any_rounds": any(groups.values()),
        },
    )


def _version_from_request(request, collaboration) -> InstrumentVersion | None:
    code = request.POST.get("version") if request.method == "POST" else None
    code = code or request.GET.get("version")
    if not code:
        return None
    return selectors.reachable_versions(collaboration).filter(code=code).first()


@collaboration_view(C.MANAGE_SURVEYS)
def round_create(request, access):
    collaboration = access.collaboration
    version = _version_from_request(request, collaboration)
    wanted = request.GET.get("version")
    if request.method != "POST" and version is None:
        if wanted:
            own_draft = InstrumentVersion.objects.filter(
                code=wanted, instrument__collaboration=collaboration
            ).exists()
            if not own_draft:
                raise Http404
            messages.warning(
                request, _("That version is a draft. Publish it before starting a round with it.")
            )
        return render(
            request,
            "surveys/rounds/choose.html",
            {
                "collaboration": collaboration,
                "versions": _chooser_rows(collaboration),
            },
        )
    form = RoundForm(request.POST or None, collaboration=collaboration, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.round_create(
                collaboration=collaboration, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The round is saved. Share the link or print the poster."))
            return redirect("surveys:round", collaboration.code, round_.code)
    return render(
        request,
        "surveys/rounds/form.html",
        {"collaboration": collaboration, "form": form, "version": version, "creating": True},
    )


def _chooser_rows(collaboration) -> list[dict]:
    """Published surveys to start a round with: the latest version of each instrument."""
    seen, rows = set(), []
    for version in selectors.reachable_versions(collaboration):
        if version.instrument_id in seen:
            continue
        seen.add(version.instrument_id)
        ready = [c.code for c in selectors.language_choices(version) if c.ready]
        rows.append(
            {
                "version": version,
                "languages": selectors.language_labels(ready),
                "url": reverse("surveys:round_create", args=[collaboration.code])
                + f"?version={version.code}",
            }
        )
    return rows


@collaboration_view(any_of=(C.MANAGE_SURVEYS, C.VIEW_SURVEY_RESULTS))
def round_detail(request, access, round_code):
    collaboration = access.collaboration
    round_ = _round(access, round_code)
    links = selectors.links_with_counts(round_)
    general = next((row for row in links["rows"] if row["organisation"] is None), None)
    return render(
        request,
        "surveys/rounds/detail.html",
        {
            "collaboration": collaboration,
            "can": _can(access),
            "round": round_,
            "state_label": STATE_LABELS[round_.state],
            "languages": selectors.language_labels(round_.languages),
            "general": general,
            "organisation_links": [row for row in links["rows"] if row["organisation"]],
            "broken_down": links["broken_down"],
            "threshold": THRESHOLD,
            "qr": qr_svg(general["url"]) if general else "",
            "is_partner": round_.version.instrument.kind == InstrumentKind.PARTNER,
        },
    )


@collaboration_view(C.MANAGE_SURVEYS)
def round_edit(request, access, round_code):
    collaboration = access.collaboration
    round_ = _round(access, round_code)
    form = RoundForm(request.POST or None, collaboration=collaboration, round_=round_)
    if request.method == "POST" and form.is_valid():
        try:
            services.round_update(round=round_, by=request.user, **form.service_arguments())
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The round is saved."))
            return redirect("surveys:round", collaboration.code, round_.code)
    return render(
        request,
        "surveys/rounds/form.html",
        {
            "collaboration": collaboration,
            "form": form,
            "round": round_,
            "version": round_.version,
            "creating": False,
        },
    )


@collaboration_view(C.MANAGE_SURVEYS)
@require_POST
def round_close(request, access, round_code):
    round_ = _round(access, round_code)
    already = round_.closed_at is not None
    services.round_close(round=round_, by=request.user)
    if already:
        messages.info(request, _("The round was already closed."))
    else:
        messages.success(request, _("The round is closed. Its links take no more answers."))
    return redirect("surveys:round", access.collaboration.code, round_.code)


def _fill(text: str, **values) -> str:
    """Put values into a poster text's {placeholders}; each value keeps left-to-right order."""
    isolated = {key: format_html('<bdi dir="ltr">{}</bdi>', value) for key, value in values.items()}
    return format_html(escape(text), **isolated)


@collaboration_view(C.MANAGE_SURVEYS)
def round_poster(request, access, round_code):
    """A printable A4 poster: QR code, short address and the invitation in each language."""
    collaboration = access.collaboration
    round_ = _round(access, round_code)
    link_code = request.GET.get("link")
    if link_code:
        link = get_object_or_404(round_.links.select_related("organisation"), code=link_code)
    else:
        link = selectors.general_link(round_)
        if link is None:
            raise Http404
    partner = round_.version.instrument.kind == InstrumentKind.PARTNER
    address = selectors.short_address(link)
    closes = round_.closes_on.isoformat()
    blocks = []
    for language in LANGUAGE_CODES:
        if language not in round_.languages:
            continue
        texts = poster_texts.TEXTS[language]
        blocks.append(
            {
                "code": language,
                "lang": html_lang(language),
                "dir": direction(language),
                "name": native_name(language),
                "heading": texts["heading_partner" if partner else "heading"],
                "invitation": texts["invitation_partner" if partner else "invitation"],
                "scan": _fill(texts["scan"], address=address),
                "closes": _fill(texts["closes"], date=closes),
                "answers": texts["answers"],
                "draft": not is_reviewed(language, Shipped.POSTER),
            }
        )
    return render(
        request,
        "surveys/rounds/poster.html",
        {
            "collaboration": collaboration,
            "round": round_,
            "link": link,
            "organisation": link.organisation,
            "sender": collaboration.lead_organisation,
            "address": address,
            "url": selectors.link_url(link),
            "qr": qr_svg(selectors.link_url(link), box_size=12),
            "blocks": blocks,
            "draft_languages": [str(LANGUAGE_LABELS[b["code"]]) for b in blocks if b["draft"]],
            "other_links": [
                other
                for other in round_.links.select_related("organisation")
                if other.pk != link.pk
            ],
            "closed": round_.state == "closed",
        },
    )
