from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from samverka.accounts.models import Invitation, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    fields = ["collaboration", "role", "organisation", "ended_at"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        ("Samverka", {"fields": ["national_role", "language"]}),
    ]
    list_display = ["username", "first_name", "last_name", "national_role", "is_active"]
    list_filter = ["national_role", "is_active", "is_staff"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["name", "collaboration", "role", "created_at", "expires_at", "accepted_at"]
    exclude = ["token_hash"]
