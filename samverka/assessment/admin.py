"""Operators see the structure of the collaboration model, never anyone's answers.

Responses and answers are deliberately not registered: they are private to each respondent
and reach others only as aggregates on the results page.
"""

from django.contrib import admin

from samverka.assessment.models import (
    AssessmentRound,
    BoundarySpanner,
    Dilemma,
    LearningSession,
    PhaseChange,
)


@admin.register(AssessmentRound)
class AssessmentRoundAdmin(admin.ModelAdmin):
    list_display = ["collaboration", "number", "opened_at", "closed_at"]
    list_filter = ["collaboration__municipality"]
    readonly_fields = ["code", "instrument_version", "opened_at", "opened_by", "closed_by"]


@admin.register(PhaseChange)
class PhaseChangeAdmin(admin.ModelAdmin):
    list_display = ["collaboration", "from_phase", "to_phase", "changed_on", "changed_by"]
    readonly_fields = ["code", "warnings", "created_at"]


@admin.register(Dilemma)
class DilemmaAdmin(admin.ModelAdmin):
    list_display = ["collaboration", "kind", "title", "occurred_on", "status"]
    list_filter = ["kind", "status"]


@admin.register(LearningSession)
class LearningSessionAdmin(admin.ModelAdmin):
    list_display = ["collaboration", "held_on"]


@admin.register(BoundarySpanner)
class BoundarySpannerAdmin(admin.ModelAdmin):
    list_display = ["collaboration", "__str__", "ended_on"]
