"""A survey as the respondent meets it: one page per section, which questions a page shows
given the answers so far, which page comes next, and what is still missing.

Conditions (`instruments.rules.is_visible`) are evaluated on the answers saved so far, in item
order, so an item hidden by a condition also hides the items that depend on it.
"""

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from samverka.surveys.instruments.models import InstrumentVersion, Item, Section
from samverka.surveys.respond.models import Response


@dataclass
class Survey:
    """An instrument version as the respondent meets it: one page per section."""

    version: InstrumentVersion
    sections: list[Section]
    items: list[Item]
    by_section: dict[int, list[Item]] = field(default_factory=dict)

    @property
    def page_count(self) -> int:
        return len(self.sections)

    def section(self, page: int) -> Section:
        return self.sections[page - 1]

    def page_items(self, page: int) -> list[Item]:
        return self.by_section.get(self.section(page).pk, [])

    @cached_property
    def rules(self) -> list[tuple[int, str, str | None, frozenset[str]]]:
        """(pk, item id, condition item's id or None, wanted values) per item, in order: what
        `visible_ids` reads on every request, without going through the model instances."""
        return [
            (
                item.pk,
                item.item_id,
                item.condition_item.item_id if item.condition_item_id is not None else None,
                frozenset(str(v) for v in item.condition_values or []),
            )
            for item in self.items
        ]

    def page_of(self, item: Item) -> int:
        for number, section in enumerate(self.sections, start=1):
            if section.pk == item.section_id:
                return number
        raise ValueError(item)


def load_survey(version: InstrumentVersion) -> Survey:
    """The survey of `version`. A published version is frozen except for its recordings, so
    it is built once per process, without a query on later requests: the key is the version's
    row as the request read it, and a recording added or removed sets `recordings_changed_at`
    (a new key). This is a memo of rows every process reads alike, not state: another process
    builds the same survey from the same row."""
    if not version.is_published:
        return _build_survey(version)
    # The code is random per version: a key never meets another version (ids can be reused).
    return _published_survey(version.pk, version.code, version.recordings_changed_at)


@lru_cache(maxsize=64)
def _published_survey(version_pk: int, _code: str, _recordings_changed_at) -> Survey:
    return _build_survey(InstrumentVersion.objects.get(pk=version_pk))


def _build_survey(version: InstrumentVersion) -> Survey:
    sections = list(version.sections.order_by("position", "id"))
    items = list(
        version.items.select_related("condition_item")
        .prefetch_related("options", "audio")
        .order_by("section__position", "section_id", "position", "id")
    )
    by_section: dict[int, list[Item]] = {}
    for item in items:
        by_section.setdefault(item.section_id, []).append(item)
    return Survey(version=version, sections=sections, items=items, by_section=by_section)


@dataclass
class AnswerValue:
    value: str = ""
    number: int | None = None
    text: str = ""

    def as_string(self) -> str:
        """The answer as conditions compare it."""
        if self.value:
            return self.value
        if self.number is not None:
            return str(self.number)
        return self.text


Answers = dict[int, list[AnswerValue]]  # item pk -> answers


@dataclass
class PageInput:
    """What a page's POST said: answers per item (cleaned), messages per item, raw inputs."""

    values: dict[int, list[AnswerValue]] = field(default_factory=dict)
    errors: dict[int, str] = field(default_factory=dict)
    raw: dict[int, dict] = field(default_factory=dict)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def saved_answers(response: Response) -> Answers:
    """A draft's answers so far, from its row (read with the response: no query)."""
    return {
        int(item_pk): [AnswerValue(value=v, number=n, text=t) for v, n, t in rows]
        for item_pk, rows in (response.draft or {}).items()
    }


def draft_rows(answers: Answers) -> dict[str, list]:
    """`answers` as `Response.draft` keeps them (the inverse of `saved_answers`)."""
    return {
        str(item_pk): [[a.value, a.number, a.text] for a in values]
        for item_pk, values in answers.items()
        if values
    }


def visible_ids(survey: Survey, answers: Answers) -> set[int]:
    """Items the respondent sees given `answers`; a hidden item's answers do not count.
    (`instruments.rules.is_visible` item by item, over the survey's `rules`.)"""
    effective: dict[str, list[str]] = {}
    visible = set()
    for pk, item_id, condition, wanted in survey.rules:
        if condition is not None and wanted.isdisjoint(effective.get(condition, ())):
            continue
        visible.add(pk)
        values = answers.get(pk)
        if values:
            effective[item_id] = [v.as_string() for v in values]
    return visible


@dataclass
class Shown:
    item: Item
    # The condition item is on the same page: shown with a note, hidden live by respond.js.
    same_page_condition: bool = False


def shown_items(
    survey: Survey, page: int, answers: Answers, visible: set[int] | None = None
) -> list[Shown]:
    """What page `page` shows. An item whose condition is on an earlier page appears only when
    the condition is met; one whose condition is on this page always appears, with a note.
    (`visible`: `visible_ids(survey, answers)` when the caller has it already.)"""
    if visible is None:
        visible = visible_ids(survey, answers)
    items = survey.page_items(page)
    on_page = {item.pk for item in items}
    shown: list[Shown] = []
    shown_pks: set[int] = set()
    for item in items:
        if item.condition_item_id is not None and item.condition_item_id in on_page:
            if item.condition_item_id in shown_pks:
                shown.append(Shown(item, same_page_condition=True))
                shown_pks.add(item.pk)
        elif item.pk in visible:
            shown.append(Shown(item))
            shown_pks.add(item.pk)
    return shown


def step_page(survey: Survey, page: int, answers: Answers, step: int) -> int | None:
    """The next (step=1) or previous (step=-1) page with something to show, or None."""
    candidate = page + step
    visible = visible_ids(survey, answers)  # once for every page it looks at
    while 1 <= candidate <= survey.page_count:
        if shown_items(survey, candidate, answers, visible):
            return candidate
        candidate += step
    return None


def merged_answers(saved: Answers, page_items: list[Item], page_values: Answers) -> Answers:
    """Saved answers with those of one page replaced by what was just sent."""
    on_page = {item.pk for item in page_items}
    merged = {pk: values for pk, values in saved.items() if pk not in on_page}
    merged.update({pk: values for pk, values in page_values.items() if values})
    return merged


def check_page(
    survey: Survey,
    page: int,
    shown: list[Shown],
    sent: PageInput,
    saved: Answers,
    required_message: str | None,
) -> None:
    """Settle a sent page against its conditions.

    A question hidden by an answer on the same page (respond.js hides it live) cannot be
    corrected by the respondent, so its messages are dropped. With `required_message`, each
    visible required question without an answer gets that message.
    """
    merged = merged_answers(saved, survey.page_items(page), sent.values)
    visible = visible_ids(survey, merged)
    for item in (s.item for s in shown):
        if item.pk not in visible:
            sent.errors.pop(item.pk, None)
        elif (
            required_message
            and item.required
            and item.pk not in sent.errors
            and not sent.values.get(item.pk)
        ):
            sent.errors[item.pk] = required_message


def answered_count(survey: Survey, answers: Answers) -> tuple[int, int]:
    """(answered, asked) over the items the respondent sees."""
    visible = visible_ids(survey, answers)
    answered = sum(1 for pk in visible if answers.get(pk))
    return answered, len(visible)


def first_missing_page(survey: Survey, answers: Answers) -> int | None:
    visible = visible_ids(survey, answers)
    for item in survey.items:
        if item.required and item.pk in visible and not answers.get(item.pk):
            return survey.page_of(item)
    return None
