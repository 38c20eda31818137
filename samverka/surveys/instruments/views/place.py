"""Where an instrument page is opened, and what every instrument page shares.

A collaboration (`c/<code>/surveys/...`) shows the built-in instruments to read and copy and
the collaboration's own to edit; the national pages (`national/surveys/...`) are where the
national lead manages the built-in instruments. `instrument_view` resolves the place once.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverka.accounts.roles import Capability
from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS
from samverka.orgs.decorators import NationalAccess, collaboration_or_national_view
from samverka.surveys.instruments.models import InstrumentVersion, TranslationStatus, VersionStatus
from samverka.surveys.rounds.models import Round

STATE_SHORT = {
    TranslationStatus.MISSING: gettext_lazy("missing"),
    TranslationStatus.DRAFT: gettext_lazy("draft"),
    TranslationStatus.REVIEWED: gettext_lazy("reviewed"),
    TranslationStatus.BACK_TRANSLATED: gettext_lazy("back-translated"),
}


STATE_CLASS = {
    TranslationStatus.MISSING: "badge-warning",
    TranslationStatus.DRAFT: "",
    TranslationStatus.REVIEWED: "badge-ok",
    TranslationStatus.BACK_TRANSLATED: "badge-ok",
}


@dataclass(frozen=True)
class Place:
    """Where the instrument pages are opened: a collaboration, or the national pages."""

    user: object
    access: object | None  # CollaborationAccess, None on the national pages
    can_manage: bool

    @property
    def national(self) -> bool:
        return self.access is None

    @property
    def collaboration(self):
        return None if self.access is None else self.access.collaboration

    def url(self, name: str, **kwargs) -> str:
        if self.national:
            return reverse(f"surveys:national_{name}", kwargs=kwargs)
        return reverse(f"surveys:{name}", kwargs={"code": self.collaboration.code, **kwargs})

    def versions(self):
        """The versions this place may open: built-in ones and (in a collaboration) its own."""
        versions = InstrumentVersion.objects.select_related("instrument")
        if self.national:
            return versions.filter(instrument__builtin=True)
        return versions.filter(
            Q(instrument__builtin=True, status=VersionStatus.PUBLISHED)
            | Q(instrument__collaboration=self.collaboration)
        )

    def owns(self, version: InstrumentVersion) -> bool:
        if self.national:
            return version.instrument.builtin
        return version.instrument.collaboration_id == self.collaboration.pk

    def may_change(self, version: InstrumentVersion) -> bool:
        return self.can_manage and self.owns(version)

    def rounds(self):
        if self.national:
            return Round.objects.all()
        return Round.objects.filter(collaboration=self.collaboration)


def instrument_view(*, manage: bool = False):
    """An instrument page, in a collaboration or on the national pages: the view gets its Place.

    In a collaboration, those who run surveys (MANAGE_SURVEYS) or read results may look;
    `manage=True` pages are for MANAGE_SURVEYS only. Nationally, the national lead.
    """
    required = (Capability.MANAGE_SURVEYS,) if manage else ()
    any_of = () if manage else (Capability.MANAGE_SURVEYS, Capability.VIEW_SURVEY_RESULTS)

    def decorate(view):
        @collaboration_or_national_view(*required, any_of=any_of)
        @wraps(view)
        def wrapper(request, access, *args, **kwargs):
            if isinstance(access, NationalAccess):
                place = Place(request.user, None, True)
            else:
                place = Place(request.user, access, access.can(Capability.MANAGE_SURVEYS))
            return view(request, place, *args, **kwargs)

        return wrapper

    return decorate


def find_version(place: Place, version_code: str) -> InstrumentVersion:
    return get_object_or_404(place.versions(), code=version_code)


def find_own_version(place: Place, version_code: str) -> InstrumentVersion:
    """A version this place may change (403 for a built-in one opened in a collaboration)."""
    version = find_version(place, version_code)
    if not place.may_change(version):
        raise PermissionDenied
    return version


def frozen_redirect(request, place: Place, version: InstrumentVersion):
    messages.info(
        request,
        _("Version %(number)s is published and cannot change. Make a new version to edit it.")
        % {"number": version.number},
    )
    return redirect(place.url("version", version_code=version.code))


def draft_only(view):
    """For a view that changes a draft: the place (MANAGE_SURVEYS) and an own version are
    resolved first, and a published version is refused with a message (it cannot change)."""

    @instrument_view(manage=True)
    @wraps(view)
    def wrapper(request, place, version_code, **kwargs):
        version = find_own_version(place, version_code)
        if version.is_published:
            return frozen_redirect(request, place, version)
        return view(request, place, version, **kwargs)

    return wrapper


def breadcrumbs(place: Place, version: InstrumentVersion | None = None, *extra):
    crumbs = []
    if place.national:
        crumbs.append((_("Survey instruments (national)"), place.url("instruments")))
    else:
        collaboration = place.collaboration
        crumbs.append((_("My collaborations"), reverse("home")))
        crumbs.append(
            (collaboration.name, reverse("orgs:collaboration", args=[collaboration.code]))
        )
        crumbs.append((_("Surveys"), reverse("surveys:index", args=[collaboration.code])))
        crumbs.append((_("Survey instruments"), place.url("instruments")))
    if version is not None:
        crumbs.append(
            (
                _("%(name)s, version %(number)s")
                % {"name": version.instrument.name, "number": version.number},
                place.url("version", version_code=version.code),
            )
        )
    crumbs.extend(extra)
    return crumbs


def page_context(place: Place, version: InstrumentVersion | None = None, **extra) -> dict:
    return {
        "place": place,
        "collaboration": place.collaboration,
        "version": version,
        "crumbs": breadcrumbs(place, version),
        "version_url": place.url("version", version_code=version.code) if version else "",
        **extra,
    }


def state_badges(states: dict[str, str]) -> list[dict]:
    return [
        {
            "code": code,
            "label": LANGUAGE_LABELS[code],
            "state": state,
            "short": STATE_SHORT[state],
            "long": TranslationStatus(state).label,
            "css": STATE_CLASS[state],
        }
        for code, state in states.items()
    ]


def find_section(version, section_key):
    return get_object_or_404(version.sections.all(), key=section_key)


def find_item(version, item_id):
    return get_object_or_404(
        version.items.select_related("section", "condition_item").prefetch_related("options"),
        item_id=item_id,
    )


def survey_language(lang: str) -> str:
    if lang not in LANGUAGE_CODES:
        raise Http404
    return lang
