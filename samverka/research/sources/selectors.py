"""Reads of a project's material: the text in coded runs, the segments of a code with counts
per municipality, and the co-occurrence of codes. Every query runs in the view's tenant scope
(the project's approved inclusions)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from samverka.research.codebook.colours import palette_index
from samverka.research.sources.models import Coding, Source


def sources_of(project):
    return Source.objects.filter(project=project).select_related("collaboration__municipality")


def codings_of(project):
    return Coding.objects.filter(source__project=project).select_related(
        "code", "source__collaboration__municipality"
    )


@dataclass
class Run:
    text: str
    start: int
    codings: list[Coding] = field(default_factory=list)

    @property
    def colour_class(self) -> str:
        if not self.codings:
            return ""
        return f"code-colour-{palette_index(self.codings[0].code.colour)}"

    @property
    def multi(self) -> bool:
        return len({c.code_id for c in self.codings}) > 1

    @property
    def title(self) -> str:
        return ", ".join(sorted({c.code.name for c in self.codings}))


@dataclass
class Paragraph:
    start: int
    end: int
    runs: list[Run]
    newline: bool  # a line break follows


def paragraphs(text: str, codings: list[Coding]) -> list[Paragraph]:
    """The text cut into lines, each into runs with the same codings, so that the page shows
    every character exactly once (offsets on the page are offsets in the text)."""
    cuts = {0, len(text)}
    for coding in codings:
        cuts.add(coding.start)
        cuts.add(coding.end)
    position = 0
    for line in text.split("\n"):
        cuts.add(position)
        cuts.add(position + len(line))
        position += len(line) + 1
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[Paragraph] = []
    position = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        line_start, line_end = position, position + len(line)
        runs = []
        inner = [p for p in points if line_start <= p <= line_end]
        for a, b in pairwise(inner):
            if a == b:
                continue
            covering = [c for c in codings if c.start < b and c.end > a]
            runs.append(Run(text[a:b], a, covering))
        out.append(Paragraph(line_start, line_end, runs, index < len(lines) - 1))
        position = line_end + 1
    return out


@dataclass
class Retrieval:
    codings: list[Coding]
    per_municipality: list[tuple[str, int, int]]  # municipality, segments, sources
    total_sources: int


def retrieval(project, code_pks: set[int]) -> Retrieval:
    """Every segment of the codes, in source order, with counts per municipality."""
    codings = list(
        codings_of(project)
        .filter(code_id__in=code_pks)
        .order_by("source__collaboration__municipality__name", "source__name", "start")
    )
    segments: Counter = Counter()
    sources: dict[str, set] = defaultdict(set)
    for coding in codings:
        place = coding.source.collaboration.municipality.name
        segments[place] += 1
        sources[place].add(coding.source_id)
    rows = [(place, segments[place], len(sources[place])) for place in sorted(segments)]
    return Retrieval(codings, rows, len({c.source_id for c in codings}))


def cooccurrence(project, codes) -> list[tuple]:
    """For each pair of codes, in how many places their segments overlap in a source.

    Returns rows (code, [count per code in `codes`]); the diagonal holds each code's number of
    segments."""
    by_source: dict[int, list[Coding]] = defaultdict(list)
    for coding in codings_of(project).filter(code__in=codes).order_by("source_id", "start"):
        by_source[coding.source_id].append(coding)
    pairs: Counter = Counter()
    own: Counter = Counter()
    for codings in by_source.values():
        for coding in codings:
            own[coding.code_id] += 1
        for i, a in enumerate(codings):
            for b in codings[i + 1 :]:
                if b.start >= a.end:
                    break
                if a.code_id != b.code_id:
                    pairs[frozenset((a.code_id, b.code_id))] += 1
    rows = []
    for a in codes:
        cells = [own[a.pk] if a.pk == b.pk else pairs[frozenset((a.pk, b.pk))] for b in codes]
        rows.append((a, cells))
    return rows
