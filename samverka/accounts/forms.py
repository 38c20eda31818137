from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverka.accounts.models import Invitation, Membership, User
from samverka.accounts.roles import INVITABLE_BY_COORDINATOR, MEMBERSHIP_ROLES, NationalRole
from samverka.orgs.models import Organisation


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "The username or password is wrong. After several failed attempts the "
            "account is locked for a while."
        ),
        "inactive": _("This account is not active."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The six digits from your authenticator app, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self):
        return self.cleaned_data["token"].replace(" ", "").strip()


class SetupTokenForm(TokenForm):
    """Confirms a new authenticator: backup codes do not exist yet."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].help_text = _("The six digits your authenticator app shows now.")


class AccountForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "language"]


class SignupForm(UserCreationForm):
    """Create an account when accepting an invitation."""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "first_name", "last_name", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["name", "email", "role", "organisation"]
        help_texts = {
            "email": _(
                "Optional. Without an email address, copy the link and send it another way."
            ),
        }

    def __init__(self, *args, collaboration, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        roles = roles or INVITABLE_BY_COORDINATOR
        # No role is chosen in advance: the one who invites picks it (least powerful first).
        self.fields["role"].choices = [
            ("", _("Choose a role")),
            *((r.value, r.label) for r in roles),
        ]
        self.fields["role"].initial = ""
        self.fields["organisation"].queryset = Organisation.objects.filter(
            Q(pk=collaboration.lead_organisation_id) | Q(partner_in=collaboration)
        ).distinct()


class MembershipForm(forms.ModelForm):
    """National staff give an existing person a role in any collaboration."""

    class Meta:
        model = Membership
        fields = ["collaboration", "role", "organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in MEMBERSHIP_ROLES]
        self.fields["collaboration"].queryset = self.fields[
            "collaboration"
        ].queryset.select_related("municipality")


class NationalRoleForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["national_role", "is_active"]
        labels = {"is_active": _("Account active")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["national_role"].choices = NationalRole.choices
