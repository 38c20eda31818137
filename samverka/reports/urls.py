from django.urls import path

from samverka.reports import views

app_name = "reports"

urlpatterns = [
    path("c/<str:code>/reports/funder/", views.funder, name="funder"),
    path("c/<str:code>/reports/funder/export/", views.funder_export, name="funder_export"),
    path("national/reports/funder/", views.national_funder, name="national_funder"),
    path(
        "national/reports/funder/export/",
        views.national_funder_export,
        name="national_funder_export",
    ),
]
