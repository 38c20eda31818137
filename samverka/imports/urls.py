from django.urls import path

from samverka.imports import views

app_name = "imports"

urlpatterns = [
    path("c/<str:code>/import/", views.upload, name="upload"),
    path("c/<str:code>/import/template.csv", views.template_csv, name="template_csv"),
    path("c/<str:code>/import/template.xlsx", views.template_xlsx, name="template_xlsx"),
    path("c/<str:code>/import/<str:pending_code>/", views.preview, name="preview"),
]
