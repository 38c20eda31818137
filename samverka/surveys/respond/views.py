"""The public survey pages at /s/<code> for parents, children and partners.

No login: a respondent reaches a round through its public link, chooses a language and gets a
draft response addressed by an unguessable token in the URL (never in a cookie, so the next
person on a shared tablet cannot reach it). Every page is in the respondent's survey language
(`respondent_texts`), works without JavaScript, and is never cached.
"""

from functools import lru_cache, wraps
from types import MappingProxyType
from urllib.parse import urlencode

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from samverka.lib.languages import LANGUAGE_CODES, direction, html_lang, native_name
from samverka.lib.prepared import PreparedQuery
from samverka.lib.scoping import collaboration_scope
from samverka.surveys.instruments.models import DONT_KNOW, ItemAudio, ItemType
from samverka.surveys.instruments.texts import text
from samverka.surveys.respond import guessing, pages, services
from samverka.surveys.respond.forms import (
    TEXT_MAX,
    AnswerValue,
    choice_values,
    dont_know_name,
    input_name,
    read_page,
)
from samverka.surveys.respond.models import Response
from samverka.surveys.respond.respondent_texts import fill, texts_for
from samverka.surveys.rounds.models import RespondentLink

# RESPONDENT_FORMS_NEED_NO_CSRF_TOKEN: the respondent's forms carry no CSRF token and set no
# cookie. A CSRF token stops another site from making a browser send a form with the
# credentials the browser holds (its session cookie). These forms act on no credential: what
# they change is decided by the link code or the draft's unguessable token in the URL, which
# another site cannot know (and whoever knows it can post to it without anyone's browser). A
# forged post could only start a draft or save answers to a draft the forger already holds,
# which it can do directly. Masking a token cost each page 0.3-0.6 ms of CPU, a sixth of it,
# and its cookie was the only one the respondent's pages set.
FACES = {"1", "2", "3", "4", "5"}
KINDS = {
    ItemType.AGREEMENT: "scale",
    ItemType.FACES: "faces",
    ItemType.YES_NO: "yes_no",
    ItemType.SINGLE: "single",
    ItemType.MULTIPLE: "multiple",
    ItemType.NUMBER: "number",
    ItemType.TEXT: "text",
}


# The respondent's pages run these on every request: their SQL is built once per connection
# (lib/prepared.py). The unguessable link code, or the draft's token, decides the collaboration.
_LINK_BY_CODE = PreparedQuery(
    lambda code: (
        RespondentLink.objects.select_related(
            "round__version", "round__collaboration__lead_organisation", "organisation"
        )
        .filter(code=code)
        .order_by()[:1]
    ),
    code=str,
)
_RESPONSE_BY_TOKEN = PreparedQuery(
    lambda token: (
        Response.objects.select_related("version", "link__round__collaboration__lead_organisation")
        .filter(token=token)
        .order_by()[:1]
    ),
    token=str,
)


def _link(link_code: str) -> RespondentLink:
    found = _LINK_BY_CODE.all(code=link_code.strip().upper())
    if not found:
        raise Http404
    return found[0]


def link_view(view):
    """A respondent page (no login): the link in the URL is found, and the view runs in its
    round's collaboration scope and gets the link in place of its code. A code that is no link
    gets a page in the respondent's language, and an address that has guessed too often must
    wait (guessing.py)."""

    @wraps(view)
    def wrapper(request, link_code, *args, **kwargs):
        if guessing.blocked(request):
            return _not_found(request, too_many=True)
        try:
            link = _link(link_code)
        except Http404:
            guessing.failed(request)
            return _not_found(request, too_many=guessing.blocked(request))
        with collaboration_scope(link.round.collaboration):
            return view(request, link, *args, **kwargs)

    return wrapper


def response_view(view):
    """A page of one draft (/s/<code>/<token>/...): the response and its link in one query,
    the view run in the round's collaboration scope with (link, response). The token belongs to
    this link and round only. A respondent's pages are most of the survey traffic, so a found
    token costs no look-up of the guessing counter (whoever holds a token has found the link);
    a miss goes through `link_view`'s path, which counts a wrong link code as a guess."""

    @wraps(view)
    def wrapper(request, link_code, token, *args, **kwargs):
        found = _RESPONSE_BY_TOKEN.all(token=token)  # unique; the link code is checked below
        response = found[0] if found else None
        link = response.link if response is not None else None
        if (
            link is None
            or link.code != link_code.strip().upper()
            or link.round_id != response.round_id
        ):
            return _no_response(request, link_code)
        response.round = link.round
        with collaboration_scope(link.round.collaboration):
            return view(request, link, response, *args, **kwargs)

    return wrapper


@link_view
def _no_response(request, link):
    """The link exists (else link_view answered), the token is not one of its drafts."""
    raise Http404


def _visitor_languages(request) -> list[str]:
    """The survey languages the browser asks for, best first, then Swedish and English."""
    wanted = []
    for part in request.META.get("HTTP_ACCEPT_LANGUAGE", "").split(","):
        tag = part.split(";")[0].strip().lower()
        for candidate in (tag, tag.split("-")[0], "prs" if tag.startswith("fa") else ""):
            if candidate in LANGUAGE_CODES and candidate not in wanted:
                wanted.append(candidate)
                break
    return [*wanted, *[c for c in ("sv", "en") if c not in wanted]][:3]


def _not_found(request, *, too_many: bool):
    """No such survey link: say so (or that this address must wait) in the visitor's language,
    then Swedish and English, and how to find the right address."""
    example = request.build_absolute_uri(reverse("surveys:respond", args=["K7F3QX"]))
    minutes = settings.SURVEY_LINK_LOCKOUT_MINUTES
    blocks = []
    for code in _visitor_languages(request):
        txt = texts_for(code, example=example, minutes=minutes)
        blocks.append(
            {
                "code": code,
                "html_lang": html_lang(code),
                "dir": direction(code),
                "heading": txt["too_many_heading" if too_many else "not_found_heading"],
                "message": txt["too_many" if too_many else "not_found"],
            }
        )
    response = _draw(
        "surveys/respond/unavailable.html",
        {"blocks": blocks, "lang": blocks[0], "link": None},
        status=429 if too_many else 404,
    )
    if too_many:
        response["Retry-After"] = str(minutes * 60)
    return response


def _draw(template: str, context: dict, *, status: int = 200) -> HttpResponse:
    """A respondent page. Its templates (surveys/respond/) use only what the view hands them,
    never the request's context processors (the signed-in person, messages, navigation): they
    are drawn without them, which also lets a page that holds nothing of the respondent's be
    kept whole (`_kept`)."""
    return HttpResponse(render_to_string(template, context), status=status)


def _round_languages(round_) -> list[str]:
    return [code for code in round_.languages if code in LANGUAGE_CODES]


def _organisation(link: RespondentLink) -> str:
    lead = link.round.collaboration.lead_organisation
    return lead.name if lead else ""


def _language(link: RespondentLink, language: str) -> dict:
    return {
        "code": language,
        "html_lang": html_lang(language),
        "dir": direction(language),
        "native": native_name(language),
        "txt": _texts(language, _organisation(link)),
    }


@lru_cache(maxsize=256)
def _texts(language: str, organisation: str) -> MappingProxyType:
    """The respondent texts of a language with the organisation's name filled in (read-only:
    kept per process for every request that asks for the same)."""
    return MappingProxyType(texts_for(language, organisation=organisation))


def _done_url(link: RespondentLink, language: str, *, code_given: bool = False) -> str:
    query = {"lang": language}
    if code_given:
        query["code"] = "1"
    return f"{reverse('surveys:respond_done', args=[link.code])}?{urlencode(query)}"


def _page_url(link: RespondentLink, response: Response, page: int | None) -> str:
    if page is None:
        return reverse("surveys:respond_finish", args=[link.code, response.token])
    return reverse("surveys:respond_page", args=[link.code, response.token, page])


def _unavailable(request, link: RespondentLink, languages: list[str], state: str, *, note=False):
    """The round is planned or closed: say so in each of `languages`."""
    blocks = []
    for code in languages or ["sv"]:
        lang = _language(link, code)
        txt = lang["txt"]
        if state == "planned":
            heading = txt["planned_heading"]
            message = fill(txt["planned"], date=link.round.opens_on.isoformat())
        else:
            heading = txt["closed_heading"]
            message = txt["closed_meanwhile"] if note else txt["closed"]
        blocks.append({**lang, "heading": heading, "message": message})
    return _draw(
        "surveys/respond/unavailable.html", {"blocks": blocks, "lang": blocks[0], "link": link}
    )


@never_cache
@csrf_exempt  # see RESPONDENT_FORMS_NEED_NO_CSRF_TOKEN
@require_http_methods(["GET", "POST"])
@link_view
def respond(request, link):
    """Choose a language; choosing starts a draft response and opens its first page."""
    round_ = link.round
    languages = _round_languages(round_)
    if round_.state != "open" or not languages:
        return _unavailable(request, link, languages, round_.state)
    if request.method == "POST" and request.POST.get("language") in languages:
        try:
            response = services.response_start(link=link, language=request.POST["language"])
        except services.SurveyClosed as closed:
            return _unavailable(request, link, languages, closed.state)
        survey = pages.load_survey(response.version)
        return redirect(_page_url(link, response, pages.step_page(survey, 0, {}, 1)))
    return HttpResponse(_language_page(link, tuple(languages)))


def _language_page(link: RespondentLink, languages: tuple[str, ...]) -> str:
    """The choice of language: the same for everyone who opens the link (no token, no CSRF
    token, no answer), so kept whole, like a page's blank blocks, per published version, link,
    its round's languages and the lead organisation's name (the texts name it)."""
    version = link.round.version
    key = (
        ("language page", version.pk, version.code, link.code, languages, _organisation(link))
        if version.is_published
        else None
    )
    return _kept(key, lambda: _draw_language_page(link, list(languages)))


def _draw_language_page(link: RespondentLink, languages: list[str]) -> str:
    choices = [_language(link, code) for code in languages]
    headings, seen = [], set()
    for choice in choices:  # Swedish and easy Swedish say "Välj språk" alike: once is enough
        if choice["txt"]["choose_language"] not in seen:
            seen.add(choice["txt"]["choose_language"])
            headings.append(choice)
    title = text(link.round.version.title, languages[0]) or choices[0]["txt"]["survey"]
    return render_to_string(
        "surveys/respond/language.html",
        {
            "choices": choices,
            "headings": headings,
            "lang": choices[0],
            "link": link,
            "title": title,
        },
    )


def _raw_from_saved(item, answers: list[AnswerValue]) -> dict:
    if item.type in (ItemType.NUMBER, ItemType.TEXT):
        dont_know = any(a.value == DONT_KNOW for a in answers)
        typed = ""
        for answer in answers:
            if answer.number is not None:
                typed = str(answer.number)
            elif answer.text:
                typed = answer.text
        return {"typed": typed, "dont_know": dont_know}
    return {"chosen": [a.value for a in answers]}


def _question(survey, shown, index: int, raw: dict, error: str, link, lang: dict) -> dict:
    item = shown.item
    language = lang["code"]
    txt = lang["txt"]
    anchor = f"q{index}"
    question = {
        "item": item,
        "anchor": anchor,
        "kind": KINDS.get(item.type, "text"),
        "name": input_name(item),
        "text": text(item.text, language),
        "help": text(item.help, language),
        "required": item.required,
        "error": error,
        "options": [],
        "dont_know": None,
        "note": "",
        "audio_url": "",
    }
    labels = {o.value: text(o.label, language) for o in item.options.all()}
    if item.is_choice:
        chosen = set(raw.get("chosen", []))
        for number, value in enumerate(choice_values(item)):
            option = {
                "value": value,
                "label": labels.get(value) or (txt["dont_know"] if value == DONT_KNOW else value),
                "checked": value in chosen,
                "id": f"{anchor}-{number}",
                "face": static(f"img/faces/{value}.svg")
                if item.type == ItemType.FACES and value in FACES
                else "",
            }
            if value == DONT_KNOW:
                question["dont_know"] = option
            else:
                question["options"].append(option)
    else:
        question["typed"] = raw.get("typed", "")
        question["input_id"] = f"{anchor}-in"
        question["maxlength"] = TEXT_MAX
        question["min"] = item.number_min
        question["max"] = item.number_max
        if item.allow_dont_know:
            question["dont_know"] = {
                "name": dont_know_name(item),
                "value": DONT_KNOW,
                "label": labels.get(DONT_KNOW) or txt["dont_know"],
                "checked": bool(raw.get("dont_know")),
                "id": f"{anchor}-dk",
            }
    if shown.same_page_condition:
        condition = next(i for i in survey.items if i.pk == item.condition_item_id)
        condition_labels = {o.value: text(o.label, language) for o in condition.options.all()}
        wanted = [str(v) for v in item.condition_values or []]
        answer = " / ".join(condition_labels.get(v) or v for v in wanted)
        question["note"] = fill(txt["only_if"], answer=answer)
        question["condition_name"] = input_name(condition)
        question["condition_values"] = " ".join(wanted)
    for recording in item.audio.all():
        if recording.language == language:
            question["audio_url"] = reverse(
                "surveys:respond_audio", args=[link.code, item.item_id, language]
            )
    return question


def _questions_html(questions: list[dict], lang: dict) -> str:
    return render_to_string(
        "surveys/respond/_questions.html", {"questions": questions, "txt": lang["txt"]}
    )


# The question blocks of a page as drawn before anything on it is answered, per published
# version (its recordings included), page, shown questions, link (the recordings' addresses)
# and language: a memo of what every process draws alike from the same rows, like the survey
# itself (pages.load_survey). Bounded: emptied when it grows past BLANK_KEPT entries.
_blank: dict[tuple, str] = {}
BLANK_KEPT = 2000


def _blank_key(survey, page: int, shown, link, lang: dict) -> tuple | None:
    """The memo's key of a page's blank blocks; None for a version still being written."""
    version = survey.version
    if not version.is_published:
        return None
    return (
        version.pk,
        version.code,
        version.recordings_changed_at,
        page,
        tuple((s.item.pk, s.same_page_condition) for s in shown),
        link.code,
        lang["code"],
    )


def _kept(key: tuple | None, draw) -> str:
    """What `draw()` gives, kept under `key` (drawn afresh when the key is None)."""
    if key is None:
        return draw()
    html = _blank.get(key)
    if html is None:
        if len(_blank) >= BLANK_KEPT:
            _blank.clear()
        html = _blank[key] = draw()
    return html


def _blank_questions(survey, page: int, shown, link, lang: dict) -> str:
    return _kept(
        _blank_key(survey, page, shown, link, lang),
        lambda: _questions_html(_blank_question_dicts(survey, shown, link, lang), lang),
    )


def _blank_question_dicts(survey, shown, link, lang: dict) -> list[dict]:
    return [
        _question(survey, item_shown, index, _raw_from_saved(item_shown.item, []), "", link, lang)
        for index, item_shown in enumerate(shown, start=1)
    ]


@never_cache
@csrf_exempt  # see RESPONDENT_FORMS_NEED_NO_CSRF_TOKEN
@require_http_methods(["GET", "POST"])
@response_view
def question_page(request, link, response, page):
    """One section of the survey. POST saves the page and moves on (or back)."""
    if response.submitted_at is not None:
        return redirect(_done_url(link, response.language))
    if link.round.state != "open":
        return _unavailable(request, link, [response.language], link.round.state, note=True)
    survey = pages.load_survey(response.version)
    if not 1 <= page <= survey.page_count:
        raise Http404
    lang = _language(link, response.language)
    txt = lang["txt"]
    saved = pages.saved_answers(response)
    shown = pages.shown_items(survey, page, saved)
    sent = None
    if request.method == "POST":
        back = request.POST.get("go") == "back"
        sent = read_page([s.item for s in shown], request.POST, txt)
        required = None if back else txt["error_required"]
        pages.check_page(survey, page, shown, sent, saved, required)
        if sent.is_valid:
            try:
                services.page_save(
                    response=response, items=survey.page_items(page), values=sent.values
                )
            except services.AlreadySubmitted:
                return redirect(_done_url(link, response.language))
            except services.SurveyClosed as closed:
                return _unavailable(request, link, [response.language], closed.state, note=True)
            saved = pages.merged_answers(saved, survey.page_items(page), sent.values)
            target = pages.step_page(survey, page, saved, -1 if back else 1)
            if back and target is None:
                return redirect("surveys:respond", link.code)
            return redirect(_page_url(link, response, target))
    elif not shown:
        # Nothing to ask here given the earlier answers: go on to the next page.
        return redirect(_page_url(link, response, pages.step_page(survey, page, saved, 1)))
    first = pages.step_page(survey, 0, saved, 1) == page

    def whole_page(questions_html: str, questions: list[dict]):
        section = survey.section(page)
        return render_to_string(
            "surveys/respond/page.html",
            {
                "lang": lang,
                "txt": txt,
                "link": link,
                "title": text(response.version.title, lang["code"]) or txt["survey"],
                "intro": text(response.version.intro, lang["code"]) if first else "",
                "section_title": text(section.title, lang["code"]),
                "section_intro": text(section.intro, lang["code"]),
                "questions_html": questions_html,
                "errors": [q for q in questions if q["error"]],
                "number": page,
                "total": survey.page_count,
                "progress": fill(txt["page_of"], page=page, total=survey.page_count),
            },
            request,
        )

    if sent is None and not any(saved.get(s.item.pk) for s in shown):
        # Nothing answered here yet: the page as every respondent sees it (it holds nothing of
        # this respondent's: no token, no CSRF token, no answer), kept like its blocks.
        key = _blank_key(survey, page, shown, link, lang)
        html = _kept(
            key and ("whole page", first, *key),
            lambda: whole_page(_blank_questions(survey, page, shown, link, lang), []),
        )
        return HttpResponse(html)
    questions = []
    for index, item_shown in enumerate(shown, start=1):
        pk = item_shown.item.pk
        if sent is not None:
            raw, error = sent.raw.get(pk, {}), sent.errors.get(pk, "")
        else:
            raw, error = _raw_from_saved(item_shown.item, saved.get(pk, [])), ""
        questions.append(_question(survey, item_shown, index, raw, error, link, lang))
    return HttpResponse(whole_page(_questions_html(questions, lang), questions))


@never_cache
@csrf_exempt  # see RESPONDENT_FORMS_NEED_NO_CSRF_TOKEN
@require_http_methods(["GET", "POST"])
@response_view
def finish(request, link, response):
    """The last step: how much was answered, the optional card code, and Send."""
    if response.submitted_at is not None:
        return redirect(_done_url(link, response.language))
    if link.round.state != "open":
        return _unavailable(request, link, [response.language], link.round.state, note=True)
    survey = pages.load_survey(response.version)
    saved = pages.saved_answers(response)
    lang = _language(link, response.language)
    txt = lang["txt"]
    missing = pages.first_missing_page(survey, saved)
    code = ""
    if request.method == "POST":
        code = request.POST.get("participant_code", "")[:40]
        if request.POST.get("go") == "back":
            target = pages.step_page(survey, survey.page_count + 1, saved, -1)
            if target is None:
                return redirect("surveys:respond", link.code)
            return redirect(_page_url(link, response, target))
        try:
            services.response_submit(response=response, participant_code=code)
        except services.SurveyClosed as closed:
            return _unavailable(request, link, [response.language], closed.state, note=True)
        except services.MissingAnswers as error:
            missing = error.page
        else:
            given = bool(services.normalise_code(code))
            return redirect(_done_url(link, response.language, code_given=given))
    answered, asked = pages.answered_count(survey, saved)
    back_to = pages.step_page(survey, survey.page_count + 1, saved, -1)
    return _draw(
        "surveys/respond/finish.html",
        {
            "lang": lang,
            "txt": txt,
            "link": link,
            "title": text(response.version.title, lang["code"]) or txt["survey"],
            "answered": fill(txt["answered"], answered=answered, total=asked),
            "missing_url": _page_url(link, response, missing) if missing else "",
            "missing_label": fill(txt["go_to_page"], page=missing) if missing else "",
            "code": code,
            "has_back": back_to is not None,
        },
    )


@never_cache
@require_GET
@link_view
def done(request, link):
    """Thank you. Holds no token: the next person on a shared tablet starts afresh from here."""
    languages = _round_languages(link.round) or ["sv"]
    language = request.GET.get("lang")
    if language not in languages:
        language = languages[0]
    code_given = request.GET.get("code") == "1"
    key = ("thank-you page", link.code, language, code_given, _organisation(link))
    return HttpResponse(_kept(key, lambda: _draw_done(link, language, code_given)))


def _draw_done(link: RespondentLink, language: str, code_given: bool) -> str:
    """The thank-you page: the same for everyone of the link, language and whether a card code
    was given (it holds no token), so kept whole (`done`)."""
    lang = _language(link, language)
    return render_to_string(
        "surveys/respond/done.html",
        {
            "lang": lang,
            "txt": lang["txt"],
            "link": link,
            "code_given": code_given,
            "title": lang["txt"]["thanks_heading"],
        },
    )


@require_GET
@link_view
def audio(request, link, item_id, lang):
    """A recording of a question read aloud, for those who cannot read."""
    round_ = link.round
    if lang not in _round_languages(round_):
        raise Http404
    recording = get_object_or_404(
        ItemAudio, item__version=round_.version, item__item_id=item_id, language=lang
    )
    try:
        handle = recording.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, content_type=recording.content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response
