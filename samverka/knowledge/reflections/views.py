"""Leader reflections after a session (`/c/<code>/sessions/<session>/reflection/`), read by
the session's leaders and the coordinator (`/c/<code>/reflections/`)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samverka.accounts.roles import Capability
from samverka.activities.models import Session
from samverka.knowledge.reflections import services
from samverka.knowledge.reflections.forms import AnswerForm, ReflectionForm
from samverka.knowledge.reflections.models import Reflection
from samverka.orgs.decorators import collaboration_view


def led_sessions(access):
    """The sessions the user leads (as the session's or the activity's leader)."""
    user = access.user
    return (
        Session.objects.filter(activity__collaboration=access.collaboration)
        .filter(Q(leaders=user) | Q(activity__leaders=user))
        .distinct()
    )


def reflections_for(access):
    """All of the collaboration's for the coordinator; those on one's own sessions otherwise."""
    reflections = Reflection.objects.filter(
        session__activity__collaboration=access.collaboration
    ).select_related("session__activity", "author", "answered_by")
    if access.can(Capability.READ_REFLECTIONS):
        return reflections
    return reflections.filter(session__in=led_sessions(access))


@collaboration_view(Capability.WRITE_REFLECTIONS)
def reflection_write(request, access, session_code):
    session = get_object_or_404(led_sessions(access).select_related("activity"), code=session_code)
    mine = Reflection.objects.filter(session=session, author=request.user).first()
    if mine is not None and mine.answered_at is not None:
        return redirect("knowledge:reflection", access.code, mine.code)
    form = ReflectionForm(request.POST or None, instance=mine)
    if request.method == "POST" and form.is_valid():
        reflection = services.reflection_save(session=session, by=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you, your reflection is saved."))
        return redirect("knowledge:reflection", access.code, reflection.code)
    others = reflections_for(access).filter(session=session).exclude(author=request.user)
    return render(
        request,
        "knowledge/reflections/form.html",
        {"collaboration": access.collaboration, "session": session, "form": form, "others": others},
        status=400 if request.method == "POST" else 200,
    )


@collaboration_view(any_of=(Capability.READ_REFLECTIONS, Capability.WRITE_REFLECTIONS))
def reflections(request, access):
    items = reflections_for(access)
    waiting = [r for r in items if r.waiting_for_support]
    return render(
        request,
        "knowledge/reflections/list.html",
        {
            "collaboration": access.collaboration,
            "waiting": waiting,
            "reflections": [r for r in items if not r.waiting_for_support][:100],
            "can_answer": access.can(Capability.READ_REFLECTIONS),
        },
    )


@collaboration_view(any_of=(Capability.READ_REFLECTIONS, Capability.WRITE_REFLECTIONS))
def reflection_detail(request, access, reflection_code):
    reflection = get_object_or_404(reflections_for(access), code=reflection_code)
    can_answer = access.can(Capability.READ_REFLECTIONS)
    form = AnswerForm(request.POST or None, initial={"answer": reflection.answer})
    if request.method == "POST":
        if not can_answer:
            raise PermissionDenied
        if form.is_valid():
            services.reflection_answer(
                reflection=reflection, answer=form.cleaned_data["answer"], by=request.user
            )
            messages.success(request, _("The answer is saved."))
            return redirect("knowledge:reflections", access.code)
    return render(
        request,
        "knowledge/reflections/detail.html",
        {
            "collaboration": access.collaboration,
            "reflection": reflection,
            "form": form if can_answer else None,
            "is_author": reflection.author_id == request.user.pk,
        },
        status=400 if request.method == "POST" else 200,
    )
