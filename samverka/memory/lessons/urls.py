from django.urls import path

from samverka.memory.lessons import views

L = "c/<str:code>/lessons/"
ONE = L + "<str:lesson_code>/"

urlpatterns = [
    path(L, views.lessons, name="lessons"),
    path(L + "new/", views.lesson_create, name="lesson_create"),
    path(ONE, views.lesson_detail, name="lesson"),
    path(ONE + "edit/", views.lesson_edit, name="lesson_edit"),
    path(ONE + "share/", views.lesson_share, name="lesson_share"),
    path(ONE + "unshare/", views.lesson_unshare, name="lesson_unshare"),
    path(ONE + "delete/", views.lesson_delete, name="lesson_delete"),
    path("lessons/", views.library, name="library"),
    path("lessons/<str:lesson_code>/", views.library_lesson, name="library_lesson"),
    path(
        "lessons/<str:lesson_code>/withdraw/",
        views.library_withdraw,
        name="library_withdraw",
    ),
]
