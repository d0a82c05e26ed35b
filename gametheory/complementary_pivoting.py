"""Exact Lemke–Howson: one Nash equilibrium of a bimatrix game per starting label.

Method (Lemke & Howson 1964; the tableau form of von Stengel 2002, *Handbook of Game Theory*
3, ch. 45, §2.6 and §3.4). With ``A`` (``m x n``) and ``B`` shifted to positive integers (no
equilibrium changes), the two systems

    A y + r = 1,   y, r >= 0          (r_i carries label i, y_j label m + j)
    B^T x + s = 1, x, s >= 0          (x_i carries label i, s_j label m + j)

start from the artificial equilibrium ``x = y = 0`` (all slacks basic, every label present).
Dropping a label ``k`` lets the variable with label ``k`` enter its system; the variable that
leaves by the minimum ratio test has some label ``l``, and the variable with label ``l`` in the
*other* system enters next (complementary pivoting). The path ends when the label ``k`` leaves:
then every label is present at a nonzero pair, which normalised is a Nash equilibrium.

Exactness: the tableaux are integer matrices over the common denominator ``D`` (integer
pivoting, Bareiss 1968; every pivot ``(p t - a b) / D`` divides exactly), so no rounding
occurs. Degenerate games are handled by the *lexicographic* minimum ratio test (rows compared
by their right-hand side, then by the columns of the initial slack basis, each divided by the
pivot column entry), which keeps every basis lexicographically feasible and the path finite
(von Stengel 2002, Thm. 3.6) — the safeguard whose absence makes float implementations cycle
on degenerate games (PEERS.md: nashpy's Lemke–Howson loops).

Speed: the path is first followed in floats (numpy, the same lexicographic rule within a
relative tolerance), which only *proposes* the supports ``I, J`` of its end point; the
equilibrium is then computed exactly from them (the integer systems ``A[I, J] y = 1`` and
``B[I, J]^T x = 1``) and accepted only if it passes the exact best-response test, so it is
always an exact equilibrium (the end of the exact path unless rounding misled the floats).
Otherwise — unequal or singular supports, as at degenerate end points — the exact integer path
is run.

Lemke–Howson finds *one* equilibrium per label, not all; :func:`lemke_howson_all` runs every
label and keeps the distinct equilibria (the same one is often reached from several labels).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from .vertex import _on_support, _solve_exact, integer_payoffs

__all__ = ["MAX_PIVOTS", "lemke_howson", "lemke_howson_all"]

#: Pivots after which one path is abandoned (never reached: lexicographic paths are finite).
MAX_PIVOTS = 1_000_000


class _Tableau:
    """``[rhs | variables]`` as integers over the denominator ``den``, with its basis.

    Columns ``1 .. n_own`` are the system's own variables, ``n_own + 1 ..`` its slacks;
    ``labels[v]`` is the label of variable ``v`` (0-based over the variables).
    """

    def __init__(self, matrix: list[list[int]], labels: list[int]) -> None:
        rows, own = len(matrix), len(matrix[0])
        table = np.zeros((rows, 1 + own + rows), dtype=object)
        table[:, 0] = 1
        table[:, 1 : 1 + own] = np.array(matrix, dtype=object)
        for r in range(rows):
            table[r, 1 + own + r] = 1
        self.table = table
        self.den = 1
        self.own = own
        self.basis = [own + r for r in range(rows)]  # slacks basic
        self.labels = labels
        self.var_of_label = {lab: v for v, lab in enumerate(labels)}

    def enter(self, var: int) -> int:
        """Pivot ``var`` into the basis (lexicographic ratio test); return the leaving variable."""
        column = self.table[:, 1 + var]
        candidates = [r for r, a in enumerate(column.tolist()) if a > 0]
        if not candidates:  # pragma: no cover - the polytopes are bounded
            raise RuntimeError("internal error: unbounded Lemke-Howson pivot column")
        row = self._lex_min(candidates, var)
        leaving = self.basis[row]
        self._pivot(row, var)
        self.basis[row] = var
        return leaving

    def _lex_min(self, candidates: list[int], var: int) -> int:
        """The candidate row with the lexicographically least ``(rhs, slack columns) / a``."""
        table = self.table
        rows = len(self.basis)
        columns = [0, *range(1 + self.own, 1 + self.own + rows)]
        ties = candidates
        for j in columns:
            best = [ties[0]]
            x0, a0 = table[ties[0], j], table[ties[0], 1 + var]
            for r in ties[1:]:
                x, a = table[r, j], table[r, 1 + var]
                diff = x * a0 - x0 * a
                if diff < 0:
                    best, x0, a0 = [r], x, a
                elif diff == 0:
                    best.append(r)
            ties = best
            if len(ties) == 1:
                return ties[0]
        raise RuntimeError("internal error: lexicographic tie in Lemke-Howson")  # pragma: no cover

    def _pivot(self, row: int, var: int) -> None:
        table = self.table
        p = table[row, 1 + var]
        col = table[:, 1 + var].copy()
        new = (p * table - np.outer(col, table[row])) // self.den
        new[row] = table[row]
        self.table = new
        self.den = int(p)

    def point(self) -> list[Fraction]:
        """The values of the system's own variables, exactly."""
        values = [Fraction(0)] * self.own
        for r, v in enumerate(self.basis):
            if v < self.own:
                values[v] = Fraction(int(self.table[r, 0]), self.den)
        return values


#: Relative tolerance of the float path (it only proposes; see the module docstring).
FLOAT_TOL = 1e-9


def _float_supports(
    a_int: list[list[int]], bt_int: list[list[int]], label: int, deadline: float | None
) -> tuple[list[int], list[int]] | None:
    """Follow the path in floats; return the supports of its end point (or None)."""
    m, n = len(a_int), len(a_int[0])
    top = max(max(r) for r in a_int) + max(max(r) for r in bt_int)  # a Python integer
    tables, bases, labels = [], [], []
    for matrix, own_labels, slack_labels in (
        (bt_int, list(range(m)), [m + j for j in range(n)]),  # x-system
        (a_int, [m + j for j in range(n)], list(range(m))),  # y-system
    ):
        rows, own = len(matrix), len(matrix[0])
        t = np.zeros((rows, 1 + own + rows))
        t[:, 0] = 1.0
        # integer true division is correctly rounded for integers beyond the float range
        t[:, 1 : 1 + own] = np.array([[v / top for v in row] for row in matrix])
        t[:, 1 + own :] = np.eye(rows)
        tables.append(t)
        bases.append([own + r for r in range(rows)])
        labels.append(own_labels + slack_labels)
    side = 0 if label < m else 1
    entering = labels[side].index(label)
    for step in range(MAX_PIVOTS):
        t, basis, own = tables[side], bases[side], (m if side == 0 else n)
        column = t[:, 1 + entering]
        scale = np.abs(column).max()
        positive = np.flatnonzero(column > FLOAT_TOL * scale)
        if not len(positive):
            return None
        candidates = positive
        for j in [0, *range(1 + own, t.shape[1])]:
            ratios = t[candidates, j] / column[candidates]
            least = ratios.min()
            keep = candidates[ratios <= least + FLOAT_TOL * max(1.0, abs(least))]
            candidates = keep
            if len(candidates) == 1:
                break
        row = int(candidates[0])
        t[row] /= t[row, 1 + entering]
        others = np.arange(t.shape[0]) != row
        t[others] -= np.outer(t[others, 1 + entering], t[row])
        leaving = basis[row]
        basis[row] = entering
        dropped = labels[side][leaving]
        if dropped == label:
            break
        side = 1 - side
        entering = labels[side].index(dropped)
        if deadline is not None and step % 64 == 0 and time.perf_counter() > deadline:
            return None
    else:
        return None
    support_x = sorted(v for r, v in enumerate(bases[0]) if v < m and tables[0][r, 0] > 0)
    support_y = sorted(v for r, v in enumerate(bases[1]) if v < n and tables[1][r, 0] > 0)
    return support_x, support_y


def _exact_from_supports(
    a_int: list[list[int]], bt_int: list[list[int]], support_x: list[int], support_y: list[int]
) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]] | None:
    """The equilibrium with these supports, exactly, if there is one (else None)."""
    if not support_x or len(support_x) != len(support_y):
        return None
    m, n = len(a_int), len(a_int[0])
    y_sol = _solve_exact([[a_int[i][j] for j in support_y] for i in support_x])
    x_sol = _solve_exact([[bt_int[j][i] for i in support_x] for j in support_y])
    if y_sol is None or x_sol is None:
        return None
    (y_nums, y_det), (x_nums, x_det) = y_sol, x_sol
    if min(y_nums) < 0 or min(x_nums) < 0:
        return None
    y = _on_support(support_y, y_nums, n)
    x = _on_support(support_x, x_nums, m)
    # best responses, exactly: A y <= 1 and B^T x <= 1 (times the determinants)
    if any(sum(a * v for a, v in zip(row, y, strict=True)) > y_det for row in a_int):
        return None
    if any(sum(b * v for b, v in zip(row, x, strict=True)) > x_det for row in bt_int):
        return None
    sx, sy = sum(x), sum(y)
    return tuple(Fraction(v, sx) for v in x), tuple(Fraction(v, sy) for v in y)


def lemke_howson(
    A: np.ndarray,
    B: np.ndarray,
    label: int = 0,
    *,
    deadline: float | None = None,
) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]] | None:
    """The equilibrium at the end of the Lemke–Howson path that drops ``label``.

    ``A`` and ``B`` are ``m x n`` arrays of Fractions (row and column player); ``label`` lies in
    ``0 .. m+n-1`` (``i < m``: row action ``i``; ``m + j``: column action ``j``). Returns the
    pair of mixed strategies as tuples of Fractions, or None when the deadline (a
    ``time.perf_counter()`` value) passes first.
    """
    m, n = A.shape
    if not 0 <= label < m + n:
        raise ValueError(f"label must lie in 0 .. {m + n - 1}, got {label}")
    a_int = integer_payoffs(A)
    b_int = integer_payoffs(B)
    bt_int = [list(col) for col in zip(*b_int, strict=True)]
    try:
        with np.errstate(all="ignore"):
            supports = _float_supports(a_int, bt_int, label, deadline)
    except (OverflowError, ZeroDivisionError, FloatingPointError):  # floats cannot propose
        supports = None
    if supports is not None:
        pair = _exact_from_supports(a_int, bt_int, *supports)
        if pair is not None:
            return pair
    return _exact_path(a_int, bt_int, label, deadline)


def _exact_path(
    a_int: list[list[int]], bt_int: list[list[int]], label: int, deadline: float | None
) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]] | None:
    """The Lemke-Howson path in exact integer pivoting."""
    m, n = len(a_int), len(a_int[0])
    # A y + r = 1: variables y_0..y_{n-1} (labels m+j), r_0..r_{m-1} (labels i)
    tab_y = _Tableau(a_int, [m + j for j in range(n)] + list(range(m)))
    # B^T x + s = 1: variables x_0..x_{m-1} (labels i), s_0..s_{n-1} (labels m+j)
    tab_x = _Tableau(bt_int, list(range(m)) + [m + j for j in range(n)])
    tableau, other = (tab_x, tab_y) if label < m else (tab_y, tab_x)
    entering = tableau.var_of_label[label]
    for step in range(MAX_PIVOTS):
        leaving = tableau.enter(entering)
        dropped = tableau.labels[leaving]
        if dropped == label:
            break
        tableau, other = other, tableau
        entering = tableau.var_of_label[dropped]
        if deadline is not None and step % 16 == 0 and time.perf_counter() > deadline:
            return None
    else:  # pragma: no cover - lexicographic paths are finite
        raise RuntimeError("internal error: Lemke-Howson path exceeded MAX_PIVOTS")
    x, y = tab_x.point(), tab_y.point()
    sx, sy = sum(x), sum(y)
    return tuple(v / sx for v in x), tuple(v / sy for v in y)


def lemke_howson_all(
    A: np.ndarray,
    B: np.ndarray,
    *,
    labels: Sequence[int] | None = None,
    deadline: float | None = None,
) -> tuple[list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]], bool]:
    """The distinct equilibria reached from ``labels`` (default: every label), in the order
    first found, and whether every path finished before the deadline."""
    m, n = A.shape
    found: list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]] = []
    for label in range(m + n) if labels is None else labels:
        pair = lemke_howson(A, B, label, deadline=deadline)
        if pair is None:
            return found, False
        if pair not in found:
            found.append(pair)
        if deadline is not None and time.perf_counter() > deadline:
            return found, label == (m + n - 1 if labels is None else labels[-1])
    return found, True
