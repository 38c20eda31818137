"""Children's voice, the child-rights check and safe activities. The models live in the
sub-packages by workflow; Django finds them here."""

from samverka.children.consultations.models import (  # noqa: F401
    Consultation,
    Decision,
    DecisionStatus,
    FeedbackMethod,
    Method,
    Voice,
)
from samverka.children.meetings.models import DecisionMaker  # noqa: F401
from samverka.children.poster.models import (  # noqa: F401
    Icon,
    ItemState,
    Poster,
    PosterItem,
    PosterTranslation,
)
from samverka.children.rights_check.models import (  # noqa: F401
    AffectsChildren,
    CheckState,
    ChildRightsCheck,
    KnowledgeSource,
    Subject,
)
from samverka.children.safety.models import (  # noqa: F401
    AnalysisState,
    Excursion,
    Incident,
    Informed,
    Risk,
    RiskAnalysis,
    RiskArea,
)
