"""Workflows of datasets: defining one and exporting it (each export audited with the
project). Exports run in the tenant scope of the project's approved inclusions: a revoked
collaboration is not in the next file."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import save_audited
from samverka.research.datasets import build, formats
from samverka.research.datasets.models import Dataset
from samverka.research.projects.models import DataKind
from samverka.research.projects.selectors import audit_detail
from samverka.research.projects.services import research_audit


def _check(project, *, starts_on: date, ends_on: date, survey_rounds) -> None:
    if not project.asks_for(DataKind.REGISTER):
        raise ValidationError(
            _(
                "The project does not ask for pseudonymised participant data. "
                "Change what it asks for."
            )
        )
    if ends_on < starts_on:
        raise ValidationError(_("The period ends before it starts. Check the dates."))
    if starts_on < project.starts_on or ends_on > project.ends_on:
        raise ValidationError(_("Choose a period within the project's period."))
    if survey_rounds and not project.asks_for(DataKind.SURVEY_ANSWERS):
        raise ValidationError(
            _("The project does not ask for survey answers. Leave the rounds empty.")
        )


@transaction.atomic
def dataset_save(
    *,
    research,
    dataset: Dataset | None = None,
    title: str,
    starts_on: date,
    ends_on: date,
    period: str,
    k: int,
    survey_rounds=(),
    by,
) -> Dataset:
    project = research.project
    survey_rounds = list(survey_rounds)
    for survey_round in survey_rounds:
        if survey_round.collaboration_id not in research.collaboration_ids:
            raise ValidationError(_("Choose rounds of the collaborations included in the project."))
    _check(project, starts_on=starts_on, ends_on=ends_on, survey_rounds=survey_rounds)
    if dataset is None:
        dataset = Dataset(project=project, created_by=by)
    else:
        dataset = Dataset.objects.select_for_update().get(pk=dataset.pk, project=project)
    save_audited(
        dataset,
        {
            "title": title,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "period": period,
            "k": k,
            "survey_rounds": survey_rounds,
        },
        by=by,
        detail=audit_detail(project, "dataset"),
    )
    return dataset


@transaction.atomic
def dataset_delete(*, research, dataset: Dataset, by) -> None:
    research_audit(
        project=research.project, by=by, action=AuditAction.DELETE, obj=dataset, what="dataset"
    )
    dataset.delete()


def participants_estimate(dataset) -> int:
    """How many rows the dataset will have before the k-anonymity check (cheap, in scope)."""
    from samverka.reports.selectors import counted_participants

    return (
        counted_participants(start=dataset.starts_on, end=dataset.ends_on)
        .order_by()
        .values("pk")
        .distinct()
        .count()
    )


@transaction.atomic
def dataset_export(*, dataset: Dataset, by, language: str = "sv") -> tuple[bytes, str]:
    """The dataset's ZIP (README, data.csv, codebook.csv, data.xlsx, data.sav). Call in the
    project's tenant scope; refused outside the project's period."""
    project = dataset.project
    if not project.is_active():
        raise ValidationError(_("Datasets are exported only during the project's period."))
    _check(
        project,
        starts_on=dataset.starts_on,
        ends_on=dataset.ends_on,
        survey_rounds=list(dataset.survey_rounds.all()),
    )
    table = build.build(dataset, language=language)
    content, filename = formats.dataset_zip(dataset, table, by=by)
    Dataset.objects.filter(pk=dataset.pk).update(
        last_summary={
            **table.report.as_dict(),
            "collaborations": table.collaborations,
            "survey_respondents": table.survey_respondents,
        },
        last_exported_at=timezone.now(),
    )
    research_audit(
        project=project,
        by=by,
        action=AuditAction.EXPORT,
        obj=dataset,
        what=f"dataset exported ({table.report.rows_out} rows, k={dataset.k})",
    )
    return content, filename
