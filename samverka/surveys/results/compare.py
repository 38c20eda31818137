"""Two rounds side by side: scale and choice items matched by item id."""

from dataclasses import dataclass

from samverka.surveys.results.items import KIND_CHOICE, KIND_MULTIPLE, KIND_SCALE, ItemResult
from samverka.surveys.results.selectors import RoundResults


@dataclass
class ComparedRow:
    value: str
    label: str
    kind: str
    count_a: int | None
    count_b: int | None
    percent_a: float | None
    percent_b: float | None


@dataclass
class ComparedItem:
    item_id: str
    question: str
    kind: str
    a: ItemResult
    b: ItemResult
    rows: list[ComparedRow]

    @property
    def answered_a(self):
        return self.a.answered()

    @property
    def answered_b(self):
        return self.b.answered()

    @property
    def share_a(self):
        return self.a.share_agreeing()

    @property
    def share_b(self):
        return self.b.share_agreeing()

    @property
    def mean_a(self):
        return self.a.mean() if self.a.is_scale else None

    @property
    def mean_b(self):
        return self.b.mean() if self.b.is_scale else None

    @property
    def share_change(self) -> float | None:
        if self.share_a is None or self.share_b is None:
            return None
        return self.share_a - self.share_b

    @property
    def mean_change(self) -> float | None:
        if self.mean_a is None or self.mean_b is None:
            return None
        return self.mean_a - self.mean_b


def compare(a: RoundResults, b: RoundResults) -> list[ComparedItem]:
    """Scale and choice items in both rounds, matched by item id, in round A's order.

    Each side is the no-breakdown slice of that round's own controlled cube: exactly the
    figures its own results page shows, and the two rounds' respondents are different people.
    """
    if not (a.enough and b.enough):
        return []
    compared = []
    for item_a in a.items:
        if item_a.kind not in (KIND_SCALE, KIND_CHOICE, KIND_MULTIPLE):
            continue
        item_b = b.item(item_a.item_id)
        if item_b is None or item_b.kind != item_a.kind:
            continue
        labels_b = {row.value: row for row in item_b.rows}
        rows = list(item_a.answer_rows)
        rows += [row for row in item_b.answer_rows if row.value not in {r.value for r in rows}]
        # "Don't know" last among the answers.
        rows.sort(key=lambda row: row.is_dk)
        compared_rows = []
        values_a = {row.value for row in item_a.rows}
        for row in rows:
            in_a, in_b = row.value in values_a, row.value in labels_b
            compared_rows.append(
                ComparedRow(
                    value=row.value,
                    label=row.label,
                    kind=row.kind,
                    count_a=item_a.count(row.value) if in_a else None,
                    count_b=item_b.count(row.value) if in_b else None,
                    percent_a=item_a.percent(row.value) if in_a else None,
                    percent_b=item_b.percent(row.value) if in_b else None,
                )
            )
        compared.append(
            ComparedItem(
                item_id=item_a.item_id,
                question=item_a.question,
                kind=item_a.kind,
                a=item_a,
                b=item_b,
                rows=compared_rows,
            )
        )
    return compared
