from django.contrib import admin

from samverka.orgs.models import Collaboration, Municipality, Organisation


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "county"]
    search_fields = ["code", "name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "code"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "code"]


@admin.register(Collaboration)
class CollaborationAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "phase", "starts_on", "ends_on", "code"]
    list_filter = ["phase", "municipality"]
    search_fields = ["name", "code"]
    filter_horizontal = ["partners"]
