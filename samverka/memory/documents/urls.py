from django.urls import path

from samverka.memory.documents import views

D = "c/<str:code>/documents/"
DOC = D + "<str:document_code>/"
A = D + "agreements/"

urlpatterns = [
    path(D, views.documents, name="documents"),
    path(D + "new/", views.document_upload, name="document_upload"),
    path(A + "new/", views.agreement_create, name="agreement_create"),
    path(A + "<str:agreement_code>/", views.agreement_edit, name="agreement_edit"),
    path(A + "<str:agreement_code>/delete/", views.agreement_delete, name="agreement_delete"),
    path(DOC + "download", views.document_download, name="document_download"),
    path(DOC + "edit/", views.document_edit, name="document_edit"),
    path(DOC + "delete/", views.document_delete, name="document_delete"),
]
