"""Exact enumeration of all extreme Nash equilibria of a bimatrix game.

Method (von Stengel 2002, *Handbook of Game Theory* 3, ch. 45, §3; Avis, Rosenberg, Savani &
von Stengel 2010, *Economic Theory* 42: 9-37). Shift and scale the payoffs so that every entry of
``A`` (row player, ``m x n``) and ``B`` (column player) is a positive integer; this changes no
equilibrium. The *best-response polytopes* are

    P = {x in R^m : x >= 0,  B^T x <= 1},        Q = {y in R^n : A y <= 1,  y >= 0}.

A point of ``P`` has label ``i`` (``0 <= i < m``) when ``x_i = 0`` and label ``m + j`` when
``(B^T x)_j = 1`` (column ``j`` is a best response to ``x``); a point of ``Q`` has label ``i`` when
``(A y)_i = 1`` and label ``m + j`` when ``y_j = 0``. A pair ``(x, y) != (0, 0)`` is *completely
labelled* when every label ``0 .. m+n-1`` appears at ``x`` or at ``y``; the completely labelled
pairs of vertices, normalised to probability vectors, are exactly the extreme equilibria, also in
degenerate games (where a vertex may carry more than ``m`` resp. ``n`` labels, and where the
equilibria form polytopes whose vertices these are). The game is *nondegenerate* iff no vertex of
``P`` has more than ``m`` labels and no vertex of ``Q`` more than ``n``.

Design: "floats may only propose, never decide". A vertex is the solution of ``d`` linearly
independent tight constraints (a *basis*). All bases are solved at once with batched numpy linear
algebra; a basis whose float solution is feasible within a loose tolerance, or whose matrix is
too ill-conditioned for floats to judge, becomes a candidate. Each candidate is then solved exactly
in integers (fraction-free Gauss-Jordan elimination, Bareiss 1968) and its feasibility and full
label set are computed exactly; a candidate basis whose constraints are all tight at an already
confirmed vertex is that vertex (the basis is nonsingular) and needs no second exact solve. No
vertex can be lost to rounding: a feasible vertex's float solution errs by about
``cond * 2.2e-16``, far inside the tolerance, and bases with ``cond > COND_LIMIT`` are decided
exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import combinations

import numpy as np

__all__ = ["COND_LIMIT", "FEASIBILITY_TOL", "Vertex", "extreme_equilibria", "polytope_vertices"]

#: Bases whose float condition number exceeds this are solved exactly instead of judged by floats.
COND_LIMIT = 1e7
#: Relative slack with which a float solution counts as "possibly feasible" (a proposal only).
FEASIBILITY_TOL = 1e-6


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


class _Polytope:
    """``{z >= 0 : matrix @ z <= 1}`` with labelled constraints, and its confirmed vertices.

    ``matrix`` is ``k x d`` with positive integer entries (so the polytope is bounded).
    Constraint ``matrix[r] @ z <= 1`` carries label ``row_labels[r]``; ``z_t >= 0`` carries
    ``var_labels[t]``. A basis with support ``S`` (``|S| = s``) and tight rows ``R`` (``|R| = s``)
    solves ``matrix[R, S] z_S = 1`` with ``z_t = 0`` off ``S``; every nonzero vertex has such a
    basis.
    """

    def __init__(
        self, matrix: list[list[int]], row_labels: Sequence[int], var_labels: Sequence[int]
    ) -> None:
        self.matrix = matrix
        self.k, self.d = len(matrix), len(matrix[0])
        top = max(max(row) for row in matrix)
        # float copy scaled into (0, 1] (the polytope scales by the same factor); integer true
        # division is correctly rounded even for integers far beyond the float range
        self.mf = np.array([[v / top for v in row] for row in matrix], dtype=float)
        self.padded = np.zeros((self.k + 1, self.d + 1))
        self.padded[: self.k, : self.d] = self.mf
        self.int_padded: np.ndarray | None = None
        if top < 2**31:
            self.int_padded = np.zeros((self.k + 1, self.d + 1), dtype=np.int64)
            self.int_padded[: self.k, : self.d] = matrix
        self.small_ints = top < 2**13
        self.row_bits = [1 << lab for lab in row_labels]
        self.var_bits = [1 << lab for lab in var_labels]
        self.columns = [list(col) for col in zip(*matrix, strict=True)]
        self.found: dict[tuple[int, ...], Vertex] = {}

    def confirm(self, rows: Sequence[int], support: Sequence[int]) -> Vertex | None:
        """Exact solution, feasibility and label set of one basis (None if singular/infeasible)."""
        sub = [[self.matrix[r][t] for t in support] for r in rows]
        solved = _solve_exact(sub)
        if solved is None:
            return None
        nums_s, det = solved
        values = [0] * self.k  # values[r] = matrix[r] @ nums, exactly
        for t, v in zip(support, nums_s, strict=True):
            if v:
                col = self.columns[t]
                values = [a + c * v for a, c in zip(values, col, strict=True)]
        if any(values[r] != det for r in rows):  # substitution check of the elimination
            solved = _solve_fractions(sub)
            if solved is None:  # pragma: no cover - _solve_exact found it nonsingular
                return None
            nums_s, det = solved
            values = None
        return self._vertex(support, nums_s, det, values)

    def _vertex(
        self, support: Sequence[int], nums_s: list[int], det: int, values: list[int] | None
    ) -> Vertex | None:
        if any(v < 0 for v in nums_s):
            return None
        nums = [0] * self.d
        for t, v in zip(support, nums_s, strict=True):
            nums[t] = v
        if values is None:
            values = [sum(row[t] * nums[t] for t in support) for row in self.matrix]
        if max(values) > det:
            return None
        labels = 0
        for r, value in enumerate(values):
            if value == det:
                labels |= self.row_bits[r]
        for t in range(self.d):
            if nums[t] == 0:
                labels |= self.var_bits[t]
        g = math.gcd(det, *nums)
        key = (det // g, *(v // g for v in nums))
        if key not in self.found:
            self.found[key] = Vertex(tuple(v // g for v in nums), det // g, labels)
        return self.found[key]

    def basis_mask(self, rows: Sequence[int], support: Sequence[int]) -> int:
        mask = 0
        for r in rows:
            mask |= self.row_bits[r]
        for t in set(range(self.d)) - set(support):
            mask |= self.var_bits[t]
        return mask

    def confirm_proposals(
        self, rows_all: list[list[int]], sups_all: list[list[int]], z_all: np.ndarray
    ) -> list[Vertex]:
        """Confirm the float stage's proposals exactly; return all vertices, sorted.

        Proposals whose float solutions agree to ~7 digits are grouped. Grouping only saves
        work: a nonsingular basis whose constraints are all tight at a confirmed vertex *is*
        that vertex, and any other basis is confirmed exactly on its own.
        """
        if len(z_all):
            keys = np.round(z_all / (1.0 + np.abs(z_all).max(axis=1, keepdims=True)), 7)
            groups: dict[bytes, list[Vertex]] = {}
            for b, key in enumerate(keys):
                confirmed = groups.setdefault(key.tobytes(), [])
                if confirmed:
                    mask = self.basis_mask(rows_all[b], sups_all[b])
                    if any(mask & ~v.labels == 0 for v in confirmed):
                        continue
                vertex = self.confirm(rows_all[b], sups_all[b])
                if vertex is not None:
                    confirmed.append(vertex)
        return sorted(self.found.values(), key=lambda v: (v.numerators, v.denominator))


def polytope_vertices(
    matrix: list[list[int]],
    row_labels: Sequence[int],
    var_labels: Sequence[int],
) -> list[Vertex]:
    """All nonzero vertices of ``{z >= 0 : matrix @ z <= 1}`` with their exact label sets.

    See :class:`_Polytope` for the labels; returns vertices sorted by their exact coordinates.
    """
    return _all_vertices([_Polytope(matrix, row_labels, var_labels)])[0]


def _all_vertices(polytopes: Sequence[_Polytope]) -> list[list[Vertex]]:
    """Vertices of several polytopes of one shape (their float stage runs as one batch)."""
    proposals = _propose(polytopes)
    return [p.confirm_proposals(*prop) for p, prop in zip(polytopes, proposals, strict=True)]


#: Ill-conditioned bases are tested for exact singularity in one int64 batch when there are more
#: than this many (below it, one exact solve each is cheaper).
EXACT_BATCH_MIN = 48

#: Polytopes with at most this many bases are solved in one padded batch (less numpy overhead);
#: larger ones in one batch per basis size (less padding work).
SINGLE_BATCH_LIMIT = 4000


@lru_cache(maxsize=128)
def _basis_batches(
    k: int, d: int
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...]:
    """Every basis of a ``k x d`` polytope as padded index arrays, in batches (cached per shape).

    Basis ``b`` of size ``s`` pairs the tight rows ``rows[b, :s]`` with the support
    ``supports[b, :s]``; the padding indices ``k`` and ``d`` point at an all-zero extra row and
    column, so one batch can hold bases of several sizes; ``ones`` is the right-hand side
    (1 on the basis rows, 0 on the padding, where the system gets an identity block).
    """
    by_size = []
    for s in range(1, min(k, d) + 1):
        r = np.array(list(combinations(range(k), s)), dtype=np.intp)
        t = np.array(list(combinations(range(d), s)), dtype=np.intp)
        by_size.append((np.repeat(r, len(t), axis=0), np.tile(t, (len(r), 1))))
    total = sum(len(r) for r, _ in by_size)
    groups = [by_size] if total <= SINGLE_BATCH_LIMIT else [[b] for b in by_size]
    batches = []
    for group in groups:
        width = group[-1][0].shape[1]
        rows = np.concatenate(
            [np.pad(r, ((0, 0), (0, width - r.shape[1])), constant_values=k) for r, _ in group]
        )
        sups = np.concatenate(
            [np.pad(t, ((0, 0), (0, width - t.shape[1])), constant_values=d) for _, t in group]
        )
        sizes = np.concatenate([np.full(len(r), r.shape[1]) for r, _ in group])
        ones = (np.arange(width)[None, :] < sizes[:, None]).astype(float)  # 1 on real rows
        for a in (rows, sups, sizes, ones):
            a.flags.writeable = False
        batches.append((rows, sups, sizes, ones))
    return tuple(batches)


def _propose(
    polytopes: Sequence[_Polytope],
) -> list[tuple[list[list[int]], list[list[int]], np.ndarray]]:
    """Float stage: solve every basis in batches and keep those that may be feasible vertices.

    Polytopes of the same shape share one batch per basis size group. Bases whose 1-norm
    condition number exceeds :data:`COND_LIMIT` (including exactly singular ones) are decided
    exactly instead: those whose integer determinant is zero (:func:`_singular_exactly`) are
    dropped, the others are confirmed one by one. Returns, per polytope, the tight rows,
    supports (both unpadded) and float solutions of the remaining feasible-looking bases.
    """
    k, d = polytopes[0].k, polytopes[0].d
    count = len(polytopes)
    ints = all(p.int_padded is not None for p in polytopes)
    small_ints = all(p.small_ints for p in polytopes)
    mf_t = np.stack([p.mf.T for p in polytopes])  # (P, d, k)
    out: list[tuple[list[list[int]], list[list[int]], list[np.ndarray]]] = [
        ([], [], []) for _ in polytopes
    ]
    for rows, sups, sizes, ones in _basis_batches(k, d):
        nb, width = rows.shape
        diag = np.arange(width)
        systems = np.concatenate([p.padded[rows[:, :, None], sups[:, None, :]] for p in polytopes])
        systems[:, diag, diag] += np.tile(1.0 - ones, (count, 1))  # identity on the padding
        nonzero = np.linalg.det(systems) != 0.0  # inv would raise on an exact float zero
        if nonzero.all():
            inverse = np.linalg.inv(systems)
        else:
            inverse = np.zeros_like(systems)
            inverse[nonzero] = np.linalg.inv(systems[nonzero])
        # 1-norm condition number (entries are non-negative, so no abs on the systems)
        cond = systems.sum(axis=1).max(axis=1) * np.abs(inverse).sum(axis=1).max(axis=1)
        well = nonzero & (cond < COND_LIMIT)
        ill = np.flatnonzero(~well)  # too ill-conditioned for floats: decided exactly
        batch = (width <= 4 and small_ints) or len(ill) > EXACT_BATCH_MIN
        if len(ill) and ints and batch:
            owner, local = np.divmod(ill, nb)
            int_stack = np.stack([p.int_padded for p in polytopes])
            int_systems = int_stack[
                owner[:, None, None], rows[local][:, :, None], sups[local][:, None, :]
            ]
            int_systems[:, diag, diag] += (1.0 - ones[local]).astype(np.int64)
            ill = ill[~_singular_exactly(int_systems)]
        for b in ill.tolist():
            o, b = divmod(b, nb)
            s = int(sizes[b])
            polytopes[o].confirm(rows[b, :s].tolist(), sups[b, :s].tolist())
        ones_all = np.tile(ones, (count, 1))
        sups_all = np.tile(sups, (count, 1))
        zs = np.zeros((count * nb, width))
        zs[well] = (inverse[well] @ ones_all[well][:, :, None])[:, :, 0]
        z = np.zeros((count * nb, d + 1))
        np.put_along_axis(z, sups_all, zs, axis=1)
        z = z[:, :d].reshape(count, nb, d)
        tol = FEASIBILITY_TOL * (1.0 + np.abs(z).max(axis=2))
        slack = 1.0 - z @ mf_t  # (P, nb, k)
        feasible = well.reshape(count, nb) & (z.min(axis=2) >= -tol) & (slack.min(axis=2) >= -tol)
        for o in range(count):
            keep = np.flatnonzero(feasible[o])
            kept_sizes = sizes[keep].tolist()
            rows_o, sups_o, z_o = out[o]
            rows_o += [r[:s] for r, s in zip(rows[keep].tolist(), kept_sizes, strict=True)]
            sups_o += [t[:s] for t, s in zip(sups[keep].tolist(), kept_sizes, strict=True)]
            z_o.append(z[o, keep])
    return [(r, t, np.concatenate(z)) for r, t, z in out]


def _singular_exactly(a: np.ndarray) -> np.ndarray:
    """True where the integer matrix ``a[b]`` is exactly singular (False: nonsingular or unknown).

    Sizes up to 4 with entries below 2**13 use closed-form determinants in int64. Larger ones
    use Bareiss's fraction-free elimination (Bareiss 1968) in int64, batched: every entry after
    step ``k`` is a ``(k+1)``-minor of the matrix and every product formed is a product of two
    minors, so the arithmetic is exact whenever the Hadamard bound ``H`` (product of the row
    norms) satisfies ``H**2 < 2**62``; matrices above that bound are reported as unknown.
    """
    size = a.shape[1]
    if size <= 4 and np.abs(a).max() < 2**13:  # closed form: |products| < 24 * 2**52
        return _det_upto4(a) == 0
    safe = np.prod(np.sqrt((a.astype(float) ** 2).sum(axis=2)), axis=1) < 2.0**31
    a = a[safe]
    count = len(a)
    singular = np.zeros(count, dtype=bool)
    prev = np.ones(count, dtype=np.int64)
    index = np.arange(count)
    for c in range(size):
        nonzero = a[:, c:, c] != 0
        singular |= ~nonzero.any(axis=1)
        pivot_row = c + np.argmax(nonzero, axis=1)
        row_c = a[index, pivot_row].copy()
        a[index, pivot_row] = a[:, c]
        a[:, c] = row_c
        pivot = np.where(singular, 1, a[:, c, c])
        if c + 1 < size:
            a[:, c + 1 :, c + 1 :] = (
                pivot[:, None, None] * a[:, c + 1 :, c + 1 :]
                - a[:, c + 1 :, c, None] * a[:, c, None, c + 1 :]
            ) // prev[:, None, None]
            a[:, c + 1 :, c] = 0
        prev = pivot
    out = np.zeros(len(safe), dtype=bool)
    out[np.flatnonzero(safe)] = singular
    return out


def _det_upto4(a: np.ndarray) -> np.ndarray:
    """Exact int64 determinants of a batch of integer matrices of size <= 4 (closed forms;
    4 x 4 by Laplace expansion in complementary 2 x 2 minors of the first two rows)."""
    size = a.shape[1]
    if size == 1:
        return a[:, 0, 0]
    if size == 2:
        return a[:, 0, 0] * a[:, 1, 1] - a[:, 0, 1] * a[:, 1, 0]
    if size == 3:
        return (
            a[:, 0, 0] * (a[:, 1, 1] * a[:, 2, 2] - a[:, 1, 2] * a[:, 2, 1])
            - a[:, 0, 1] * (a[:, 1, 0] * a[:, 2, 2] - a[:, 1, 2] * a[:, 2, 0])
            + a[:, 0, 2] * (a[:, 1, 0] * a[:, 2, 1] - a[:, 1, 1] * a[:, 2, 0])
        )

    def minor(r: int, i: int, j: int) -> np.ndarray:
        return a[:, r, i] * a[:, r + 1, j] - a[:, r, j] * a[:, r + 1, i]

    return (
        minor(0, 0, 1) * minor(2, 2, 3)
        - minor(0, 0, 2) * minor(2, 1, 3)
        + minor(0, 0, 3) * minor(2, 1, 2)
        + minor(0, 1, 2) * minor(2, 0, 3)
        - minor(0, 1, 3) * minor(2, 0, 2)
        + minor(0, 2, 3) * minor(2, 0, 1)
    )


def extreme_equilibria(
    A: np.ndarray, B: np.ndarray
) -> tuple[list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]], bool]:
    """All extreme equilibria of the bimatrix game ``(A, B)`` (Fraction arrays) and degeneracy.

    Returns ``(pairs, degenerate)`` where each pair is the row and column mixed strategies as
    tuples of Fractions, in decreasing lexicographic order (so ``(1, 0)`` before ``(0, 1)``).
    See the module docstring for the method.
    """
    m, n = A.shape
    a_int = integer_payoffs(A)
    b_int = integer_payoffs(B)
    bt_int = [list(col) for col in zip(*b_int, strict=True)]  # n x m
    # P: variables x (m), rows of B^T labelled m+j, x_i >= 0 labelled i
    p = _Polytope(bt_int, [m + j for j in range(n)], list(range(m)))
    # Q: variables y (n), rows of A labelled i, y_j >= 0 labelled m+j
    q = _Polytope(a_int, list(range(m)), [m + j for j in range(n)])
    if m == n:  # same shape: one float batch for both polytopes
        p_vertices, q_vertices = _all_vertices([p, q])
    else:
        p_vertices, q_vertices = _all_vertices([p])[0], _all_vertices([q])[0]
    degenerate = any(v.labels.bit_count() > m for v in p_vertices) or any(
        v.labels.bit_count() > n for v in q_vertices
    )
    full = (1 << (m + n)) - 1
    pairs = []
    if m + n <= 62:
        pm = np.array([v.labels for v in p_vertices], dtype=np.int64)
        qm = np.array([v.labels for v in q_vertices], dtype=np.int64)
        hits = np.argwhere((pm[:, None] | qm[None, :]) == full) if len(pm) and len(qm) else []
        index_pairs = [(int(i), int(j)) for i, j in hits]
    else:
        index_pairs = [
            (i, j)
            for i, vp in enumerate(p_vertices)
            for j, vq in enumerate(q_vertices)
            if vp.labels | vq.labels == full
        ]
    for i, j in index_pairs:
        pairs.append((p_vertices[i].probabilities(), q_vertices[j].probabilities()))
    pairs.sort(reverse=True)  # pure strategies on early actions first
    return pairs, degenerate
