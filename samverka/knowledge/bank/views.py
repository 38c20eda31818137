"""Pages of the knowledge bank (`/knowledge/`): read by every member, written by editors;
public items at `/knowledge/public/<code>/` without login."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.activities.models import FocusArea
from samverka.knowledge.bank import selectors, services
from samverka.knowledge.bank.diff import version_diff
from samverka.knowledge.bank.forms import (
    AttachmentForm,
    BankFilterForm,
    EditorForm,
    ItemForm,
    TranslationForm,
)
from samverka.knowledge.bank.models import BankEditor, ItemKind
from samverka.knowledge.languages import (
    BASE_LANGUAGE,
    LANGUAGE_CODES,
    LANGUAGE_LABELS,
    TranslationStatus,
    direction,
    language_choices,
    native_name,
)
from samverka.knowledge.permissions import bank_view
from samverka.lib.uploads import serve_file
from samverka.orgs.decorators import national_view


@bank_view()
def bank(request, can_edit):
    form = BankFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    items = selectors.filtered_items(
        selectors.items_for(request.user, can_edit=can_edit).prefetch_related("translations"),
        data,
    )
    return render(
        request,
        "knowledge/bank/list.html",
        {
            "form": form,
            "items": items,
            "can_edit": can_edit,
            "searched": any(data.values()),
            "filtered": any(v for k, v in data.items() if k != "q"),
        },
    )


def _languages(item) -> list[dict]:
    """The item's languages for the page: the original and every translation with its status."""
    rows = [{"code": BASE_LANGUAGE, "label": LANGUAGE_LABELS[BASE_LANGUAGE], "original": True}]
    for t in item.translations.all():
        rows.append(
            {
                "code": t.language,
                "label": LANGUAGE_LABELS.get(t.language, t.language),
                "native": native_name(t.language) if t.language in LANGUAGE_CODES else "",
                "status": t.get_status_display(),
                "reviewed": t.status != TranslationStatus.DRAFT,
                "outdated": t.outdated(),
            }
        )
    return rows


def _shown_text(item, version, language):
    """(title, summary, body, language, translation) in the chosen language if it exists."""
    if language and language != BASE_LANGUAGE:
        translation = item.translations.filter(language=language).first()
        if translation is not None:
            return translation.title, translation.summary, translation.body, language, translation
    return version.title, version.summary, version.body, BASE_LANGUAGE, None


def _previous_published(item, version):
    return (
        item.versions.filter(number__lt=version.number, published_at__isnull=False)
        .order_by("-number")
        .first()
    )


def _item_context(request, item, *, can_edit: bool, public: bool = False) -> dict:
    latest = item.versions.order_by("-number").first()
    draft = latest if latest is not None and not latest.is_published else None
    show_draft = can_edit and draft is not None and (request.GET.get("draft") or not item.current)
    version = draft if show_draft else item.current
    title, summary, body, language, translation = _shown_text(
        item, version, request.GET.get("lang", "")
    )
    previous = _previous_published(item, version) if version.is_published else item.current
    context = {
        "item": item,
        "version": version,
        "draft": draft,
        "showing_draft": bool(show_draft),
        "title": title,
        "summary": summary,
        "body": body,
        "language": language,
        "dir": direction(language),
        "translation": translation,
        "languages": _languages(item),
        "attachments": item.attachments.all(),
        "previous": previous,
        "diff": version_diff(previous, version) if previous else None,
        "can_edit": can_edit and not public,
        "public": public,
        "focus_area_labels": [
            FocusArea(a).label for a in item.focus_areas if a in FocusArea.values
        ],
        "all_languages": language_choices() if can_edit and not public else [],
    }
    if not public:
        if item.kind == ItemKind.METHOD:
            context["usage"] = selectors.method_usage(item)
        if item.kind == ItemKind.THEME_MATERIAL:
            context["theme_usage"] = selectors.theme_usage(item)
    return context


@bank_view()
def item_detail(request, item_code, can_edit):
    item = selectors.item_for(item_code, can_edit=can_edit)
    return render(
        request, "knowledge/bank/item.html", _item_context(request, item, can_edit=can_edit)
    )


def public_item(request, item_code):
    """A public item's published version: no login, a stable address, nothing else shown."""
    item = selectors.public_item(item_code)
    response = render(
        request,
        "knowledge/bank/public_item.html",
        _item_context(request, item, can_edit=False, public=True),
    )
    return response


def public_attachment(request, item_code, attachment_code):
    item = selectors.public_item(item_code)
    return serve_file(get_object_or_404(item.attachments.all(), code=attachment_code))


@bank_view(edit=True)
def item_create(request, can_edit):
    form = ItemForm(request.POST or None, initial={"kind": request.GET.get("kind", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = services.item_create(
            kind=data["kind"],
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            change_note=data["change_note"],
            meta=form.meta(),
            publish=request.POST.get("action") == "publish",
            by=request.user,
        )
        messages.success(request, _("Saved."))
        return redirect("knowledge:item", item.code)
    return render(request, "knowledge/bank/item_form.html", {"form": form})


@bank_view(edit=True)
def item_edit(request, item_code, can_edit):
    item = selectors.item_for(item_code, can_edit=True)
    latest = item.versions.order_by("-number").first()
    form = ItemForm(request.POST or None, initial=ItemForm.initial_for(item, latest))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        publish = request.POST.get("action") == "publish"
        version = services.item_update(
            item=item,
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            change_note=data["change_note"],
            meta=form.meta(),
            publish=publish,
            by=request.user,
        )
        if version.is_published and publish:
            messages.success(request, _("Version %(n)s is published.") % {"n": version.number})
        else:
            messages.success(
                request,
                _(
                    "Saved as a draft (version %(n)s). Readers see the published version "
                    "until you publish it."
                )
                % {"n": version.number},
            )
        return redirect("knowledge:item", item.code)
    return render(
        request, "knowledge/bank/item_form.html", {"form": form, "item": item, "latest": latest}
    )


@bank_view(edit=True)
@require_POST
def item_publish(request, item_code, can_edit):
    item = selectors.item_for(item_code, can_edit=True)
    try:
        version = services.item_publish(item=item, by=request.user)
    except services.NotPublishable:
        messages.error(request, _("There is no draft waiting to be published."))
    else:
        messages.success(request, _("Version %(n)s is published.") % {"n": version.number})
    return redirect("knowledge:item", item.code)


@bank_view()
def item_versions(request, item_code, can_edit):
    item = selectors.item_for(item_code, can_edit=can_edit)
    versions = item.versions.select_related("created_by", "published_by")
    if not can_edit:
        versions = versions.filter(published_at__isnull=False)
    return render(
        request,
        "knowledge/bank/versions.html",
        {"item": item, "versions": versions, "can_edit": can_edit},
    )


@bank_view()
def item_version(request, item_code, number, can_edit):
    """One version as it was, and what changed since the version before it."""
    item = selectors.item_for(item_code, can_edit=can_edit)
    versions = item.versions.all() if can_edit else item.versions.filter(published_at__isnull=False)
    version = get_object_or_404(versions, number=number)
    previous = versions.filter(number__lt=number).order_by("-number").first()
    return render(
        request,
        "knowledge/bank/version.html",
        {
            "item": item,
            "version": version,
            "previous": previous,
            "diff": version_diff(previous, version),
            "can_edit": can_edit,
        },
    )


@bank_view(edit=True)
def item_translation(request, item_code, language, can_edit):
    item = selectors.item_for(item_code, can_edit=True)
    if language not in LANGUAGE_CODES or language == BASE_LANGUAGE:
        raise Http404
    translation = item.translations.filter(language=language).first()
    initial = (
        {
            "title": translation.title,
            "summary": translation.summary,
            "body": translation.body,
            "status": translation.status,
        }
        if translation
        else {"status": TranslationStatus.DRAFT}
    )
    form = TranslationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.translation_save(
            item=item, language=language, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Saved."))
        return redirect("knowledge:item", item.code)
    return render(
        request,
        "knowledge/bank/translation_form.html",
        {
            "item": item,
            "form": form,
            "language": language,
            "language_label": LANGUAGE_LABELS[language],
            "dir": direction(language),
            "translation": translation,
            "original": item.current or item.versions.order_by("-number").first(),
        },
    )


@bank_view(edit=True)
def attachment_add(request, item_code, can_edit):
    item = selectors.item_for(item_code, can_edit=True)
    form = AttachmentForm(request.POST or None, request.FILES or None, request=request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.attachment_add(
            item=item,
            upload=data["file"],
            title=data["title"],
            language=data["language"],
            by=request.user,
        )
        messages.success(request, _("The file is added."))
        return redirect("knowledge:item", item.code)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "knowledge/bank/attachment_form.html", {"item": item, "form": form}, status=status
    )


@bank_view()
def attachment(request, item_code, attachment_code, can_edit):
    item = selectors.item_for(item_code, can_edit=can_edit)
    return serve_file(get_object_or_404(item.attachments.all(), code=attachment_code))


@bank_view(edit=True)
@require_POST
def attachment_delete(request, item_code, attachment_code, can_edit):
    item = selectors.item_for(item_code, can_edit=True)
    services.attachment_delete(
        attachment=get_object_or_404(item.attachments.all(), code=attachment_code), by=request.user
    )
    messages.success(request, _("The file is removed."))
    return redirect("knowledge:item", item.code)


@national_view(Capability.MANAGE_NATIONAL)
def editors(request, national):
    """The national lead names the people who write in the knowledge bank."""
    form = EditorForm(request.POST or None)
    if request.method == "POST":
        if remove := request.POST.get("remove"):
            editor = get_object_or_404(BankEditor, user__username=remove)
            services.editor_remove(editor=editor, by=request.user)
            messages.success(
                request,
                _("%(name)s no longer writes in the knowledge bank.") % {"name": editor.user},
            )
            return redirect("knowledge:editors")
        if form.is_valid():
            user = form.cleaned_data["username"]
            services.editor_name(user=user, by=request.user)
            messages.success(
                request, _("%(name)s now writes in the knowledge bank.") % {"name": user}
            )
            return redirect("knowledge:editors")
    return render(
        request,
        "knowledge/bank/editors.html",
        {"form": form, "editors": BankEditor.objects.select_related("user", "named_by")},
    )
