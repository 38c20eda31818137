"""Recordings of questions read aloud, per language (also on published versions)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samverka.lib.languages import LANGUAGE_CODES, LANGUAGE_LABELS, direction
from samverka.surveys.instruments.forms import AudioForm
from samverka.surveys.instruments.models import ItemAudio
from samverka.surveys.instruments.services import EditRefused, recordings
from samverka.surveys.instruments.views.place import (
    find_item,
    find_own_version,
    find_version,
    instrument_view,
    page_context,
)


@instrument_view()
@require_http_methods(["GET", "POST"])
def item_audio(request, place, version_code, item_id):
    version = find_version(place, version_code)
    item = find_item(version, item_id)
    manageable = place.may_change(version)
    form = AudioForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not manageable:
            raise PermissionDenied
        if form.is_valid():
            language = form.cleaned_data["language"]
            try:
                recordings.audio_save(
                    item=item,
                    by=request.user,
                    language=language,
                    upload=form.cleaned_data["file"],
                    content_type=form.content_type,
                )
            except EditRefused as refused:
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
    recorded = {a.language: a for a in item.audio.select_related("uploaded_by")}
    rows = []
    for language in LANGUAGE_CODES:
        audio = recorded.get(language)
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
        page_context(
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
    version = find_own_version(place, version_code)
    item = find_item(version, item_id)
    audio = get_object_or_404(ItemAudio.objects.filter(item=item), language=lang)
    recordings.audio_delete(audio=audio, by=request.user)
    messages.success(
        request,
        _("The %(language)s recording of %(item)s is deleted.")
        % {"language": LANGUAGE_LABELS.get(lang, lang), "item": item.item_id},
    )
    return redirect(place.url("item_audio", version_code=version.code, item_id=item.item_id))


@instrument_view()
@require_GET
def item_audio_file(request, place, version_code, item_id, lang):
    version = find_version(place, version_code)
    item = find_item(version, item_id)
    audio = get_object_or_404(ItemAudio.objects.filter(item=item), language=lang)
    try:
        handle = audio.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=audio.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    return response
