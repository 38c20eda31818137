from django.urls import path

from samverka.memory.continuation import views

urlpatterns = [
    path("c/<str:code>/continuation/", views.continuation_list, name="continuation"),
    path(
        "c/<str:code>/continuation/<str:activity_code>/",
        views.continuation_edit,
        name="continuation_edit",
    ),
]
