from django.urls import path

from samverka.memory.handovers import views

H = "c/<str:code>/handovers/"

urlpatterns = [
    path(H, views.handover_list, name="handovers"),
    path(H + "new/", views.handover_create, name="handover_create"),
    path(H + "<str:handover_code>/", views.handover_detail, name="handover"),
    path(H + "<str:handover_code>/edit/", views.handover_edit, name="handover_edit"),
    path(H + "<str:handover_code>/read/", views.handover_read, name="handover_read"),
    path(H + "<str:handover_code>/delete/", views.handover_delete, name="handover_delete"),
]
