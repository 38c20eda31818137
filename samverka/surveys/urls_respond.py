"""URLs of the public survey pages for respondents (see urls.py). No login: /s/<code>/."""

from django.urls import path

from samverka.surveys import views_respond

urlpatterns = [
    path("s/<str:link_code>/", views_respond.respond, name="respond"),
    path("s/<str:link_code>/done/", views_respond.done, name="respond_done"),
    path(
        "s/<str:link_code>/audio/<str:item_id>/<str:lang>/",
        views_respond.audio,
        name="respond_audio",
    ),
    path("s/<str:link_code>/<str:token>/send/", views_respond.finish, name="respond_finish"),
    path(
        "s/<str:link_code>/<str:token>/<int:page>/",
        views_respond.question_page,
        name="respond_page",
    ),
]
