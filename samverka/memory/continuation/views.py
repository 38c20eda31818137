"""What becomes of each activity: the list and the decision form."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samverka.accounts.roles import Capability
from samverka.activities.models import Activity
from samverka.memory.continuation import services
from samverka.memory.continuation.forms import ContinuationForm
from samverka.memory.continuation.models import Continuation, Future
from samverka.memory.continuation.selectors import (
    futures_for,
    summary_of,
    warns_about_undecided,
)
from samverka.memory.navigation import memory_context
from samverka.orgs.decorators import collaboration_view

C = Capability


@collaboration_view(C.VIEW_MEMORY)
def continuation_list(request, access):
    collaboration = access.collaboration
    futures = futures_for(collaboration)
    context = memory_context(
        access,
        "continuation",
        futures=futures,
        summary=summary_of(futures),
        warn=warns_about_undecided(collaboration),
        futures_legend=Future.choices,
    )
    return render(request, "memory/continuation/list.html", context)


@collaboration_view(C.MANAGE_MEMORY)
def continuation_edit(request, access, activity_code):
    collaboration = access.collaboration
    activity = get_object_or_404(
        Activity.objects.filter(collaboration=collaboration), code=activity_code
    )
    instance = Continuation.objects.filter(activity=activity).first()
    form = ContinuationForm(
        request.POST or None,
        instance=instance or Continuation(activity=activity),
        collaboration=collaboration,
    )
    if request.method == "POST" and form.is_valid():
        services.continuation_save(activity=activity, data=form.cleaned_data, by=request.user)
        messages.success(
            request, _("What becomes of %(activity)s is saved.") % {"activity": activity}
        )
        return redirect("memory:continuation", access.code)
    return render(
        request,
        "memory/continuation/form.html",
        memory_context(access, "continuation", form=form, activity=activity),
    )
