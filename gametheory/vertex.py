"""Exact enumeration of all extreme Nash equilibria of a bimatrix game.

Method (von Stengel 2002, *Handbook of Game Theory* 3, ch. 45, §3; Avis, Rosenberg, Savani &
von Stengel 2010, *Economic Theory* 42: 9-37, the method of lrsnash). Shift and scale the payoffs
so that every entry of ``A`` (row player, ``m x n``) and ``B`` (column player) is a positive
integer; this changes no equilibrium. The *best-response polytopes* are

    P = {x in R^m : x >= 0,  B^T x <= 1},        Q = {y in R^n : A y <= 1,  y >= 0}.

A point of ``P`` has label ``i`` (``0 <= i < m``) when ``x_i = 0`` and label ``m + j`` when
``(B^T x)_j = 1`` (column ``j`` is a best response to ``x``); a point of ``Q`` has label ``i`` when
``(A y)_i = 1`` and label ``m + j`` when ``y_j = 0``. A pair ``(x, y) != (0, 0)`` is *completely
labelled* when every label ``0 .. m+n-1`` appears at ``x`` or at ``y``; the completely labelled
pairs of vertices, normalised to probability vectors, are exactly the extreme equilibria, also in
degenerate games (where a vertex may carry more than ``m`` resp. ``n`` labels, and where the
equilibria form polytopes whose vertices these are). The game is *nondegenerate* iff no vertex of
``P`` has more than ``m`` labels and no vertex of ``Q`` more than ``n``.

Algorithm. The vertices of one polytope are enumerated by exact pivoting over its lexicographic
bases (:mod:`gametheory.lexsearch`), so the work follows the vertices that exist. Which polytope
has fewer bases is not known in advance, so both searches advance in turn, the one whose
frontier closes sooner favoured after a warm-up (:func:`_race`), and the first to finish is
used. For each vertex ``x`` the labels it lacks, ``K``, must all appear at the partner ``y``.
When ``x`` has exactly ``m`` labels, ``K`` names ``n`` constraints of ``Q``; if they are
independent they meet in one point, which is the only candidate: these linear systems are solved
in float batches that only *propose* ("floats may only propose, never decide"): a solution
feasible within :data:`FEASIBILITY_TOL`, or a system whose 1-norm condition number exceeds
:data:`COND_LIMIT`, is solved again exactly in integers (fraction-free elimination, Bareiss
1968) and its feasibility and labels are decided exactly. A feasible vertex's float solution
errs by about ``cond * 2.2e-16``, far inside the tolerance, so none is lost to rounding. When
``x`` has more than ``m`` labels (a degenerate vertex) or the ``n`` constraints are dependent,
the partners form a face of ``Q`` of positive dimension: then every vertex of ``Q`` is
enumerated too and the partners are those whose labels contain ``K``.

Bounded work: the enumeration takes a deadline, a cap on the number of bases
(:data:`MAX_BASES`) and a memory budget (:data:`MAX_MEMORY`; a ``MemoryError`` is caught the
same way) and reports ``complete=False``, with the reason in ``stopped``, when it stops early;
the equilibria it returns then are exact and verified, but may not be all.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

import numpy as np

from .lexsearch import CHECK_EVERY, Search, search

__all__ = [
    "COND_LIMIT",
    "FEASIBILITY_TOL",
    "MAX_BASES",
    "Enumeration",
    "Vertex",
    "enumerate_equilibria",
    "extreme_equilibria",
    "polytope_vertices",
]

#: Bases whose float condition number exceeds this are solved exactly instead of judged by floats.
COND_LIMIT = 1e7
#: Relative slack with which a float solution counts as "possibly feasible" (a proposal only).
FEASIBILITY_TOL = 1e-6
#: Cap on the lexicographic bases one enumeration visits; beyond it the enumeration stops
#: with ``complete=False``.
MAX_BASES = 5_000_000
#: Memory budget of one enumeration in bytes (queued dictionaries and visited bases); beyond
#: it the enumeration stops with ``complete=False`` and ``stopped="memory"``.
MAX_MEMORY = 2 * 2**30
#: Bytes per visited basis beside the queue: its set entry and, about, its vertex record.
BYTES_PER_BASIS = 200
#: Vertices whose partners are solved in one float batch.
BATCH = 512


@dataclass(frozen=True)
class Vertex:
    """A nonzero vertex ``z = numerators / denominator`` of a best-response polytope."""

    numerators: tuple[int, ...]
    denominator: int
    labels: int  # bitmask of labels

    def probabilities(self) -> tuple[Fraction, ...]:
        """The vertex normalised to a probability vector."""
        total = sum(self.numerators)
        return tuple(Fraction(v, total) for v in self.numerators)


def integer_payoffs(matrix: np.ndarray) -> list[list[int]]:
    """Positive integer payoffs ``k * (M - min M) + 1`` equivalent to the Fraction matrix ``M``.

    ``k`` is the least common multiple of the denominators, so the map is a positive affine
    transformation and leaves best responses (hence equilibria) unchanged.
    """
    entries = [v if isinstance(v, Fraction) else Fraction(v) for v in matrix.ravel().tolist()]
    scale = math.lcm(*(v.denominator for v in entries))
    scaled = [v.numerator * (scale // v.denominator) for v in entries]
    low = min(scaled)
    ints = [v - low + 1 for v in scaled]
    rows, cols = matrix.shape
    return [ints[r * cols : (r + 1) * cols] for r in range(rows)]


def _solve_exact(matrix: list[list[int]]) -> tuple[list[int], int] | None:
    """Solve ``matrix @ z = 1`` exactly; return ``(numerators, det)`` with ``det > 0`` or None.

    Fraction-free Gauss-Jordan elimination (Bareiss 1968): every intermediate entry is a minor of
    the augmented matrix, so each division is exact and all arithmetic stays in integers. The
    caller checks the result by substitution (:func:`polytope_vertices` does, for every row) and
    falls back to :func:`_solve_fractions` if the check fails.
    """
    n = len(matrix)
    if n <= 3:
        return _solve_cramer(matrix)
    aug = [[*row, 1] for row in matrix]
    prev = 1
    for k in range(n):
        pivot_row = next((i for i in range(k, n) if aug[i][k] != 0), None)
        if pivot_row is None:
            return None  # singular
        if pivot_row != k:
            aug[k], aug[pivot_row] = aug[pivot_row], aug[k]
        row_k = aug[k]
        pivot = row_k[k]
        for i in range(n):
            if i == k:
                continue
            row_i = aug[i]
            f = row_i[k]
            for j in range(k + 1, n + 1):
                row_i[j] = (pivot * row_i[j] - f * row_k[j]) // prev
            row_i[k] = 0
        prev = pivot
    det = prev
    nums = [aug[i][n] for i in range(n)]
    if det < 0:
        det, nums = -det, [-v for v in nums]
    return nums, det


def _solve_cramer(m: list[list[int]]) -> tuple[list[int], int] | None:
    """Cramer's rule ``z_i = det(M_i) / det(M)`` (``M_i``: column ``i`` replaced by ones), for
    ``n <= 3``, where it is cheaper than elimination."""
    n = len(m)
    if n == 1:
        det, nums = m[0][0], [1]
    elif n == 2:
        (a, b), (c, d) = m
        det, nums = a * d - b * c, [d - b, a - c]
    else:
        (a, b, c), (d, e, f), (g, h, i) = m
        co = (e * i - f * h, f * g - d * i, d * h - e * g)  # cofactors of the first row
        det = a * co[0] + b * co[1] + c * co[2]
        # z = adj(M) @ 1: row sums of the adjugate
        nums = [
            (e * i - f * h) + (c * h - b * i) + (b * f - c * e),
            (f * g - d * i) + (a * i - c * g) + (c * d - a * f),
            (d * h - e * g) + (b * g - a * h) + (a * e - b * d),
        ]
    if det == 0:
        return None
    if det < 0:
        det, nums = -det, [-v for v in nums]
    return nums, det


def _solve_fractions(matrix: list[list[int]]) -> tuple[list[int], int] | None:
    """Plain Gaussian elimination in Fractions (fallback of :func:`_solve_exact`)."""
    n = len(matrix)
    aug = [[Fraction(v) for v in row] + [Fraction(1)] for row in matrix]
    for k in range(n):
        p = next((i for i in range(k, n) if aug[i][k] != 0), None)
        if p is None:
            return None
        aug[k], aug[p] = aug[p], aug[k]
        for i in range(n):
            if i != k and aug[i][k] != 0:
                f = aug[i][k] / aug[k][k]
                aug[i] = [a - f * b for a, b in zip(aug[i], aug[k], strict=True)]
    z = [aug[i][n] / aug[i][i] for i in range(n)]
    det = math.lcm(*(v.denominator for v in z))
    return [int(v * det) for v in z], det


def _tight_rows_exact(
    matrix: list[list[int]], columns: list[list[int]], nums: list[int]
) -> list[int]:
    """``matrix @ nums`` exactly, from the columns (skipping zero coordinates)."""
    values = [0] * len(matrix)
    for t, v in enumerate(nums):
        if v:
            col = columns[t]
            values = [a + c * v for a, c in zip(values, col, strict=True)]
    return values


def _on_support(support: Sequence[int], values: Sequence[int], size: int) -> list[int]:
    """A vector of length ``size`` with ``values`` on ``support`` and 0 elsewhere."""
    out = [0] * size
    for t, v in zip(support, values, strict=True):
        out[t] = v
    return out


def _exact_point(
    matrix: list[list[int]], columns: list[list[int]], rows: Sequence[int], support: Sequence[int]
) -> tuple[str, list[int], int]:
    """Solve ``matrix[rows, support] z_S = 1`` (``z = 0`` off the support) exactly.

    Returns ``("singular", [], 0)``, ``("infeasible", [], 0)`` or ``("vertex", nums, det)`` with
    ``z = nums / det`` feasible for ``{z >= 0 : matrix z <= 1}``.
    """
    sub = [[matrix[r][t] for t in support] for r in rows]
    solved = _solve_exact(sub)
    if solved is None:
        return "singular", [], 0
    nums_s, det = solved
    nums = _on_support(support, nums_s, len(columns))
    values = _tight_rows_exact(matrix, columns, nums)
    if any(values[r] != det for r in rows):  # substitution check of the elimination
        solved = _solve_fractions(sub)
        if solved is None:  # pragma: no cover - _solve_exact found it nonsingular
            return "singular", [], 0
        nums_s, det = solved
        nums = _on_support(support, nums_s, len(columns))
        values = _tight_rows_exact(matrix, columns, nums)
    if min(nums) < 0 or max(values) > det:
        return "infeasible", [], 0
    return "vertex", nums, det


@dataclass(frozen=True)
class _Found:
    """A nonzero vertex found by a :class:`Search`, its point rebuilt only when asked for."""

    search: Search
    mask: int
    labels: int

    def probabilities(self) -> tuple[Fraction, ...]:
        """The vertex normalised to a probability vector."""
        nums, _ = self.search.point(self.mask)
        total = sum(nums)
        return tuple(Fraction(v, total) for v in nums)


class _Side:
    """One best-response polytope ``{z >= 0 : matrix z <= 1}`` with its labels as bit masks.

    ``var_labels[t]`` is the label of ``z_t = 0``, ``row_labels[r]`` that of row ``r`` at equality.
    """

    def __init__(
        self, matrix: list[list[int]], row_labels: Sequence[int], var_labels: Sequence[int]
    ) -> None:
        self.matrix = matrix
        self.k, self.d = len(matrix), len(matrix[0])
        self.columns = [list(col) for col in zip(*matrix, strict=True)]
        self.row_labels = list(row_labels)
        self.var_labels = list(var_labels)
        top = max(max(row) for row in matrix)
        # float copy scaled into (0, 1]; integer true division is correctly rounded even for
        # integers far beyond the float range
        self.mf = np.array([[v / top for v in row] for row in matrix], dtype=float)

    def labels(self, mask: int) -> int:
        """Translate a :mod:`lexsearch` tight-constraint mask into a label mask."""
        out = 0
        for t in range(self.d):
            if mask >> t & 1:
                out |= 1 << self.var_labels[t]
        for r in range(self.k):
            if mask >> (self.d + r) & 1:
                out |= 1 << self.row_labels[r]
        return out

    def vertices(self, deadline: float | None, max_bases: int) -> tuple[list[Vertex], bool]:
        """All nonzero vertices (exact) and whether the enumeration finished."""
        found = search(self.matrix, deadline=deadline, max_bases=max_bases)
        out = [
            Vertex(nums, den, self.labels(mask))
            for mask, (nums, den) in found.vertices.items()
            if any(nums)
        ]
        return out, found.complete


def polytope_vertices(
    matrix: list[list[int]],
    row_labels: Sequence[int],
    var_labels: Sequence[int],
) -> list[Vertex]:
    """All nonzero vertices of ``{z >= 0 : matrix @ z <= 1}`` with their exact label sets.

    ``matrix`` has positive integer entries; constraint row ``r`` carries label
    ``row_labels[r]`` and ``z_t >= 0`` carries ``var_labels[t]``. Sorted by exact coordinates.
    """
    vertices, _ = _Side(matrix, row_labels, var_labels).vertices(None, MAX_BASES)
    return sorted(vertices, key=lambda v: (v.numerators, v.denominator))


@dataclass
class Enumeration:
    """The result of :func:`enumerate_equilibria`.

    ``pairs``: the extreme equilibria found, as ``(x, y)`` tuples of Fractions, sorted in
    decreasing lexicographic order; ``complete``: False when the deadline or the basis cap
    stopped the enumeration (``stopped`` says which); ``degenerate``: True / False, or None when
    it is not known yet (:meth:`is_degenerate` then enumerates the other polytope to decide);
    ``bases``: the lexicographic bases visited; ``searched``: ``"P"`` or ``"Q"``, the polytope
    whose vertices were enumerated first.
    """

    pairs: list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]]
    complete: bool
    degenerate: bool | None
    stopped: str | None
    bases: int
    searched: str
    other: Search | None = None
    other_side: _Side | None = None

    def is_degenerate(self, deadline: float | None = None) -> bool | None:
        """Exact degeneracy of the game, finishing the other polytope's search if needed;
        None when the deadline (a ``time.perf_counter()`` value) or the caps stop it first."""
        if self.degenerate is None and self.other is not None and self.other_side is not None:
            why = _run(self.other, deadline, MAX_BASES)
            if why == "deadline":
                return None  # keep the search: a later call may finish it
            side = self.other_side
            labels = [side.labels(mask) for mask in self.other.vertices]
            if any(lab.bit_count() > side.d for lab in labels):
                self.degenerate = True
            elif self.other.done:
                self.degenerate = False
            self.other = self.other_side = None
        return self.degenerate


def _players_sides(A: np.ndarray, B: np.ndarray) -> tuple[_Side, _Side]:
    m, n = A.shape
    b_int = integer_payoffs(B)
    bt_int = [list(col) for col in zip(*b_int, strict=True)]  # n x m
    p = _Side(bt_int, [m + j for j in range(n)], list(range(m)))
    q = _Side(integer_payoffs(A), list(range(m)), [m + j for j in range(n)])
    return p, q


def _memory(*searches: Search) -> int:
    """Bytes the searches hold, about: queued dictionaries, and per visited basis its set
    entry and vertex record."""
    return sum(s.queued_bytes + BYTES_PER_BASIS * len(s.visited) for s in searches)


def _run(search_: Search, deadline: float | None, max_bases: int) -> str | None:
    """Finish a search unless the deadline, the cap or the memory budget stops it; return why
    it stopped."""
    pacer = _Pacer(deadline)
    try:
        while not search_.advance(_step(len(search_.visited), max_bases, search_.d, pacer.nodes)):
            pacer.tick()
            if deadline is not None and time.perf_counter() > deadline:
                return "deadline"
            if len(search_.visited) >= max_bases:
                return "max_bases"
            if _memory(search_) > MAX_MEMORY:
                return "memory"
    except MemoryError:
        return "memory"
    return None


def _weights(vertex: Vertex | _Found) -> tuple[int, ...]:
    """The vertex's coordinates as coprime integers: equal for equal probability vectors."""
    nums = vertex.search.point(vertex.mask)[0] if isinstance(vertex, _Found) else vertex.numerators
    g = math.gcd(*nums)
    return tuple(v // g for v in nums)


def _sorted_pairs(
    weights: set[tuple[tuple[int, ...], tuple[int, ...]]],
) -> list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]]:
    """The pairs as probability vectors (Fractions) in decreasing lexicographic order (pure
    strategies on early actions first): sorted by float keys, then confirmed exactly."""

    def probabilities(w: tuple[int, ...]) -> tuple[Fraction, ...]:
        total = sum(w)
        return tuple(Fraction(v, total) for v in w)

    def float_key(pair: tuple[tuple[int, ...], tuple[int, ...]]) -> tuple[float, ...]:
        x, y = pair
        tx, ty = sum(x), sum(y)
        return (*(v / tx for v in x), *(v / ty for v in y))

    keyed = sorted(weights, key=float_key, reverse=True)
    out = [(probabilities(x), probabilities(y)) for x, y in keyed]
    # float order is exact order unless some adjacent pair disagrees (rounding ties): check
    # every adjacent pair exactly, and sort exactly if one is out of order
    if any(out[k] < out[k + 1] for k in range(len(out) - 1)):
        out.sort(reverse=True)
    return out


def _point_key(vertex: Vertex | _Found) -> tuple:
    """A key equal for equal points of one polytope (a vertex found by the search is keyed by
    its tight constraints, a solved partner by its reduced coordinates)."""
    if isinstance(vertex, _Found):
        return ("mask", vertex.mask)
    return (vertex.numerators, vertex.denominator)


def _step(seen: int, max_bases: int, d: int, nodes: int | None = None) -> int:
    """Bases to expand before the next look at the clock and the cap (each adds at most
    ``d`` visited bases); ``nodes`` is the clock's own limit (see :class:`_Pacer`)."""
    limit = CHECK_EVERY if nodes is None else nodes
    return max(1, min(limit, (max_bases - seen) // max(1, d)))


class _Pacer:
    """Keeps each step between two looks at the clock under 0.5 % of the time budget, so that
    a deadline is overshot by little: the number of bases per step is halved whenever a step
    takes longer than that, and doubled (up to :data:`CHECK_EVERY`) when it is much quicker."""

    def __init__(self, deadline: float | None) -> None:
        self.nodes = CHECK_EVERY if deadline is None else 32  # grows while steps are quick
        now = time.perf_counter()
        self.limit = None if deadline is None else max(0.005, 0.005 * (deadline - now))
        self.started = now

    def tick(self) -> None:
        now = time.perf_counter()
        if self.limit is not None:
            took = now - self.started
            if took > self.limit:
                self.nodes = max(8, self.nodes // 2)
            elif took < self.limit / 4:
                self.nodes = min(CHECK_EVERY, self.nodes * 2)
        self.started = now


#: Bases each search visits before the race picks a favourite.
RACE_WARMUP = 2048
#: Steps the favourite advances for each step of the other search.
RACE_BIAS = 4


def _race(
    a: Search,
    b: Search,
    deadline: float | None,
    max_bases: int,
    progress: Callable[[int], None] | None = None,
) -> tuple[int | None, str | None]:
    """Advance two searches until one finishes; return its index (0 or 1) or None and the
    reason for stopping.

    Both advance in turn until each has visited :data:`RACE_WARMUP` bases. Then the search
    whose breadth-first frontier is the smaller fraction of what it has visited (its graph
    is closing up sooner) becomes the favourite and advances :data:`RACE_BIAS` steps for each
    step of the other. If the favourite finishes first the work is ``(1 + 1/RACE_BIAS)`` times
    its own; if the other does, at most ``1 + RACE_BIAS`` times the other's: the smaller
    search's work is never exceeded by more than that factor, and on random games the
    favourite is the smaller one about nine times in ten.
    """
    searches = (a, b)
    favourite: int | None = None
    turn = 0
    pacer = _Pacer(deadline)
    try:
        while True:
            seen = len(a.visited) + len(b.visited)
            if favourite is None and min(len(a.visited), len(b.visited)) >= RACE_WARMUP:
                frontier = [s.queued / max(1, len(s.visited)) for s in searches]
                favourite = 0 if frontier[0] <= frontier[1] else 1
            if favourite is None:
                index = turn % 2
            else:
                index = favourite if turn % (RACE_BIAS + 1) else 1 - favourite
            turn += 1
            if searches[index].advance(_step(seen, max_bases, a.d + b.d, pacer.nodes)):
                return index, None
            pacer.tick()
            if progress is not None:
                progress(len(a.visited) + len(b.visited))
            if deadline is not None and time.perf_counter() > deadline:
                return None, "deadline"
            if len(a.visited) + len(b.visited) >= max_bases:
                return None, "max_bases"
            if _memory(a, b) > MAX_MEMORY:
                return None, "memory"
    except MemoryError:
        return None, "memory"


def enumerate_equilibria(
    A: np.ndarray,
    B: np.ndarray,
    *,
    deadline: float | None = None,
    max_bases: int = MAX_BASES,
    progress: Callable[[int], None] | None = None,
) -> Enumeration:
    """All extreme equilibria of the bimatrix game ``(A, B)`` (Fraction arrays), exactly.

    See the module docstring for the method. The vertex searches of both polytopes run in
    turn until one of them finishes; its vertices are then matched. ``deadline`` (a
    ``time.perf_counter()`` value) and ``max_bases`` bound the work; a stopped enumeration
    returns the equilibria found so far (from the vertices already visited), every one exact,
    with ``complete=False``. ``progress``, if given, is called with the number of bases visited
    after every step of the search.
    """
    m, n = A.shape
    start = time.perf_counter()
    p, q = _players_sides(A, B)
    searches = (Search(p.matrix), Search(q.matrix))
    winner, stopped = _race(*searches, deadline, max_bases, progress)
    # a stopped enumeration matches what it has seen until 2 % of the budget past the deadline
    grace = None if deadline is None else deadline + 0.02 * max(0.0, deadline - start)
    if winner is None:  # stopped: match what the larger partial search has seen
        winner = 0 if len(searches[0].vertices) >= len(searches[1].vertices) else 1
    first, second = (p, q) if winner == 0 else (q, p)
    first_search, second_search = searches[winner], searches[1 - winner]
    complete = stopped is None
    full = (1 << (m + n)) - 1
    first_degenerate = False
    partners: list[tuple[Vertex, Vertex]] = []
    needs_face: list[Vertex] = []
    batch: list[tuple[Vertex, int, int]] = []
    origin = (1 << first.d) - 1  # the tight constraints of z = 0
    for mask in first_search.vertices:
        if mask == origin:
            continue
        vertex = _Found(first_search, mask, first.labels(mask))
        missing = full & ~vertex.labels
        if vertex.labels.bit_count() > first.d:
            first_degenerate = True
        if missing.bit_count() != second.d:
            needs_face.append(vertex)
            continue
        batch.append((vertex, missing, missing))
        if len(batch) >= BATCH:
            needs_face += _partner_points(second, batch, partners)
            batch = []
            if stopped is not None and grace is not None and time.perf_counter() > grace:
                break
    if batch:
        needs_face += _partner_points(second, batch, partners)
    second_degenerate: bool | None = None
    if needs_face:
        subsets = None if second_search.done else _face_subsets(second, needs_face, full)
        if subsets is not None and len(subsets) > FACE_SOLVES_PER_BASIS * len(first_search.visited):
            subsets = None  # finishing the other search is cheaper than these exact solves
        if subsets is not None:  # few: solve each face's candidate bases
            for k in range(0, len(subsets), BATCH):
                _partner_points(second, subsets[k : k + BATCH], partners, exact_only=True)
        else:  # many: all vertices of the other polytope, matched by their labels
            why = _run(second_search, deadline, max_bases) if complete else stopped
            if why is not None:
                complete, stopped = False, why
            origin = (1 << second.d) - 1
            vertices = [
                _Found(second_search, mask, second.labels(mask))
                for mask in second_search.vertices
                if mask != origin
            ]
            if any(v.labels.bit_count() > second.d for v in vertices):
                second_degenerate = True
            elif second_search.done:
                second_degenerate = False
            _face_partners(vertices, needs_face, full, m + n, partners)
    seen: set[tuple] = set()
    weights: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for a, b in partners:
        key = (_point_key(a), _point_key(b))
        if key in seen:  # the same pair reached from several bases or candidate systems
            continue
        seen.add(key)
        x, y = (a, b) if first is p else (b, a)
        weights.add((_weights(x), _weights(y)))
    pairs = _sorted_pairs(weights)
    if first_degenerate or second_degenerate:
        degenerate: bool | None = True
    elif second_degenerate is False and complete:
        degenerate = False
    else:
        degenerate = None
    keep = complete and degenerate is None
    return Enumeration(
        pairs,
        complete,
        degenerate,
        stopped,
        len(searches[0].visited) + len(searches[1].visited),
        "P" if first is p else "Q",
        second_search if keep else None,
        second if keep else None,
    )


#: Exact candidate solves that cost about one basis of the other polytope's search: face
#: partners come from candidate bases only when they are fewer than this many per basis the
#: first search needed (the other search costs about as many bases as the first).
FACE_SOLVES_PER_BASIS = 2
#: Face partners are found from candidate bases when there are at most this many in all;
#: beyond, the other polytope's vertices are enumerated.
FACE_SUBSET_LIMIT = 4096


def _face_subsets(
    side: _Side, needs_face: list[Vertex], full: int
) -> list[tuple[Vertex, int, int]] | None:
    """Candidate bases of the faces ``{y : labels(y) >= missing}`` of ``side``.

    A vertex of such a face has ``side.d`` independent tight constraints; they can be chosen to
    contain a maximal independent subset ``I`` of the constraints ``missing`` names, so the
    vertices are among the solutions of ``I`` plus every choice of ``side.d - |I|`` further
    labels. Returns ``(vertex, constraints, missing)`` items, or None when there would be more
    than :data:`FACE_SUBSET_LIMIT`.
    """
    items: list[tuple[Vertex, int, int]] = []
    for vertex in needs_face:
        missing = full & ~vertex.labels
        independent = _independent_labels(side, missing)
        free = [lab for lab in range(full.bit_length()) if not missing >> lab & 1]
        extra = side.d - len(independent)
        if extra < 0 or extra > len(free):  # pragma: no cover - rank <= dimension
            continue
        if math.comb(len(free), extra) + len(items) > FACE_SUBSET_LIMIT:
            return None
        base = 0
        for lab in independent:
            base |= 1 << lab
        for chosen in combinations(free, extra):
            constraints = base
            for lab in chosen:
                constraints |= 1 << lab
            items.append((vertex, constraints, missing))
    return items


def _independent_labels(side: _Side, labels: int) -> list[int]:
    """A maximal linearly independent subset of the constraints named by ``labels``.

    Row label ``r``: the row ``matrix[r]``; variable label ``t``: the unit vector ``e_t``. Exact
    elimination in Fractions (at most ``k + d`` vectors of length ``d``).
    """
    vectors = []
    for r, lab in enumerate(side.row_labels):
        if labels >> lab & 1:
            vectors.append((lab, [Fraction(v) for v in side.matrix[r]]))
    for t, lab in enumerate(side.var_labels):
        if labels >> lab & 1:
            vectors.append((lab, [Fraction(int(t == u)) for u in range(side.d)]))
    chosen: list[int] = []
    basis: list[tuple[int, list[Fraction]]] = []  # (pivot column, reduced vector)
    for lab, vec in vectors:
        vec = list(vec)
        for col, b in basis:
            if vec[col]:
                f = vec[col] / b[col]
                vec = [a - f * c for a, c in zip(vec, b, strict=True)]
        pivot = next((j for j, v in enumerate(vec) if v), None)
        if pivot is not None:
            basis.append((pivot, vec))
            chosen.append(lab)
    return chosen


def _partner_points(
    side: _Side,
    batch: list[tuple[Vertex, int, int]],
    partners: list[tuple[Vertex, Vertex]],
    *,
    exact_only: bool = False,
) -> list[Vertex]:
    """Solve the partner systems of ``batch`` (float proposal, exact decision).

    Each item ``(vertex, constraints, missing)`` names ``side.d`` constraints of ``side`` to make
    tight (row labels: rows at equality; variable labels: zero coordinates, the rest is the
    support ``S``, ``|rows| = |S|``); a feasible solution whose labels contain ``missing`` is a
    partner of ``vertex``. Returns the vertices whose system is exactly singular (their partners
    form a face of positive dimension), unless ``exact_only`` (then singular systems are
    skipped: other candidate bases of the same face cover it).
    """
    row_bit = [1 << lab for lab in side.row_labels]
    var_bit = [1 << lab for lab in side.var_labels]
    singular: list[Vertex] = []
    groups: dict[int, list[tuple[Vertex, list[int], list[int], int]]] = {}
    for vertex, constraints, missing in batch:
        rows = [r for r in range(side.k) if constraints & row_bit[r]]
        support = [t for t in range(side.d) if not constraints & var_bit[t]]
        if not rows:  # the partner would be the origin: no equilibrium
            continue
        groups.setdefault(len(rows), []).append((vertex, rows, support, missing))
    for items in groups.values():
        R = np.array([it[1] for it in items], dtype=np.intp)
        S = np.array([it[2] for it in items], dtype=np.intp)
        systems = side.mf[R[:, :, None], S[:, None, :]]
        with np.errstate(all="ignore"):  # singular and overflowing systems are decided exactly
            nonzero = np.linalg.det(systems) != 0.0
            inverse = np.zeros_like(systems)
            if nonzero.any():
                inverse[nonzero] = np.linalg.inv(systems[nonzero])
            # 1-norm condition number (entries are non-negative, so no abs on the systems)
            cond = systems.sum(axis=1).max(axis=1) * np.abs(inverse).sum(axis=1).max(axis=1)
            well = nonzero & (cond < COND_LIMIT)
            z_s = inverse.sum(axis=2)  # inverse @ 1
            z = np.zeros((len(items), side.d))
            np.put_along_axis(z, S, z_s, axis=1)
            tol = FEASIBILITY_TOL * (1.0 + np.abs(z).max(axis=1))
            slack = 1.0 - z @ side.mf.T
            feasible = (z.min(axis=1) >= -tol) & (slack.min(axis=1) >= -tol)
        for b in np.flatnonzero(~well | feasible).tolist():
            vertex, rows, support, missing = items[b]
            verdict, nums, det = _exact_point(side.matrix, side.columns, rows, support)
            if verdict == "singular":
                if not exact_only:
                    singular.append(vertex)
            elif verdict == "vertex":
                labels = _label_mask(side, nums, det)
                if labels & missing == missing:
                    g = math.gcd(det, *nums)
                    partner = Vertex(tuple(v // g for v in nums), det // g, labels)
                    partners.append((vertex, partner))
    return singular


def _label_mask(side: _Side, nums: list[int], det: int) -> int:
    """The exact labels of the point ``nums / det`` of ``side``."""
    values = _tight_rows_exact(side.matrix, side.columns, nums)
    labels = 0
    for r, value in enumerate(values):
        if value == det:
            labels |= 1 << side.row_labels[r]
    for t, v in enumerate(nums):
        if v == 0:
            labels |= 1 << side.var_labels[t]
    return labels


def _face_partners(
    vertices: list[Vertex],
    needs_face: list[Vertex],
    full: int,
    labels: int,
    partners: list[tuple[Vertex, Vertex]],
) -> None:
    """Partners of the vertices in ``needs_face``: all ``vertices`` carrying the missing labels."""
    if not vertices:
        return
    if labels <= 62:
        masks = np.array([v.labels for v in vertices], dtype=np.int64)
        for vertex in needs_face:
            missing = full & ~vertex.labels
            for j in np.flatnonzero((masks & missing) == missing).tolist():
                partners.append((vertex, vertices[j]))
    else:
        for vertex in needs_face:
            missing = full & ~vertex.labels
            partners.extend((vertex, w) for w in vertices if w.labels & missing == missing)


def extreme_equilibria(
    A: np.ndarray, B: np.ndarray
) -> tuple[list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]], bool]:
    """All extreme equilibria of the bimatrix game ``(A, B)`` (Fraction arrays) and degeneracy.

    Returns ``(pairs, degenerate)`` where each pair is the row and column mixed strategies as
    tuples of Fractions, in decreasing lexicographic order (so ``(1, 0)`` before ``(0, 1)``).
    See the module docstring for the method.
    """
    result = enumerate_equilibria(A, B)
    return result.pairs, bool(result.is_degenerate())
