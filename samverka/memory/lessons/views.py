"""Lessons: a collaboration's own (write, change, share nationally) and the national library."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samverka.accounts.roles import Capability
from samverka.lib.privacy import warning_for
from samverka.memory.lessons import selectors, services
from samverka.memory.lessons.forms import LessonForm
from samverka.memory.lessons.models import TEXT_FIELDS, Lesson
from samverka.memory.navigation import memory_context
from samverka.orgs.decorators import collaboration_view, national_view

C = Capability


def _lesson(access, lesson_code) -> Lesson:
    return get_object_or_404(selectors.lessons_of(access.collaboration), code=lesson_code)


def _may_change(access, lesson: Lesson) -> bool:
    return access.can(C.SHARE_LESSONS) or (
        access.can(C.RECORD_LESSONS) and lesson.written_by_id == access.user.pk
    )


def _querystring(params, drop=("page",)) -> str:
    kept = params.copy()
    for name in drop:
        kept.pop(name, None)
    return kept.urlencode()


@collaboration_view(any_of=(C.VIEW_MEMORY, C.RECORD_LESSONS))
def lessons(request, access):
    collaboration = access.collaboration
    shown, chosen = selectors.apply_filters(selectors.lessons_of(collaboration), request.GET)
    query = " ".join(request.GET.get("q", "").split())[:200]
    if query:
        shown = selectors.search(shown, query)
    context = memory_context(
        access,
        "lessons",
        lessons=shown,
        query=query,
        filters=selectors.tag_filters(chosen),
        chosen=chosen,
    )
    return render(request, "memory/lessons/list.html", context)


def _initial(request, collaboration) -> dict:
    """A lesson written from a learning session or a dilemma starts with its tags."""
    initial: dict = {"phase": collaboration.phase}
    session = request.GET.get("learning")
    if session:
        found = collaboration.learning_sessions.filter(code=session).first()
        if found:
            initial["learning_session"] = found
    dilemma = request.GET.get("dilemma")
    if dilemma:
        found = collaboration.dilemmas.filter(code=dilemma).first()
        if found:
            initial["dilemma"] = found
            if found.kind != "own":
                initial["dilemma_kind"] = found.kind
    return initial


def _save(request, access, form, lesson=None):
    share = bool(form.cleaned_data.get("share_nationally"))
    try:
        saved = services.lesson_save(
            collaboration=access.collaboration,
            data=form.cleaned_data,
            by=request.user,
            lesson=lesson,
            share=share,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None
    if saved.is_shared and share:
        messages.success(request, _("The lesson is saved and shared in the national library."))
    else:
        messages.success(request, _("The lesson is saved."))
        warning = warning_for(" ".join(form.cleaned_data.get(n) or "" for n in TEXT_FIELDS))
        if warning:
            messages.warning(request, warning)
    return saved


@collaboration_view(C.RECORD_LESSONS)
def lesson_create(request, access):
    collaboration = access.collaboration
    form = LessonForm(
        request.POST or None,
        collaboration=collaboration,
        can_share=access.can(C.SHARE_LESSONS),
        initial=_initial(request, collaboration),
    )
    if request.method == "POST" and form.is_valid():
        lesson = _save(request, access, form)
        if lesson is not None:
            return redirect("memory:lesson", access.code, lesson.code)
    return render(request, "memory/lessons/form.html", memory_context(access, "lessons", form=form))


@collaboration_view(any_of=(C.VIEW_MEMORY, C.RECORD_LESSONS))
def lesson_detail(request, access, lesson_code):
    lesson = _lesson(access, lesson_code)
    context = memory_context(
        access, "lessons", lesson=lesson, may_change=_may_change(access, lesson)
    )
    return render(request, "memory/lessons/detail.html", context)


@collaboration_view(any_of=(C.RECORD_LESSONS, C.SHARE_LESSONS))
def lesson_edit(request, access, lesson_code):
    lesson = _lesson(access, lesson_code)
    if not _may_change(access, lesson):
        raise PermissionDenied
    form = LessonForm(
        request.POST or None,
        instance=lesson,
        collaboration=access.collaboration,
        can_share=access.can(C.SHARE_LESSONS),
    )
    if request.method == "POST" and form.is_valid() and _save(request, access, form, lesson):
        return redirect("memory:lesson", access.code, lesson.code)
    return render(
        request,
        "memory/lessons/form.html",
        memory_context(access, "lessons", form=form, lesson=lesson),
    )


@collaboration_view(C.SHARE_LESSONS)
@require_POST
def lesson_share(request, access, lesson_code):
    lesson = _lesson(access, lesson_code)
    try:
        services.lesson_share(lesson=lesson, by=request.user)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
        messages.error(request, _("The lesson is not shared. Change the text and try again."))
    else:
        messages.success(request, _("The lesson is shared in the national library."))
    return redirect("memory:lesson", access.code, lesson.code)


@collaboration_view(C.SHARE_LESSONS)
@require_POST
def lesson_unshare(request, access, lesson_code):
    lesson = _lesson(access, lesson_code)
    services.lesson_unshare(lesson=lesson, by=request.user)
    messages.success(request, _("The lesson is no longer in the national library."))
    return redirect("memory:lesson", access.code, lesson.code)


@collaboration_view(any_of=(C.RECORD_LESSONS, C.SHARE_LESSONS))
@require_POST
def lesson_delete(request, access, lesson_code):
    lesson = _lesson(access, lesson_code)
    if not _may_change(access, lesson):
        raise PermissionDenied
    services.lesson_delete(lesson=lesson, by=request.user)
    messages.success(request, _("The lesson is deleted."))
    return redirect("memory:lessons", access.code)


# --- The national lessons library (every logged-in person) ---------------------------------


@login_required
@require_GET
def library(request):
    page, meta = selectors.library(request.GET, request.GET.get("page") or 1)
    return render(
        request,
        "memory/lessons/library.html",
        {
            "page": page,
            "query": meta["query"],
            "chosen": meta["chosen"],
            "filters": selectors.tag_filters(meta["chosen"]),
            "municipalities": selectors.library_municipalities(),
            "querystring": _querystring(request.GET),
        },
    )


@login_required
@require_GET
def library_lesson(request, lesson_code):
    lesson = selectors.shared_lesson(lesson_code)
    if lesson is None:
        raise Http404
    return render(
        request,
        "memory/lessons/library_lesson.html",
        {"lesson": lesson, "can_withdraw": request.user.is_national_lead},
    )


@national_view()
@require_POST
def library_withdraw(request, national, lesson_code):
    """The national lead takes a lesson out of the library (it stays in its collaboration)."""
    lesson = get_object_or_404(Lesson.objects.filter(shared_at__isnull=False), code=lesson_code)
    services.lesson_unshare(lesson=lesson, by=request.user)
    messages.success(request, _("The lesson is no longer in the national library."))
    return redirect("memory:library")
