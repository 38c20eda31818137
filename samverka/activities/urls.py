from django.urls import path

from samverka.activities import views

app_name = "activities"

urlpatterns = [
    path("c/<str:code>/activities/", views.activity_list, name="list"),
    path("c/<str:code>/activities/new/", views.activity_create, name="create"),
    path("c/<str:code>/activities/<str:activity_code>/", views.activity_detail, name="detail"),
    path("c/<str:code>/activities/<str:activity_code>/edit/", views.activity_edit, name="edit"),
    path("c/<str:code>/activities/<str:activity_code>/themes/", views.theme_add, name="theme_add"),
    path(
        "c/<str:code>/activities/<str:activity_code>/themes/<str:theme_code>/delete/",
        views.theme_delete,
        name="theme_delete",
    ),
    path(
        "c/<str:code>/activities/<str:activity_code>/sessions/new/",
        views.session_create,
        name="session_create",
    ),
    path("c/<str:code>/sessions/", views.my_sessions, name="my_sessions"),
    path("c/<str:code>/sessions/<str:session_code>/", views.attendance, name="attendance"),
    path("c/<str:code>/sessions/<str:session_code>/edit/", views.session_edit, name="session_edit"),
    path("c/<str:code>/sessions/<str:session_code>/headcount/", views.headcount, name="headcount"),
]
