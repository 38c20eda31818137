"""Large datasets are made in the background (samverka/jobs): the producer re-checks that the
person who asked is still one of the project's researchers and works in the tenant scope of
the inclusions approved at that moment."""

from django.utils import translation
from django.utils.translation import gettext as _

from samverka.jobs.services import Output, producer
from samverka.lib.scoping import collaboration_scope
from samverka.research.datasets.formats import ZIP_TYPE

KIND = "research.dataset"


def may_open(job, user) -> bool:
    from samverka.research.projects.models import ProjectResearcher

    return (
        ProjectResearcher.objects.active()
        .filter(project__code=job.params.get("project", ""), user=user)
        .exists()
    )


@producer(KIND, may_open=may_open)
def dataset_file(job, progress) -> Output:
    from samverka.research.access import approved_collaboration_ids
    from samverka.research.datasets.models import Dataset
    from samverka.research.datasets.services import dataset_export

    dataset = Dataset.objects.select_related("project").get(
        code=job.params["dataset"], project__code=job.params["project"]
    )
    if not may_open(job, job.requested_by):
        raise PermissionError("no longer a researcher of the project")
    progress(10, _("Reading the participants"))
    ids = approved_collaboration_ids(dataset.project)
    language = job.params.get("language", "sv")
    # The project's material reaches across collaborations: exactly the approved ones.
    with translation.override(language), collaboration_scope(sorted(ids)):
        content, filename = dataset_export(dataset=dataset, by=job.requested_by, language=language)
    return Output(content=content, filename=filename, content_type=ZIP_TYPE)
