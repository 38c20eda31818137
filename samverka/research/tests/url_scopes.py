from datetime import date, timedelta

from django.utils import timezone

from samverka.research.codebook.models import Code
from samverka.research.datasets.models import Dataset
from samverka.research.projects.models import (
    DataKind,
    Inclusion,
    InclusionStatus,
    ProjectMemo,
    ProjectResearcher,
    ResearchProject,
)
from samverka.research.sources.models import Coding, Source, SourceKind

SCOPES = {
    # The person's own list, a new project and the built-in codebook (researchers and the
    # national lead; everyone else 404).
    "research:home": "own",
    "research:project_create": "own",
    "research:builtin_codebook": "own",
    "research:builtin_qdc": "own",
    # A research project's pages: its researchers only (the national lead also reads the
    # project's own page and access log), declared with @research_view.
    "research:project": "research",
    "research:project_edit": "research",
    "research:researchers": "research",
    "research:researcher_remove": "research",
    "research:inclusions_request": "research",
    "research:inclusion_withdraw": "research",
    "research:access_log": "research",
    "research:memos": "research",
    "research:memo_edit": "research",
    "research:codes": "research",
    "research:cooccurrence": "research",
    "research:code_segments": "research",
    "research:code_segments_export": "research",
    "research:code_edit": "research",
    "research:code_move": "research",
    "research:sources": "research",
    "research:source_upload": "research",
    "research:survey_pull": "research",
    "research:source": "research",
    "research:source_edit": "research",
    "research:coding_add": "research",
    "research:coding_edit": "research",
    "research:datasets": "research",
    "research:dataset": "research",
    "research:dataset_export": "research",
    "research:exchange": "research",
    "research:qdpx_export": "research",
    "research:qdc_export": "research",
    "research:qdc_import": "research",
    "research:qdpx_import": "research",
    # The collaboration's side: coordinators and municipal contacts see the projects,
    # coordinators (and the national lead) decide.
    "research:collaboration_research": "collaboration",
    "research:collaboration_inclusion": "collaboration",
}

TRANSCRIPT = (
    "Intervjuare: Hur började samarbetet?\n"
    "Samordnare: Vi träffades på biblioteket och bestämde att göra något ihop."
)


def research_project(world) -> ResearchProject:
    """A project of the national researcher with Kalmar included (approved by kalmar.ngo)."""
    today = timezone.localdate()
    project = ResearchProject.objects.create(
        title="Samverkan i praktiken",
        purpose="Hur samverkan skapar mervärden.",
        ethics_reference="2025-01234-01",
        ethics_approved_on=today - timedelta(days=60),
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=365),
        data_requested=[DataKind.REGISTER, DataKind.SURVEY_ANSWERS, DataKind.FREE_TEXT],
        created_by=world.forskare,
    )
    ProjectResearcher.objects.create(project=project, user=world.forskare, lead=True)
    Inclusion.objects.create(
        project=project,
        collaboration=world.kalmar,
        status=InclusionStatus.APPROVED,
        requested_by=world.forskare,
        decided_by=world.kalmar_ngo,
        decided_at=timezone.now(),
    )
    return project


def url_arguments(world):
    project = research_project(world)
    researcher = project.researchers.get(user=world.forskare)
    inclusion = project.inclusions.get(collaboration=world.kalmar)
    code = Code.objects.create(project=project, name="Relationsbyggande", colour="#5B3F8C")
    source = Source.objects.create(
        project=project,
        collaboration=world.kalmar,
        kind=SourceKind.TRANSCRIPT,
        name="Intervju 1",
        text=TRANSCRIPT,
        created_by=world.forskare,
    )
    coding = Coding.objects.create(source=source, code=code, start=36, end=60)
    memo = ProjectMemo.objects.create(project=project, title="Första intryck", text="…")
    dataset = Dataset.objects.create(
        project=project,
        title="Deltagande",
        starts_on=project.starts_on,
        ends_on=min(project.ends_on, date.today()),
    )
    return {
        "project": project.code,
        "researcher_code": researcher.code,
        "inclusion_code": inclusion.code,
        "memo_code": memo.code,
        "code_code": code.code,
        "source_code": source.code,
        "coding_ref": coding.ref,
        "dataset_code": dataset.code,
    }


# Exports for the formula-injection walker (HELPERS.md, "Exports registry"): the researcher
# downloads the segments of a code (XLSX, CSV) and a dataset (a ZIP of CSV, XLSX and SPSS).
EXPORTS = {
    "research:code_segments_export": {
        "method": "get",
        "data": {"format": "xlsx"},
        "persona": "forskare",
    },
    # The dataset's staff texts are survey item labels in its codebook; the walker's world has
    # no survey answers, so it checks the files are clean rather than finding the planted text.
    "research:dataset_export": {
        "method": "post",
        "data": {},
        "persona": "forskare",
        "texts": False,
    },
}


def plant(world, text):
    """Give the texts researchers write (the code, the source and its passage, the memo) and
    the survey item a dataset labels its variables with the value `text`."""
    project = ResearchProject.objects.filter(
        created_by=world.forskare, title="Samverkan i praktiken"
    ).first()
    if project is None:  # the walker is downloading another app's export
        return
    Code.objects.filter(project=project).update(name=text)
    for source in Source.objects.filter(project=project):
        source.name = text
        source.text = text + "\n" + source.text
        source.save(update_fields=["name", "text"])
        Coding.objects.filter(source=source).update(start=0, end=len(text), memo=text)
    Dataset.objects.filter(project=project).update(title=text)
