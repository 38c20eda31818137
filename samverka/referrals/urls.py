from django.urls import path

from samverka.referrals import national, views

app_name = "referrals"

urlpatterns = [
    path("c/<str:code>/actors/", views.directory, name="directory"),
    path("c/<str:code>/actors/services/new/", views.service_form, name="service_create"),
    path(
        "c/<str:code>/actors/services/<str:service_code>/edit/",
        views.service_form,
        name="service_edit",
    ),
    path("c/<str:code>/actors/relations/", views.relation_list, name="relations"),
    path("c/<str:code>/actors/map/", views.actor_map, name="map"),
    path("c/<str:code>/actors/coverage/", views.coverage, name="coverage"),
    path("c/<str:code>/referrals/", views.referral_list, name="list"),
    path("c/<str:code>/referrals/new/", views.referral_create, name="create"),
    path("c/<str:code>/referrals/gaps/", views.gaps, name="gaps"),
    path("c/<str:code>/referrals/gaps/export.csv", views.gaps_export, name="gaps_export"),
    path("c/<str:code>/referrals/<str:referral_code>/", views.referral_detail, name="detail"),
    path("national/referrals/gaps/", national.national_gaps, name="national_gaps"),
    path(
        "national/referrals/gaps/export.csv",
        national.national_gaps_export,
        name="national_gaps_export",
    ),
]
