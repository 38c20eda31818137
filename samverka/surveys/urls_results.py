"""URLs of the survey results pages (see urls.py)."""

from django.urls import path

from samverka.surveys import views_results

ROUND = "c/<str:code>/surveys/rounds/<str:round_code>"

urlpatterns = [
    path(f"{ROUND}/results/", views_results.results, name="results"),
    path(f"{ROUND}/compare/", views_results.results_compare, name="results_compare"),
    path(f"{ROUND}/free-text/", views_results.results_text, name="results_text"),
    path(f"{ROUND}/results.<str:fmt>", views_results.results_export, name="results_export"),
    path(f"{ROUND}/summary/", views_results.results_print, name="results_print"),
]

urlpatterns += [
    path("national/surveys/results/", views_results.national, name="national_results"),
]
