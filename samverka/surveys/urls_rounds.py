"""URLs of the survey rounds pages (see urls.py)."""

from django.urls import path

from samverka.surveys import views_rounds

urlpatterns = [
    path("c/<str:code>/surveys/", views_rounds.index, name="index"),
    path("c/<str:code>/surveys/rounds/new/", views_rounds.round_create, name="round_create"),
    path(
        "c/<str:code>/surveys/rounds/<str:round_code>/",
        views_rounds.round_detail,
        name="round",
    ),
    path(
        "c/<str:code>/surveys/rounds/<str:round_code>/edit/",
        views_rounds.round_edit,
        name="round_edit",
    ),
    path(
        "c/<str:code>/surveys/rounds/<str:round_code>/close/",
        views_rounds.round_close,
        name="round_close",
    ),
    path(
        "c/<str:code>/surveys/rounds/<str:round_code>/poster/",
        views_rounds.round_poster,
        name="round_poster",
    ),
]
