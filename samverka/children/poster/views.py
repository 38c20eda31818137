"""The "Ni sa – vi gjorde" poster: made from a consultation or a term, edited, translated with
a status per language, printed (print CSS) and as PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.children.consultations.models import Consultation
from samverka.children.languages import LANGUAGE_CODES, LANGUAGE_LABELS, SOURCE, direction
from samverka.children.poster import selectors, services
from samverka.children.poster.forms import (
    PosterCreateForm,
    PosterEditForm,
    PosterTranslationForm,
    item_formset,
)
from samverka.children.poster.models import Poster
from samverka.children.views_common import apply_errors, page
from samverka.lib.pdf import pdf_response, render_pdf
from samverka.orgs.decorators import collaboration_view

C = Capability


def poster_of(access, code) -> Poster:
    return get_object_or_404(
        Poster.objects.filter(collaboration=access.collaboration).select_related("consultation"),
        code=code,
    )


@collaboration_view(C.MANAGE_CONSULTATIONS)
def poster_create(request, access):
    initial = {"languages": ["ar"]}
    consultation_code = request.GET.get("consultation")
    if consultation_code:
        initial["consultation"] = Consultation.objects.filter(
            collaboration=access.collaboration, code=consultation_code
        ).first()
    form = PosterCreateForm(
        request.POST or None, initial=initial, collaboration=access.collaboration
    )
    if request.method == "POST" and form.is_valid():
        try:
            poster = services.poster_create(
                collaboration=access.collaboration, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The poster is made from the decisions. "
                    "Now write each line as a child would say it."
                ),
            )
            return redirect("children:poster_edit", access.code, poster.code)
    return page(
        request,
        access,
        "children/poster/create.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(C.VIEW_CONSULTATIONS)
def poster_detail(request, access, poster_code):
    poster = poster_of(access, poster_code)
    return page(
        request,
        access,
        "children/poster/detail.html",
        {
            "poster": poster,
            "items": poster.items.all(),
            "languages": selectors.language_rows(poster),
        },
    )


@collaboration_view(C.MANAGE_CONSULTATIONS)
def poster_edit(request, access, poster_code):
    poster = poster_of(access, poster_code)
    form = PosterEditForm(
        request.POST or None,
        initial={"title": poster.title, "languages": [c for c in poster.languages if c != SOURCE]},
    )
    formset = item_formset(request.POST or None, poster)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.poster_update(
                poster=poster,
                title=form.cleaned_data["title"],
                languages=form.cleaned_data["languages"],
                items=[f.cleaned_data for f in formset.forms if f.cleaned_data],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The poster is saved."))
            return redirect("children:poster", access.code, poster.code)
    return page(
        request,
        access,
        "children/poster/edit.html",
        {"poster": poster, "form": form, "formset": formset},
        status=400 if request.method == "POST" else 200,
    )


def _language(code: str) -> str:
    if code not in LANGUAGE_CODES:
        raise Http404
    return code


@collaboration_view(C.MANAGE_CONSULTATIONS)
def poster_translate(request, access, poster_code, lang):
    poster = poster_of(access, poster_code)
    language = _language(lang)
    if language == SOURCE:
        return redirect("children:poster_edit", access.code, poster.code)
    translation = poster.translations.filter(language=language).first()
    form = PosterTranslationForm(
        request.POST or None,
        poster=poster,
        language=language,
        initial_texts=translation.texts if translation else {},
        initial={"status": translation.status if translation else "draft"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.poster_translation_save(
                poster=poster,
                language=language,
                title=form.cleaned_data["title"],
                items=form.items(),
                status=form.cleaned_data["status"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, _("%(language)s is saved.") % {"language": LANGUAGE_LABELS[language]}
            )
            return redirect("children:poster", access.code, poster.code)
    return page(
        request,
        access,
        "children/poster/translate.html",
        {
            "poster": poster,
            "form": form,
            "language": language,
            "language_label": LANGUAGE_LABELS[language],
            "language_dir": direction(language),
            "state": selectors.language_state(poster, language),
        },
        status=400 if request.method == "POST" else 200,
    )


def _sheets(poster, lang: str) -> list[dict]:
    if lang == "all":
        return [
            selectors.rendered(poster, row["code"])
            for row in selectors.language_rows(poster)
            if row["ready"]
        ]
    language = _language(lang)
    if language not in poster.ordered_languages():
        raise Http404
    return [selectors.rendered(poster, language)]


@collaboration_view(C.VIEW_CONSULTATIONS)
def poster_print(request, access, poster_code):
    """The poster as a child sees it, one language, ready to print (print CSS)."""
    poster = poster_of(access, poster_code)
    sheet = _sheets(poster, request.GET.get("lang", SOURCE))[0]
    return page(
        request,
        access,
        "children/poster/print.html",
        {
            "poster": poster,
            "sheet": sheet,
            "languages": selectors.language_rows(poster),
            "missing": sheet["state"] == "missing",
        },
    )


@collaboration_view(C.VIEW_CONSULTATIONS)
def poster_pdf(request, access, poster_code):
    """The poster as PDF: one language (?lang=ar) or every language with its texts (?lang=all),
    one A4 page each."""
    poster = poster_of(access, poster_code)
    lang = request.GET.get("lang", SOURCE)
    sheets = _sheets(poster, lang)
    first = sheets[0] if sheets else selectors.rendered(poster, SOURCE)
    content = render_pdf(
        "children/poster/pdf.html",
        {
            "poster": poster,
            "sheets": sheets,
            "collaboration": access.collaboration,
            "document_language": first["lang"],
            "document_direction": first["dir"],
        },
    )
    return pdf_response(content, f"ni-sa-vi-gjorde-{poster.code}-{lang}.pdf")


@collaboration_view(C.MANAGE_CONSULTATIONS)
@require_POST
def poster_delete(request, access, poster_code):
    poster = poster_of(access, poster_code)
    services.poster_delete(poster=poster, by=request.user)
    messages.success(request, _("The poster is deleted."))
    return redirect("children:index", access.code)
