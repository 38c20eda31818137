"""The list of instruments, a new instrument, and a version's page with its actions: copy into
the collaboration, make a new draft, publish, change the title and introduction."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS, direction, native_name
from samverka.surveys.instruments.forms import InstrumentCreateForm, VersionForm
from samverka.surveys.instruments.models import (
    DONT_KNOW,
    Instrument,
    ItemRole,
    ItemType,
    VersionStatus,
)
from samverka.surveys.instruments.rules import publish_problems
from samverka.surveys.instruments.services import EditRefused, versions
from samverka.surveys.instruments.texts import (
    SETTABLE_STATUSES,
    SOURCE_LANGUAGE,
    language_states,
    missing_texts,
    text,
    text_units,
)
from samverka.surveys.instruments.views.place import (
    STATE_SHORT,
    breadcrumbs,
    draft_only,
    find_own_version,
    find_version,
    instrument_view,
    page_context,
    state_badges,
)


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
            "states": state_badges(language_states(main)),
            "rounds": round_counts.get(instrument.pk, 0),
            "copy_url": ""
            if place.national or not place.can_manage
            else place.url("version_copy", version_code=main.code),
        }
        (builtin_rows if instrument.builtin else own_rows).append(row)
    return render(
        request,
        "surveys/instruments/list.html",
        page_context(
            place,
            builtin_rows=builtin_rows,
            own_rows=own_rows,
            create_url=""
            if place.national or not place.can_manage
            else place.url("instrument_create"),
        )
        | {"crumbs": breadcrumbs(place)[:-1]},
    )


@instrument_view(manage=True)
@require_http_methods(["GET", "POST"])
def instrument_create(request, place):
    form = InstrumentCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        version = versions.instrument_create(
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
        page_context(
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


def _condition_text(item, language: str) -> str:
    target = item.condition_item
    if target is None:
        return ""
    labels = {o.value: text(o.label, language) for o in target.options.all()}
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
                "label": text(o.label, language),
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
                "text": text(item.text, language),
                "missing": not (item.text or {}).get(language),
                "help": text(item.help, language),
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
    version = find_version(place, version_code)
    language = request.GET.get("lang", "")
    if language not in LANGUAGE_CODES:
        language = "en" if request.LANGUAGE_CODE == "en" else SOURCE_LANGUAGE
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
                "title": text(section.title, language),
                "intro": text(section.intro, language),
                "missing": not (section.title or {}).get(language),
                "items": by_section.get(section.pk, []),
                "edit_url": place.url("section_edit", **kwargs) if editable else "",
                "delete_url": place.url("section_delete", **kwargs) if editable else "",
                "move_url": place.url("section_move", **kwargs) if editable else "",
                "add_item_url": place.url("item_create", **kwargs) if editable else "",
            }
        )

    units = list(text_units(version))
    required = sum(1 for u in units if u.required)
    states = language_states(version)
    languages = []
    for badge in state_badges(states):
        code_ = badge["code"]
        missing = len(missing_texts(version, code_, units))
        languages.append(
            {
                **badge,
                "missing": missing,
                "total": required,
                "preview_url": f"?lang={code_}",
                "translate_url": place.url("translate", version_code=version.code, lang=code_)
                if editable and code_ != SOURCE_LANGUAGE
                else "",
                "po_url": place.url("translations_export_po", version_code=version.code, lang=code_)
                if manageable and code_ != SOURCE_LANGUAGE
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
    context = page_context(
        place,
        version,
        language=language,
        language_name=native_name(language),
        language_label=LANGUAGE_LABELS[language],
        language_dir=direction(language),
        language_choices=[(c, LANGUAGE_LABELS[c], native_name(c)) for c in LANGUAGE_CODES],
        title=text(version.title, language),
        intro=text(version.intro, language),
        title_missing=not (version.title or {}).get(language),
        sections=sections,
        item_count=sum(len(s["items"]) for s in sections),
        languages=languages,
        status_choices=[(value, STATE_SHORT[value]) for value in SETTABLE_STATUSES],
        manageable=manageable,
        editable=editable,
        problems=publish_problems(version) if editable else [],
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
    version = find_version(place, version_code)
    instrument = versions.instrument_copy(
        version=version,
        collaboration=place.collaboration,
        name=request.POST.get("name", ""),
        by=request.user,
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
    version = find_own_version(place, version_code)
    if version.status == VersionStatus.DRAFT:
        return redirect(place.url("version", version_code=version.code))
    existing = version.instrument.versions.filter(status=VersionStatus.DRAFT).first()
    draft = versions.version_draft(version=version, by=request.user)
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
    version = find_own_version(place, version_code)
    try:
        versions.version_publish(version=version, by=request.user)
    except EditRefused as refused:
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
            versions.version_update(
                version=version,
                by=request.user,
                name=data["name"],
                title={"sv": data["title_sv"], "en": data["title_en"]},
                intro={"sv": data["intro_sv"], "en": data["intro_en"]},
                attribution=data["attribution"],
            )
        except EditRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The version is saved."))
            return redirect(place.url("version", version_code=version.code))
    return render(
        request,
        "surveys/instruments/form.html",
        page_context(
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
