from django.urls import path

from samverka.orgs import views

app_name = "orgs"

urlpatterns = [
    path("c/<str:code>/", views.collaboration, name="collaboration"),
    path("c/<str:code>/edit/", views.collaboration_edit, name="collaboration_edit"),
    path("c/<str:code>/partners/", views.partners, name="partners"),
    path("c/<str:code>/partners/new/", views.organisation_create, name="organisation_create"),
    path(
        "c/<str:code>/partners/<str:organisation_code>/remove/",
        views.partner_remove,
        name="partner_remove",
    ),
    path("national/", views.national_home, name="national_home"),
    path("national/collaborations/new/", views.collaboration_create, name="collaboration_create"),
    path("national/municipalities/", views.municipalities, name="municipalities"),
    path(
        "national/municipalities/import/",
        views.municipalities_import,
        name="municipalities_import",
    ),
    path("national/organisations/", views.organisations, name="organisations"),
]
