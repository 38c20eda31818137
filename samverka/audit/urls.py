from django.urls import path

from samverka.audit import views

app_name = "audit"

urlpatterns = [
    path("c/<str:code>/audit/", views.collaboration_trail, name="collaboration_trail"),
    path("national/audit/", views.national_trail, name="national_trail"),
]
