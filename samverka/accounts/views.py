import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from samverka.accounts import services
from samverka.accounts.forms import (
    AccountForm,
    InvitationForm,
    LoginForm,
    MembershipForm,
    NationalRoleForm,
    SetupTokenForm,
    SignupForm,
    TokenForm,
)
from samverka.accounts.middleware import LOGIN_AT_KEY
from samverka.accounts.models import Membership, User
from samverka.accounts.roles import INVITABLE_BY_NATIONAL_LEAD, Capability
from samverka.lib.qr import qr_svg
from samverka.orgs.decorators import collaboration_view, national_view


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _apply_language(response, user):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        user.language,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)  # rotates the session id
        self.request.session[LOGIN_AT_KEY] = int(time.time())
        services.login_record(by=form.get_user())
        return _apply_language(response, form.get_user())


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            services.logout_record(by=request.user)
        return super().post(request, *args, **kwargs)


@login_required
def verify(request):
    """Second step of login: a code from the authenticator app or a backup code."""
    if request.user.is_verified():
        return redirect(_safe_next(request, reverse("home")))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_safe_next(request, reverse("home")))
        form.add_error("token", _("The code is wrong or has expired. Try the next code."))
    return render(request, "accounts/verify.html", {"form": form})


@login_required
def two_factor_setup(request):
    user = request.user
    if user_has_device(user, confirmed=True) and not user.is_verified():
        return redirect("accounts:verify")
    device = services.totp_device_pending(by=user)
    form = SetupTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = services.two_factor_enable(device=device, by=user)
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return render(request, "accounts/backup_codes.html", {"codes": codes})
        form.add_error("token", _("The code is wrong or has expired. Try the next code."))
    qr = qr_svg(device.config_url, box_size=8)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr,
            "secret": _base32_key(device),
            "required": user.requires_two_factor,
        },
    )


def _base32_key(device) -> str:
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@login_required
@require_POST
def backup_codes(request):
    if not request.user.is_verified():
        raise PermissionDenied
    codes = services.backup_codes_renew(by=request.user)
    return render(request, "accounts/backup_codes.html", {"codes": codes})


@login_required
@require_POST
def two_factor_disable(request):
    if request.user.requires_two_factor:
        messages.error(request, _("Your role requires two-factor authentication."))
    elif request.user.is_verified():
        services.two_factor_disable(by=request.user)
        messages.success(request, _("Two-factor authentication is off."))
    return redirect("accounts:account")


@login_required
def account(request):
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_update(by=request.user, **form.cleaned_data)
        messages.success(request, _("Your details are saved."))
        return _apply_language(redirect("accounts:account"), request.user)
    memberships = (
        request.user.memberships.active()
        .select_related("collaboration", "collaboration__municipality")
        .order_by("collaboration__name")
    )
    return render(
        request,
        "accounts/account.html",
        {
            "form": form,
            "has_two_factor": user_has_device(request.user, confirmed=True),
            "memberships": memberships,
        },
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        services.password_change(password=form.cleaned_data["new_password1"], by=form.user)
        # The other sessions of the account end; this one goes on.
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("Your password is changed."))
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link by email. The answer is the same whether the address is known."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        services.password_reset(password=form.cleaned_data["new_password1"], by=form.user)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        messages.success(self.request, _("Your new password is saved. Log in with it."))
        return HttpResponseRedirect(self.get_success_url())


@require_POST
def set_language(request):
    """Django's language switch, also remembered on the person's account."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.account_language_set(language=language, by=request.user)
    return response


def invitation(request, token):
    """Accept an invitation: log in with an existing account or create one."""
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        if request.method == "POST":
            services.invitation_accept(invitation=invitation, by=request.user)
            messages.success(
                request, _("Welcome to %(name)s.") % {"name": invitation.collaboration}
            )
            return redirect("orgs:collaboration", invitation.collaboration.code)
        return render(request, "accounts/invitation.html", {"invitation": invitation})
    # The name the inviter wrote, as a start: the first word as first name, the rest as last.
    first, _space, last = invitation.name.strip().partition(" ")
    initial = {"email": invitation.email, "first_name": first, "last_name": last.strip()}
    form = SignupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = {k: data[k] for k in ("username", "first_name", "last_name", "email")}
        user = services.invitation_sign_up(
            invitation=invitation, password=data["password1"], **person
        )
        auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        request.session[LOGIN_AT_KEY] = int(time.time())
        messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.collaboration})
        return redirect("orgs:collaboration", invitation.collaboration.code)
    return render(request, "accounts/invitation.html", {"invitation": invitation, "form": form})


# --- Members of one collaboration -------------------------------------------------


@collaboration_view(Capability.VIEW_MEMBERS)
def members(request, access):
    collaboration = access.collaboration
    rows = (
        collaboration.memberships.active()
        .select_related("user", "organisation")
        .order_by("role", "user__first_name", "user__last_name")
    )
    invitations = collaboration.invitations.pending().select_related("invited_by")
    return render(
        request,
        "accounts/members.html",
        {
            "access": access,
            "collaboration": collaboration,
            "memberships": rows,
            "invitations": invitations if access.can(Capability.INVITE_MEMBERS) else [],
        },
    )


@collaboration_view(Capability.INVITE_MEMBERS)
def member_invite(request, access):
    collaboration = access.collaboration
    roles = INVITABLE_BY_NATIONAL_LEAD if request.user.is_national_lead else None
    form = InvitationForm(request.POST or None, collaboration=collaboration, roles=roles)
    if request.method == "POST" and form.is_valid():
        invitation, link = services.invitation_create(
            collaboration=collaboration,
            by=request.user,
            **{k: form.cleaned_data[k] for k in ("role", "name", "email", "organisation")},
        )
        return render(
            request,
            "accounts/invitation_sent.html",
            {"collaboration": collaboration, "invitation": invitation, "link": link},
        )
    return render(
        request, "accounts/member_invite.html", {"collaboration": collaboration, "form": form}
    )


@collaboration_view(Capability.INVITE_MEMBERS)
@require_POST
def member_end(request, access, membership_code):
    membership = get_object_or_404(access.collaboration.memberships.active(), code=membership_code)
    if membership.user_id == request.user.id:
        messages.error(request, _("You cannot end your own membership."))
    else:
        services.membership_end(membership=membership, by=request.user)
        messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
    return redirect("accounts:members", access.code)


@collaboration_view(Capability.INVITE_MEMBERS)
@require_POST
def invitation_revoke(request, access, invitation_code):
    invitation = get_object_or_404(access.collaboration.invitations.all(), code=invitation_code)
    services.invitation_revoke(invitation=invitation, by=request.user)
    messages.success(request, _("The invitation is withdrawn."))
    return redirect("accounts:members", access.code)


# --- National staff: people and memberships everywhere -----------------------------


@national_view()
def people(request, national):
    query = request.GET.get("q", "").strip()
    users = User.objects.prefetch_related("memberships__collaboration").order_by(
        "first_name", "last_name"
    )
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
        )
    return render(request, "accounts/people.html", {"people": users, "query": query})


@national_view()
def person(request, national, user_code):
    subject = get_object_or_404(User, code=user_code)
    role_form = NationalRoleForm(
        request.POST if request.POST.get("form") == "role" else None,
        instance=subject,
        prefix="role",
    )
    membership_form = MembershipForm(
        request.POST if request.POST.get("form") == "membership" else None, prefix="m"
    )
    if request.method == "POST":
        if role_form.is_bound and role_form.is_valid():
            try:
                services.person_update(person=subject, by=request.user, **role_form.cleaned_data)
            except ValidationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Saved."))
                return redirect("accounts:person", subject.code)
        if membership_form.is_bound and membership_form.is_valid():
            services.membership_add(user=subject, by=request.user, **membership_form.cleaned_data)
            messages.success(request, _("The membership is added."))
            return redirect("accounts:person", subject.code)
    return render(
        request,
        "accounts/person.html",
        {
            "subject": subject,
            "role_form": role_form,
            "membership_form": membership_form,
            "memberships": subject.memberships.active().select_related(
                "collaboration", "collaboration__municipality", "organisation"
            ),
        },
    )


@national_view()
@require_POST
def person_membership_end(request, national, user_code, membership_code):
    membership = get_object_or_404(
        Membership.objects.active(), code=membership_code, user__code=user_code
    )
    services.membership_end(membership=membership, by=request.user)
    messages.success(request, _("The membership is ended."))
    return redirect("accounts:person", user_code)
