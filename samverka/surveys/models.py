"""Surveys: the models of every room, gathered where Django and the migrations look for them.

- `instruments.models`: instruments, versions, sections, items, options, recordings;
- `rounds.models`: rounds and their public links;
- `respond.models`: anonymous responses and their answers.

App label, tables and migrations stay those of the one `surveys` app; the migrations name
`audio_path` and `new_public_code` here.
"""

from samverka.surveys.instruments.models import (
    CHOICE_TYPES,
    DONT_KNOW,
    SCALE_TYPES,
    Instrument,
    InstrumentKind,
    InstrumentVersion,
    Item,
    ItemAudio,
    ItemRole,
    ItemType,
    Option,
    Section,
    TranslationStatus,
    VersionStatus,
    audio_path,
)
from samverka.surveys.respond.models import (
    Answer,
    AnswerCount,
    ChooserCount,
    RespondentCount,
    Response,
)
from samverka.surveys.rounds.models import RespondentLink, Round, new_public_code

__all__ = [
    "CHOICE_TYPES",
    "DONT_KNOW",
    "SCALE_TYPES",
    "Answer",
    "AnswerCount",
    "ChooserCount",
    "Instrument",
    "InstrumentKind",
    "InstrumentVersion",
    "Item",
    "ItemAudio",
    "ItemRole",
    "ItemType",
    "Option",
    "RespondentCount",
    "RespondentLink",
    "Response",
    "Round",
    "Section",
    "TranslationStatus",
    "VersionStatus",
    "audio_path",
    "new_public_code",
]
