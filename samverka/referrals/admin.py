from django.contrib import admin

from samverka.referrals.models import ActorRelation, Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    search_fields = ["name"]


@admin.register(ActorRelation)
class ActorRelationAdmin(admin.ModelAdmin):
    list_display = ["from_organisation", "kind", "to_organisation", "collaboration"]
