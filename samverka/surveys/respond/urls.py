"""URLs of the public survey pages for respondents (in the 'surveys' namespace, see
surveys/urls.py). No login: /s/<code>/."""

from django.urls import path

from samverka.surveys.respond import views

urlpatterns = [
    path("s/<str:link_code>/", views.respond, name="respond"),
    path("s/<str:link_code>/done/", views.done, name="respond_done"),
    path(
        "s/<str:link_code>/audio/<str:item_id>/<str:lang>/",
        views.audio,
        name="respond_audio",
    ),
    path("s/<str:link_code>/<str:token>/send/", views.finish, name="respond_finish"),
    path(
        "s/<str:link_code>/<str:token>/<int:page>/",
        views.question_page,
        name="respond_page",
    ),
]
