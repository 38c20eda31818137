from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverka.accounts.roles import Capability, Role
from samverka.audit.selectors import recent_events_for_collaboration
from samverka.orgs import services
from samverka.orgs.decorators import collaboration_view, national_view
from samverka.orgs.forms import (
    CollaborationForm,
    MunicipalityForm,
    MunicipalityImportForm,
    OrganisationForm,
    PartnerAddForm,
)
from samverka.orgs.models import Municipality, Organisation, Phase
from samverka.orgs.national import sections_for
from samverka.orgs.panels import panels_for
from samverka.orgs.selectors import collaborations_for_user


@login_required
def home(request):
    """Start page: my collaborations (all of them for national staff)."""
    collaborations = collaborations_for_user(request.user)
    municipality = request.GET.get("municipality", "")
    if municipality:
        collaborations = collaborations.filter(municipality__code=municipality)
    my_roles: dict[int, list[str]] = {}
    researcher = request.user.is_national_researcher
    for membership in request.user.memberships.active():
        my_roles.setdefault(membership.collaboration_id, []).append(membership.get_role_display())
        researcher = researcher or membership.role == Role.RESEARCHER
    rows = [(c, my_roles.get(c.pk, [])) for c in collaborations]
    # --- hook: samverka/memory (handover notes waiting for this person) ---------------------
    from samverka.memory.hooks import unread_handovers_for

    handovers = unread_handovers_for(request.user)
    # --- end of hook ------------------------------------------------------------------------
    return render(
        request,
        "orgs/home.html",
        {
            "rows": rows,
            "handovers": handovers,
            "municipalities": Municipality.objects.filter(collaborations__isnull=False).distinct()
            if request.user.is_national_staff
            else [],
            "selected_municipality": municipality,
            "researcher": researcher,
        },
    )


@collaboration_view()
def collaboration(request, access):
    collaboration = access.collaboration
    chain = collaboration.chain()
    phases = [
        {"value": p.value, "label": p.label, "current": p.value == collaboration.phase}
        for p in Phase
    ]
    context = {
        "access": access,
        "collaboration": collaboration,
        "phases": phases,
        "partners": collaboration.partners.select_related("municipality"),
        "chain": chain,
        "open_codes": set(
            collaborations_for_user(request.user)
            .filter(pk__in=[c.pk for c in chain])
            .values_list("code", flat=True)
        ),
        "followed_by": collaborations_for_user(request.user).filter(builds_on=collaboration),
        "can": {cap.name.lower(): access.can(cap) for cap in Capability},
        "panels": panels_for(request, access),
    }
    if access.can(Capability.VIEW_MEMBERS):
        context["memberships"] = (
            collaboration.memberships.active()
            .select_related("user", "organisation")
            .order_by("role", "user__first_name")
        )
    if access.can(Capability.VIEW_AUDIT):
        context["recent_events"] = recent_events_for_collaboration(collaboration, limit=5)
    return render(request, "orgs/collaboration.html", context)


@collaboration_view(Capability.EDIT_COLLABORATION)
def collaboration_edit(request, access):
    form = CollaborationForm(
        request.POST or None,
        instance=access.collaboration,
        collaborations=collaborations_for_user(request.user),
        national=request.user.is_national_lead,
    )
    if request.method == "POST" and form.is_valid():
        services.collaboration_update(
            collaboration=access.collaboration, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("The collaboration is saved."))
        return redirect("orgs:collaboration", access.code)
    return render(
        request,
        "orgs/collaboration_form.html",
        {"form": form, "collaboration": access.collaboration},
    )


@national_view()
def collaboration_create(request, national):
    form = CollaborationForm(
        request.POST or None, collaborations=collaborations_for_user(request.user), national=True
    )
    if request.method == "POST" and form.is_valid():
        collaboration = services.collaboration_create(by=request.user, **form.cleaned_data)
        messages.success(request, _("The collaboration is created. Now invite its coordinator."))
        return redirect("accounts:member_invite", collaboration.code)
    return render(request, "orgs/collaboration_form.html", {"form": form})


@collaboration_view(Capability.MANAGE_PARTNERS)
def partners(request, access):
    collaboration = access.collaboration
    add_form = PartnerAddForm(request.POST or None, collaboration=collaboration)
    if request.method == "POST" and add_form.is_valid():
        services.partner_add(
            collaboration=collaboration,
            organisation=add_form.cleaned_data["organisation"],
            by=request.user,
        )
        messages.success(request, _("The partner is added."))
        return redirect("orgs:partners", access.code)
    return render(
        request,
        "orgs/partners.html",
        {
            "collaboration": collaboration,
            "partners": collaboration.partners.select_related("municipality", "parent"),
            "add_form": add_form,
        },
    )


@collaboration_view(Capability.MANAGE_PARTNERS)
@require_POST
def partner_remove(request, access, organisation_code):
    organisation = get_object_or_404(access.collaboration.partners.all(), code=organisation_code)
    services.partner_remove(
        collaboration=access.collaboration, organisation=organisation, by=request.user
    )
    messages.success(request, _("%(name)s is no longer a partner.") % {"name": organisation})
    return redirect("orgs:partners", access.code)


@collaboration_view(Capability.MANAGE_PARTNERS)
def organisation_create(request, access):
    """Register a new organisation in the collaboration's municipality and add it as a partner."""
    collaboration = access.collaboration
    form = OrganisationForm(
        request.POST or None,
        municipalities=Municipality.objects.filter(pk=collaboration.municipality_id),
    )
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(
            partner_in=collaboration, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("%(name)s is added as a partner.") % {"name": organisation})
        return redirect("orgs:partners", access.code)
    return render(
        request, "orgs/organisation_form.html", {"form": form, "collaboration": collaboration}
    )


# --- National staff ----------------------------------------------------------------


@national_view()
def municipalities(request, national):
    form = MunicipalityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        municipality = services.municipality_create(by=request.user, **form.cleaned_data)
        messages.success(request, _("%(name)s is added.") % {"name": municipality})
        return redirect("orgs:municipalities")
    return render(
        request,
        "orgs/municipalities.html",
        {
            "municipalities": Municipality.objects.all(),
            "form": form,
            "import_form": MunicipalityImportForm(),
        },
    )


@national_view()
def municipalities_import(request, national):
    form = MunicipalityImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        dry_run = bool(request.POST.get("dry_run"))
        result = services.municipalities_import(
            data=form.cleaned_data["file"].read(), by=request.user, dry_run=dry_run
        )
        if result.ok and not dry_run:
            messages.success(
                request,
                _("Imported: %(created)s new and %(updated)s updated municipalities.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("orgs:municipalities")
    return render(
        request,
        "orgs/municipalities_import.html",
        {"form": form, "result": result, "dry_run": bool(request.POST.get("dry_run"))},
    )


@national_view()
def organisations(request, national):
    form = OrganisationForm(request.POST or None, municipalities=Municipality.objects.all())
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(by=request.user, **form.cleaned_data)
        messages.success(request, _("%(name)s is added.") % {"name": organisation})
        return redirect("orgs:organisations")
    return render(
        request,
        "orgs/organisations.html",
        {
            "organisations": Organisation.objects.select_related("municipality", "parent"),
            "form": form,
        },
    )


@national_view(Capability.VIEW_NATIONAL_COMPARISONS)
def national_home(request, national):
    """The national start page: the national pages this person may open."""
    return render(request, "orgs/national_home.html", {"sections": sections_for(national)})
