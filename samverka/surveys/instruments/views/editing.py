"""Editing a draft version: its sections (pages of the survey) and questions."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from samverka.surveys.instruments.forms import ItemForm, SectionForm
from samverka.surveys.instruments.models import ItemType
from samverka.surveys.instruments.selectors import ordered_items, suggest_item_id
from samverka.surveys.instruments.services import EditRefused, editing
from samverka.surveys.instruments.texts import SOURCE_LANGUAGE, text
from samverka.surveys.instruments.views.place import (
    draft_only,
    find_item,
    find_section,
    page_context,
)


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
        except EditRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The section is added."))
            return redirect(
                place.url("version", version_code=version.code) + f"#section-{section.key}"
            )
    return render(
        request,
        "surveys/instruments/form.html",
        page_context(
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
    section = find_section(version, section_key)
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
        except EditRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The section is saved."))
            return redirect(
                place.url("version", version_code=version.code) + f"#section-{data['key']}"
            )
    return render(
        request,
        "surveys/instruments/form.html",
        page_context(
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
    section = find_section(version, section_key)
    back = place.url("version", version_code=version.code)
    if request.method == "POST":
        try:
            count = editing.section_delete(section=section, by=request.user)
        except EditRefused as refused:
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
        page_context(
            place,
            version,
            title=_("Delete the section “%(title)s”?")
            % {"title": text(section.title, SOURCE_LANGUAGE) or section.key},
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
    section = find_section(version, section_key)
    direction_ = "up" if request.POST.get("direction") == "up" else "down"
    try:
        editing.section_move(section=section, by=request.user, direction=direction_)
    except EditRefused as refused:
        messages.error(request, refused.message)
    return redirect(place.url("version", version_code=version.code) + f"#section-{section.key}")


def _item_page(request, place, version, form, title, submit):
    return render(
        request,
        "surveys/instruments/item_form.html",
        page_context(
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
    section = find_section(version, section_key)
    ordered = ordered_items(version)
    earlier = [i for i in ordered if i.section.position <= section.position]
    form = ItemForm(
        request.POST or None,
        version=version,
        earlier_items=earlier,
        initial={"item_id": suggest_item_id(version, section), "allow_dont_know": True},
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = editing.item_create(section=section, by=request.user, **form.service_arguments())
        except EditRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The question %(item)s is added.") % {"item": item.item_id})
            return redirect(
                place.url("version", version_code=version.code) + f"#item-{item.item_id}"
            )
    title = _("New question in “%(section)s”") % {
        "section": text(section.title, SOURCE_LANGUAGE) or section.key
    }
    return _item_page(request, place, version, form, title, _("Add question"))


@require_http_methods(["GET", "POST"])
@draft_only
def item_edit(request, place, version, item_id):
    item = find_item(version, item_id)
    ordered = ordered_items(version)
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
            editing.item_update(item=item, by=request.user, **form.service_arguments())
        except EditRefused as refused:
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
    item = find_item(version, item_id)
    back = place.url("version", version_code=version.code)
    if request.method == "POST":
        try:
            editing.item_delete(item=item, by=request.user)
        except EditRefused as refused:
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
        page_context(
            place,
            version,
            title=_("Delete the question %(item)s?") % {"item": item.item_id},
            quote=text(item.text, SOURCE_LANGUAGE),
            explanation=explanation,
            blocked=bool(dependents),
            cancel_url=back + f"#item-{item.item_id}",
        ),
    )


@require_POST
@draft_only
def item_move(request, place, version, item_id):
    item = find_item(version, item_id)
    direction_ = "up" if request.POST.get("direction") == "up" else "down"
    try:
        moved = editing.item_move(item=item, by=request.user, direction=direction_)
    except EditRefused as refused:
        messages.error(request, refused.message)
    else:
        if not moved:
            messages.info(request, _("The question is already at the edge of the survey."))
    return redirect(place.url("version", version_code=version.code) + f"#item-{item.item_id}")
