"""The bank tied to practice, on an activity's page: the methods it uses, and parent-group
themes taken from the bank (they stay linked to the bank's theme material)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability
from samverka.activities import selectors as activity_selectors
from samverka.knowledge.bank import selectors, services
from samverka.knowledge.bank.forms import MethodsForm, ThemeFromBankForm
from samverka.orgs.decorators import collaboration_view


@collaboration_view(Capability.MANAGE_ACTIVITIES)
@require_POST
def activity_methods(request, access, activity_code):
    activity = activity_selectors.activity_for(access, activity_code)
    form = MethodsForm(request.POST, queryset=selectors.method_items())
    if form.is_valid():
        services.activity_methods_set(
            activity=activity, items=form.cleaned_data["items"], by=request.user
        )
        messages.success(request, _("The activity's methods are saved."))
    else:
        messages.error(request, _("Choose methods from the list."))
    return redirect("activities:detail", access.code, activity.code)


@collaboration_view(Capability.MANAGE_ACTIVITIES)
@require_POST
def theme_from_bank(request, access, activity_code):
    activity = activity_selectors.activity_for(access, activity_code)
    form = ThemeFromBankForm(request.POST, queryset=selectors.theme_items())
    if not activity.is_parent_group:
        messages.error(request, _("Only parent groups have a theme plan."))
    elif form.is_valid():
        services.theme_take_from_bank(
            activity=activity,
            item=form.cleaned_data["item"],
            planned_for=form.cleaned_data["planned_for"],
            by=request.user,
        )
        messages.success(request, _("The theme is added to the plan."))
    else:
        messages.error(request, _("Choose a theme from the knowledge bank."))
    return redirect("activities:detail", access.code, activity.code)
