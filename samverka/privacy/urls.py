from django.urls import path

from samverka.privacy import views

app_name = "privacy"

urlpatterns = [
    path("c/<str:code>/privacy/", views.collaboration_record, name="collaboration_record"),
    path(
        "c/<str:code>/privacy/pdf/",
        views.collaboration_record_pdf,
        name="collaboration_record_pdf",
    ),
    path("national/privacy/", views.national_record, name="national_record"),
    path("national/privacy/pdf/", views.national_record_pdf, name="national_record_pdf"),
]
