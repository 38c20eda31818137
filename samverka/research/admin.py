"""Operators see research projects and their inclusions read-only: every change goes through
the services (and the audit trail); the material itself is not shown here."""

from django.contrib import admin

from samverka.research.projects.models import Inclusion, ProjectResearcher, ResearchProject


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ResearcherInline(admin.TabularInline):
    model = ProjectResearcher
    fields = ["user", "lead", "added_at", "removed_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


class InclusionInline(admin.TabularInline):
    model = Inclusion
    fields = ["collaboration", "status", "decided_by", "decided_at", "ended_by", "ended_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(ResearchProject)
class ResearchProjectAdmin(ReadOnly):
    list_display = ["title", "ethics_reference", "starts_on", "ends_on"]
    search_fields = ["title", "ethics_reference"]
    fields = ["title", "purpose", "ethics_reference", "ethics_approved_on", "starts_on", "ends_on"]
    inlines = [ResearcherInline, InclusionInline]


@admin.register(Inclusion)
class InclusionAdmin(ReadOnly):
    list_display = ["project", "collaboration", "status", "decided_at", "ended_at"]
    list_filter = ["status"]
