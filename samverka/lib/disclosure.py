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

How it runs: the cells are numbers (their rank in the order cells are taken in) over numpy
arrays of the *extended* cube (one more slot per dimension for TOTAL); a shape's lines and cells
are worked out once per process (_shape); per line the hidden cells are counted and the next
candidate kept in a heap; step 3's nearest candidate comes from one array reduction. The steps
and their order are exactly the rules above: tests compare the result, cell for cell, with a
plain implementation of them over tuples.
"""

import heapq
from collections import deque
from collections.abc import Hashable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise, product
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


def _inner(counts: Mapping[Cell, int], dims: list[list]) -> np.ndarray:
    """The inner cells as an array indexed by each dimension's positions."""
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
    return inner


def full_table(
    counts: Mapping[Cell, int],
    dimensions: Sequence[Sequence[Hashable]],
    published: Published = None,
) -> dict:
    """Every published cell (default: every cell of the hypercube, margins included), with its
    true value (no control). The margins are summed with numpy, one array per kind of cell."""
    dims = _check_dimensions(dimensions)
    return _table(_inner(counts, dims), dims, _masks(len(dims), published))


def _sums(inner: np.ndarray, masks) -> Iterator[tuple[tuple[bool, ...], np.ndarray]]:
    """Each kind of cell with its values (the inner array summed over its TOTAL dimensions)."""
    for mask in masks:
        summed = tuple(d for d, star in enumerate(mask) if star)
        yield mask, (inner.sum(axis=summed) if summed else inner)


def _table(inner: np.ndarray, dims: list[list], masks) -> dict:
    cube = {}
    for mask, values in _sums(inner, masks):
        axes = [[TOTAL] if star else d for d, star in zip(dims, mask, strict=True)]
        cube.update(zip(product(*axes), values.ravel().tolist(), strict=True))
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
    inner = _inner(counts, dims)
    masks = _masks(len(dims), published)
    if not any(((v > 0) & (v < threshold)).any() for _mask, v in _sums(inner, masks)):
        return _table(inner, dims, masks)  # nothing to hide, so nothing to protect
    control = _Control(inner, published)
    control.hide_all(np.flatnonzero((control.values > 0) & (control.values < threshold)))
    while True:
        control.complete_lines()
        determined = control.first_determined()
        if determined is None:
            break
        control.hide(control.neighbour_to_hide(determined))
    return control.published(dims, masks)


def lines(
    dimensions: Sequence[Sequence[Hashable]], published: Published = None
) -> Iterator[list[Cell]]:
    """Every line of the cube (of the published tables): its cells along one dimension, the
    line's total last."""
    for _d, line in _lines_by_direction(dimensions, published):
        yield line


def _lines_by_direction(dimensions, published: Published = None) -> Iterator[tuple[int, list]]:
    """`lines`, each with the dimension it runs along; a line two tables share comes once.
    (The order of the lines is the one _Control numbers them in.)"""
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


def _slices(sizes: Sequence[int], mask: Sequence[bool]) -> tuple[slice, ...]:
    """The cells of one kind in the extended cube: the TOTAL slot where summed."""
    return tuple(
        slice(s, s + 1) if star else slice(0, s) for s, star in zip(sizes, mask, strict=True)
    )


@lru_cache(maxsize=16)
def _shape(sizes: tuple[int, ...], published: tuple | None) -> "_Shape":
    """The structure of a cube of this shape: it depends on the sizes and the published tables
    alone, so a report drawn again (the same dimensions, new counts) does not build it again."""
    return _Shape(sizes, published)


class _Shape:
    """Cells and lines of a cube of given sizes and published tables, as numbers.

    Cells are numbered by `order` (inner cells first, then by position in each dimension, TOTAL
    after the values), so a cell's number is its rank in that order: the *extended* cube has
    one more slot per dimension for TOTAL, and a cell's number comes from its flat position in
    it and its count of TOTALs. Lines are numbered as `lines` yields them. Read only once built.
    """

    def __init__(self, sizes: tuple[int, ...], published: tuple | None):
        n = len(sizes)
        ext = tuple(s + 1 for s in sizes)
        shown = np.zeros(ext, dtype=bool)
        for mask in _masks(n, published):
            shown[_slices(sizes, mask)] = True
        flat = np.flatnonzero(shown)
        coords = np.stack(np.unravel_index(flat, ext), axis=1)
        totals = (coords == np.asarray(sizes)).sum(axis=1)
        rank = np.lexsort((flat, totals))
        self.flat = flat[rank]  # cell number -> flat position in the extended cube
        self.coords = coords[rank]  # cell number -> positions (TOTAL = the dimension's size)
        self.cells = cells = len(self.flat)
        self.sizes, self.ext = sizes, ext
        number = np.full(int(np.prod(ext)), -1, dtype=np.int64)
        number[self.flat] = np.arange(cells)

        # The lines, numbered as _lines_by_direction yields them.
        strides = [int(np.prod(ext[d + 1 :])) for d in range(n)]
        tables = [tuple(range(n))] if published is None else published
        seen: list[set] = [set() for _ in range(n)]
        self.blocks = []  # per direction taken: cell numbers, one row per line, its total last
        fixed = []  # per block: the lines' positions, -1 in the line's own direction
        for kept in tables:
            for d in kept:
                others = [i for i in range(n) if i != d]
                ranges = [np.arange(ext[i]) if i in kept else np.array([sizes[i]]) for i in others]
                if ranges:
                    grid = np.meshgrid(*ranges, indexing="ij")
                    rest = np.stack([g.ravel() for g in grid], axis=1).astype(np.int64)
                else:
                    rest = np.zeros((1, 0), dtype=np.int64)
                base = rest @ np.asarray([strides[i] for i in others], dtype=np.int64)
                new = [b not in seen[d] for b in base.tolist()]
                seen[d].update(base.tolist())
                base, rest = base[new], rest[new]
                if not len(base):
                    continue
                along = base[:, None] + strides[d] * np.arange(ext[d])
                self.blocks.append(number[along])
                position = np.full((len(base), n), -1, dtype=np.int64)
                position[:, others] = rest
                fixed.append(position)
        self.lines: list[list[int]] = []
        for block in self.blocks:
            self.lines.extend(block.tolist())
        self.fixed = np.concatenate(fixed).T.copy()  # a row per dimension, a column per line

        # Each cell's lines, in line order, and its column in the system
        # "sum(inner cells) - total = 0" of every line.
        members = np.concatenate([block.ravel() for block in self.blocks])
        first = np.cumsum([0] + [len(block) for block in self.blocks[:-1]])
        owners = np.concatenate(
            [
                start + np.repeat(np.arange(len(block)), block.shape[1])
                for start, block in zip(first.tolist(), self.blocks, strict=True)
            ]
        )
        by_cell = np.argsort(members, kind="stable")
        bounds = np.searchsorted(members[by_cell], np.arange(cells + 1)).tolist()
        owners = owners[by_cell].tolist()
        self.lines_of = [owners[a:b] for a, b in pairwise(bounds)]
        lines = self.lines
        self.columns = [
            {index: (-1 if lines[index][-1] == cell else 1) for index in of}
            for cell, of in enumerate(self.lines_of)
        ]


class _Control:
    """The suppression state of one cube, over the numbers of its _Shape.

    Per line, kept up to date by hide(): the number and sum of its hidden cells, and its
    candidates (visible non-zero cells) as a heap of integer keys that sort like (is the line's
    total, count, order), from which hidden cells are dropped lazily; every line's best key is
    also in one array, which step 3 searches with one numpy reduction.
    """

    def __init__(self, inner: np.ndarray, published: Published = None):
        sizes = inner.shape
        n = len(sizes)
        shape = _shape(sizes, None if published is None else tuple(map(tuple, published)))
        self.shape = shape
        extended = inner
        for axis in range(n):
            extended = np.concatenate([extended, extended.sum(axis=axis, keepdims=True)], axis)
        self.extended = extended
        self.values = extended.ravel()[shape.flat]
        self._values = self.values.tolist()
        self.lines, self.lines_of = shape.lines, shape.lines_of
        cells, count = shape.cells, len(shape.lines)
        self.hidden = bytearray(cells)
        self._hidden_count = [0] * count
        self._hidden_sum = [0] * count
        self._pending: deque[int] = deque()
        self._solver = _DependencySolver()
        self._hidden_by_order: list[int] = []  # hidden cells, protected ones dropped lazily
        self._cells = cells
        self._heaps: list[list[int]] = []
        # Candidate keys: (is the line's total, count, order) as one integer.
        self._total_key = (int(self.values.max()) + 1) * cells
        self._scale = 2 * self._total_key  # per ring of step 3
        self._empty = (n + 2) * self._scale  # a line without candidates, in step 3
        self._ring_cell, self._ring_offsets = -1, None  # step 3's last cell, its lines' offsets

    def hide_all(self, cells: np.ndarray) -> None:
        """Primary suppression: hide these cells (numbers in order) at once."""
        numbers = cells.tolist()
        add, columns, lines_of, pending = self._solver.add, self.shape.columns, self.lines_of, []
        for cell in numbers:
            self.hidden[cell] = 1
            add(cell, columns[cell])
            pending.extend(lines_of[cell])
        self._pending.extend(pending)
        self._hidden_by_order = numbers
        count = len(self.lines)
        if pending:
            lines = np.asarray(pending)
            self._hidden_count = np.bincount(lines, minlength=count).tolist()
            values = np.repeat(self.values[cells], [len(lines_of[c]) for c in numbers])
            self._hidden_sum = np.bincount(lines, weights=values, minlength=count)
            self._hidden_sum = self._hidden_sum.astype(np.int64).tolist()
        self._build_heaps()

    def _build_heaps(self) -> None:
        """Every line's candidates as a sorted list (a heap), and the array of their heads."""
        hidden = np.frombuffer(bytes(self.hidden), dtype=np.uint8).astype(bool)
        keys = self.values * self._cells + np.arange(self._cells)
        unusable = (self.values == 0) | hidden
        self._heaps = []
        heads = []
        for block in self.shape.blocks:
            block_keys = keys[block]
            block_keys[:, -1] += self._total_key
            block_keys[unusable[block]] = self._empty
            block_keys.sort(axis=1)
            usable = (block_keys < self._empty).sum(axis=1).tolist()
            heads.append(block_keys[:, 0])
            for row, k in zip(block_keys.tolist(), usable, strict=True):
                self._heaps.append(row[:k])
        self._heads = np.concatenate(heads)

    def hide(self, cell: int) -> None:
        if self.hidden[cell]:
            return
        assert self._values[cell] > 0, "zero cells are never hidden"
        hidden = self.hidden
        hidden[cell] = 1
        heapq.heappush(self._hidden_by_order, cell)
        value, cells, of = self._values[cell], self._cells, self.lines_of[cell]
        counts, sums, heaps, heappop = (
            self._hidden_count,
            self._hidden_sum,
            self._heaps,
            heapq.heappop,
        )
        for index in of:
            counts[index] += 1
            sums[index] += value
            heap = heaps[index]
            if heap and hidden[heap[0] % cells]:
                while heap and hidden[heap[0] % cells]:
                    heappop(heap)
                self._heads[index] = heap[0] if heap else self._empty
        self._pending.extend(of)
        self._solver.add(cell, self.shape.columns[cell])

    def complete_lines(self) -> None:
        """Step 2: no line may give away its hidden cells: a line with one hidden cell, or with
        hidden inner cells that must all be 1 under a shown total (hidden cells are never zero,
        since zero is shown, so hidden inner cells whose shown total leaves exactly one apiece
        are each known to be 1)."""
        pending, counts, sums, lines = (
            self._pending,
            self._hidden_count,
            self._hidden_sum,
            self.lines,
        )
        hidden, heaps, cells = self.hidden, self._heaps, self._cells
        while pending:
            index = pending.popleft()
            count = counts[index]
            if count == 1 or (count > 0 and not hidden[lines[index][-1]] and sums[index] == count):
                # Such a line always has a non-zero visible cell: its total if an inner cell
                # is hidden, else an inner cell.
                self.hide(heaps[index][0] % cells)

    def first_determined(self) -> int | None:
        """The first hidden cell (by `order`) whose value can still be worked out, if any."""
        heap, protected = self._hidden_by_order, self._solver.undetermined
        while heap and heap[0] in protected:
            heapq.heappop(heap)
        return heap[0] if heap else None

    def neighbour_to_hide(self, cell: int) -> int:
        """Step 3: the visible cell to hide next to a determined one, nearest lines first.

        Nearest means breadth first over lines that share a cell: first the cell's own lines,
        then the lines crossing those, and so on; the best candidate of the first such ring
        that has one. Ring k holds exactly the lines whose fixed coordinates differ from the
        cell's in k dimensions (the line's own direction counts once for every line), so one
        reduction over every line's best key, offset by its ring, finds it.
        """
        heaps = self._heaps
        own = [heaps[index][0] for index in self.lines_of[cell] if heaps[index]]
        if own:  # ring 0, the cell's own lines: usually enough
            return min(own) % self._cells
        if self._ring_cell != cell:  # the same cell usually needs several neighbours hidden
            shape = self.shape
            ring = (shape.fixed != shape.coords[cell][:, None]).sum(axis=0, dtype=np.int64)
            self._ring_cell, self._ring_offsets = cell, ring * self._scale
        best = int((self._ring_offsets + self._heads).argmin())
        if self._heads[best] >= self._empty:
            raise AssertionError("every non-zero cell is hidden, yet one is determined")
        return self._heaps[best][0] % self._cells

    def published(self, dims: list[list], masks) -> Cube:
        """The cube as full_table orders it, None for every hidden cell."""
        shape = self.shape
        hidden = np.zeros(shape.ext, dtype=bool)
        hidden.ravel()[shape.flat[np.frombuffer(bytes(self.hidden), dtype=np.uint8) > 0]] = True
        cube = {}
        for mask in masks:
            where = _slices(shape.sizes, mask)
            values = self.extended[where].ravel().tolist()
            for position in np.flatnonzero(hidden[where]).tolist():
                values[position] = None
            axes = [[TOTAL] if star else d for d, star in zip(dims, mask, strict=True)]
            cube.update(zip(product(*axes), values, strict=True))
        return cube


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
    (Which cells are undetermined does not depend on the order cells are added in: they are
    the support of the null space.) So the combinations leave out cells already known to be
    undetermined: each entry of a combination is worked out on its own (a*x - b*y entry by
    entry, and scaling), so dropping some entries changes none of the others, and a dependency
    still names every cell it newly shows to be undetermined.
    """

    def __init__(self):
        # pivot line -> reduced vector: its entries over lines (keys from 0) and the
        # combination of original columns it is (keys -1 - cell), in one dict
        self.basis: dict[int, dict[int, int]] = {}
        self.undetermined: set[int] = set()
        self._holders: dict[int, list[int]] = {}  # a cell's key -> the pivots holding it

    def add(self, cell: int, column: dict[int, int]) -> list[int] | None:
        """Add a hidden cell's column; returns the cells it shows to be undetermined if it
        closes a dependency."""
        # No vector holds a left-out key: the basis vectors lose theirs when they are left
        # out (below), and the vector being reduced starts as the new cell's column.
        vector = {**column, -1 - cell: 1}
        basis = self.basis
        while (pivot := max(vector)) >= 0:
            base = basis.get(pivot)
            if base is None:
                basis[pivot] = vector
                holders = self._holders
                for key in vector:
                    if key < 0:
                        holders.setdefault(key, []).append(pivot)
                return None
            a, b = base[pivot], vector[pivot]
            # a*vector - b*base, without zero entries, in place (no entry of either is zero,
            # so a zero sum is always of a key vector holds). For a = -1 its negation,
            # vector + b*base: scaling a vector by a non-zero number changes no dependency.
            if a == -1:
                b = -b
            elif a != 1:
                vector = {k: a * v for k, v in vector.items()}
            get = vector.get
            for k, v in base.items():
                value = get(k, 0) - b * v
                if value:
                    vector[k] = value
                else:
                    del vector[k]
            if a not in (1, -1):  # only then can the entries grow by a factor; scale them down
                divisor = gcd(*vector.values())
                if divisor > 1:
                    vector = {k: v // divisor for k, v in vector.items()}
        # A dependency: its cells are left out of every combination from now on.
        holders = self._holders
        for key in vector:
            for holder in holders.pop(key, ()):
                basis[holder].pop(key, None)
        cells = [-1 - key for key in vector]
        self.undetermined.update(cells)
        return cells


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
