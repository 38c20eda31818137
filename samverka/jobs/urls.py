from django.urls import path

from samverka.jobs import views

app_name = "jobs"

urlpatterns = [
    path("jobs/<str:job_code>/", views.detail, name="detail"),
    path("jobs/<str:job_code>/download", views.download, name="download"),
]
