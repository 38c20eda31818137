from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samverka.accounts.roles import Capability
from samverka.lib.disclosure import display
from samverka.lib.exports import download
from samverka.orgs.decorators import collaboration_view
from samverka.referrals import selectors, services
from samverka.referrals.forms import ReferralForm, RelationForm, ServiceForm
from samverka.referrals.models import ReferralStatus


def _ctx(access, **extra):
    return {
        "collaboration": access.collaboration,
        "can_manage": access.can(Capability.MANAGE_ACTORS),
        "can_record": access.can(Capability.RECORD_REFERRALS),
        "can_view": access.can(Capability.VIEW_REFERRALS),
        **extra,
    }


# Actor directory ------------------------------------------------------------------------------


@collaboration_view(
    any_of=(
        Capability.MANAGE_ACTORS,
        Capability.RECORD_REFERRALS,
    )
)
def directory(request, access):
    collaboration = access.collaboration
    return render(
        request,
        "referrals/directory.html",
        _ctx(access, services=selectors.services_for(collaboration)),
    )


@collaboration_view(Capability.MANAGE_ACTORS)
def service_form(request, access, service_code=None):
    collaboration = access.collaboration
    service = (
        get_object_or_404(selectors.services_for(collaboration), code=service_code)
        if service_code
        else None
    )
    form = ServiceForm(request.POST or None, instance=service, collaboration=collaboration)
    if request.method == "POST" and form.is_valid():
        if service is None:
            services.service_create(
                collaboration=collaboration, by=request.user, **form.cleaned_data
            )
        else:
            services.service_update(
                service=service, collaboration=collaboration, by=request.user, **form.cleaned_data
            )
        messages.success(request, _("The service was saved."))
        return redirect("referrals:directory", collaboration.code)
    return render(request, "referrals/form.html", _ctx(access, form=form, title=_("Service")))


@collaboration_view(
    any_of=(
        Capability.MANAGE_ACTORS,
        Capability.RECORD_REFERRALS,
    )
)
def relation_list(request, access):
    collaboration = access.collaboration
    form = RelationForm(request.POST or None, collaboration=collaboration)
    if request.method == "POST":
        access.require(Capability.MANAGE_ACTORS)
        if form.is_valid():
            services.relation_create(
                collaboration=collaboration, by=request.user, **form.cleaned_data
            )
            messages.success(request, _("The relation was saved."))
            return redirect("referrals:relations", collaboration.code)
    return render(
        request,
        "referrals/relations.html",
        _ctx(access, relations=selectors.relations_for(collaboration), form=form),
    )


def map_data(collaboration) -> dict:
    relations = list(selectors.relations_for(collaboration))
    members = {collaboration.lead_organisation_id} | set(
        collaboration.partners.values_list("id", flat=True)
    )
    nodes = {}
    for relation in relations:
        for org in (relation.from_organisation, relation.to_organisation):
            nodes[org.id] = {"id": org.code, "label": org.name, "member": org.id in members}
    for org in [collaboration.lead_organisation, *collaboration.partners.all()]:
        nodes.setdefault(org.id, {"id": org.code, "label": org.name, "member": True})
    edges = [
        {
            "id": r.code,
            "source": r.from_organisation.code,
            "target": r.to_organisation.code,
            "label": r.get_kind_display(),
        }
        for r in relations
    ]
    return {"nodes": list(nodes.values()), "edges": edges}


@collaboration_view(
    any_of=(
        Capability.MANAGE_ACTORS,
        Capability.RECORD_REFERRALS,
    )
)
def actor_map(request, access):
    collaboration = access.collaboration
    return render(
        request,
        "referrals/map.html",
        _ctx(
            access,
            map_data=map_data(collaboration),
            relations=selectors.relations_for(collaboration),
        ),
    )


@collaboration_view(
    any_of=(
        Capability.MANAGE_ACTORS,
        Capability.RECORD_REFERRALS,
    )
)
def coverage(request, access):
    actors, rows = selectors.coverage(access.collaboration)
    return render(request, "referrals/coverage.html", _ctx(access, actors=actors, rows=rows))


# Referrals ----------------------------------------------------------------------------------------


@collaboration_view(
    any_of=(
        Capability.VIEW_REFERRALS,
        Capability.RECORD_REFERRALS,
    )
)
def referral_list(request, access):
    referrals = selectors.referrals_seen_by(access)
    status = request.GET.get("status", "")
    if status in ReferralStatus.values:
        referrals = referrals.filter(status=status)
    return render(
        request,
        "referrals/list.html",
        _ctx(access, referrals=referrals, status=status, statuses=ReferralStatus.choices),
    )


def _referral_form(request, access, referral, creating):
    collaboration = access.collaboration
    form = ReferralForm(
        request.POST or None, instance=referral, collaboration=collaboration, creating=creating
    )
    if request.method == "POST" and form.is_valid():
        try:
            if creating:
                referral = services.referral_create(
                    collaboration=collaboration, by=request.user, **form.cleaned_data
                )
            else:
                referral = services.referral_update(
                    referral=referral, by=request.user, **form.cleaned_data
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The referral was saved."))
            return redirect("referrals:detail", collaboration.code, referral.code)
    return render(
        request,
        "referrals/referral_form.html",
        _ctx(access, form=form, referral=referral if not creating else None),
    )


@collaboration_view(Capability.RECORD_REFERRALS)
def referral_create(request, access):
    return _referral_form(request, access, None, creating=True)


@collaboration_view(
    any_of=(
        Capability.VIEW_REFERRALS,
        Capability.RECORD_REFERRALS,
    )
)
def referral_detail(request, access, referral_code):
    referral = get_object_or_404(selectors.referrals_seen_by(access), code=referral_code)
    if request.method == "POST":
        access.require(Capability.RECORD_REFERRALS)
        return _referral_form(request, access, referral, creating=False)
    form = ReferralForm(instance=referral, collaboration=access.collaboration, creating=False)
    return render(
        request,
        "referrals/detail.html",
        _ctx(access, referral=referral, form=form),
    )


# Gaps -----------------------------------------------------------------------------------------


@collaboration_view(
    any_of=(
        Capability.VIEW_REFERRALS,
        Capability.VIEW_AGGREGATES,
    )
)
def gaps(request, access):
    collaboration = access.collaboration
    rows = [
        {
            **row,
            "raised_without_actor": display(row["raised_without_actor"]),
            "failed_referrals": display(row["failed_referrals"]),
        }
        for row in selectors.gap_rows(collaboration)
    ]
    return render(request, "referrals/gaps.html", _ctx(access, rows=rows))


@collaboration_view(
    any_of=(
        Capability.VIEW_REFERRALS,
        Capability.VIEW_AGGREGATES,
    )
)
def gaps_export(request, access):
    collaboration = access.collaboration
    content = services.gaps_export(collaboration=collaboration, by=request.user)
    return download(content, f"gaps-{collaboration.code}.csv")
