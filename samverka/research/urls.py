from django.urls import path

from samverka.research.codebook import views as codebook
from samverka.research.datasets import views as datasets
from samverka.research.projects import inclusion_views as inclusions
from samverka.research.projects import views as projects
from samverka.research.refiqda import views as refiqda
from samverka.research.sources import views as sources

app_name = "research"

PROJECT = "research/<str:project>/"

urlpatterns = [
    # The list, a new project and the built-in codebook.
    path("research/", projects.home, name="home"),
    path("research/new/", projects.project_create, name="project_create"),
    path("research/codebook/", codebook.builtin_codebook, name="builtin_codebook"),
    path("research/codebook/samverka.qdc", codebook.builtin_qdc, name="builtin_qdc"),
    # A project.
    path(PROJECT, projects.project, name="project"),
    path(PROJECT + "edit/", projects.project_edit, name="project_edit"),
    path(PROJECT + "researchers/", projects.researchers, name="researchers"),
    path(
        PROJECT + "researchers/<str:researcher_code>/remove/",
        projects.researcher_remove,
        name="researcher_remove",
    ),
    path(PROJECT + "inclusions/", projects.inclusions_request, name="inclusions_request"),
    path(
        PROJECT + "inclusions/<str:inclusion_code>/withdraw/",
        projects.inclusion_withdraw,
        name="inclusion_withdraw",
    ),
    path(PROJECT + "log/", projects.access_log, name="access_log"),
    path(PROJECT + "memos/", projects.memos, name="memos"),
    path(PROJECT + "memos/<str:memo_code>/", projects.memo_edit, name="memo_edit"),
    # Codes.
    path(PROJECT + "codes/", codebook.codes, name="codes"),
    path(PROJECT + "codes/co-occurrence/", codebook.codes_cooccurrence, name="cooccurrence"),
    path(PROJECT + "codes/<str:code_code>/", codebook.code_segments, name="code_segments"),
    path(
        PROJECT + "codes/<str:code_code>/segments.export",
        codebook.code_segments_export,
        name="code_segments_export",
    ),
    path(PROJECT + "codes/<str:code_code>/edit/", codebook.code_edit, name="code_edit"),
    path(PROJECT + "codes/<str:code_code>/move/", codebook.code_move, name="code_move"),
    # Sources and coding.
    path(PROJECT + "sources/", sources.sources, name="sources"),
    path(PROJECT + "sources/upload/", sources.source_upload, name="source_upload"),
    path(PROJECT + "sources/survey/", sources.survey_pull, name="survey_pull"),
    path(PROJECT + "sources/<str:source_code>/", sources.source, name="source"),
    path(PROJECT + "sources/<str:source_code>/edit/", sources.source_edit, name="source_edit"),
    path(PROJECT + "sources/<str:source_code>/code/", sources.coding_add, name="coding_add"),
    path(
        PROJECT + "sources/<str:source_code>/codings/<str:coding_ref>/",
        sources.coding_edit,
        name="coding_edit",
    ),
    # Datasets.
    path(PROJECT + "datasets/", datasets.datasets, name="datasets"),
    path(PROJECT + "datasets/<str:dataset_code>/", datasets.dataset, name="dataset"),
    path(
        PROJECT + "datasets/<str:dataset_code>/export/",
        datasets.dataset_export,
        name="dataset_export",
    ),
    # REFI-QDA.
    path(PROJECT + "exchange/", refiqda.exchange, name="exchange"),
    path(PROJECT + "exchange/project.qdpx", refiqda.project_export, name="qdpx_export"),
    path(PROJECT + "exchange/codebook.qdc", refiqda.codebook_export, name="qdc_export"),
    path(PROJECT + "exchange/import-codebook/", refiqda.codebook_import, name="qdc_import"),
    path(PROJECT + "exchange/import-project/", refiqda.project_import, name="qdpx_import"),
    # The collaboration's side: which projects include it, and the coordinator's decision.
    path(
        "c/<str:code>/research/", inclusions.collaboration_research, name="collaboration_research"
    ),
    path(
        "c/<str:code>/research/<str:inclusion_code>/",
        inclusions.collaboration_inclusion,
        name="collaboration_inclusion",
    ),
]
