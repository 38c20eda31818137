"""The disclosure-control function, checked on examples and on random tables (Hypothesis)."""

from collections import deque
from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samverka.lib.disclosure import TOTAL, disclosure_control, display, full_table, lines


@st.composite
def tables(draw, min_dims=2, max_dims=3, max_values=4, max_count=30):
    sizes = draw(st.lists(st.integers(1, max_values), min_size=min_dims, max_size=max_dims))
    dims = [[f"d{i}v{j}" for j in range(n)] for i, n in enumerate(sizes)]
    cells = list(product(*dims))
    values = draw(st.lists(st.integers(0, max_count), min_size=len(cells), max_size=len(cells)))
    return dict(zip(cells, values, strict=True)), dims


def true_value(counts, cell):
    """A cell's true value summed straight from the inner cells (independent of full_table)."""
    return sum(
        n
        for key, n in counts.items()
        if all(c in (TOTAL, k) for c, k in zip(cell, key, strict=True))
    )


def determined_cells(result, dims, published=None):
    """Hidden cells whose value follows from the published ones (dense exact RREF)."""
    hidden = [cell for cell, value in result.items() if value is None]
    column = {cell: i for i, cell in enumerate(hidden)}
    rows = []
    for line in lines(dims, published):
        row = [Fraction(0)] * len(hidden)
        for cell in line[:-1]:
            if cell in column:
                row[column[cell]] = Fraction(1)
        if line[-1] in column:
            row[column[line[-1]]] = Fraction(-1)
        if any(row):
            rows.append(row)
    pivots = {}  # column -> row index in rows
    rank = 0
    for col in range(len(hidden)):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        factor = rows[rank][col]
        rows[rank] = [v / factor for v in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][col]:
                f = rows[r][col]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[rank], strict=True)]
        pivots[col] = rank
        rank += 1
    return [
        hidden[col]
        for col, r in pivots.items()
        if all(v == 0 for i, v in enumerate(rows[r]) if i != col)
    ]


@settings(max_examples=300, deadline=None)
@given(tables())
def test_random_tables_are_protected(table):
    counts, dims = table
    result = disclosure_control(counts, dims)
    truth = full_table(counts, dims)
    assert result.keys() == truth.keys()
    for cell, value in result.items():
        true = true_value(counts, cell)
        assert truth[cell] == true
        if 1 <= true <= 4:
            assert value is None, f"small count visible at {cell}"
        if true == 0:
            assert value == 0, "zero stays 0"
        if value is not None:
            assert value == true, "a published cell (inner or margin) is its true value"
    for line in lines(dims):
        hidden = sum(result[cell] is None for cell in line)
        assert hidden == 0 or hidden >= 2, f"line {line} gives away its one hidden cell"
    assert determined_cells(result, dims) == []


def completions(result, counts, dims, *, reach=2, minimum=0):
    """Completions of a published 2-D table near the truth, nearest first (depth-first).

    Each hidden inner cell takes its true value plus -reach..reach; every hidden cell, inner
    or margin, must stay at `minimum` or more, and every published cell must be reproduced.
    The last hidden cell of a row or column whose total is published is forced.
    """
    rows, cols = dims
    truth = {cell: counts.get(cell, 0) for cell in product(rows, cols)}
    unknown = [cell for cell in product(rows, cols) if result[cell] is None]
    hidden_margins = [cell for cell, v in result.items() if v is None and TOTAL in cell]
    last_in_row = {
        r: max((i for i, c in enumerate(unknown) if c[0] == r), default=-1) for r in rows
    }
    last_in_col = {
        k: max((i for i, c in enumerate(unknown) if c[1] == k), default=-1) for k in cols
    }
    row_shown = {r: result[(r, TOTAL)] is not None for r in rows}
    col_shown = {k: result[(TOTAL, k)] is not None for k in cols}
    nearest_first = sorted(range(-reach, reach + 1), key=abs)
    steps = [0] * len(unknown)

    def search(i, row_sum, col_sum):
        if i == len(unknown):
            if result[(TOTAL, TOTAL)] is not None and sum(row_sum.values()):
                return
            table = dict(truth)
            for cell, step in zip(unknown, steps, strict=True):
                table[cell] += step
            if all(true_value(table, cell) >= minimum for cell in hidden_margins):
                yield table
            return
        r, k = unknown[i]
        options = nearest_first
        if row_shown[r] and last_in_row[r] == i:
            options = [-row_sum[r]]
        if col_shown[k] and last_in_col[k] == i:
            options = [v for v in options if v == -col_sum[k]]
        for step in options:
            if truth[(r, k)] + step < minimum or abs(step) > reach:
                continue
            steps[i] = step
            row_sum[r] += step
            col_sum[k] += step
            yield from search(i + 1, row_sum, col_sum)
            row_sum[r] -= step
            col_sum[k] -= step

    yield from search(0, dict.fromkeys(rows, 0), dict.fromkeys(cols, 0))


@settings(max_examples=200, deadline=None)
@given(tables(min_dims=2, max_dims=2, max_values=3, max_count=8))
def test_every_hidden_cell_of_a_small_table_has_two_completions(table):
    """Brute force: each hidden cell takes another value in some completion of what is shown.

    Completions are non-negative integer tables that reproduce every published cell.
    """
    counts, dims = table
    result = disclosure_control(counts, dims)
    truth = full_table(counts, dims)
    assert next(completions(result, counts, dims, minimum=0)) == {
        cell: counts.get(cell, 0) for cell in product(*dims)
    }
    for cell, value in result.items():
        if value is not None:
            continue
        other = next(
            (
                t
                for t in completions(result, counts, dims, minimum=0)
                if true_value(t, cell) != truth[cell]
            ),
            None,
        )
        assert other is not None, f"hidden cell {cell} can be worked out"
        assert all(v >= 0 for v in other.values())
        for shown, published in result.items():
            if published is not None:
                assert true_value(other, shown) == published


def test_one_hidden_cell_in_a_line_is_joined_by_the_smallest_other():
    counts = {("a", "x"): 3, ("a", "y"): 10, ("a", "z"): 8}
    counts |= {("b", "x"): 20, ("b", "y"): 30, ("b", "z"): 6}
    result = disclosure_control(counts, [["a", "b"], ["x", "y", "z"]])
    hidden = {cell for cell, value in result.items() if value is None}
    # (a, x) = 3 is small; row a adds its smallest other cell (a, z) = 8; columns x and z
    # then add (b, x) and (b, z): a rectangle, no cell of which can be worked out.
    assert hidden == {("a", "x"), ("a", "z"), ("b", "x"), ("b", "z")}
    assert result[("a", "y")] == 10
    assert result[("a", TOTAL)] == 21
    assert result[(TOTAL, "x")] == 23
    assert result[(TOTAL, TOTAL)] == 77


def test_zero_is_never_hidden_and_large_counts_stay_exact():
    counts = {("a", "x"): 0, ("a", "y"): 12, ("b", "x"): 9, ("b", "y"): 30}
    result = disclosure_control(counts, [["a", "b"], ["x", "y"]])
    assert result == full_table(counts, [["a", "b"], ["x", "y"]])
    assert result[("a", "x")] == 0


def test_a_bridge_between_two_groups_of_hidden_cells_is_also_protected():
    # With lines alone, cell (r0, c0) = 2 could be worked out from the published cells:
    # row r1 and column c3 tie it to the grand total. The audit step hides more.
    rows = {"r0": [2, 8, 6, 0], "r1": [3, 0, 7, 2], "r2": [8, 7, 2, 0]}
    dims = [["r0", "r1", "r2"], ["c0", "c1", "c2", "c3"]]
    counts = {(r, f"c{j}"): n for r, values in rows.items() for j, n in enumerate(values)}
    result = disclosure_control(counts, dims)
    assert result[("r0", "c0")] is None
    assert determined_cells(result, dims) == []


def test_display_shows_every_hidden_cell_as_the_neutral_mark():
    assert display(None) == ".."
    assert display(0) == "0"
    assert display(17) == "17"


def test_result_is_the_same_whatever_the_order_of_the_input():
    counts = {("a", "x"): 2, ("a", "y"): 6, ("b", "x"): 7, ("b", "y"): 1}
    dims = [["a", "b"], ["x", "y"]]
    again = dict(reversed(list(counts.items())))
    assert disclosure_control(counts, dims) == disclosure_control(again, dims)


@pytest.mark.parametrize(
    ("counts", "dims"),
    [
        ({("a", "q"): 1}, [["a"], ["x"]]),  # value outside the dimension
        ({("a", "x"): -1}, [["a"], ["x"]]),  # negative count
        ({("a", "x"): 1}, [["a", "*"], ["x"]]),  # reserved total marker
    ],
)
def test_bad_tables_are_refused(counts, dims):
    with pytest.raises(ValueError):
        disclosure_control(counts, dims)


def test_hidden_cells_that_must_all_be_one_are_protected_too():
    # 6 + hidden + hidden = 8 shown: as hidden cells are never 0, both would be 1.
    counts = {("a", "x"): 6, ("b", "x"): 1, ("c", "x"): 1}
    result = disclosure_control(counts, [["a", "b", "c"], ["x"]])
    assert result[("b", "x")] is None
    assert result[("c", "x")] is None
    assert result[("a", "x")] is None


def nearest_by_walking_lines(control, cell):
    """Step 3 as first written: breadth first over lines that share a cell."""
    seen, frontier = set(), set(control.lines_of[cell])
    while frontier:
        heads = [control._heaps[i][0] for i in frontier if control._heaps[i]]
        if heads:
            return min(heads) % control._cells
        seen |= frontier
        frontier = {
            i for line in frontier for c in control.lines[line] for i in control.lines_of[c]
        }
        frontier -= seen
    return None


@settings(max_examples=120, deadline=None)
@given(tables(min_dims=1, max_dims=4, max_values=4, max_count=9), st.randoms())
def test_the_nearest_cell_to_hide_is_the_one_a_walk_over_lines_finds(table, rng):
    """neighbour_to_hide finds with one reduction what walking ring by ring over lines finds."""
    from samverka.lib.disclosure import _Control, _inner

    counts, dims = table
    control = _Control(_inner(counts, dims))
    control.hide_all(np.array([], dtype=np.int64))
    nonzero = [c for c, value in enumerate(control.values.tolist()) if value]
    for cell in rng.sample(nonzero, len(nonzero)):
        expected = nearest_by_walking_lines(control, cell)
        if expected is None:
            break
        assert control.neighbour_to_hide(cell) == expected
        control.hide(cell)


def reference_control(counts, dims, published=None, threshold=5):
    """The rules of the module docstring, written plainly over tuples (slow): the fast
    implementation must publish exactly this, cell for cell."""
    cube = full_table(counts, dims, published)
    all_lines = list(lines(dims, published))
    lines_of = {cell: [i for i, line in enumerate(all_lines) if cell in line] for cell in cube}
    positions = [{v: i for i, v in enumerate([*values, TOTAL])} for values in dims]

    def order(cell):
        return (cell.count(TOTAL), tuple(p[v] for p, v in zip(positions, cell, strict=True)))

    hidden, pending = set(), deque()

    def hide(cell):
        if cell not in hidden:
            hidden.add(cell)
            pending.extend(lines_of[cell])

    def best(line):
        candidates = [c for c in line if c not in hidden and cube[c] > 0]
        key = lambda c: (c == line[-1], cube[c], order(c))  # noqa: E731
        return min(candidates, key=key) if candidates else None

    def nearest(cell):
        seen, frontier = set(), set(lines_of[cell])
        while frontier:
            found = [(best(all_lines[i]), all_lines[i]) for i in frontier]
            found = [(c, line) for c, line in found if c is not None]
            if found:
                return min(found, key=lambda f: (f[0] == f[1][-1], cube[f[0]], order(f[0])))[0]
            seen |= frontier
            frontier = {i for f in frontier for c in all_lines[f] for i in lines_of[c]} - seen
        raise AssertionError("nothing left to hide")

    for cell in sorted(cube, key=order):
        if 0 < cube[cell] < threshold:
            hide(cell)
    while True:
        while pending:
            line = all_lines[pending.popleft()]
            shut = [c for c in line if c in hidden]
            if len(shut) == 1 or (
                shut and line[-1] not in hidden and sum(cube[c] for c in shut) == len(shut)
            ):
                hide(best(line))
        result = {cell: (None if cell in hidden else value) for cell, value in cube.items()}
        determined = determined_cells(result, dims, published)
        if not determined:
            return result
        hide(nearest(min(determined, key=order)))


@settings(max_examples=150, deadline=None)
@given(
    tables(min_dims=1, max_dims=4, max_values=4, max_count=9),
    st.sampled_from([None, [(0,)], [(0, 1)], [(0, 1), (0, 2)], [(0, 1, 2), (0, 3)]]),
)
def test_the_fast_control_publishes_what_the_plain_rules_publish(table, published):
    counts, dims = table
    if published is not None and max(max(kept) for kept in published) >= len(dims):
        published = None
    assert disclosure_control(counts, dims, published=published) == reference_control(
        counts, dims, published
    )


@st.composite
def cubes_with_published_tables(draw):
    counts, dims = draw(tables(min_dims=2, max_dims=4, max_values=3, max_count=12))
    n = len(dims)
    published = draw(
        st.lists(
            st.lists(st.integers(0, n - 1), min_size=1, max_size=n, unique=True).map(
                lambda kept: tuple(sorted(kept))
            ),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    return counts, dims, published


@settings(max_examples=200, deadline=None)
@given(cubes_with_published_tables())
def test_published_tables_are_protected(case):
    """Only the published tables' cells are computed; none of them shows a count from 1 to 4,
    each is its true value when shown, and no hidden one follows from the published ones."""
    counts, dims, published = case
    result = disclosure_control(counts, dims, published=published)
    for cell, value in result.items():
        kept = {d for d, v in enumerate(cell) if v != TOTAL}
        assert any(kept <= set(table) for table in published), cell
        true = true_value(counts, cell)
        if 1 <= true <= 4:
            assert value is None, f"small count visible at {cell}"
        if value is not None:
            assert value == true
    assert determined_cells(result, dims, published) == []


def test_the_funder_tables_keep_the_total_of_a_small_group():
    """Age × gender and third-country status, each with its margins: the total survives."""
    counts = {
        ("a", "6-12", "f", "yes"): 6,
        ("a", "6-12", "m", "yes"): 5,
        ("a", "18-64", "f", "no"): 9,
        ("a", "18-64", "m", "yes"): 3,
        ("a", "6-12", "m", "no"): 7,
    }
    dims = [["a"], ["6-12", "18-64"], ["f", "m"], ["yes", "no"]]
    result = disclosure_control(counts, dims, published=[(0, 1, 2), (0, 3)])
    assert result[("a", TOTAL, TOTAL, TOTAL)] == 30
    assert result[("a", TOTAL, TOTAL, "yes")] == 14
    assert result[("a", "6-12", TOTAL, TOTAL)] == 18
    assert ("a", "6-12", "f", "yes") not in result  # never published, never computed
