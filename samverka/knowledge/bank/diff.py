"""What changed between two versions of an item, as a reader can follow it.

Lines are compared first (difflib); a line that was changed rather than added or removed is
compared word by word, so a corrected word shows as one word struck out and one added.
"""

import difflib
import re
from dataclasses import dataclass, field

_WORDS = re.compile(r"\s+|\w+|[^\w\s]+")


@dataclass
class DiffLine:
    kind: str  # "same", "added", "removed", "changed"
    parts: list[tuple[str, str]] = field(default_factory=list)  # (op, text): same/ins/del


@dataclass
class VersionDiff:
    title: list[tuple[str, str]]
    summary: list[tuple[str, str]]
    body: list[DiffLine]

    @property
    def changed(self) -> bool:
        return any(op != "same" for op, _ in self.title + self.summary) or any(
            line.kind != "same" for line in self.body
        )


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    a, b = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            parts.append(("ins", "".join(b[j1:j2])))
    return [p for p in parts if p[1]]


def line_diff(old: str, new: str, *, context: int = 2) -> list[DiffLine]:
    """Changed lines with `context` unchanged lines around them ("…" lines between)."""
    a, b = (old or "").splitlines(), (new or "").splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if lines:
            lines.append(DiffLine("gap"))
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                lines += [DiffLine("same", [("same", text)]) for text in a[i1:i2]]
            elif op == "replace" and i2 - i1 == j2 - j1:
                lines += [
                    DiffLine("changed", word_diff(x, y))
                    for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
                ]
            else:
                lines += [DiffLine("removed", [("del", text)]) for text in a[i1:i2]]
                lines += [DiffLine("added", [("ins", text)]) for text in b[j1:j2]]
    return lines


def version_diff(old, new) -> VersionDiff:
    """Between two ItemVersions (or anything with title, summary and body); `old` may be None."""
    return VersionDiff(
        title=word_diff(getattr(old, "title", ""), new.title),
        summary=word_diff(getattr(old, "summary", ""), new.summary),
        body=line_diff(getattr(old, "body", ""), new.body),
    )
