"""URLs of the survey results pages (in the 'surveys' namespace, see surveys/urls.py)."""

from django.urls import path

from samverka.surveys.results import views

ROUND = "c/<str:code>/surveys/rounds/<str:round_code>"

urlpatterns = [
    path(f"{ROUND}/results/", views.results, name="results"),
    path(f"{ROUND}/compare/", views.results_compare, name="results_compare"),
    path(f"{ROUND}/free-text/", views.results_text, name="results_text"),
    path(f"{ROUND}/results.<str:fmt>", views.results_export, name="results_export"),
    path(f"{ROUND}/summary/", views.results_print, name="results_print"),
]

urlpatterns += [
    path("national/surveys/results/", views.national, name="national_results"),
]
