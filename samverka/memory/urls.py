"""Every URL of the organisational memory, gathered from its workflows (one namespace)."""

from samverka.memory.continuation.urls import urlpatterns as continuation
from samverka.memory.documents.urls import urlpatterns as documents
from samverka.memory.dossier.urls import urlpatterns as dossier
from samverka.memory.handovers.urls import urlpatterns as handovers
from samverka.memory.lessons.urls import urlpatterns as lessons
from samverka.memory.pearls.urls import urlpatterns as pearls

app_name = "memory"

urlpatterns = [*continuation, *handovers, *documents, *dossier, *lessons, *pearls]
