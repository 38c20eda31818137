"""Who reads and who writes the knowledge bank and the course outlines.

Every logged-in member reads: a person with an active membership in some collaboration, a
national role, or a bank editor. The national lead (Capability.EDIT_KNOWLEDGE_BANK) and the
people it names as editors (BankEditor) write. The bank is national, so these pages are
"own" pages (login, no collaboration in the URL); public items have their own public pages.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samverka.accounts.roles import Capability
from samverka.orgs.decorators import national_access


def is_bank_editor(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    national = national_access(user)
    if national is not None and national.can(Capability.EDIT_KNOWLEDGE_BANK):
        return True
    from samverka.knowledge.bank.models import BankEditor

    return BankEditor.objects.filter(user=user).exists()


def is_bank_reader(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.national_role or user.memberships.active().exists():
        return True
    return is_bank_editor(user)


def bank_view(*, edit: bool = False):
    """A knowledge-bank page: anonymous → login; no membership anywhere → 404; a reader on an
    editor's page → 403. The view gets `can_edit` as a keyword."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if not is_bank_reader(request.user):
                raise Http404
            can_edit = is_bank_editor(request.user)
            if edit and not can_edit:
                raise PermissionDenied
            return view(request, *args, can_edit=can_edit, **kwargs)

        return wrapper

    return decorate
