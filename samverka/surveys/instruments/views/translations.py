"""Translating a version: the translate form, XLSX and PO files out and in, and a language's
translation status (also on published versions)."""

import secrets

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samverka.lib.downloads import attachment
from samverka.lib.languages import LANGUAGE_LABELS, direction
from samverka.surveys.instruments import translation_files
from samverka.surveys.instruments.forms import (
    LanguageStatusForm,
    TranslateForm,
    TranslationImportForm,
    texts_digest,
)
from samverka.surveys.instruments.models import TranslationStatus
from samverka.surveys.instruments.services import EditRefused, translations
from samverka.surveys.instruments.texts import (
    SOURCE_LANGUAGE,
    language_states,
    missing_texts,
    text_units,
)
from samverka.surveys.instruments.views.place import (
    find_own_version,
    frozen_redirect,
    instrument_view,
    page_context,
    state_badges,
    survey_language,
)

MAX_ROWS_SHOWN = 200


@instrument_view(manage=True)
@require_http_methods(["GET", "POST"])
def translate(request, place, version_code, lang):
    version = find_own_version(place, version_code)
    language = survey_language(lang)
    if language == SOURCE_LANGUAGE:
        raise Http404
    if version.is_published:
        return frozen_redirect(request, place, version)
    only_missing = request.GET.get("missing") == "1"
    units = [u for u in text_units(version) if u.required]
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
                count = translations.texts_apply(
                    version=version,
                    by=request.user,
                    changes=form.changes(),
                    statuses={language: status} if status else None,
                    source="form",
                )
            except EditRefused as refused:
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
    states = language_states(version)
    return render(
        request,
        "surveys/instruments/translate.html",
        page_context(
            place,
            version,
            form=form,
            language=language,
            language_label=LANGUAGE_LABELS[language],
            language_dir=direction(language),
            state=state_badges({language: states[language]})[0],
            only_missing=only_missing,
            missing=len(missing_texts(version, language)),
        ),
    )


@instrument_view(manage=True)
@require_GET
def translations_export(request, place, version_code):
    version = find_own_version(place, version_code)
    return attachment(translations.translations_export(version=version, by=request.user))


@instrument_view(manage=True)
@require_GET
def translations_export_po(request, place, version_code, lang):
    version = find_own_version(place, version_code)
    language = survey_language(lang)
    if language == SOURCE_LANGUAGE:
        raise Http404
    download = translations.translations_export(version=version, language=language, by=request.user)
    return attachment(download)


def _import_key(version) -> str:
    return f"surveys-translation-import-{version.code}"


@instrument_view(manage=True)
@require_http_methods(["GET", "POST"])
def translations_import(request, place, version_code):
    version = find_own_version(place, version_code)
    if version.is_published:
        return frozen_redirect(request, place, version)
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
        parsed = translation_files.ParsedFile.from_session(pending["parsed"])
        filename = pending["filename"]
        plan = translation_files.plan_import(version, parsed, only_language=pending["language"])
        if plan.ok and (plan.changes or plan.statuses):
            try:
                count = translations.texts_apply(
                    version=version,
                    by=request.user,
                    changes=plan.change_tuples(),
                    statuses=plan.statuses,
                    source=f"{parsed.kind} import",
                )
            except EditRefused as refused:
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
                parsed = translation_files.parse_upload(filename=filename, data=upload.read())
            except translation_files.TranslationFileError as error:
                form.add_error("file", error.message)
            else:
                only = form.cleaned_data["language"]
                plan = translation_files.plan_import(version, parsed, only_language=only)
                token = secrets.token_urlsafe(16)
                request.session[key] = {
                    "token": token,
                    "parsed": parsed.to_session(),
                    "language": only,
                    "filename": filename,
                }
    context = page_context(
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
    version = find_own_version(place, version_code)
    language = survey_language(lang)
    form = LanguageStatusForm(request.POST)
    back = place.url("version", version_code=version.code) + "#translations"
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect(back)
    status = form.cleaned_data["status"]
    try:
        changed = translations.language_status_set(
            version=version, by=request.user, language=language, status=status
        )
    except EditRefused as refused:
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
