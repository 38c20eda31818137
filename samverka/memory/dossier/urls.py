from django.urls import path

from samverka.memory.dossier import views

T = "c/<str:code>/transition/"

urlpatterns = [
    path(T, views.dossier, name="dossier"),
    path(T + "pdf/", views.dossier_pdf, name="dossier_pdf"),
    path(T + "zip/", views.dossier_zip, name="dossier_zip"),
]
