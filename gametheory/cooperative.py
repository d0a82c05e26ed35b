"""Cooperative games with transferable utility (TU games).

A TU game is a pair ``(N, v)``: a finite set of players ``N = {0, ..., n-1}`` and a
*characteristic function* ``v`` that gives every coalition ``S ⊆ N`` the total payoff ``v(S)`` its
members can secure and share among themselves, with ``v(∅) = 0`` (von Neumann & Morgenstern 1944,
ch. VI; Peleg & Sudhölter 2007, ch. 2). An *allocation* is a vector ``x ∈ R^n`` and
``x(S) = Σ_{i ∈ S} x_i``. This module gives the TU game as an immutable value,
:class:`CooperativeGame`, with the standard solutions:

=====================  ========================================================================
solution               definition
=====================  ========================================================================
Shapley value          ``φ_i = Σ_{S ⊆ N∖{i}} |S|! (n-|S|-1)! / n! · [v(S ∪ {i}) - v(S)]``
                       (Shapley 1953)
core                   ``{x : x(N) = v(N), x(S) ≥ v(S) for all S}`` (Gillies 1959)
least core             ``min ε`` s.t. ``x(S) ≥ v(S) - ε`` for all proper non-empty ``S`` and
                       ``x(N) = v(N)`` (Maschler, Peleg & Shapley 1979)
nucleolus              the allocation that lexicographically minimises the non-increasingly
                       ordered vector of excesses ``e(S, x) = v(S) - x(S)`` (Schmeidler 1969)
cost of stability      ``CoS = max(0, min{x(N) : x(S) ≥ v(S) for all S ≠ ∅} - v(N))``, the
                       smallest external subsidy that makes the grand coalition stable
                       (Bachrach et al. 2009)
=====================  ========================================================================

Arithmetic
----------
* **Exact games** (every value an int, :class:`~fractions.Fraction` or sympy Rational) get exact
  :class:`~fractions.Fraction` answers. Every linear program (core, least core, nucleolus, cost of
  stability, α/β values) is solved by HiGHS (``scipy.optimize.linprog(method="highs")``) in floating
  point only to *propose* an optimal basis. The proposal is accepted only after an exact
  certificate has been checked in Fractions: the basic system is solved exactly for the primal
  point and the dual multipliers, then primal feasibility and dual feasibility (non-negative
  multipliers, which with complementary slackness proves optimality) are verified exactly. When
  the certificate fails, the program is solved by an exact two-phase simplex method over the
  rationals with Bland's anti-cycling rule (Chvátal 1983, ch. 3), applied to the dual program
  (``n + 1`` rows, one column per coalition).
* **Float games** are solved by the same exact procedures on the binary values of their floats;
  the answers are returned as floats. Yes/no questions (``is_convex``, ``core_is_empty``, ...)
  allow an absolute tolerance ``FLOAT_RTOL * max(1, max |v(S)|)`` for float games only.
* **Symbolic games** (sympy expressions, possibly with free symbols): :meth:`shapley_value` and
  :meth:`value` return sympy expressions; every linear-programming method needs numbers and raises
  :class:`~gametheory.game.UnboundParameterError` while symbols are unbound (bind them with
  :meth:`CooperativeGame.subs`), or a ValueError for irrational constants (use :meth:`evalf`).

Players are indexed ``0, ..., n-1``; their default labels are ``"P1", ..., "Pn"``. Coalitions can
be given by indices or labels; integers are always indices and strings always labels.

References
----------
Aumann, R. J. (1961). The core of a cooperative game without side payments. *Transactions of the
American Mathematical Society* 98(3): 539-552.
Aumann, R. J. & Maschler, M. (1985). Game theoretic analysis of a bankruptcy problem from the
Talmud. *Journal of Economic Theory* 36(2): 195-213.
Bachrach, Y., Elkind, E., Meir, R., Pasechnik, D., Zuckerman, M., Rothe, J. & Rosenschein, J. S.
(2009). The cost of stability in coalitional games. *SAGT 2009*, LNCS 5814: 122-134.
Bondareva, O. N. (1963). Some applications of linear programming methods to the theory of
cooperative games. *Problemy Kibernetiki* 10: 119-139.
Chvátal, V. (1983). *Linear Programming*. W. H. Freeman.
Gillies, D. B. (1959). Solutions to general non-zero-sum games. *Annals of Mathematics Studies*
40: 47-85.
Kohlberg, E. (1971). On the nucleolus of a characteristic function game. *SIAM Journal on Applied
Mathematics* 20(1): 62-66.
Maschler, M., Peleg, B. & Shapley, L. S. (1979). Geometric properties of the kernel, nucleolus,
and related solution concepts. *Mathematics of Operations Research* 4(4): 303-338.
Peleg, B. & Sudhölter, P. (2007). *Introduction to the Theory of Cooperative Games*, 2nd ed.
Springer.
Schmeidler, D. (1969). The nucleolus of a characteristic function game. *SIAM Journal on Applied
Mathematics* 17(6): 1163-1170.
Shapley, L. S. (1953). A value for n-person games. *Annals of Mathematics Studies* 28: 307-317.
Shapley, L. S. (1967). On balanced sets and cores. *Naval Research Logistics Quarterly* 14(4):
453-460.
Shapley, L. S. (1971). Cores of convex games. *International Journal of Game Theory* 1: 11-26.
von Neumann, J. & Morgenstern, O. (1944). *Theory of Games and Economic Behavior*. Princeton UP.
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy
from scipy.optimize import linprog

from .game import Game, UnboundParameterError, _check_labels, _convert_entry, format_number
from .properties import _pivot, _simplex

__all__ = ["FLOAT_RTOL", "MAX_PLAYERS", "CooperativeGame"]

#: Relative tolerance of the yes/no questions for float games (see the module notes).
FLOAT_RTOL = 1e-9

#: Largest number of players accepted (the game stores all 2^n coalition values).
MAX_PLAYERS = 20

_KINDS = ("alpha", "beta", "alpha_pure", "beta_pure")

Number = Fraction | float


# --------------------------------------------------------------------------------------------
# Exact linear algebra
# --------------------------------------------------------------------------------------------


def _dot(a: Sequence[Any], b: Sequence[Any]) -> Any:
    return sum((x * y for x, y in zip(a, b, strict=True) if x and y), Fraction(0))


def _solve_square(A: Sequence[Sequence[Any]], b: Sequence[Any]) -> list[Fraction] | None:
    """Solve the square system ``A x = b`` exactly (Gauss-Jordan); None if ``A`` is singular."""
    m = len(A)
    rows = [[Fraction(v) for v in row] + [Fraction(rhs)] for row, rhs in zip(A, b, strict=True)]
    for col in range(m):
        piv = next((r for r in range(col, m) if rows[r][col] != 0), None)
        if piv is None:
            return None
        rows[col], rows[piv] = rows[piv], rows[col]
        p = rows[col][col]
        prow = [v / p for v in rows[col]]
        rows[col] = prow
        for r in range(m):
            factor = rows[r][col]
            if r != col and factor:
                rows[r] = [a - factor * c for a, c in zip(rows[r], prow, strict=True)]
    return [row[-1] for row in rows]


class _Echelon:
    """Incremental exact row echelon form: rank and span-membership tests of row vectors."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.rows: list[tuple[int, list[Fraction]]] = []  # (pivot column, row with pivot 1)

    @property
    def rank(self) -> int:
        return len(self.rows)

    def _reduce(self, row: Sequence[Any]) -> list[Fraction]:
        r = [Fraction(v) for v in row]
        for p, basis_row in self.rows:
            factor = r[p]
            if factor:
                r = [a - factor * c for a, c in zip(r, basis_row, strict=True)]
        return r

    def contains(self, row: Sequence[Any]) -> bool:
        return not any(self._reduce(row))

    def add(self, row: Sequence[Any]) -> bool:
        """Add ``row`` if it is independent of the rows so far; return whether it was added."""
        r = self._reduce(row)
        p = next((j for j, v in enumerate(r) if v), None)
        if p is None:
            return False
        pivot = r[p]
        r = [v / pivot for v in r]
        reduced = []
        for q, basis_row in self.rows:  # keep the form reduced (zero above the new pivot)
            factor = basis_row[p]
            if factor:
                basis_row = [a - factor * c for a, c in zip(basis_row, r, strict=True)]
            reduced.append((q, basis_row))
        self.rows = [*reduced, (p, r)]
        return True

    def null_space(self) -> list[list[int]]:
        """Integer vectors spanning ``{d : row . d = 0 for every row}``."""
        pivots = {p: row for p, row in self.rows}
        out = []
        for free in range(self.dim):
            if free in pivots:
                continue
            d = [Fraction(0)] * self.dim
            d[free] = Fraction(1)
            for p, row in pivots.items():
                d[p] = -row[free]
            scale = math.lcm(*(v.denominator for v in d))
            out.append([int(v * scale) for v in d])
        return out


# --------------------------------------------------------------------------------------------
# Exact linear programming
# --------------------------------------------------------------------------------------------
#
# Every program here has the form  min c.w  s.t.  G w >= h,  E w = f,  w free  (P)
# with the dual                    max h.y + f.z  s.t.  G^T y + E^T z = c,  y >= 0.  (D)
# They have few variables (n + 1) and many inequality rows (one per coalition).


@dataclass(frozen=True)
class _LPSolution:
    value: Fraction
    w: list[Fraction]
    y: list[Fraction]
    z: list[Fraction]


def _highs_proposal(
    c: Sequence[Fraction],
    G: Sequence[Sequence[Fraction]],
    h: Sequence[Fraction],
    E: Sequence[Sequence[Fraction]],
    f: Sequence[Fraction],
) -> tuple[np.ndarray, np.ndarray] | None:
    """Float solution of (P) by HiGHS: ``(dual y, slacks G w - h)`` or None on failure."""
    scale = float(max([Fraction(1)] + [abs(v) for v in h] + [abs(v) for v in f]))
    Gf = np.array([[float(v) for v in row] for row in G], dtype=float).reshape(len(G), len(c))
    hf = np.array([float(v) for v in h]) / scale
    kwargs: dict[str, Any] = {}
    if E:
        kwargs["A_eq"] = np.array([[float(v) for v in row] for row in E], dtype=float)
        kwargs["b_eq"] = np.array([float(v) for v in f]) / scale
    try:
        res = linprog(
            np.array([float(v) for v in c]),
            A_ub=-Gf if len(G) else None,
            b_ub=-hf if len(G) else None,
            bounds=[(None, None)] * len(c),
            method="highs",
            **kwargs,
        )
    except ValueError:
        return None
    if res.status != 0 or res.x is None:
        return None
    y = -np.asarray(res.ineqlin.marginals) if len(G) else np.zeros(0)
    return y, Gf.dot(res.x) - hf


def _crossover(
    c: Sequence[Fraction],
    G: Sequence[Sequence[Fraction]],
    h: Sequence[Fraction],
    E: Sequence[Sequence[Fraction]],
    f: Sequence[Fraction],
    y_float: np.ndarray,
    slack: np.ndarray,
) -> _LPSolution | None:
    """Certify a float proposal exactly, or return None.

    A basis of ``len(c)`` independent rows is chosen among the equalities, the rows with positive
    float dual and the (nearly) tight rows. Its square system gives the primal point ``w`` and the
    dual multipliers exactly; ``w`` feasible and the multipliers of ``G`` rows non-negative
    prove both optimal (complementary slackness holds by construction).
    """
    dim = len(c)
    order: list[tuple[str, int]] = [("E", k) for k in range(len(E))]
    positive = [k for k in np.argsort(-y_float, kind="stable") if y_float[k] > 1e-9]
    order += [("G", int(k)) for k in positive]
    tight = [k for k in np.argsort(slack, kind="stable") if slack[k] <= 1e-6]
    order += [("G", int(k)) for k in tight]
    echelon = _Echelon(dim)
    basis: list[tuple[str, int]] = []
    for kind, k in order:
        if echelon.rank == dim:
            break
        if echelon.add(E[k] if kind == "E" else G[k]):
            basis.append((kind, k))
    if echelon.rank < dim:
        return None
    A = [E[k] if kind == "E" else G[k] for kind, k in basis]
    w = _solve_square(A, [f[k] if kind == "E" else h[k] for kind, k in basis])
    if w is None:
        return None
    if any(_dot(row, w) != rhs for row, rhs in zip(E, f, strict=True)):
        return None
    if any(_dot(row, w) < rhs for row, rhs in zip(G, h, strict=True)):
        return None
    u = _solve_square([list(col) for col in zip(*A, strict=True)], c)
    if u is None:
        return None
    y = [Fraction(0)] * len(G)
    z = [Fraction(0)] * len(E)
    for (kind, k), value in zip(basis, u, strict=True):
        if kind == "G":
            if value < 0:
                return None
            y[k] = value
        else:
            z[k] = value
    return _LPSolution(_dot(c, w), w, y, z)


def _exact_dual_simplex(
    c: Sequence[Fraction],
    G: Sequence[Sequence[Fraction]],
    h: Sequence[Fraction],
    E: Sequence[Sequence[Fraction]],
    f: Sequence[Fraction],
) -> _LPSolution:
    """Solve (D) by the exact two-phase simplex method; the simplex multipliers give ``w``.

    Columns: ``y`` (one per row of G), ``z+`` and ``z-`` (one per row of E), then one artificial
    per row. After phase 2 the reduced cost of artificial ``k`` is the multiplier of row ``k`` of
    the sign-normalised system, i.e. ``w_k`` up to that sign (Chvátal 1983, ch. 5 and 8).
    """
    dim = len(c)
    columns = [list(row) for row in G] + [list(row) for row in E] + [[-v for v in row] for row in E]
    objective = [*h, *f, *(-v for v in f)]
    n_col = len(columns)
    signs = [1 if Fraction(c[r]) >= 0 else -1 for r in range(dim)]
    rows: list[list[Fraction]] = []
    for r in range(dim):
        s = signs[r]
        row = [Fraction(s * col[r]) for col in columns] + [Fraction(0)] * dim
        row[n_col + r] = Fraction(1)
        rows.append([*row, Fraction(s * c[r])])
    basis = [n_col + r for r in range(dim)]
    total = n_col + dim
    _, phase1 = _simplex(rows, basis, [Fraction(0)] * n_col + [Fraction(-1)] * dim, range(total))
    if phase1[-1] < 0:
        raise RuntimeError("linear program unexpectedly unbounded or infeasible")
    for i in range(dim):  # drive zero-level artificials out of the basis where possible
        if basis[i] >= n_col:
            j = next((j for j in range(n_col) if rows[i][j] != 0), None)
            if j is not None:
                _pivot(rows, [Fraction(0)] * (total + 1), i, j)
                basis[i] = j
    cost = [Fraction(v) for v in objective] + [Fraction(0)] * dim
    status, final = _simplex(rows, basis, cost, range(n_col))
    if status != "optimal":
        raise RuntimeError("linear program unexpectedly infeasible")
    w = [signs[r] * final[n_col + r] for r in range(dim)]
    u = [Fraction(0)] * n_col
    for i, b in enumerate(basis):
        if b < n_col:
            u[b] = rows[i][-1]
    y = u[: len(G)]
    z = [u[len(G) + k] - u[len(G) + len(E) + k] for k in range(len(E))]
    value = _dot(c, w)
    feasible = all(_dot(row, w) >= rhs for row, rhs in zip(G, h, strict=True)) and all(
        _dot(row, w) == rhs for row, rhs in zip(E, f, strict=True)
    )
    if not feasible or value != _dot(h, y) + _dot(f, z):
        raise RuntimeError("exact simplex failed to certify its solution")
    return _LPSolution(value, w, y, z)


def _solve_lp(
    c: Sequence[Any],
    G: Sequence[Sequence[Any]],
    h: Sequence[Any],
    E: Sequence[Sequence[Any]] = (),
    f: Sequence[Any] = (),
) -> _LPSolution:
    """Exactly solve ``min c.w`` s.t. ``G w >= h``, ``E w = f`` (``w`` free).

    The program must be feasible and bounded (all programs of this module are).
    """
    c = [Fraction(v) for v in c]
    G = [[Fraction(v) for v in row] for row in G]
    h = [Fraction(v) for v in h]
    E = [[Fraction(v) for v in row] for row in E]
    f = [Fraction(v) for v in f]
    proposal = _highs_proposal(c, G, h, E, f)
    if proposal is not None:
        solution = _crossover(c, G, h, E, f, *proposal)
        if solution is not None:
            return solution
    return _exact_dual_simplex(c, G, h, E, f)


def _matrix_game_value(U: np.ndarray) -> Fraction:
    """``max_σ min_s σ . U[:, s]`` over mixed rows σ, exactly (von Neumann 1928)."""
    maxmin = max(min(row) for row in U)
    minmax = min(max(col) for col in U.T)
    if maxmin == minmax:  # pure saddle point
        return maxmin
    lo, hi = min(U.flat), max(U.flat)
    Un = (U - lo) / (hi - lo)
    m, K = U.shape
    # variables (σ_1..σ_m, t): min -t  s.t.  σ . Un[:, s] - t >= 0,  σ >= 0,  Σ σ = 1
    G = [[*Un[:, s], -1] for s in range(K)] + [
        [1 if a == b else 0 for b in range(m)] + [0] for a in range(m)
    ]
    h = [0] * (K + m)
    solution = _solve_lp([0] * m + [-1], G, h, [[1] * m + [0]], [1])
    return lo + (hi - lo) * solution.w[-1]


# --------------------------------------------------------------------------------------------
# Coalitions
# --------------------------------------------------------------------------------------------


def _members(mask: int, n: int) -> tuple[int, ...]:
    return tuple(i for i in range(n) if mask >> i & 1)


def _indicator(mask: int, n: int) -> list[int]:
    return [mask >> i & 1 for i in range(n)]


def _lcm_denominator(values: Iterable[Fraction]) -> int:
    return math.lcm(*(v.denominator for v in values)) if values else 1


# --------------------------------------------------------------------------------------------
# The TU game
# --------------------------------------------------------------------------------------------


class CooperativeGame:
    """An immutable cooperative game with transferable utility ``(N, v)``.

    Parameters
    ----------
    values:
        The characteristic function, either a mapping from coalitions to numbers or a callable
        ``values(frozenset_of_indices) -> number`` (called once on every non-empty coalition).
        A coalition key is a tuple, frozenset (or other iterable) of player indices or labels, or
        a single index or label for a one-player coalition. Every non-empty coalition must be
        given; the empty coalition may be omitted and, if given, must be 0. Numbers may be ints,
        Fractions, floats or sympy expressions (see the module notes on arithmetic).
    players:
        Player labels (a sequence of ``n`` strings), or the number of players ``n``, or None.
        With None the number of players is ``1 +`` the largest index in the keys and the labels
        are ``"P1", ..., "Pn"``. A callable ``values`` needs ``players``.

    Examples
    --------
    >>> g = CooperativeGame({(0,): 0, (1,): 0, (2,): 0, (0, 1): 8, (0, 2): 8, (1, 2): 8,
    ...                      (0, 1, 2): 9})
    >>> g.shapley_value()
    (Fraction(3, 1), Fraction(3, 1), Fraction(3, 1))
    >>> g.cost_of_stability()
    Fraction(3, 1)
    """

    __slots__ = ("_hash", "_kind", "_n", "_players", "_v")

    def __init__(self, values: Mapping[Any, Any] | Callable[[frozenset], Any], players: Any = None):
        n, labels = self._parse_players(players)
        if callable(values) and not isinstance(values, Mapping):
            if n is None:
                raise ValueError(
                    "a callable characteristic function needs players: the number of players "
                    "or their labels"
                )
            raw = [Fraction(0)] + [values(frozenset(_members(m, n))) for m in range(1, 1 << n)]
            names = labels or tuple(f"P{i + 1}" for i in range(n))
        elif isinstance(values, Mapping):
            n, names, raw = self._parse_mapping(values, n, labels)
        else:
            raise TypeError(
                "values must be a mapping from coalitions to numbers or a callable "
                f"v(frozenset) -> number, got {type(values).__name__}"
            )
        self._init(n, names, raw)

    # ---- construction -----------------------------------------------------------------------

    @staticmethod
    def _parse_players(players: Any) -> tuple[int | None, tuple[str, ...] | None]:
        if players is None:
            return None, None
        if isinstance(players, numbers.Integral) and not isinstance(players, bool):
            n = int(players)
            if n < 1:
                raise ValueError(f"a cooperative game needs at least 1 player, got {n}")
            if n > MAX_PLAYERS:
                raise ValueError(f"at most {MAX_PLAYERS} players are supported, got {n}")
            return n, None
        if isinstance(players, str) or not isinstance(players, Sequence | np.ndarray):
            raise TypeError(
                f"players must be a number of players or a sequence of labels, got {players!r}"
            )
        count = len(players)
        if count < 1:
            raise ValueError(
                "a cooperative game needs at least 1 player, got an empty players list"
            )
        if count > MAX_PLAYERS:
            raise ValueError(f"at most {MAX_PLAYERS} players are supported, got {count}")
        return count, _check_labels(players, count, "players")

    @staticmethod
    def _parse_mapping(
        values: Mapping[Any, Any], n: int | None, labels: tuple[str, ...] | None
    ) -> tuple[int, tuple[str, ...], list[Any]]:
        keys: list[tuple[frozenset[int], Any, Any]] = []
        for key, value in values.items():
            members = _parse_coalition(key, labels, n, f"coalition key {key!r}")
            keys.append((members, key, value))
        if n is None:
            indices = [i for members, _, _ in keys for i in members]
            if not indices:
                raise ValueError(
                    "a cooperative game needs at least 1 player, but no non-empty coalition "
                    "was given"
                )
            n = max(indices) + 1
            if n > MAX_PLAYERS:
                raise ValueError(f"at most {MAX_PLAYERS} players are supported, got {n}")
        names = labels or tuple(f"P{i + 1}" for i in range(n))
        raw: list[Any] = [None] * (1 << n)
        raw[0] = Fraction(0)
        seen: dict[int, Any] = {}
        for members, key, value in keys:
            mask = sum(1 << i for i in members)
            if mask in seen:
                raise ValueError(
                    f"coalition {_format_coalition(mask, names)} is given twice (keys "
                    f"{seen[mask]!r} and {key!r})"
                )
            seen[mask] = key
            if mask == 0:
                _, v = _convert_entry(value, "of the empty coalition", "value")
                if v != 0:
                    raise ValueError(f"the empty coalition must have value 0, got {value!r}")
                continue
            raw[mask] = value
        missing = [m for m in range(1, 1 << n) if raw[m] is None]
        if missing:
            shown = ", ".join(_format_coalition(m, names) for m in missing[:3])
            more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
            raise ValueError(
                f"the characteristic function is missing the value of coalition(s) {shown}{more}; "
                f"every non-empty coalition of the {n} players needs a value"
            )
        return n, names, raw

    def _init(self, n: int, names: tuple[str, ...], raw: Sequence[Any]) -> None:
        kinds = set()
        converted: list[Any] = [Fraction(0)]
        for mask in range(1, 1 << n):
            kind, value = _convert_entry(raw[mask], _format_coalition(mask, names, "v"), "value")
            kinds.add(kind)
            converted.append(value)
        kind = "symbolic" if "symbolic" in kinds else "float" if "float" in kinds else "exact"
        if kind == "float":
            converted = [float(v) for v in converted]
        elif kind == "symbolic":
            converted = [
                sympy.Rational(v.numerator, v.denominator)
                if isinstance(v, Fraction)
                else sympy.sympify(v)
                for v in converted
            ]
        self._n = n
        self._players = names
        self._v = tuple(converted)
        self._kind = kind
        self._hash: int | None = None

    @classmethod
    def _from_vector(cls, n: int, names: tuple[str, ...], vector: Sequence[Any]) -> CooperativeGame:
        game = cls.__new__(cls)
        game._init(n, names, vector)
        return game

    @classmethod
    def from_function(
        cls, n: int, f: Callable[[frozenset], Any], players: Sequence[str] | None = None
    ) -> CooperativeGame:
        """The game with ``v(S) = f(S)`` for every non-empty ``S`` (a frozenset of indices)."""
        if not callable(f):
            raise TypeError(f"f must be callable, got {type(f).__name__}")
        if not isinstance(n, numbers.Integral) or isinstance(n, bool):
            raise TypeError(f"n must be an integer number of players, got {n!r}")
        if players is not None and len(players) != n:
            raise ValueError(f"players has {len(players)} labels but n = {n}")
        return cls(f, players=n if players is None else players)

    @classmethod
    def from_normal_form(cls, game: Game, kind: str = "alpha") -> CooperativeGame:
        """The TU game of an N-player normal-form game (von Neumann & Morgenstern 1944).

        For a proper coalition ``S``, let ``U_S(a_S, a_{-S}) = Σ_{i ∈ S} u_i(a)`` be the total
        payoff of ``S`` as a matrix whose rows are the joint pure actions of ``S`` and whose
        columns are the joint pure actions of ``N∖S``. Then

        * ``kind="alpha"``: ``v(S) = max_{σ ∈ Δ(rows)} min_{columns} σ U_S``, what ``S`` can
          guarantee with a *correlated* (joint mixed) strategy announced first;
        * ``kind="beta"``: ``v(S) = min_{τ ∈ Δ(columns)} max_{rows} U_S τ``, what ``N∖S`` cannot
          prevent. By the minimax theorem (von Neumann 1928) both are the value of the
          two-person zero-sum game ``U_S``, so ``"alpha"`` and ``"beta"`` give the same game
          (both names are accepted for clarity);
        * ``kind="alpha_pure"``: ``v(S) = max_{rows} min_{columns} U_S`` (pure max-min);
        * ``kind="beta_pure"``: ``v(S) = min_{columns} max_{rows} U_S`` (pure min-max;
          ``alpha_pure ≤ alpha = beta ≤ beta_pure``).

        The α and β characteristic functions are those of Aumann (1961), here with
        transferable utility. In every case ``v(N) = max_a Σ_i u_i(a)``. Mixed values are exact
        linear-programming values for rational payoffs (floats for float payoffs). The pure
        kinds accept symbolic games and return sympy ``Max``/``Min`` expressions.
        """
        if not isinstance(game, Game):
            raise TypeError(f"from_normal_form needs a gametheory.Game, got {type(game).__name__}")
        if kind not in _KINDS:
            raise ValueError(f"kind must be one of {list(_KINDS)}, got {kind!r}")
        if kind in ("alpha", "beta"):
            game._require_solvable(f"the {kind} characteristic function (a linear program)")
        n = game.n_players
        if n > MAX_PLAYERS:
            raise ValueError(f"at most {MAX_PLAYERS} players are supported, got {n}")
        symbolic = game.kind == "symbolic"
        if game.kind == "float":
            arrays = tuple(np.vectorize(Fraction, otypes=[object])(a) for a in game.as_float())
        else:
            arrays = game.payoff_arrays
        shape = game.shape

        def big_max(values: Any) -> Any:
            values = list(values)
            return sympy.Max(*values) if symbolic else max(values)

        def big_min(values: Any) -> Any:
            values = list(values)
            return sympy.Min(*values) if symbolic else min(values)

        vector: list[Any] = [Fraction(0)] * (1 << n)
        for mask in range(1, 1 << n):
            members = _members(mask, n)
            total = arrays[members[0]]
            for i in members[1:]:
                total = total + arrays[i]
            if mask == (1 << n) - 1:
                vector[mask] = big_max(total.flat)
                continue
            others = tuple(i for i in range(n) if i not in members)
            rows = math.prod(shape[i] for i in members)
            U = np.transpose(total, members + others).reshape(rows, -1)
            if kind == "alpha_pure":
                vector[mask] = big_max(big_min(row) for row in U)
            elif kind == "beta_pure":
                vector[mask] = big_min(big_max(col) for col in U.T)
            else:
                vector[mask] = _matrix_game_value(U)
        if game.kind == "float":
            vector = [float(v) for v in vector]
        return cls._from_vector(n, game.players, vector)

    # ---- basic properties -------------------------------------------------------------------

    @property
    def n_players(self) -> int:
        """Number of players ``n``."""
        return self._n

    @property
    def players(self) -> tuple[str, ...]:
        """Player labels."""
        return self._players

    @property
    def kind(self) -> str:
        """``"exact"``, ``"float"`` or ``"symbolic"`` (as for :class:`~gametheory.game.Game`)."""
        return self._kind

    @property
    def is_exact(self) -> bool:
        """True when every value is rational."""
        return self._kind == "exact"

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        """Free sympy symbols of the values, sorted by name (empty for numeric games)."""
        if self._kind != "symbolic":
            return ()
        syms: set[sympy.Symbol] = set()
        for v in self._v:
            syms |= v.free_symbols
        return tuple(sorted(syms, key=lambda s: s.name))

    def coalition(self, coalition: Any) -> frozenset[int]:
        """The coalition (indices, labels, or one index/label) as a frozenset of indices."""
        return _parse_coalition(coalition, self._players, self._n, f"coalition {coalition!r}")

    def _mask(self, coalition: Any) -> int:
        return sum(1 << i for i in self.coalition(coalition))

    def value(self, coalition: Any) -> Any:
        """``v(S)`` for a coalition given by indices or labels (``v(∅) = 0``)."""
        return self._v[self._mask(coalition)]

    def values(self) -> dict[tuple[int, ...], Any]:
        """All values, ``{sorted tuple of indices: v(S)}``, the empty coalition included."""
        return {_members(m, self._n): v for m, v in enumerate(self._v)}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CooperativeGame):
            return NotImplemented
        return self._players == other._players and self._v == other._v

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash((self._players, self._v))
        return self._hash

    def __repr__(self) -> str:
        items = [
            f"{_format_coalition(m, self._players, 'v')} = {format_number(self._v[m])}"
            for m in _coalition_order(self._n)
        ]
        if len(items) > 15:
            items = [*items[:12], f"... ({len(items) - 12} more)"]
        return f"CooperativeGame({self._n} players: " + "; ".join(items) + ")"

    def table(self) -> Any:
        """A pandas DataFrame with one row per non-empty coalition: members, size, value."""
        import pandas as pd

        order = _coalition_order(self._n)
        return pd.DataFrame(
            {
                "coalition": [_format_coalition(m, self._players) for m in order],
                "size": [bin(m).count("1") for m in order],
                "value": [self._v[m] for m in order],
            }
        )

    def to_latex(self) -> str:
        """A LaTeX ``tabular`` of the characteristic function (one row per coalition)."""
        lines = [r"\begin{tabular}{lr}", r"$S$ & $v(S)$ \\", r"\hline"]
        for m in _coalition_order(self._n):
            members = ", ".join(self._players[i] for i in _members(m, self._n))
            value = self._v[m]
            text = sympy.latex(value) if self._kind == "symbolic" else format_number(value)
            if isinstance(value, Fraction) and value.denominator != 1:
                text = rf"\tfrac{{{value.numerator}}}{{{value.denominator}}}"
            lines.append(rf"$\{{{members}\}}$ & ${text}$ \\")
        lines.append(r"\end{tabular}")
        return "\n".join(lines)

    # ---- parameters -------------------------------------------------------------------------

    def subs(self, mapping: Mapping[Any, Any] | None = None, /, **values: Any) -> CooperativeGame:
        """Bind symbols: ``game.subs(t=1)`` or ``game.subs({t: 1})`` (exact numbers stay exact)."""
        if self._kind != "symbolic":
            return self
        substitutions: dict[Any, Any] = {}
        by_name = {s.name: s for s in self.parameters}
        for key, value in {**(mapping or {}), **values}.items():
            symbol = by_name.get(key) if isinstance(key, str) else key
            if symbol is None:
                raise ValueError(
                    f"the game has no parameter {key!r}; parameters are {list(by_name)}"
                )
            if isinstance(value, Fraction):
                value = sympy.Rational(value.numerator, value.denominator)
            substitutions[symbol] = value
        vector = [v.subs(substitutions) for v in self._v]
        return self._from_vector(self._n, self._players, vector)

    def evalf(self) -> CooperativeGame:
        """The game of the float values (needs bound symbols)."""
        self._require_numeric("evalf()")
        return self._from_vector(self._n, self._players, [float(v) for v in self._v])

    def _require_numeric(self, what: str) -> None:
        params = self.parameters
        if params:
            names = ", ".join(s.name for s in params)
            raise UnboundParameterError(
                f"{what} needs numeric values but the game has unbound parameters: {names}; "
                f"bind them first, e.g. game.subs({params[0].name}=1)"
            )

    def _rational_values(self, what: str) -> list[Fraction]:
        """The values as Fractions (floats by their exact binary values) for exact solvers."""
        self._require_numeric(what)
        if self._kind == "exact":
            return list(self._v)
        if self._kind == "float":
            return [Fraction(v) for v in self._v]
        example = next((v for v in self._v if not v.is_Rational), None)
        if example is not None:
            raise ValueError(
                f"{what} needs rational or float values, but the game has irrational constants "
                f"such as {example}; use game.evalf() or replace them by rationals"
            )
        return [Fraction(int(v.p), int(v.q)) for v in self._v]

    def _out(self, value: Fraction) -> Number:
        return float(value) if self._kind == "float" else value

    def _tolerance(self) -> Any:
        if self._kind != "float":
            return 0
        return FLOAT_RTOL * max(1.0, max(abs(v) for v in self._v))

    def _nonnegative(self, value: Any, tol: Any) -> bool:
        if self._kind == "symbolic":
            decided = sympy.sympify(value) >= 0
            if decided not in (sympy.true, sympy.false):
                raise ValueError(f"cannot decide the sign of {value}")
            return bool(decided)
        return value >= -tol

    # ---- properties of the characteristic function ------------------------------------------

    def is_superadditive(self) -> bool:
        """``v(S ∪ T) ≥ v(S) + v(T)`` for all disjoint ``S, T`` (checks all ``3^n`` pairs)."""
        self._require_numeric("is_superadditive()")
        tol, v, full = self._tolerance(), self._v, (1 << self._n) - 1
        for S in range(1, full + 1):
            rest = full & ~S
            T = rest
            while T:
                if T > S and not self._nonnegative(v[S | T] - v[S] - v[T], tol):
                    return False
                T = (T - 1) & rest
        return True

    def is_convex(self) -> bool:
        """Supermodularity, ``v(S ∪ T) + v(S ∩ T) ≥ v(S) + v(T)`` for all ``S, T`` (Shapley 1971).

        Checked by the equivalent local condition ``v(S+i+j) - v(S+i) - v(S+j) + v(S) ≥ 0`` for
        all ``S`` and ``i ≠ j`` outside ``S``.
        """
        self._require_numeric("is_convex()")
        tol, v, n = self._tolerance(), self._v, self._n
        for S in range(1 << n):
            outside = [i for i in range(n) if not S >> i & 1]
            for i, j in itertools.combinations(outside, 2):
                a, b = 1 << i, 1 << j
                if not self._nonnegative(v[S | a | b] - v[S | a] - v[S | b] + v[S], tol):
                    return False
        return True

    def _imputation_gain(self) -> Any:
        """``v(N) - Σ_i v({i})``."""
        return self._v[-1] - sum((self._v[1 << i] for i in range(self._n)), start=0 * self._v[-1])

    def is_essential(self) -> bool:
        """``v(N) > Σ_i v({i})``: cooperation creates a surplus (Peleg & Sudhölter 2007, §2.1).

        For float games the surplus must exceed the tolerance of the module notes.
        """
        self._require_numeric("is_essential()")
        return not self._nonnegative(-self._imputation_gain(), self._tolerance())

    def has_imputations(self) -> bool:
        """Whether the imputation set ``{x : x(N) = v(N), x_i ≥ v({i})}`` is non-empty."""
        self._require_numeric("has_imputations()")
        return self._nonnegative(self._imputation_gain(), self._tolerance())

    # ---- Shapley value ----------------------------------------------------------------------

    def shapley_value(self) -> tuple[Any, ...]:
        """The Shapley value (Shapley 1953).

        ``φ_i = Σ_{S ⊆ N∖{i}} |S|! (n - |S| - 1)! / n! · [v(S ∪ {i}) - v(S)]``: player ``i``'s
        marginal contribution averaged over the ``n!`` orders in which the grand coalition can
        form. Exact games give Fractions (computed in integers), float games floats, symbolic
        games sympy expressions (linear in the values).
        """
        n, v = self._n, self._v
        weights = [math.factorial(s) * math.factorial(n - s - 1) for s in range(n)]
        total = math.factorial(n)
        if self._kind == "symbolic":
            out = []
            for i in range(n):
                bit = 1 << i
                terms = [
                    sympy.Rational(weights[bin(S).count("1")], total) * (v[S | bit] - v[S])
                    for S in range(1 << n)
                    if not S & bit
                ]
                out.append(sympy.expand(sympy.Add(*terms)))
            return tuple(out)
        rational = self._rational_values("shapley_value()")
        scale = _lcm_denominator(rational)
        V = [int(x * scale) for x in rational]
        out_exact = []
        for i in range(n):
            bit = 1 << i
            acc = 0
            for S in range(1 << n):
                if not S & bit:
                    acc += weights[bin(S).count("1")] * (V[S | bit] - V[S])
            out_exact.append(Fraction(acc, total * scale))
        return tuple(self._out(x) for x in out_exact)

    # ---- core, least core, cost of stability ------------------------------------------------

    def _min_total(self) -> tuple[Fraction, list[Fraction]]:
        """``min Σ x_i`` s.t. ``x(S) ≥ v(S)`` for every non-empty ``S`` (exact; and a minimiser)."""
        v = self._rational_values("the cost of stability")
        n = self._n
        G = [_indicator(S, n) for S in range(1, 1 << n)]
        solution = _solve_lp([1] * n, G, v[1:])
        return solution.value, solution.w

    def cost_of_stability(self) -> Number:
        """The cost of stability (Bachrach et al. 2009).

        ``CoS = max(0, min{Σ_i x_i : x(S) ≥ v(S) for all ∅ ≠ S ⊆ N} - v(N))``: the smallest
        external payment added to ``v(N)`` that lets the grand coalition be shared so that no
        coalition can do better on its own. ``CoS = 0`` iff the core is non-empty
        (Bondareva 1963; Shapley 1967). By LP duality ``CoS + v(N) = max Σ_S λ_S v(S)`` over
        balanced collections ``λ``. For float games a cost within the tolerance of the module
        notes is reported as ``0.0``, consistently with :meth:`core_is_empty`.
        """
        total, _ = self._min_total()
        cost = max(Fraction(0), total - self._rational_values("cost_of_stability()")[-1])
        if self._kind == "float" and float(cost) <= self._tolerance():
            return 0.0
        return self._out(cost)

    def stable_allocation(self) -> tuple[Number, ...]:
        """An allocation achieving the cost of stability: ``x(N) = v(N) + CoS``, ``x(S) ≥ v(S)``.

        The allocation returned is the nucleolus of the game ``v'`` equal to ``v`` except
        ``v'(N) = v(N) + CoS``, whose core is exactly the set of such allocations and which
        contains its nucleolus (so the choice is unique and symmetric players get equal shares).
        """
        v = self._rational_values("stable_allocation()")
        total, _ = self._min_total()
        top_up = max(Fraction(0), total - v[-1])
        shifted = [*v[:-1], v[-1] + top_up]
        x = _nucleolus(shifted, self._n, imputations=True)[0]
        return tuple(self._out(xi) for xi in x)

    def core_is_empty(self) -> bool:
        """Whether the core ``{x : x(N) = v(N), x(S) ≥ v(S)}`` is empty (iff ``CoS > 0``)."""
        total, _ = self._min_total()
        gap = total - self._rational_values("core_is_empty()")[-1]
        return float(gap) > self._tolerance() if self._kind == "float" else gap > 0

    def core_point(self) -> tuple[Number, ...] | None:
        """A point of the core, or None when the core is empty.

        The point returned is the nucleolus, which lies in the core whenever the core is
        non-empty (Schmeidler 1969); for exact games it is verified exactly against every
        coalition constraint before it is returned.
        """
        if self.core_is_empty():
            return None
        x = self.nucleolus()
        if not self.is_in_core(x):  # cannot happen: the nucleolus lies in a non-empty core
            raise RuntimeError("core_point: the nucleolus failed the core check")
        return x

    def is_in_core(self, x: Sequence[Any]) -> bool:
        """Whether ``x`` satisfies ``x(N) = v(N)`` and ``x(S) ≥ v(S)`` for every coalition.

        Exact for exact games and exact ``x``; with floats, both constraints are allowed the
        tolerance ``FLOAT_RTOL * max(1, max |v|, max |x_i|)``.
        """
        v = self._rational_values("is_in_core()")
        xs = self._allocation(x)
        exact = self._kind == "exact" and all(isinstance(xi, Fraction) for xi in xs)
        tol = (
            Fraction(0)
            if exact
            else Fraction(FLOAT_RTOL * max(1.0, *(abs(float(a)) for a in [*v, *xs])))
        )
        X = [Fraction(xi) for xi in xs]
        totals = [Fraction(0)] * (1 << self._n)
        for S in range(1, 1 << self._n):
            low = S & -S
            totals[S] = totals[S ^ low] + X[low.bit_length() - 1]
            if totals[S] < v[S] - tol:
                return False
        return abs(totals[-1] - v[-1]) <= tol

    def _allocation(self, x: Sequence[Any]) -> list[Any]:
        if isinstance(x, str) or not isinstance(x, Sequence | np.ndarray):
            raise TypeError(f"an allocation is a sequence of {self._n} numbers, got {x!r}")
        if len(x) != self._n:
            raise ValueError(
                f"an allocation needs {self._n} entries (one per player), got {len(x)}"
            )
        out = []
        for i, xi in enumerate(x):
            kind, value = _convert_entry(xi, f"x[{i}]", "allocation entry")
            if kind == "symbolic":
                if value.free_symbols or not value.is_Rational:
                    raise UnboundParameterError(
                        f"allocation entry x[{i}] = {value} is not a number; bind its symbols first"
                    )
                value = Fraction(int(value.p), int(value.q))
            out.append(value)
        return out

    def least_core(self) -> tuple[Number, tuple[Number, ...]]:
        """The least core (Maschler, Peleg & Shapley 1979): ``(ε*, x)``.

        Sign convention: ``ε* = min ε`` s.t. ``x(S) ≥ v(S) - ε`` for every proper non-empty
        coalition ``S`` and ``x(N) = v(N)`` (pre-imputations: singletons are constrained only
        through their own coalition constraints). So ``ε* ≤ 0`` iff the core is non-empty;
        ``ε* > 0`` is the smallest uniform penalty on leaving the grand coalition that makes it
        stable. The least core is a set; the point ``x`` returned is the prenucleolus, which
        always lies in it. Needs ``n ≥ 2`` (with one
        player there is no proper coalition and ``ε`` is unbounded below).
        """
        v = self._rational_values("least_core()")
        if self._n < 2:
            raise ValueError(
                "the least core needs at least 2 players: with one player there is no proper "
                "coalition and ε is unbounded below"
            )
        x, first_level = _nucleolus(v, self._n, imputations=False)
        return self._out(-first_level), tuple(self._out(xi) for xi in x)

    def nucleolus(self, *, pre: bool = False) -> tuple[Number, ...]:
        """The nucleolus (Schmeidler 1969), by sequential linear programs (Maschler et al. 1979).

        The excess of coalition ``S`` at ``x`` is ``e(S, x) = v(S) - x(S)``. The nucleolus is the
        allocation whose vector of excesses over all proper non-empty coalitions, sorted
        non-increasingly, is lexicographically smallest. Domain (the convention used):

        * ``pre=False`` (default): the imputations ``x(N) = v(N)``, ``x_i ≥ v({i})``, when that
          set is non-empty (``v(N) ≥ Σ v({i})``); if it is empty the pre-imputations
          ``x(N) = v(N)`` are used instead, i.e. the prenucleolus is returned;
        * ``pre=True``: the prenucleolus (pre-imputations).

        Both coincide when the core is non-empty (the prenucleolus then lies in the core).

        Algorithm: round ``k`` solves ``max t`` s.t. ``x(S) - v(S) ≥ t`` for every coalition not
        yet fixed, ``x(S) - v(S) = t_j`` for coalitions fixed in round ``j < k``, and the domain
        constraints. Coalitions with a positive optimal dual multiplier are tight in every
        optimum (complementary slackness) and are fixed at ``t_k``; coalitions whose indicator
        vector lies in the span of the fixed ones have constant ``x(S)`` and are dropped. The
        rank of the fixed collection grows every round, so at most ``n`` rounds are needed. Each
        program is solved exactly (see the module notes), so the result is exact for rational
        values.
        """
        if not isinstance(pre, bool):
            raise TypeError(f"pre must be True or False, got {pre!r}")
        v = self._rational_values("nucleolus()")
        imputations = not pre and v[-1] >= sum(v[1 << i] for i in range(self._n))
        x, _ = _nucleolus(v, self._n, imputations=imputations)
        return tuple(self._out(xi) for xi in x)

    def excesses(self, x: Sequence[Any]) -> dict[tuple[int, ...], Number]:
        """``e(S, x) = v(S) - x(S)`` for every proper non-empty coalition (indices as keys)."""
        v = self._rational_values("excesses()")
        X = [Fraction(xi) for xi in self._allocation(x)]
        return {
            _members(S, self._n): self._out(v[S] - sum(X[i] for i in _members(S, self._n)))
            for S in range(1, (1 << self._n) - 1)
        }


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _nucleolus(v: Sequence[Fraction], n: int, imputations: bool) -> tuple[list[Fraction], Fraction]:
    """Nucleolus (or prenucleolus) by sequential exact LPs; also the first-round level ``t_1``.

    Variables ``w = (x_1, ..., x_n, t)``; each round minimises ``-t``.
    """
    full = (1 << n) - 1
    if n == 1:
        return [v[full]], Fraction(0)
    echelon = _Echelon(n)
    echelon.add(_indicator(full, n))
    E: list[list[Any]] = [[*_indicator(full, n), 0]]
    f: list[Fraction] = [v[full]]
    unfixed = list(range(1, full))
    first_level: Fraction | None = None
    domain_rows = [[1 if j == i else 0 for j in range(n)] + [0] for i in range(n)]
    domain_rhs = [v[1 << i] for i in range(n)]
    while echelon.rank < n:
        kernel = echelon.null_space()
        unfixed = [S for S in unfixed if any(sum(d[i] for i in _members(S, n)) for d in kernel)]
        G = [[*_indicator(S, n), -1] for S in unfixed]
        h = [v[S] for S in unfixed]
        if imputations:
            G += domain_rows
            h += domain_rhs
        solution = _solve_lp([0] * n + [-1], G, h, E, f)
        level = solution.w[-1]
        if first_level is None:
            first_level = level
        fixed_now = [S for k, S in enumerate(unfixed) if solution.y[k] > 0]
        if not fixed_now:  # cannot happen: the multipliers of the t-rows sum to 1
            raise RuntimeError("nucleolus: no coalition became tight")
        for S in fixed_now:
            if echelon.add(_indicator(S, n)):
                E.append([*_indicator(S, n), 0])
                f.append(v[S] + level)
    x = _solve_square([row[:n] for row in E], f)
    if x is None:  # cannot happen: E has n independent rows
        raise RuntimeError("nucleolus: singular final system")
    return x, first_level if first_level is not None else Fraction(0)


def _parse_coalition(
    key: Any, labels: tuple[str, ...] | None, n: int | None, where: str
) -> frozenset[int]:
    """Indices of a coalition given as an index, a label, or an iterable of them."""
    if isinstance(key, str) or (isinstance(key, numbers.Integral) and not isinstance(key, bool)):
        items: list[Any] = [key]
    elif isinstance(key, Iterable) and not isinstance(key, bytes | Mapping):
        items = list(key)
    else:
        raise TypeError(
            f"{where}: a coalition is a tuple, set or frozenset of player indices or labels "
            f"(or a single index or label), got {type(key).__name__}"
        )
    out: list[int] = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, numbers.Integral | str):
            raise TypeError(f"{where}: players are integer indices or string labels, got {item!r}")
        if isinstance(item, str):
            if labels is None:
                raise ValueError(
                    f"{where}: player label {item!r} used but no labels were given; pass "
                    "players=[...] or use indices 0..n-1"
                )
            if item not in labels:
                raise ValueError(f"{where}: unknown player {item!r}; players are {list(labels)}")
            index = labels.index(item)
        else:
            index = int(item)
            if index < 0 or (n is not None and index >= n):
                bound = f"0..{n - 1}" if n is not None else "non-negative"
                raise ValueError(
                    f"{where}: player index {index} out of range (indices are {bound})"
                )
        if index in out:
            raise ValueError(f"{where}: player {item!r} appears twice")
        out.append(index)
    return frozenset(out)


def _format_coalition(mask: int, names: Sequence[str], prefix: str = "") -> str:
    inside = ", ".join(names[i] for i in range(len(names)) if mask >> i & 1)
    return f"{prefix}({inside})" if prefix else "{" + inside + "}"


def _coalition_order(n: int) -> list[int]:
    """Non-empty coalitions by size, then lexicographically by members."""
    return sorted(range(1, 1 << n), key=lambda m: (bin(m).count("1"), _members(m, n)))
