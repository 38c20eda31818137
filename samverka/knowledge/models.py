"""The knowledge app's models live in its workflow packages; Django finds them here."""

from samverka.knowledge.bank.models import (  # noqa: F401
    ActivityMethod,
    AgeGroup,
    Attachment,
    BankEditor,
    Item,
    ItemKind,
    ItemTranslation,
    ItemVersion,
    ThemeCategory,
    ThemeLink,
)
from samverka.knowledge.courses.models import (  # noqa: F401
    Attendee,
    Completion,
    Course,
    CourseRun,
    Module,
    RunForm,
    TraineeRole,
)
from samverka.knowledge.reflections.models import Reflection  # noqa: F401
from samverka.knowledge.volunteers.models import (  # noqa: F401
    RecordCheck,
    Volunteer,
    VolunteerSession,
)
