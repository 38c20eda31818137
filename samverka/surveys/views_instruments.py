"""Survey instruments for staff: browse, copy, edit with versions, translate, record.

Every view works in one of two places: a collaboration (`c/<code>/surveys/...`: built-in
instruments to read and copy, and the collaboration's own to edit) or the national pages
(`national/surveys/...`: the national lead manages the built-in instruments). The URL decides
(a `code` argument or none); `_place` checks access and the rest of each view is shared.

Reading needs MANAGE_SURVEYS or VIEW_SURVEY_RESULTS; changing needs MANAGE_SURVEYS and a version
the place owns. A published version is frozen (editing.VersionFrozen); its translation status
and recordings may still change.
"""

import secrets
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samverka.accounts.roles import Capability
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS, direction, native_name
from samverka.orgs.decorators import NationalAccess, collaboration_or_national_view
from samverka.surveys import editing, services, translations_io
from samverka.surveys.forms_instruments import (
    AudioForm,
    InstrumentCreateForm,
    ItemForm,
    LanguageStatusForm,
    SectionForm,
    TranslateForm,
    TranslationImportForm,
    VersionForm,
    texts_digest,
)
from samverka.surveys.models import (
    DONT_KNOW,
    Instrument,
    InstrumentVersion,
    ItemAudio,
    ItemRole,
    ItemType,
    Round,
    TranslationStatus,
    VersionStatus,
)

SOURCE = services.SOURCE_LANGUAGE
MAX_ROWS_SHOWN = 200
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


# ---------------------------------------------------------------------------------- places


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


def _version(place: Place, version_code: str) -> InstrumentVersion:
    return get_object_or_404(place.versions(), code=version_code)


def _own_version(place: Place, version_code: str) -> InstrumentVersion:
    """A version this place may change (403 for a built-in one opened in a collaboration)."""
    version = _version(place, version_code)
    if not place.may_change(version):
        raise PermissionDenied
    return version


def _frozen(request, place: Place, version: InstrumentVersion):
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
        version = _own_version(place, version_code)
        if version.is_published:
            return _frozen(request, place, version)
        return view(request, place, version, **kwargs)

    return wrapper


def _crumbs(place: Place, version: InstrumentVersion | None = None, *extra):
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


def _context(place: Place, version: InstrumentVersion | None = None, **extra) -> dict:
    return {
        "place": place,
        "collaboration": place.collaboration,
        "version": version,
        "crumbs": _crumbs(place, version),
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


# ----------------------------------------------------------------------------- instruments


@instrument_view()
@require_GET
def instruments(request, place):
    if place.national:
        shown = Instrument.objects.filter(builtin=True)
    else:
        shown = Instrument.objects.filter(
            Q(builtin=True, versions__status=VersionStatus.PUBLISHED)
            | Q(collaboration=place.collaboration)
        ).distinct()
    shown = shown.prefetch_related("versions").order_by("-builtin", "name")
    round_counts = dict(
        place.rounds()
        .values_list("version__instrument")
        .annotate(n=Count("id"))
        .values_list("version__instrument", "n")
    )
    builtin_rows, own_rows = [], []
    for instrument in shown:
        versions = sorted(instrument.versions.all(), key=lambda v: -v.number)
        if instrument.builtin and not place.national:
            versions = [v for v in versions if v.status == VersionStatus.PUBLISHED]
        if not versions:
            continue
        published = next((v for v in versions if v.status == VersionStatus.PUBLISHED), None)
        latest = versions[0]
        main = published or latest
        row = {
            "instrument": instrument,
            "version": main,
            "url": place.url("version", version_code=main.code),
            "latest": latest if latest is not main else None,
            "latest_url": place.url("version", version_code=latest.code),
            "states": state_badges(services.language_states(main)),
            "rounds": round_counts.get(instrument.pk, 0),
            "copy_url": ""
            if place.national or not place.can_manage
            else place.url("version_copy", version_code=main.code),
        }
        (builtin_rows if instrument.builtin else own_rows).append(row)
    return render(
        request,
        "surveys/instruments/list.html",
        _context(
            place,
            builtin_rows=builtin_rows,
            own_rows=own_rows,
            create_url=""
            if place.national or not place.can_manage
            else place.url("instrument_create"),
        )
        | {"crumbs": _crumbs(place)[:-1]},
    )


@instrument_view(manage=True)
@require_http_methods(["GET", "POST"])
def instrument_create(request, place):
    form = InstrumentCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        version = editing.instrument_create(
            collaboration=place.collaboration,
            by=request.user,
            name=form.cleaned_data["name"],
            kind=form.cleaned_data["kind"],
            title={"sv": form.cleaned_data["title_sv"], "en": form.cleaned_data["title_en"]},
        )
        messages.success(request, _("The instrument is created. Add a section and questions."))
        return redirect(place.url("version", version_code=version.code))
    return render(
        request,
        "surveys/instruments/form.html",
        _context(
            place,
            form=form,
            title=_("New survey instrument"),
            intro=_(
                "Start from an empty instrument. To start from a built-in survey, copy it "
                "from the list of instruments instead."
            ),
            submit=_("Create"),
            cancel_url=place.url("instruments"),
        ),
    )


# -------------------------------------------------------------------------------- versions


def _condition_text(item, language: str) -> str:
    target = item.condition_item
    if target is None:
        return ""
    labels = {o.value: services.text(o.label, language) for o in target.options.all()}
    answers = [labels.get(v) or v for v in item.condition_values or []]
    return _("Shown only when %(item)s is answered %(answers)s.") % {
        "item": target.item_id,
        "answers": _(" or ").join(_("“%(answer)s”") % {"answer": a} for a in answers),
    }


def _item_rows(place, version, items, language, editable, manageable):
    rows = []
    for item in items:
        options = [
            {
                "value": o.value,
                "label": services.text(o.label, language),
                "missing": not (o.label or {}).get(language),
                "dont_know": o.value == DONT_KNOW,
            }
            for o in item.options.all()
        ]
        recorded = {a.language for a in item.audio.all()}
        kwargs = {"version_code": version.code, "item_id": item.item_id}
        rows.append(
            {
                "item": item,
                "text": services.text(item.text, language),
                "missing": not (item.text or {}).get(language),
                "help": services.text(item.help, language),
                "options": options,
                "condition": _condition_text(item, language),
                "audio": [code for code in LANGUAGE_CODES if code in recorded],
                "is_age": item.role == ItemRole.AGE,
                "range": item.type == ItemType.NUMBER
                and (item.number_min is not None or item.number_max is not None),
                "edit_url": place.url("item_edit", **kwargs) if editable else "",
                "delete_url": place.url("item_delete", **kwargs) if editable else "",
                "move_url": place.url("item_move", **kwargs) if editable else "",
                "audio_url": place.url("item_audio", **kwargs),
            }
        )
    return rows


@instrument_view()
@require_GET
def version(request, place, version_code):
    version = _version(place, version_code)
    language = request.GET.get("lang", "")
    if language not in LANGUAGE_CODES:
        language = "en" if request.LANGUAGE_CODE == "en" else SOURCE
    manageable = place.may_change(version)
    editable = manageable and version.status == VersionStatus.DRAFT
    items = (
        version.items.select_related("section", "condition_item")
        .prefetch_related("options", "audio", "condition_item__options")
        .order_by("section__position", "section_id", "position", "id")
    )
    by_section = {}
    for row in _item_rows(place, version, items, language, editable, manageable):
        by_section.setdefault(row["item"].section_id, []).append(row)
    sections = []
    for section in version.sections.order_by("position", "id"):
        kwargs = {"version_code": version.code, "section_key": section.key}
        sections.append(
            {
                "section": section,
                "title": services.text(section.title, language),
                "intro": services.text(section.intro, language),
                "missing": not (section.title or {}).get(language),
                "items": by_section.get(section.pk, []),
                "edit_url": place.url("section_edit", **kwargs) if editable else "",
                "delete_url": place.url("section_delete", **kwargs) if editable else "",
                "move_url": place.url("section_move", **kwargs) if editable else "",
                "add_item_url": place.url("item_create", **kwargs) if editable else "",
            }
        )

    units = list(services.text_units(version))
    required = sum(1 for u in units if u.required)
    states = services.language_states(version)
    languages = []
    for badge in state_badges(states):
        code_ = badge["code"]
        missing = len(services.missing_texts(version, code_, units))
        languages.append(
            {
                **badge,
                "missing": missing,
                "total": required,
                "preview_url": f"?lang={code_}",
                "translate_url": place.url("translate", version_code=version.code, lang=code_)
                if editable and code_ != SOURCE
                else "",
                "po_url": place.url("translations_export_po", version_code=version.code, lang=code_)
                if manageable and code_ != SOURCE
                else "",
                "status_url": place.url("language_status", version_code=version.code, lang=code_)
                if manageable
                else "",
                "can_check": missing == 0,
            }
        )

    siblings = place.versions().filter(instrument=version.instrument).order_by("-number")
    draft = next((v for v in siblings if v.status == VersionStatus.DRAFT), None)
    round_create = ""
    if version.is_published and not place.national and place.can_manage:
        round_create = reverse("surveys:round_create", args=[place.collaboration.code])
        round_create += f"?version={version.code}"
    context = _context(
        place,
        version,
        language=language,
        language_name=native_name(language),
        language_label=LANGUAGE_LABELS[language],
        language_dir=direction(language),
        language_choices=[(c, LANGUAGE_LABELS[c], native_name(c)) for c in LANGUAGE_CODES],
        title=services.text(version.title, language),
        intro=services.text(version.intro, language),
        title_missing=not (version.title or {}).get(language),
        sections=sections,
        item_count=sum(len(s["items"]) for s in sections),
        languages=languages,
        status_choices=[(value, STATE_SHORT[value]) for value in editing.SETTABLE_STATUSES],
        manageable=manageable,
        editable=editable,
        problems=editing.publish_problems(version) if editable else [],
        siblings=[(v, place.url("version", version_code=v.code)) for v in siblings],
        draft=draft,
        draft_url=place.url("version", version_code=draft.code) if draft else "",
        rounds=place.rounds().filter(version=version).count(),
        round_create_url=round_create,
        copy_url=""
        if place.national or not place.can_manage
        else place.url("version_copy", version_code=version.code),
        links={
            name: place.url(name, version_code=version.code)
            for name in (
                "version_new",
                "version_publish",
                "version_edit",
                "section_create",
                "translations_export",
                "translations_import",
            )
        },
    )
    context["crumbs"] = context["crumbs"][:-1]
    return render(request, "surveys/instruments/version.html", context)


@instrument_view(manage=True)
@require_POST
def version_copy(request, place, version_code):
    version = _version(place, version_code)
    name = (request.POST.get("name") or "").strip()[:200]
    instrument = services.copy_instrument(
        version, collaboration=place.collaboration, by=request.user, name=name
    )
    copy = instrument.versions.get()
    messages.success(
        request,
        _("“%(name)s” is copied into this collaboration as a draft you can edit.")
        % {"name": instrument.name},
    )
    return redirect(place.url("version", version_code=copy.code))


@instrument_view(manage=True)
@require_POST
def version_new(request, place, version_code):
    version = _own_version(place, version_code)
    if version.status == VersionStatus.DRAFT:
        return redirect(place.url("version", version_code=version.code))
    existing = version.instrument.versions.filter(status=VersionStatus.DRAFT).first()
    draft = services.new_draft_version(version, by=request.user)
    if existing is not None:
        messages.info(
            request,
            _("Version %(number)s is already a draft of this instrument: edit it.")
            % {"number": draft.number},
        )
    else:
        messages.success(
            request,
            _(
                "Version %(number)s is a new draft with the content of version %(source)s. "
                "Rounds and answers stay with version %(source)s."
            )
            % {"number": draft.number, "source": version.number},
        )
    return redirect(place.url("version", version_code=draft.code))


@instrument_view(manage=True)
@require_POST
def version_publish(request, place, version_code):
    version = _own_version(place, version_code)
    try:
        editing.version_publish(version=version, by=request.user)
    except editing.EditRefused as refused:
        messages.error(
            request, _("The version cannot be published yet: %(why)s") % {"why": refused.message}
        )
    else:
        messages.success(
            request,
            _("Version %(number)s is published. Rounds can now use it; it no longer changes.")
            % {"number": version.number},
        )
    return redirect(place.url("version", version_code=version.code))


@require_http_methods(["GET", "POST"])
@draft_only
def version_edit(request, place, version):
    form = VersionForm(request.POST or None, initial=VersionForm.initial_from(version))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            editing.version_update(
                version=version,
                by=request.user,
                name=data["name"],
                title={"sv": data["title_sv"], "en": data["title_en"]},
                intro={"sv": data["intro_sv"], "en": data["intro_en"]},
                attribution=data["attribution"],
            )
        except editing.EditRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The version is saved."))
            return redirect(place.url("version", version_code=version.code))
    return render(
        request,
        "surveys/instruments/form.html",
        _context(
            place,
            version,
            form=form,
            title=_("Title and introduction"),
            intro=_(
                "Write the Swedish text first; English and the other languages are translations "
                "of it. Changing a text makes its translations drafts again."
            ),
            submit=_("Save"),
            cancel_url=place.url("version", version_code=version.code),
        ),
    )


# -------------------------------------------------------------------------------- sections


def _section(version, section_key):
    return get_object_or_404(version.sections.all(), key=section_key)


@require_http_methods(["GET", "POST"])
@draft_only
def section_create(request, place, version):
    form = SectionForm(request.POST or None, version=version)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            section = editing.section_create(
                version=version,
                by=request.user,
                key=data["key"],
                title={"sv": data["title_sv"], "en": data["title_en"]},
                intro={"sv": data["intro_sv"], "en": data["intro_en"]},
            )
        except editing.EditRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The section is added."))
            return redirect(
                place.url("version", version_code=version.code) + f"#section-{section.key}"
            )
    return render(
        request,
        "surveys/instruments/form.html",
        _context(
            place,
            version,
            form=form,
            title=_("New section"),
            intro=_("A section is one page of the survey. Keep it short: a few questions."),
            submit=_("Add section"),
            cancel_url=place.url("version", version_code=version.code),
        ),
    )


@require_http_methods(["GET", "POST"])
@draft_only
def section_edit(request, place, version, section_key):
    section = _section(version, section_key)
    form = SectionForm(
        request.POST or None,
        version=version,
        section=section,
        initial=SectionForm.initial_from(section),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            editing.section_update(
                section=section,
                by=request.user,
                key=data["key"],
                title={"sv": data["title_sv"], "en": data["title_en"]},
                intro={"sv": data["intro_sv"], "en": data["intro_en"]},
            )
        except editing.EditRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The section is saved."))
            return redirect(
                place.url("version", version_code=version.code) + f"#section-{data['key']}"
            )
    return render(
        request,
        "surveys/instruments/form.html",
        _context(
            place,
            version,
            form=form,
            title=_("Edit section"),
            submit=_("Save"),
            cancel_url=place.url("version", version_code=version.code),
        ),
    )


@require_http_methods(["GET", "POST"])
@draft_only
def section_delete(request, place, version, section_key):
    section = _section(version, section_key)
    back = place.url("version", version_code=version.code)
    if request.method == "POST":
        try:
            count = editing.section_delete(section=section, by=request.user)
        except editing.EditRefused as refused:
            messages.error(request, refused.message)
            return redirect(back + f"#section-{section.key}")
        messages.success(
            request,
            ngettext(
                "The section and its %(count)s question are deleted.",
                "The section and its %(count)s questions are deleted.",
                count,
            )
            % {"count": count},
        )
        return redirect(back)
    count = section.items.count()
    return render(
        request,
        "surveys/instruments/confirm_delete.html",
        _context(
            place,
            version,
            title=_("Delete the section “%(title)s”?")
            % {"title": services.text(section.title, SOURCE) or section.key},
            explanation=ngettext(
                "Its %(count)s question is deleted with it. The published versions do not change.",
                "Its %(count)s questions are deleted with it. The published versions do not "
                "change.",
                count,
            )
            % {"count": count},
            cancel_url=back + f"#section-{section.key}",
        ),
    )


@require_POST
@draft_only
def section_move(request, place, version, section_key):
    section = _section(version, section_key)
    direction_ = "up" if request.POST.get("direction") == "up" else "down"
    try:
        editing.section_move(section=section, by=request.user, direction=direction_)
    except editing.EditRefused as refused:
        messages.error(request, refused.message)
    return redirect(place.url("version", version_code=version.code) + f"#section-{section.key}")


# ----------------------------------------------------------------------------------- items


def _suggest_item_id(version, section) -> str:
    """The next free id after the section's (or the version's) last question, like P-NET-04."""
    last = (
        section.items.order_by("-position", "-id").first()
        or version.items.order_by("-section__position", "-position", "-id").first()
    )
    if last is None:
        return ""
    head = last.item_id.rstrip("0123456789")
    digits = last.item_id[len(head) :]
    if not digits:
        return ""
    taken = set(version.items.values_list("item_id", flat=True))
    number = int(digits)
    while True:
        number += 1
        candidate = f"{head}{number:0{len(digits)}d}"
        if candidate not in taken:
            return candidate


def _item_page(request, place, version, form, title, submit):
    return render(
        request,
        "surveys/instruments/item_form.html",
        _context(
            place,
            version,
            form=form,
            title=title,
            submit=submit,
            cancel_url=place.url("version", version_code=version.code),
            item_types=ItemType,
        ),
    )


@require_http_methods(["GET", "POST"])
@draft_only
def item_create(request, place, version, section_key):
    section = _section(version, section_key)
    ordered = editing.ordered_items(version)
    earlier = [i for i in ordered if i.section.position <= section.position]
    form = ItemForm(
        request.POST or None,
        version=version,
        earlier_items=earlier,
        initial={"item_id": _suggest_item_id(version, section), "allow_dont_know": True},
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = editing.item_create(section=section, by=request.user, data=form.item_data())
        except editing.EditRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The question %(item)s is added.") % {"item": item.item_id})
            return redirect(
                place.url("version", version_code=version.code) + f"#item-{item.item_id}"
            )
    title = _("New question in “%(section)s”") % {
        "section": services.text(section.title, SOURCE) or section.key
    }
    return _item_page(request, place, version, form, title, _("Add question"))


def _item(version, item_id):
    return get_object_or_404(
        version.items.select_related("section", "condition_item").prefetch_related("options"),
        item_id=item_id,
    )


@require_http_methods(["GET", "POST"])
@draft_only
def item_edit(request, place, version, item_id):
    item = _item(version, item_id)
    ordered = editing.ordered_items(version)
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    form = ItemForm(
        request.POST or None,
        version=version,
        item=item,
        earlier_items=ordered[:index],
        initial=ItemForm.initial_from(item),
    )
    if request.method == "POST" and form.is_valid():
        try:
            editing.item_update(item=item, by=request.user, data=form.item_data())
        except editing.EditRefused as refused:
            form.add_error(None, refused.message)
        else:
            new_id = form.cleaned_data["item_id"]
            messages.success(request, _("The question %(item)s is saved.") % {"item": new_id})
            return redirect(place.url("version", version_code=version.code) + f"#item-{new_id}")
    title = _("Edit question %(item)s") % {"item": item.item_id}
    return _item_page(request, place, version, form, title, _("Save"))


@require_http_methods(["GET", "POST"])
@draft_only
def item_delete(request, place, version, item_id):
    item = _item(version, item_id)
    back = place.url("version", version_code=version.code)
    if request.method == "POST":
        try:
            editing.item_delete(item=item, by=request.user)
        except editing.EditRefused as refused:
            messages.error(request, refused.message)
            return redirect(back + f"#item-{item.item_id}")
        messages.success(request, _("The question %(item)s is deleted.") % {"item": item.item_id})
        return redirect(back)
    dependents = list(item.dependent_items.values_list("item_id", flat=True))
    explanation = _("Published versions keep it, with their answers.")
    if dependents:
        explanation = _(
            "%(items)s depend on the answer to this question: change their conditions first."
        ) % {"items": ", ".join(dependents)}
    return render(
        request,
        "surveys/instruments/confirm_delete.html",
        _context(
            place,
            version,
            title=_("Delete the question %(item)s?") % {"item": item.item_id},
            quote=services.text(item.text, SOURCE),
            explanation=explanation,
            blocked=bool(dependents),
            cancel_url=back + f"#item-{item.item_id}",
        ),
    )


@require_POST
@draft_only
def item_move(request, place, version, item_id):
    item = _item(version, item_id)
    direction_ = "up" if request.POST.get("direction") == "up" else "down"
    try:
        moved = editing.item_move(item=item, by=request.user, direction=direction_)
    except editing.EditRefused as refused:
        messages.error(request, refused.message)
    else:
        if not moved:
            messages.info(request, _("The question is already at the edge of the survey."))
    return redirect(place.url("version", version_code=version.code) + f"#item-{item.item_id}")


# ------------------------------------------------------------------------------ recordings


def _survey_language(lang: str) -> str:
    if lang not in LANGUAGE_CODES:
        raise Http404
    return lang


@instrument_view()
@require_http_methods(["GET", "POST"])
def item_audio(request, place, version_code, item_id):
    version = _version(place, version_code)
    item = _item(version, item_id)
    manageable = place.may_change(version)
    form = AudioForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not manageable:
            raise PermissionDenied
        if form.is_valid():
            language = form.cleaned_data["language"]
            try:
                editing.audio_save(
                    item=item,
                    by=request.user,
                    language=language,
                    upload=form.cleaned_data["file"],
                    content_type=form.content_type,
                )
            except editing.EditRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(
                    request,
                    _("The %(language)s recording of %(item)s is saved.")
                    % {"language": LANGUAGE_LABELS[language], "item": item.item_id},
                )
                return redirect(
                    place.url("item_audio", version_code=version.code, item_id=item.item_id)
                )
    recordings = {a.language: a for a in item.audio.select_related("uploaded_by")}
    rows = []
    for language in LANGUAGE_CODES:
        audio = recordings.get(language)
        kwargs = {"version_code": version.code, "item_id": item.item_id, "lang": language}
        rows.append(
            {
                "code": language,
                "label": LANGUAGE_LABELS[language],
                "dir": direction(language),
                "text": (item.text or {}).get(language, ""),
                "options": [
                    (o.label or {}).get(language, "")
                    for o in item.options.all()
                    if (o.label or {}).get(language)
                ],
                "audio": audio,
                "file_url": place.url("item_audio_file", **kwargs) if audio else "",
                "delete_url": place.url("item_audio_delete", **kwargs)
                if audio and manageable
                else "",
            }
        )
    return render(
        request,
        "surveys/instruments/audio.html",
        _context(
            place,
            version,
            item=item,
            rows=rows,
            form=form if manageable else None,
            manageable=manageable,
        ),
    )


@instrument_view(manage=True)
@require_POST
def item_audio_delete(request, place, version_code, item_id, lang):
    version = _own_version(place, version_code)
    item = _item(version, item_id)
    audio = get_object_or_404(ItemAudio.objects.filter(item=item), language=lang)
    editing.audio_delete(audio=audio, by=request.user)
    messages.success(
        request,
        _("The %(language)s recording of %(item)s is deleted.")
        % {"language": LANGUAGE_LABELS.get(lang, lang), "item": item.item_id},
    )
    return redirect(place.url("item_audio", version_code=version.code, item_id=item.item_id))


@instrument_view()
@require_GET
def item_audio_file(request, place, version_code, item_id, lang):
    version = _version(place, version_code)
    item = _item(version, item_id)
    audio = get_object_or_404(ItemAudio.objects.filter(item=item), language=lang)
    try:
        handle = audio.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=audio.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    return response


# ---------------------------------------------------------------------------- translations


@instrument_view(manage=True)
@require_http_methods(["GET", "POST"])
def translate(request, place, version_code, lang):
    version = _own_version(place, version_code)
    language = _survey_language(lang)
    if language == SOURCE:
        raise Http404
    if version.is_published:
        return _frozen(request, place, version)
    only_missing = request.GET.get("missing") == "1"
    units = [u for u in services.text_units(version) if u.required]
    if only_missing:
        units = [u for u in units if not u.get(language)]
    form = TranslateForm(request.POST or None, units=units, language=language)
    if request.method == "POST" and form.is_valid():
        current = texts_digest(units, language)
        if form.cleaned_data["digest"] and form.cleaned_data["digest"] != current:
            data = request.POST.copy()
            data["digest"] = current
            form = TranslateForm(data, units=units, language=language)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone changed these texts while you were writing. Nothing is saved yet: "
                    "check the texts below and save again to keep yours."
                ),
            )
        else:
            status = form.cleaned_data["status"]
            try:
                count = editing.texts_apply(
                    version=version,
                    by=request.user,
                    changes=form.changes(),
                    statuses={language: status} if status else None,
                    source="form",
                )
            except editing.EditRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s %(language)s text is saved.",
                        "%(count)s %(language)s texts are saved.",
                        count,
                    )
                    % {"count": count, "language": LANGUAGE_LABELS[language]},
                )
                return redirect(
                    place.url("version", version_code=version.code)
                    + f"?lang={language}#translations"
                )
    states = services.language_states(version)
    return render(
        request,
        "surveys/instruments/translate.html",
        _context(
            place,
            version,
            form=form,
            language=language,
            language_label=LANGUAGE_LABELS[language],
            language_dir=direction(language),
            state=state_badges({language: states[language]})[0],
            only_missing=only_missing,
            missing=len(services.missing_texts(version, language)),
        ),
    )


def _download(content, *, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@instrument_view(manage=True)
@require_GET
def translations_export(request, place, version_code):
    version = _own_version(place, version_code)
    content = translations_io.export_xlsx(version)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=version,
        collaboration=version.instrument.collaboration,
        fields=["texts"],
        detail="xlsx",
    )
    return _download(
        content,
        filename=f"{translations_io.file_stem(version)}-translations.xlsx",
        content_type=translations_io.XLSX_TYPE,
    )


@instrument_view(manage=True)
@require_GET
def translations_export_po(request, place, version_code, lang):
    version = _own_version(place, version_code)
    language = _survey_language(lang)
    if language == SOURCE:
        raise Http404
    content = translations_io.export_po(version, language)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=version,
        collaboration=version.instrument.collaboration,
        fields=["texts"],
        detail=f"po {language}",
    )
    return _download(
        content.encode("utf-8"),
        filename=f"{translations_io.file_stem(version)}-{language}.po",
        content_type=translations_io.PO_TYPE,
    )


def _import_key(version) -> str:
    return f"surveys-translation-import-{version.code}"


@instrument_view(manage=True)
@require_http_methods(["GET", "POST"])
def translations_import(request, place, version_code):
    version = _own_version(place, version_code)
    if version.is_published:
        return _frozen(request, place, version)
    key = _import_key(version)
    page = place.url("translations_import", version_code=version.code)
    form = TranslationImportForm()
    plan = parsed = None
    token = ""
    filename = ""
    if request.method == "POST" and "confirm" in request.POST:
        pending = request.session.get(key)
        if not pending or not secrets.compare_digest(
            str(pending.get("token", "")), request.POST.get("confirm", "")
        ):
            messages.warning(request, _("The file is no longer waiting. Upload it again."))
            return redirect(page)
        parsed = translations_io.ParsedFile.from_session(pending["parsed"])
        filename = pending["filename"]
        plan = translations_io.plan_import(version, parsed, only_language=pending["language"])
        if plan.ok and (plan.changes or plan.statuses):
            try:
                count = editing.texts_apply(
                    version=version,
                    by=request.user,
                    changes=plan.change_tuples(),
                    statuses=plan.statuses,
                    source=f"{parsed.kind} import",
                )
            except editing.EditRefused as refused:
                plan.errors.append((_("File"), "", refused.message))
            else:
                del request.session[key]
                messages.success(
                    request,
                    ngettext(
                        "The file is imported: %(count)s text changed.",
                        "The file is imported: %(count)s texts changed.",
                        count,
                    )
                    % {"count": count},
                )
                return redirect(place.url("version", version_code=version.code) + "#translations")
        token = pending["token"]
    elif request.method == "POST":
        form = TranslationImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            filename = (upload.name or "")[-120:]
            try:
                parsed = translations_io.parse_upload(filename=filename, data=upload.read())
            except translations_io.TranslationFileError as error:
                form.add_error("file", error.message)
            else:
                only = form.cleaned_data["language"]
                plan = translations_io.plan_import(version, parsed, only_language=only)
                token = secrets.token_urlsafe(16)
                request.session[key] = {
                    "token": token,
                    "parsed": parsed.to_session(),
                    "language": only,
                    "filename": filename,
                }
    context = _context(
        place,
        version,
        form=form,
        plan=plan,
        parsed=parsed,
        token=token,
        filename=filename,
        page_url=page,
    )
    if plan is not None:
        context.update(
            errors=plan.errors[:MAX_ROWS_SHOWN],
            errors_hidden=max(0, len(plan.errors) - MAX_ROWS_SHOWN),
            changes=[
                {
                    "where": c.where,
                    "key": c.key,
                    "language": LANGUAGE_LABELS[c.language],
                    "dir": direction(c.language),
                    "old": c.old,
                    "new": c.new,
                }
                for c in plan.changes[:MAX_ROWS_SHOWN]
            ],
            changes_hidden=max(0, len(plan.changes) - MAX_ROWS_SHOWN),
            statuses=[
                (LANGUAGE_LABELS[lang], TranslationStatus(status).label)
                for lang, status in plan.statuses.items()
            ],
        )
    return render(request, "surveys/instruments/import.html", context)


@instrument_view(manage=True)
@require_POST
def language_status(request, place, version_code, lang):
    version = _own_version(place, version_code)
    language = _survey_language(lang)
    form = LanguageStatusForm(request.POST)
    back = place.url("version", version_code=version.code) + "#translations"
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect(back)
    status = form.cleaned_data["status"]
    try:
        changed = editing.language_status_set(
            version=version, by=request.user, language=language, status=status
        )
    except editing.EditRefused as refused:
        messages.error(request, refused.message)
    else:
        if changed:
            messages.success(
                request,
                _("%(language)s: %(status)s.")
                % {
                    "language": LANGUAGE_LABELS[language],
                    "status": TranslationStatus(status).label,
                },
            )
    return redirect(back)
