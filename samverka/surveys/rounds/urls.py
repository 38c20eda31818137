"""URLs of the survey rounds pages (in the 'surveys' namespace, see surveys/urls.py)."""

from django.urls import path

from samverka.surveys.rounds import views

urlpatterns = [
    path("c/<str:code>/surveys/", views.index, name="index"),
    path("c/<str:code>/surveys/rounds/new/", views.round_create, name="round_create"),
    path(
        "c/<str:code>/surveys/rounds/<str:round_code>/",
        views.round_detail,
        name="round",
    ),
    path(
        "c/<str:code>/surveys/rounds/<str:round_code>/edit/",
        views.round_edit,
        name="round_edit",
    ),
    path(
        "c/<str:code>/surveys/rounds/<str:round_code>/close/",
        views.round_close,
        name="round_close",
    ),
    path(
        "c/<str:code>/surveys/rounds/<str:round_code>/poster/",
        views.round_poster,
        name="round_poster",
    ),
]
