from django.urls import path

from samverka.memory.pearls import views

INH = "c/<str:code>/inherited/"
P = INH + "<str:pearl_code>/"
DR = "c/<str:code>/drafts/"

urlpatterns = [
    path(INH, views.inherited, name="inherited"),
    path(P + "take-over/", views.take_over, name="take_over"),
    path(P + "transition/", views.inherited_dossier, name="inherited_dossier"),
    path(
        P + "documents/<str:document_code>/download",
        views.inherited_document,
        name="inherited_document",
    ),
    path("c/<str:code>/chain/", views.chain, name="chain"),
    path(DR, views.drafts, name="drafts"),
    path(DR + "<str:draft_code>/", views.draft_adopt, name="draft"),
    path(DR + "<str:draft_code>/discard/", views.draft_discard, name="draft_discard"),
]
