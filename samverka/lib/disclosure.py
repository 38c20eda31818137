"""Disclosure control: the one function every shared aggregate goes through.

A table of counts is treated as an N-dimensional hypercube with margins (totals) in every
direction: each coordinate is one of its dimension's values or TOTAL ("*") for "all of them".
A *line* is the set of cells that vary along one dimension while every other coordinate is
fixed, together with that line's total; every cell lies on exactly one line per dimension.

1. Primary suppression: every cell (inner or margin) with a count from 1 to 4 is hidden.
2. Secondary suppression: a line with exactly one hidden cell would give it away (total minus
   the others), so the smallest non-zero visible cell of that line is hidden too, preferring
   inner cells over the line's total. The same is done for a line whose hidden inner cells,
   under a shown total, must all be 1 (hidden cells are never 0, since zero is shown).
   Repeated until no line gives its hidden cells away.
3. Audit: the line rule is necessary, not sufficient. Two groups of hidden cells can be joined
   by one hidden cell whose value still follows from the published ones (in two dimensions, a
   hidden cell that is a "bridge" between two cycles of hidden cells). So every hidden cell is
   checked with exact integer linear algebra; while one can be worked out, the smallest visible
   cell on its lines is hidden and steps 2-3 run again. Hiding every non-zero cell is always
   safe, so this ends.

Zero is never hidden: a zero cell is published as 0.

Guarantee: no hidden value can be worked out exactly from the published cells by linear
algebra, and in two dimensions another non-negative completion always exists (each hidden
cell lies on a cycle of hidden cells, all at least 1, so +1/-1 around it stays valid). Not
guaranteed: protection intervals. A reader who combines the equations with "hidden means at
least 1" can, in rare patterns spanning several lines, still narrow a hidden value to one
number; step 2 covers the single-line case. Ruling that out in general needs integer
programming (as in tau-argus), which this module does not do.

Every displayed view must be a slice of ONE controlled cube (computed once over all its
dimensions), never a separately controlled smaller table: two differently suppressed views of
the same counts can be combined to recover hidden values.

Published tables: a report rarely publishes every margin of its cube. `published` names the
tables it does publish, each as the dimensions it keeps (e.g. `[(0, 1, 2), (0, 3)]`: municipality
× age band × gender, and municipality × third-country status, each with all its margins). Only
those cells are computed, and only the lines inside one published table are constraints, which
is all a reader can use: cells of different tables share only their common margins, and any two
tables with the same common margins come from some inner cube, so no further equation holds.
The problem is then much smaller, and far fewer cells are hidden to protect inner cells that are
never shown. None means every margin of the full cube.
"""

import heapq
from collections import deque
from collections.abc import Hashable, Iterator, Mapping, Sequence
from itertools import combinations, product
from math import gcd

import numpy as np
from django.utils.translation import gettext_lazy

TOTAL = "*"
THRESHOLD = 5  # counts from 1 to THRESHOLD - 1 are hidden

Cell = tuple
Cube = dict[Cell, int | None]


HIDDEN = ".."  # Statistics Sweden's mark for a figure that is not shown
# What HIDDEN means, for an export's notes (pages include `includes/hidden_mark.html`).
HIDDEN_NOTE = gettext_lazy(
    "“..” marks a figure that is not shown: a count from 1 to 4, or another count hidden so that "
    "such a count cannot be worked out from the totals. It does not say how large the hidden "
    "figure is. Zero is shown as 0."
)

Published = Sequence[Sequence[int]] | None


def display(value: int | None, *, mark: str = HIDDEN) -> str:
    """A published value as text. Every hidden cell reads the one neutral mark, HIDDEN ("..", as
    Statistics Sweden uses, explained beside the table by `includes/hidden_mark.html`): a hidden
    cell is not necessarily "fewer than five" — secondary suppression hides larger counts too."""
    if value is None:
        return mark
    return str(value)


def _masks(n: int, published: Published) -> list[tuple[bool, ...]]:
    """Which dimensions are summed (True) in each kind of published cell."""
    if published is None:
        return list(product((False, True), repeat=n))
    masks = set()
    for kept in published:
        if not kept or any(not 0 <= d < n for d in kept):
            raise ValueError(f"a published table keeps dimensions of the cube, not {kept!r}")
        for subset in product((False, True), repeat=len(kept)):
            summed = [True] * n
            for d, star in zip(kept, subset, strict=True):
                summed[d] = star
            masks.add(tuple(summed))
    return sorted(masks)


def full_table(
    counts: Mapping[Cell, int],
    dimensions: Sequence[Sequence[Hashable]],
    published: Published = None,
) -> dict:
    """Every published cell (default: every cell of the hypercube, margins included), with its
    true value (no control). The margins are summed with numpy, one array per kind of cell."""
    dims = _check_dimensions(dimensions)
    masks = _masks(len(dims), published)
    positions = [{v: i for i, v in enumerate(values)} for values in dims]
    inner = np.zeros([len(values) for values in dims], dtype=np.int64)
    for key, count in counts.items():
        try:
            if len(key) != len(dims):
                raise KeyError(key)
            where = tuple(p[v] for p, v in zip(positions, key, strict=True))
        except (KeyError, TypeError):
            raise ValueError(f"cell {key!r} is not in the table's dimensions") from None
        if isinstance(count, bool) or not isinstance(count, int | np.integer) or count < 0:
            raise ValueError(f"count {count!r} for {key!r} is not a non-negative integer")
        inner[where] += count
    cube = {}
    for mask in masks:
        summed = tuple(d for d, star in enumerate(mask) if star)
        values = inner.sum(axis=summed) if summed else inner
        axes = [[TOTAL] if star else d for d, star in zip(dims, mask, strict=True)]
        cube.update(zip(product(*axes), map(int, values.ravel()), strict=True))
    return cube


def disclosure_control(
    counts: Mapping[Cell, int],
    dimensions: Sequence[Sequence[Hashable]],
    *,
    threshold: int = THRESHOLD,
    published: Published = None,
) -> Cube:
    """All published cells (default: every cell of the hypercube, margins included); None
    marks a hidden cell.

    `counts` maps inner cells (one value per dimension; missing cells are 0) to non-negative
    integers; `dimensions` lists each dimension's values in display order. TOTAL ("*") in a
    result key stands for the whole dimension. `published`: see the module docstring.
    """
    dims = _check_dimensions(dimensions)
    cube = full_table(counts, dims, published)
    control = _Control(cube, dims, published)
    for cell in sorted(cube, key=control.order):
        if 0 < cube[cell] < threshold:
            control.hide(cell)
    while True:
        control.complete_lines()
        determined = control.first_determined()
        if determined is None:
            break
        control.hide(control.neighbour_to_hide(determined))
    return {cell: (None if cell in control.hidden else value) for cell, value in cube.items()}


def lines(
    dimensions: Sequence[Sequence[Hashable]], published: Published = None
) -> Iterator[list[Cell]]:
    """Every line of the cube (of the published tables): its cells along one dimension, the
    line's total last."""
    for _d, line in _lines_by_direction(dimensions, published):
        yield line


def _lines_by_direction(dimensions, published: Published = None) -> Iterator[tuple[int, list]]:
    """`lines`, each with the dimension it runs along; a line two tables share comes once."""
    dims = [list(values) for values in dimensions]
    tables = [range(len(dims))] if published is None else published
    seen = set()
    for kept in tables:
        for d in kept:
            others = [[*v, TOTAL] if i in kept else [TOTAL] for i, v in enumerate(dims) if i != d]
            for rest in product(*others):
                if (d, rest) in seen:
                    continue
                seen.add((d, rest))
                yield d, [(*rest[:d], value, *rest[d:]) for value in [*dims[d], TOTAL]]


class _Control:
    """The suppression state of one cube."""

    def __init__(self, cube: dict, dims: list[list], published: Published = None):
        self.cube = cube
        self.dims = dims
        self.positions = [{v: i for i, v in enumerate(d)} for d in dims]
        directions, self.lines = [], []
        for d, line in _lines_by_direction(dims, published):
            directions.append(d)
            self.lines.append(line)
        self.lines_of: dict[Cell, list[int]] = {cell: [] for cell in cube}
        for index, line in enumerate(self.lines):
            for cell in line:
                self.lines_of[cell].append(index)
        self.hidden: set[Cell] = set()
        self._pending: deque[int] = deque()
        self._solver = _DependencySolver()
        # Kept up to date by hide(), so that no step rescans a long line (a line along the
        # municipality dimension has a cell per municipality): per line the number and sum of
        # its hidden cells, and a heap of its candidates (visible non-zero cells) by the key
        # they are chosen by, from which hidden cells are dropped lazily.
        self._order = {cell: self._order_of(cell) for cell in cube}
        self._hidden_count = [0] * len(self.lines)
        self._hidden_sum = [0] * len(self.lines)
        self._heaps: list[list] = []
        for line in self.lines:
            total = line[-1]
            heap = [
                ((cell == total, cube[cell], self._order[cell]), cell)
                for cell in line
                if cube[cell] > 0
            ]
            heapq.heapify(heap)
            self._heaps.append(heap)
        self._alive = {index for index, heap in enumerate(self._heaps) if heap}
        # For step 3 (neighbour_to_hide): every line's best candidate, also in heaps of line
        # groups. A group is the lines of one direction whose coordinates agree with given
        # values outside a set of "free" dimensions; each line is in one group per subset of
        # its other dimensions. Entries whose cell has since been hidden are dropped lazily.
        # Built when step 3 first needs them (after primary suppression and step 2, which
        # hide most cells), so hiding those cells keeps no group heaps up to date.
        n = len(dims)
        self._directions = directions
        self._others = [[e for e in range(n) if e != d] for d in range(n)]
        self._free = [[list(combinations(self._others[d], k)) for k in range(n)] for d in range(n)]
        self._groups: dict[tuple, list] | None = None
        self._groups_of: list[list[list]] = []
        self._hidden_by_order: list = []  # hidden cells by `order`, protected ones dropped lazily

    def _build_groups(self) -> dict[tuple, list]:
        """The line groups of step 3, from every line's current best candidate."""
        self._groups = {}
        for index, (d, line) in enumerate(zip(self._directions, self.lines, strict=True)):
            fixed = line[-1]
            groups = []
            for subsets in self._free[d]:
                for free in subsets:
                    key = (d, free, tuple(fixed[e] for e in self._others[d] if e not in free))
                    groups.append(self._groups.setdefault(key, []))
            self._groups_of.append(groups)
            if self._heaps[index]:
                for group in groups:
                    group.append((self._heaps[index][0], index))
        for group in self._groups.values():
            heapq.heapify(group)
        return self._groups

    def protected(self) -> set[Cell]:
        """Hidden cells whose value cannot be worked out from the published cells."""
        return self._solver.undetermined

    def hide(self, cell: Cell) -> None:
        if cell in self.hidden:
            return
        assert self.cube[cell] > 0, "zero cells are never hidden"
        self.hidden.add(cell)
        heapq.heappush(self._hidden_by_order, (self._order[cell], cell))
        for index in self.lines_of[cell]:
            self._hidden_count[index] += 1
            self._hidden_sum[index] += self.cube[cell]
            heap = self._heaps[index]
            head = heap[0] if heap else None
            while heap and heap[0][1] in self.hidden:
                heapq.heappop(heap)
            if not heap:
                self._alive.discard(index)
            elif heap[0] is not head and self._groups is not None:
                for group in self._groups_of[index]:
                    heapq.heappush(group, (heap[0], index))
        self._pending.extend(self.lines_of[cell])
        # The cell's column in the system "sum(inner cells) - total = 0" of every line.
        line_totals = {index for index in self.lines_of[cell] if self.lines[index][-1] == cell}
        self._solver.add(
            cell, {index: (-1 if index in line_totals else 1) for index in self.lines_of[cell]}
        )

    def complete_lines(self) -> None:
        """Step 2: no line may give away its hidden cells."""
        while self._pending:
            index = self._pending.popleft()
            if self._gives_away(index):
                # Such a line always has a non-zero visible cell: its total if an inner cell
                # is hidden, else an inner cell.
                self.hide(self._best_candidate(index)[1])

    def _gives_away(self, index: int) -> bool:
        """One hidden cell; or hidden inner cells that must all be 1 under a shown total.

        Hidden cells are never zero (zero is shown), so hidden inner cells whose shown total
        leaves exactly one apiece are each known to be 1.
        """
        count = self._hidden_count[index]
        if count == 1:
            return True
        return (
            count > 0
            and self.lines[index][-1] not in self.hidden
            and self._hidden_sum[index] == count
        )

    def _best_candidate(self, index: int):
        """The line's visible non-zero cell to hide first, with its key; None if none is left.

        Key: inner cells before the line's total, then the smallest count, then `order`.
        """
        return self._heaps[index][0] if index in self._alive else None

    def first_determined(self) -> Cell | None:
        """The first hidden cell (by `order`) whose value can still be worked out, if any."""
        heap, protected = self._hidden_by_order, self.protected()
        while heap and heap[0][1] in protected:
            heapq.heappop(heap)
        return heap[0][1] if heap else None

    def neighbour_to_hide(self, cell: Cell) -> Cell:
        """Step 3: the visible cell to hide next to a determined one, nearest lines first.

        Nearest means breadth first over lines that share a cell: first the cell's own lines,
        then the lines crossing those, and so on; the best candidate of the first such ring
        that has one. Ring k holds exactly the lines whose fixed coordinates differ from the
        cell's in k dimensions, and the rings before it have no candidate, so the best of ring
        k is the best of the groups with k free dimensions around the cell: at most a few
        dozen heaps, instead of walking thousands of lines.
        """
        hidden = self.hidden
        groups = self._groups if self._groups is not None else self._build_groups()
        for k in range(len(self.dims)):
            best = None
            for d, others in enumerate(self._others):
                for free in self._free[d][k]:
                    group = groups.get((d, free, tuple(cell[e] for e in others if e not in free)))
                    if not group:
                        continue
                    while group and group[0][0][1] in hidden:
                        heapq.heappop(group)
                    if group and (best is None or group[0][0][0] < best[0]):
                        best = group[0][0]
            if best is not None:
                return best[1]
        raise AssertionError("every non-zero cell is hidden, yet one is determined")

    def order(self, cell: Cell) -> tuple:
        """Deterministic order: inner cells first, then by position in each dimension."""
        return self._order[cell]

    def _order_of(self, cell: Cell) -> tuple:
        return (
            sum(v == TOTAL for v in cell),
            tuple(
                len(pos) if v == TOTAL else pos[v]
                for v, pos in zip(cell, self.positions, strict=True)
            ),
        )


class _DependencySolver:
    """Which hidden cells can be worked out from the published ones, kept up to date.

    The unknowns are the hidden cells; every line gives the equation
    sum(inner cells) - total = 0, the published cells being constants. A hidden cell's value
    is NOT determined exactly when it has a non-zero entry in some vector of the null space of
    that system, i.e. when its column takes part in a linear dependency among the hidden cells'
    columns. Cells are added one at a time; each column is reduced against an echelon basis of
    the earlier ones (exact integers, with the combination of original columns tracked). A
    column that reduces to zero yields a dependency, and all cells in it become undetermined.
    Because the set of hidden cells only grows, the set of undetermined cells only grows too.
    """

    def __init__(self):
        # pivot line -> (reduced vector over lines, combination over cells)
        self.basis: dict[int, tuple[dict[int, int], dict[Cell, int]]] = {}
        self.undetermined: set[Cell] = set()

    def add(self, cell: Cell, column: dict[int, int]) -> dict[Cell, int] | None:
        """Add a hidden cell's column; returns the dependency it closes, if any."""
        vector = dict(column)
        combination = {cell: 1}
        while vector:
            pivot = max(vector)
            if pivot not in self.basis:
                self.basis[pivot] = (vector, combination)
                return None
            base_vector, base_combination = self.basis[pivot]
            a, b = base_vector[pivot], vector[pivot]
            vector = _combine(vector, a, base_vector, b)
            combination = _combine(combination, a, base_combination, b)
            divisor = gcd(*vector.values(), *combination.values())
            if divisor > 1:
                vector = {k: v // divisor for k, v in vector.items()}
                combination = {k: v // divisor for k, v in combination.items()}
        self.undetermined.update(combination)
        return combination


def _combine(x: dict, a: int, y: dict, b: int) -> dict:
    """a*x - b*y, without zero entries."""
    result = {k: a * v for k, v in x.items()}
    for k, v in y.items():
        value = result.get(k, 0) - b * v
        if value:
            result[k] = value
        else:
            result.pop(k, None)
    return result


def _check_dimensions(dimensions: Sequence[Sequence[Hashable]]) -> list[list]:
    dims = [list(values) for values in dimensions]
    if not dims:
        raise ValueError("a table needs at least one dimension")
    for values in dims:
        if TOTAL in values:
            raise ValueError(f"{TOTAL!r} is reserved for totals")
        if len(set(values)) != len(values):
            raise ValueError("dimension values must be unique")
    return dims
