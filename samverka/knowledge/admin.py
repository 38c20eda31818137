from django.contrib import admin

from samverka.knowledge.models import BankEditor, Course, Item, Module


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "theme_category", "is_public", "builtin_key"]
    list_filter = ["kind", "theme_category", "is_public"]
    search_fields = ["title", "keywords"]
    readonly_fields = ["current", "title", "summary", "body", "builtin_key", "builtin_hash"]


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "builtin_key", "edited"]


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "order"]
    list_filter = ["course"]


@admin.register(BankEditor)
class BankEditorAdmin(admin.ModelAdmin):
    list_display = ["user", "named_by", "named_at"]
