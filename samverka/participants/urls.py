from django.urls import path

from samverka.participants import views

app_name = "participants"

urlpatterns = [
    path("c/<str:code>/participants/", views.participant_list, name="list"),
    path("c/<str:code>/participants/new/", views.participant_create, name="create"),
    path(
        "c/<str:code>/participants/<str:participant_code>/", views.participant_detail, name="detail"
    ),
    path(
        "c/<str:code>/participants/<str:participant_code>/edit/",
        views.participant_edit,
        name="edit",
    ),
    path(
        "c/<str:code>/participants/<str:participant_code>/identity/",
        views.participant_identity,
        name="identity",
    ),
    path(
        "c/<str:code>/participants/<str:participant_code>/consent/",
        views.participant_consent,
        name="consent",
    ),
    path(
        "c/<str:code>/participants/<str:participant_code>/erase/",
        views.participant_erase,
        name="erase",
    ),
    path(
        "c/<str:code>/participants/<str:participant_code>/card/",
        views.participant_card,
        name="card",
    ),
    path(
        "c/<str:code>/participants/<str:participant_code>/stored/",
        views.participant_stored,
        name="stored",
    ),
    path("c/<str:code>/households/<str:household_code>/", views.household_detail, name="household"),
    path("c/<str:code>/consent-notice/", views.consent_notice, name="notice"),
]
