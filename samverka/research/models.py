"""The research app's models live in its workflow packages; Django finds them here."""

from samverka.research.codebook.models import Code  # noqa: F401
from samverka.research.datasets.models import Dataset, Period  # noqa: F401
from samverka.research.projects.models import (  # noqa: F401
    DataKind,
    Inclusion,
    InclusionStatus,
    ProjectMemo,
    ProjectResearcher,
    ResearchProject,
)
from samverka.research.sources.models import Coding, Source, SourceKind  # noqa: F401
