"""Refinements and properties of N-player normal-form games.

Dominance (pure and mixed, strict and weak), dominant-strategy equilibrium, iterated elimination of
dominated actions, Pareto efficiency, social welfare, risk dominance and security levels, each as a
small function of a :class:`~gametheory.game.Game`.

Arithmetic
----------
* **Exact games** (``game.kind == "exact"``) get exact answers. Linear programs are solved in
  floating point by HiGHS (``scipy.optimize.linprog(method="highs")``) only to *propose* an answer;
  the proposal is accepted only after an exact certificate has been checked in
  :class:`~fractions.Fraction` arithmetic: a rationalised dominating mixed strategy whose
  inequalities hold exactly, or a rationalised belief (a dual solution) to which the action is an
  exact best response (Pearce 1984, Lemma 3). If neither certificate verifies, the same linear
  program is re-solved exactly by a small two-phase simplex method over the rationals with Bland's
  anti-cycling rule (Chvátal 1983, *Linear Programming*, ch. 3).
* **Float games** are decided in floating point: two payoffs count as equal when they differ by at
  most ``FLOAT_RTOL * max(1, r)``, where ``r`` is the range of the payoffs compared (the player's
  payoffs for dominance and security levels, each player's payoffs for Pareto comparisons, the
  welfare values for welfare maximisation).
* **Irrational constants** (e.g. a payoff ``sqrt(2)``) are refused with a ValueError: call
  ``game.evalf()`` to work on their float values, as the equilibrium solvers require too.
  Parametric games (free symbols) raise :class:`~gametheory.game.UnboundParameterError`, except in
  :func:`social_welfare`, which returns a sympy expression.

References
----------
Bland, R. G. (1977). New finite pivoting rules for the simplex method. *Mathematics of Operations
Research* 2(2): 103-107.
Carlsson, H. & van Damme, E. (1993). Global games and equilibrium selection. *Econometrica* 61(5):
989-1018.
Chvátal, V. (1983). *Linear Programming*. W. H. Freeman.
Fudenberg, D. & Tirole, J. (1991). *Game Theory*. MIT Press.
Gilboa, I., Kalai, E. & Zemel, E. (1990). On the order of eliminating dominated strategies.
*Operations Research Letters* 9(2): 85-89.
Harsanyi, J. C. & Selten, R. (1988). *A General Theory of Equilibrium Selection in Games*.
MIT Press.
Mas-Colell, A., Whinston, M. D. & Green, J. R. (1995). *Microeconomic Theory*. Oxford UP.
Osborne, M. J. & Rubinstein, A. (1994). *A Course in Game Theory*. MIT Press.
Pearce, D. G. (1984). Rationalizable strategic behavior and the problem of perfection.
*Econometrica* 52(4): 1029-1050.
von Neumann, J. (1928). Zur Theorie der Gesellschaftsspiele. *Mathematische Annalen* 100: 295-320.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy
from scipy.optimize import linprog

from .game import Game

__all__ = [
    "FLOAT_RTOL",
    "dominant_action",
    "dominant_strategy_equilibrium",
    "dominated_actions",
    "dominating_strategy",
    "is_pareto_efficient",
    "iterated_elimination",
    "max_welfare_profiles",
    "pareto_efficient",
    "risk_dominant",
    "security_levels",
    "security_strategy",
    "social_welfare",
]

#: Relative tolerance for float games: payoffs within ``FLOAT_RTOL * max(1, range)`` are equal.
FLOAT_RTOL = 1e-9

# An exact game's float LP value within this distance of the threshold proposes "tie" (both
# certificates are then tried; the exact simplex settles anything they cannot).
_PROPOSE_TOL = 1e-9
# Denominator bounds tried when rationalising a float LP solution.
_DENOMINATOR_BOUNDS = (10, 100, 1_000, 10_000, 1_000_000, 10**9, 10**12)

Number = Fraction | float


# --------------------------------------------------------------------------------------------
# Input handling
# --------------------------------------------------------------------------------------------


def _numeric_arrays(game: Game, what: str) -> tuple[tuple[np.ndarray, ...], bool]:
    """Payoff arrays for a numeric computation and whether they are exact (Fractions)."""
    if not isinstance(game, Game):
        raise TypeError(f"{what} needs a gametheory.Game, got {type(game).__name__}")
    game._require_solvable(what)
    if game.kind == "exact":
        return game.payoff_arrays, True
    return game.as_float(), False


def _check_flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def _player_matrix(array: np.ndarray, player: int) -> np.ndarray:
    """``U[a, s]``: the player's payoff for own action ``a`` against opponents' profile ``s``.

    Opponents' profiles ``s`` are enumerated in C order over the remaining axes.
    """
    return np.moveaxis(array, player, 0).reshape(array.shape[player], -1)


def _tolerance(values: np.ndarray, exact: bool) -> Any:
    """Absolute tie tolerance for comparisons among ``values`` (zero for exact values)."""
    if exact:
        return Fraction(0)
    spread = float(np.max(values) - np.min(values)) if values.size else 0.0
    return FLOAT_RTOL * max(1.0, spread)


def _unit(size: int, k: int, exact: bool) -> np.ndarray:
    if exact:
        vec = np.array([Fraction(0)] * size, dtype=object)
        vec[k] = Fraction(1)
        return vec
    vec = np.zeros(size)
    vec[k] = 1.0
    return vec


# --------------------------------------------------------------------------------------------
# Exact linear programming (the fallback that settles what the float LP cannot certify)
# --------------------------------------------------------------------------------------------


def _pivot(rows: list[list[Fraction]], objective: list[Fraction], i: int, j: int) -> None:
    """Gauss-Jordan pivot of the tableau on entry ``(i, j)`` (objective row updated too)."""
    pivot = rows[i][j]
    rows[i] = [v / pivot for v in rows[i]]
    prow = rows[i]
    for k, row in enumerate(rows):
        factor = row[j]
        if k != i and factor:
            rows[k] = [a - factor * b for a, b in zip(row, prow, strict=True)]
    factor = objective[j]
    if factor:
        objective[:] = [a - factor * b for a, b in zip(objective, prow, strict=True)]


def _simplex(
    rows: list[list[Fraction]], basis: list[int], cost: Sequence[Fraction], allowed: range
) -> tuple[str, list[Fraction]]:
    """Maximise ``cost . x`` from the basic feasible tableau ``rows`` (last column = rhs).

    Bland's rule: the entering column is the lowest-index column with negative reduced cost; ties
    in the ratio test go to the lowest-index basic variable. This never cycles (Bland 1977;
    Chvátal 1983, ch. 3). Returns the status and the objective row (reduced costs; last entry
    the value).
    """
    ncol = len(rows[0]) - 1 if rows else len(cost)
    objective = [-Fraction(cost[j]) for j in range(ncol)] + [Fraction(0)]
    for i, b in enumerate(basis):
        if cost[b]:
            objective = [o + cost[b] * v for o, v in zip(objective, rows[i], strict=True)]
    while True:
        entering = next((j for j in allowed if objective[j] < 0), None)
        if entering is None:
            return "optimal", objective
        best: tuple[tuple[Fraction, int], int] | None = None
        for i, row in enumerate(rows):
            if row[entering] > 0:
                key = (row[-1] / row[entering], basis[i])
                if best is None or key < best[0]:
                    best = (key, i)
        if best is None:
            return "unbounded", objective
        leaving = best[1]
        _pivot(rows, objective, leaving, entering)
        basis[leaving] = entering


def _exact_lp(
    c: Sequence[Any],
    A_ub: Sequence[Sequence[Any]] = (),
    b_ub: Sequence[Any] = (),
    A_eq: Sequence[Sequence[Any]] = (),
    b_eq: Sequence[Any] = (),
) -> tuple[str, list[Fraction] | None, Fraction | None]:
    """Maximise ``c . x`` s.t. ``A_ub x <= b_ub``, ``A_eq x = b_eq``, ``x >= 0``, exactly.

    Two-phase simplex method in Fractions (Chvátal 1983, ch. 3). Returns
    ``(status, x, value)`` with status ``"optimal"``, ``"infeasible"`` or ``"unbounded"``.
    Meant for the small programs of this module (tens of rows and columns).
    """
    n = len(c)
    normalised: list[tuple[list[Fraction], Fraction, str]] = []
    for a, b in zip(A_ub, b_ub, strict=True):
        a, b = [Fraction(v) for v in a], Fraction(b)
        normalised.append((a, b, "le") if b >= 0 else ([-v for v in a], -b, "ge"))
    for a, b in zip(A_eq, b_eq, strict=True):
        a, b = [Fraction(v) for v in a], Fraction(b)
        normalised.append((a, b, "eq") if b >= 0 else ([-v for v in a], -b, "eq"))
    n_slack = sum(sense != "eq" for _, _, sense in normalised)
    n_art = sum(sense != "le" for _, _, sense in normalised)
    first_art = n + n_slack
    ncol = first_art + n_art
    rows: list[list[Fraction]] = []
    basis: list[int] = []
    slack, art = n, first_art
    for a, b, sense in normalised:
        row = [*a, *([Fraction(0)] * (n_slack + n_art)), b]
        if sense != "eq":
            row[slack] = Fraction(1 if sense == "le" else -1)
            slack += 1
        if sense == "le":
            basis.append(slack - 1)
        else:
            row[art] = Fraction(1)
            basis.append(art)
            art += 1
        rows.append(row)
    if n_art:
        phase1 = [Fraction(0)] * first_art + [Fraction(-1)] * n_art
        _, objective = _simplex(rows, basis, phase1, range(ncol))
        if objective[-1] < 0:
            return "infeasible", None, None
        i = 0
        while i < len(rows):  # drive the remaining (zero-level) artificials out of the basis
            if basis[i] >= first_art:
                j = next((j for j in range(first_art) if rows[i][j] != 0), None)
                if j is None:  # redundant equality
                    del rows[i], basis[i]
                    continue
                _pivot(rows, [Fraction(0)] * (ncol + 1), i, j)
                basis[i] = j
            i += 1
    cost = [Fraction(v) for v in c] + [Fraction(0)] * (n_slack + n_art)
    status, objective = _simplex(rows, basis, cost, range(first_art))
    if status == "unbounded":
        return "unbounded", None, None
    x = [Fraction(0)] * n
    for i, b in enumerate(basis):
        if b < n:
            x[b] = rows[i][-1]
    return "optimal", x, objective[-1]


# --------------------------------------------------------------------------------------------
# Domination of a payoff vector by a convex combination of rows
# --------------------------------------------------------------------------------------------
#
# Both mixed dominance (rows = the other actions, columns = opponents' profiles) and Pareto
# dominance by lotteries over outcomes (rows = profiles, columns = players) ask: is there sigma in
# the simplex over the rows of M with sigma @ M > u (strict) or sigma @ M >= u with some entry >
# (weak)? M and u are normalised so that the LP is well scaled; all certificates are checked on
# the normalised data, which is an affine image (per column, positive) of the original one, so
# they are certificates for the original data too.


def _float_stage1(Mf: np.ndarray, uf: np.ndarray) -> tuple[float, np.ndarray, np.ndarray] | None:
    """Max eps s.t. sigma @ M >= u + eps, sigma in the simplex.

    Returns ``(eps*, sigma, mu)`` where ``mu`` (the dual solution) is a probability vector over
    the columns minimising ``max_k M_k . mu - u . mu``; None if HiGHS fails.
    """
    r, K = Mf.shape
    c = np.zeros(r + 1)
    c[-1] = -1.0
    A_ub = np.hstack([-Mf.T, np.ones((K, 1))])
    A_eq = np.hstack([np.ones((1, r)), np.zeros((1, 1))])
    bounds = [(0, None)] * r + [(None, None)]
    res = linprog(c, A_ub=A_ub, b_ub=-uf, A_eq=A_eq, b_eq=[1.0], bounds=bounds, method="highs")
    if res.status != 0:
        return None
    return -float(res.fun), _simplex_point(res.x[:r]), _simplex_point(-res.ineqlin.marginals)


def _float_stage2(
    Mf: np.ndarray, uf: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray] | str | None:
    """Max sum(sigma @ M - u) s.t. sigma @ M >= u, sigma in the simplex.

    Returns ``(gain*, sigma, w)`` where ``w`` (from the dual, ``w = 1 + z`` with ``z >= 0``) is a
    full-support probability vector over the columns; ``"infeasible"``; or None if HiGHS fails.
    """
    r, _ = Mf.shape
    res = linprog(
        -Mf.sum(axis=1),
        A_ub=-Mf.T,
        b_ub=-uf,
        A_eq=np.ones((1, r)),
        b_eq=[1.0],
        bounds=[(0, None)] * r,
        method="highs",
    )
    if res.status == 2:
        return "infeasible"
    if res.status != 0:
        return None
    w = 1.0 + np.clip(-res.ineqlin.marginals, 0.0, None)
    return -float(res.fun) - float(uf.sum()), _simplex_point(res.x), w / w.sum()


def _simplex_point(x: np.ndarray) -> np.ndarray:
    x = np.clip(np.asarray(x, dtype=float), 0.0, None)
    total = x.sum()
    return x / total if total > 0 else np.full(x.shape, 1.0 / x.size)


def _rationalisations(x: np.ndarray) -> Iterator[np.ndarray]:
    """Rational probability vectors near ``x``, with increasing denominator bounds."""
    seen = set()
    for bound in _DENOMINATOR_BOUNDS:
        r = [Fraction(float(v)).limit_denominator(bound) for v in x]
        total = sum(r, Fraction(0))
        if total <= 0:
            continue
        key = tuple(v / total for v in r)
        if key not in seen:
            seen.add(key)
            yield np.array(key, dtype=object)


def _margins(M: np.ndarray, u: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    return sigma.dot(M) - u


def _best_response_to(M: np.ndarray, u: np.ndarray, mu: np.ndarray, strict: bool) -> bool:
    """Exact check that row ``u`` is a (strict) best response to the column weights ``mu``."""
    gaps = M.dot(mu) - u.dot(mu)
    return bool(all(g < 0 for g in gaps)) if strict else bool(all(g <= 0 for g in gaps))


def _exact_dominator_solve(M: np.ndarray, u: np.ndarray, strict: bool) -> np.ndarray | None:
    """Decide domination of ``u`` by the rows of ``M`` with the exact simplex."""
    r, K = M.shape
    if strict:
        # variables sigma (r), eps+ , eps-: max eps+ - eps- s.t. -sigma @ M + eps <= -u
        rows = [[-M[k, s] for k in range(r)] + [1, -1] for s in range(K)]
        _, x, value = _exact_lp([0] * r + [1, -1], rows, [-v for v in u], [[1] * r + [0, 0]], [1])
        if x is None or value is None or value <= 0:
            return None
        return np.array(x[:r], dtype=object)
    # max sum_s (sigma @ M)_s s.t. sigma @ M >= u, sigma in the simplex; infeasible -> None
    gains = [sum(M[k], Fraction(0)) for k in range(r)]
    rows = [[-M[k, s] for k in range(r)] for s in range(K)]
    _, x, value = _exact_lp(gains, rows, [-v for v in u], [[1] * r], [1])
    if x is None or value is None or value - sum(u, Fraction(0)) <= 0:
        return None
    return np.array(x, dtype=object)


def _exact_dominator(M: np.ndarray, u: np.ndarray, strict: bool) -> np.ndarray | None:
    """Exact answer: float LP proposes, Fraction certificates verify, exact simplex settles."""
    Mf, uf = M.astype(float), u.astype(float)
    stage1 = _float_stage1(Mf, uf)
    if stage1 is not None:
        eps, sigma, mu = stage1
        if eps > _PROPOSE_TOL:
            for cand in _rationalisations(sigma):
                if all(m > 0 for m in _margins(M, u, cand)):
                    return cand
        elif strict or eps < -_PROPOSE_TOL:
            # not strictly dominated iff u is a best response to some belief (Pearce 1984);
            # a strict best response also rules out weak dominance
            for cand in _rationalisations(mu):
                if _best_response_to(M, u, cand, strict=not strict):
                    return None
        else:
            stage2 = _float_stage2(Mf, uf)
            if isinstance(stage2, tuple):
                gain, sigma2, w = stage2
                if gain > _PROPOSE_TOL:
                    for cand in _rationalisations(sigma2):
                        margins = _margins(M, u, cand)
                        if all(m >= 0 for m in margins) and any(m > 0 for m in margins):
                            return cand
                else:
                    # not weakly dominated iff a best response to a full-support belief
                    for cand in _rationalisations(w):
                        if all(v > 0 for v in cand) and _best_response_to(M, u, cand, False):
                            return None
    return _exact_dominator_solve(M, u, strict)


def _float_dominator(Mf: np.ndarray, uf: np.ndarray, strict: bool, tol: Any) -> np.ndarray | None:
    """Float answer with tie tolerance ``tol`` (scalar or one per column)."""
    stage1 = _float_stage1(Mf, uf)
    if stage1 is None:
        return _float_fallback(Mf, uf, strict)
    eps, sigma, _ = stage1
    if np.all(_margins(Mf, uf, sigma) > tol):
        return sigma
    if strict or eps < -np.max(tol):
        return None
    # no relaxation here: HiGHS's own feasibility tolerance absorbs rounding noise, and a
    # relaxed program could manufacture gains of the order of the relaxation
    stage2 = _float_stage2(Mf, uf)
    if isinstance(stage2, str):  # "infeasible": no sigma weakly above u
        return None
    if stage2 is None:
        return _float_fallback(Mf, uf, strict)
    _, sigma2, _ = stage2
    margins = _margins(Mf, uf, sigma2)
    return sigma2 if np.all(margins >= -tol) and np.any(margins > tol) else None


def _float_fallback(Mf: np.ndarray, uf: np.ndarray, strict: bool) -> np.ndarray | None:
    """If HiGHS fails on a float game, decide exactly on the binary values of its floats."""
    to_frac = np.vectorize(Fraction, otypes=[object])
    found = _exact_dominator_solve(to_frac(Mf), to_frac(uf), strict)
    return None if found is None else found.astype(float)


def _normalise_columns(
    M: np.ndarray, u: np.ndarray, exact: bool, per_column: bool
) -> tuple[np.ndarray, np.ndarray, Any] | None:
    """Affine rescaling to [0, 1] (one map, or one per column) and the matching tolerance.

    Returns None when there is nothing to compare (all values equal). With ``per_column`` the
    constant columns are dropped (they can only tie).
    """
    stacked = np.vstack([M, u[None, :]])
    if per_column:
        lo, hi = stacked.min(axis=0), stacked.max(axis=0)
        keep = np.asarray(hi != lo, dtype=bool)
        if not keep.any():
            return None
        stacked, lo, hi = stacked[:, keep], lo[keep], hi[keep]
    else:
        lo, hi = stacked.min(), stacked.max()
        if lo == hi:
            return None
    span = hi - lo
    scaled = (stacked - lo) / span
    if exact:
        tol = Fraction(0)
    else:
        span = np.asarray(span, dtype=float)
        tol = FLOAT_RTOL * np.maximum(1.0, span) / span
    return scaled[:-1], scaled[-1], tol


def _convex_dominator(
    M: np.ndarray, u: np.ndarray, *, strict: bool, exact: bool, per_column: bool = False
) -> np.ndarray | None:
    """A probability vector over the rows of ``M`` that dominates ``u``, or None."""
    if per_column and strict:
        raise ValueError("per-column normalisation is only used for weak dominance")
    normalised = _normalise_columns(M, u, exact, per_column)
    if normalised is None:
        return None
    Mn, un, tol = normalised
    if exact:
        return _exact_dominator(Mn, un, strict)
    return _float_dominator(Mn.astype(float), un.astype(float), strict, tol)


# --------------------------------------------------------------------------------------------
# Dominance
# --------------------------------------------------------------------------------------------


def _pure_dominates(better: np.ndarray, worse: np.ndarray, strict: bool, tol: Any) -> bool:
    if strict:
        return bool(np.all(better > worse + tol))
    return bool(np.all(better >= worse - tol) and np.any(better > worse + tol))


def _dominator(
    U: np.ndarray, a: int, *, strict: bool, mixed: bool, exact: bool
) -> np.ndarray | None:
    """A strategy (probability vector over all rows of ``U``, zero at ``a``) dominating row a."""
    m = U.shape[0]
    tol = _tolerance(U, exact)
    for b in range(m):
        if b != a and _pure_dominates(U[b], U[a], strict, tol):
            return _unit(m, b, exact)
    if not mixed or m < 3:  # with two actions a mixture of "the others" is the other action
        return None
    others = [k for k in range(m) if k != a]
    sigma = _convex_dominator(U[others], U[a], strict=strict, exact=exact)
    if sigma is None:
        return None
    full = np.array([Fraction(0)] * m, dtype=object) if exact else np.zeros(m)
    full[others] = sigma
    return full


def dominating_strategy(
    game: Game, player: int | str, action: int | str, *, strict: bool = True, mixed: bool = True
) -> tuple[Number, ...] | None:
    """A strategy of ``player`` that dominates ``action``, or None if ``action`` is undominated.

    Strategy ``sigma`` *strictly dominates* action ``a`` of player ``i`` when
    ``u_i(sigma, s_-i) > u_i(a, s_-i)`` for every profile ``s_-i`` of the opponents' actions, and
    *weakly dominates* it when ``>=`` holds everywhere and ``>`` somewhere (Osborne & Rubinstein
    1994, §4.2 and §4.3; Fudenberg & Tirole 1991, §1.1.2). Pure dominators are searched first;
    with ``mixed=True`` mixtures of the other actions are then found by linear programming
    (see :func:`dominated_actions`). The result is a probability vector over all of ``player``'s
    actions (zero at ``action``): Fractions for exact games, floats otherwise.
    """
    strict, mixed = _check_flag("strict", strict), _check_flag("mixed", mixed)
    arrays, exact = _numeric_arrays(game, "dominating_strategy")
    i = game.player_index(player)
    a = game.action_index(i, action)
    found = _dominator(_player_matrix(arrays[i], i), a, strict=strict, mixed=mixed, exact=exact)
    return None if found is None else tuple(found.tolist())


def dominated_actions(
    game: Game, player: int | str, *, strict: bool = True, mixed: bool = True
) -> tuple[int, ...]:
    """Indices of the actions of ``player`` dominated by another pure or mixed strategy.

    Action ``a`` of player ``i`` is *strictly dominated* by the mixed strategy ``sigma`` when
    ``sum_k sigma_k u_i(k, s_-i) > u_i(a, s_-i)`` for every opponents' pure profile ``s_-i``,
    and *weakly dominated* when ``>=`` holds for every ``s_-i`` and ``>`` for at least one
    (Osborne & Rubinstein 1994, §4.2-4.3; Fudenberg & Tirole 1991, §1.1.2). With
    ``mixed=False`` only pure dominators count.

    Mixed dominance is a linear program over ``sigma`` in the simplex of the other actions:
    maximise ``eps`` subject to ``sum_k sigma_k u_i(k, s_-i) >= u_i(a, s_-i) + eps`` for all
    ``s_-i``; ``a`` is strictly dominated iff ``eps* > 0``. By LP duality, ``eps* <= 0`` iff ``a``
    is a best response to some belief over the opponents' profiles (Pearce 1984, Lemma 3;
    Osborne & Rubinstein 1994, Lemma 60.1; with
    three or more players the belief may be correlated). For weak dominance, when ``eps* = 0`` a
    second program maximises ``sum_s (sigma . u_i(., s) - u_i(a, s))`` subject to ``>=`` for all
    ``s``; ``a`` is weakly dominated iff its optimum is positive, and otherwise the dual gives a
    full-support belief to which ``a`` is a best response.

    Exact games: HiGHS proposes, exact Fraction certificates decide, and an exact simplex settles
    any case the certificates cannot (see the module notes). Float games use
    ``FLOAT_RTOL * max(1, range of the player's payoffs)`` as the tie tolerance.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.Game([[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]])
    >>> dominated_actions(g, 0), dominated_actions(g, 0, mixed=False)
    ((2,), ())
    """
    strict, mixed = _check_flag("strict", strict), _check_flag("mixed", mixed)
    arrays, exact = _numeric_arrays(game, "dominated_actions")
    i = game.player_index(player)
    U = _player_matrix(arrays[i], i)
    return tuple(
        a
        for a in range(U.shape[0])
        if _dominator(U, a, strict=strict, mixed=mixed, exact=exact) is not None
    )


def dominant_action(game: Game, player: int | str, *, strict: bool = True) -> int | None:
    """The action of ``player`` that strictly (weakly) dominates every other action, or None.

    Action ``b`` is *strictly dominant* when ``u_i(b, s_-i) > u_i(a, s_-i)`` for all ``a != b``
    and all ``s_-i``; *weakly dominant* when it weakly dominates every other action (``>=``
    everywhere and ``>`` somewhere against each ``a``) (Fudenberg & Tirole 1991, §1.1.2).
    Either kind is unique when it exists. A player with a single action has it as (vacuously)
    dominant action.
    """
    strict = _check_flag("strict", strict)
    arrays, exact = _numeric_arrays(game, "dominant_action")
    i = game.player_index(player)
    U = _player_matrix(arrays[i], i)
    tol = _tolerance(U, exact)
    for b in range(U.shape[0]):
        if all(_pure_dominates(U[b], U[a], strict, tol) for a in range(U.shape[0]) if a != b):
            return b
    return None


def dominant_strategy_equilibrium(game: Game, strict: bool = True) -> tuple[int, ...] | None:
    """The profile of (strictly, or weakly) dominant actions, or None if a player has none.

    A dominant-strategy equilibrium is a profile in which every player's action dominates all of
    her other actions (Fudenberg & Tirole 1991, §1.1.2); it is a Nash equilibrium, and with
    strict dominance the unique one.
    """
    strict = _check_flag("strict", strict)
    _numeric_arrays(game, "dominant_strategy_equilibrium")
    profile = []
    for i in range(game.n_players):
        b = dominant_action(game, i, strict=strict)
        if b is None:
            return None
        profile.append(b)
    return tuple(profile)


def iterated_elimination(
    game: Game, *, strict: bool = True, mixed: bool = True
) -> tuple[Game, tuple[tuple[int, ...], ...]]:
    """Iterated elimination of dominated actions.

    Each round removes, simultaneously for all players, every action that is dominated (as in
    :func:`dominated_actions`, by a pure or with ``mixed=True`` also by a mixed strategy) in the
    game that survived the previous round; rounds repeat until nothing is removed. Returns the
    reduced game (built with :meth:`Game.from_arrays` on the surviving grid, keeping labels and
    title) and, per player, the original indices of the surviving actions.

    For strict dominance the order of elimination does not affect the result (Osborne &
    Rubinstein 1994, §4.2; Gilboa, Kalai & Zemel 1990). For weak
    dominance it does: this function removes *all* weakly dominated actions of *all* players in
    each round, which is one particular order; other orders can leave different games.
    """
    strict, mixed = _check_flag("strict", strict), _check_flag("mixed", mixed)
    arrays, exact = _numeric_arrays(game, "iterated_elimination")
    survivors = [list(range(s)) for s in game.shape]
    while True:
        grid = np.ix_(*survivors)
        removed = False
        next_survivors = []
        for i, keep in enumerate(survivors):
            U = _player_matrix(arrays[i][grid], i)
            gone = {
                a
                for a in range(U.shape[0])
                if _dominator(U, a, strict=strict, mixed=mixed, exact=exact) is not None
            }
            removed |= bool(gone)
            next_survivors.append([k for pos, k in enumerate(keep) if pos not in gone])
        survivors = next_survivors
        if not removed:
            break
    grid = np.ix_(*survivors)
    reduced = Game.from_arrays(
        *(np.asarray(a)[grid] for a in game.payoff_arrays),
        players=game.players,
        actions=[[game.actions[i][k] for k in keep] for i, keep in enumerate(survivors)],
        title=game.title or None,
    )
    return reduced, tuple(tuple(keep) for keep in survivors)


# --------------------------------------------------------------------------------------------
# Pareto efficiency
# --------------------------------------------------------------------------------------------


def _profile_payoffs(arrays: Sequence[np.ndarray]) -> np.ndarray:
    """``P[s, i]``: payoff of player i at the s-th pure profile (C order, as ``np.ndindex``)."""
    return np.stack([np.asarray(a).reshape(-1) for a in arrays], axis=1)


def _pareto_dominated(P: np.ndarray, targets: np.ndarray, exact: bool) -> np.ndarray:
    """For each row index in ``targets``: is ``P[t]`` Pareto dominated by some row of ``P``?

    Vectorised over all (dominator, target) pairs and players at once.
    """
    Q = P[targets]
    if exact:
        ge = np.asarray(P[:, None, :] >= Q[None, :, :], dtype=bool)
        gt = np.asarray(P[:, None, :] > Q[None, :, :], dtype=bool)
    else:
        tol = np.array([_tolerance(P[:, i], False) for i in range(P.shape[1])])
        diff = P[:, None, :] - Q[None, :, :]
        ge, gt = diff >= -tol, diff > tol
    return np.asarray((ge.all(axis=2) & gt.any(axis=2)).any(axis=0), dtype=bool)


def _pareto_mask(game: Game, targets: np.ndarray, mixed: bool, what: str) -> np.ndarray:
    arrays, exact = _numeric_arrays(game, what)
    P = _profile_payoffs(arrays)
    efficient = ~_pareto_dominated(P, targets, exact)
    if mixed:
        for pos in np.flatnonzero(efficient):
            found = _convex_dominator(
                P, P[targets[pos]], strict=False, exact=exact, per_column=True
            )
            efficient[pos] = found is None
    return efficient


def pareto_efficient(game: Game, *, mixed: bool = False) -> tuple[tuple[int, ...], ...]:
    """The Pareto-efficient pure profiles, in lexicographic order.

    Profile ``s`` is *Pareto dominated* by ``t`` when ``u_i(t) >= u_i(s)`` for every player and
    ``u_j(t) > u_j(s)`` for some player; ``s`` is *Pareto efficient* when no pure profile
    dominates it (Mas-Colell, Whinston & Green 1995, §16.B). The pairwise comparison is
    vectorised over all profile pairs.

    With ``mixed=True`` a profile must also not be dominated by any lottery over pure profiles,
    i.e. by any point of the convex hull of the pure payoff vectors (the payoffs of correlated
    strategies). Expected payoffs of independent mixed profiles lie in that hull, so such a
    profile is also undominated by every mixed-strategy profile. Each remaining candidate is
    checked by a linear program; for exact games the answer is certified exactly (a dominating
    lottery, or positive welfare weights under which the profile maximises weighted welfare,
    since a point of a polytope is Pareto efficient iff it maximises some strictly positive
    weighted sum).
    """
    mixed = _check_flag("mixed", mixed)
    n_profiles = int(np.prod(game.shape)) if isinstance(game, Game) else 0
    mask = _pareto_mask(game, np.arange(n_profiles), mixed, "pareto_efficient")
    profiles = list(np.ndindex(game.shape))
    return tuple(tuple(int(a) for a in profiles[k]) for k in np.flatnonzero(mask))


def is_pareto_efficient(game: Game, profile: Sequence[int | str], *, mixed: bool = False) -> bool:
    """Whether the pure ``profile`` (indices or names) is Pareto efficient.

    See :func:`pareto_efficient` for the definition and the meaning of ``mixed``.
    """
    mixed = _check_flag("mixed", mixed)
    if not isinstance(game, Game):
        raise TypeError(f"is_pareto_efficient needs a gametheory.Game, got {type(game).__name__}")
    idx = game.pure_profile(profile)
    flat = int(np.ravel_multi_index(idx, game.shape))
    return bool(_pareto_mask(game, np.array([flat]), mixed, "is_pareto_efficient")[0])


# --------------------------------------------------------------------------------------------
# Welfare
# --------------------------------------------------------------------------------------------


def _check_weights(game: Game, weights: Sequence[Any] | None) -> tuple[Number, ...]:
    n = game.n_players
    if weights is None:
        return (Fraction(1),) * n
    if isinstance(weights, str) or not isinstance(weights, Sequence | np.ndarray):
        raise TypeError(f"weights must be a sequence of {n} numbers, got {weights!r}")
    weights = list(weights)
    if len(weights) != n:
        raise ValueError(f"weights has {len(weights)} entries but the game has {n} players")
    out: list[Number] = []
    for k, w in enumerate(weights):
        if isinstance(w, bool | np.bool_):
            raise TypeError(f"weight {k} is a boolean ({w!r}); weights must be numbers")
        if isinstance(w, sympy.Basic) and getattr(w, "is_Rational", False):
            w = Fraction(int(w.p), int(w.q))
        elif isinstance(w, sympy.Basic) and getattr(w, "is_Float", False):
            w = float(w)
        if isinstance(w, Fraction):
            value: Number = w
        elif isinstance(w, numbers.Integral):
            value = Fraction(int(w))
        elif isinstance(w, float | np.floating):
            value = float(w)
            if not np.isfinite(value):
                raise ValueError(f"weight {k} is {value}; weights must be finite numbers")
        else:
            raise TypeError(f"weight {k} has unsupported type {type(w).__name__} ({w!r})")
        if value < 0:
            raise ValueError(f"weight {k} is negative ({value}); welfare weights must be >= 0")
        out.append(value)
    if all(v == 0 for v in out):
        raise ValueError("all welfare weights are zero")
    return tuple(out)


def social_welfare(game: Game, profile: Sequence[Any], weights: Sequence[Any] | None = None) -> Any:
    """Weighted sum of expected payoffs ``W(sigma) = sum_i w_i u_i(sigma)``.

    ``profile`` is pure or mixed (as accepted by :meth:`Game.payoff`); ``weights`` are
    non-negative, not all zero, one per player (default 1 each: the utilitarian welfare;
    Mas-Colell, Whinston & Green 1995, §16.E). Exact for exact games, profiles and
    weights; a sympy expression for a parametric game.
    """
    if not isinstance(game, Game):
        raise TypeError(f"social_welfare needs a gametheory.Game, got {type(game).__name__}")
    w = _check_weights(game, weights)
    payoffs = game.payoff(profile)
    total = w[0] * payoffs[0]
    for wi, ui in zip(w[1:], payoffs[1:], strict=True):
        total = total + wi * ui
    return total


def max_welfare_profiles(
    game: Game, weights: Sequence[Any] | None = None
) -> tuple[tuple[int, ...], ...]:
    """The pure profiles maximising ``sum_i w_i u_i(s)`` (all ties), in lexicographic order.

    With positive weights every such profile is Pareto efficient. Float games (or float weights)
    count values within ``FLOAT_RTOL * max(1, range of the welfare values)`` of the maximum.
    """
    arrays, exact = _numeric_arrays(game, "max_welfare_profiles")
    w = _check_weights(game, weights)
    exact = exact and all(isinstance(v, Fraction) for v in w)
    if not exact:
        arrays = tuple(np.asarray(a, dtype=float) for a in arrays)
        w = tuple(float(v) for v in w)
    welfare = sum((wi * a for wi, a in zip(w[1:], arrays[1:], strict=True)), w[0] * arrays[0])
    best = welfare.max()
    if exact:
        mask = np.asarray(welfare == best, dtype=bool)
    else:
        mask = welfare >= best - _tolerance(welfare, False)
    return tuple(tuple(int(a) for a in idx) for idx in np.argwhere(mask))


# --------------------------------------------------------------------------------------------
# Risk dominance
# --------------------------------------------------------------------------------------------


def risk_dominant(game: Game) -> tuple[int, int] | None:
    """The risk-dominant equilibrium of a 2x2 game with two strict pure equilibria.

    For strict equilibria ``(r1, c1)`` and ``(r2, c2)`` (necessarily ``r2 = 1 - r1``,
    ``c2 = 1 - c1``), equilibrium 1 risk-dominates equilibrium 2 iff the product of the players'
    deviation losses is larger there (Harsanyi & Selten 1988, ch. 3; Carlsson & van Damme
    1993)::

        (u1(r1,c1) - u1(r2,c1)) (u2(r1,c1) - u2(r1,c2))
            > (u1(r2,c2) - u1(r1,c2)) (u2(r2,c2) - u2(r2,c1))

    Equivalently it is the best response to the uniform belief over the other player's two
    equilibrium actions. Returns the risk-dominant profile, or None when the products are equal
    (within ``FLOAT_RTOL`` relatively for float games). Raises ValueError unless the game is a
    two-player 2x2 game with exactly two strict pure equilibria.
    """
    arrays, exact = _numeric_arrays(game, "risk_dominant")
    if game.n_players != 2 or game.shape != (2, 2):
        raise ValueError(
            f"risk_dominant needs a two-player 2x2 game, got {game.n_players} players with "
            f"shape {game.shape}"
        )
    A, B = arrays
    tol_a, tol_b = _tolerance(A, exact), _tolerance(B, exact)
    strict_eq = [
        (r, c)
        for r in (0, 1)
        for c in (0, 1)
        if A[r, c] > A[1 - r, c] + tol_a and B[r, c] > B[r, 1 - c] + tol_b
    ]
    if len(strict_eq) != 2:
        names = [f"({game.actions[0][r]}, {game.actions[1][c]})" for r, c in strict_eq] or ["none"]
        raise ValueError(
            "risk dominance compares two strict pure equilibria, but this game has "
            f"{len(strict_eq)}: {', '.join(names)}"
        )
    (r1, c1), (r2, c2) = strict_eq
    loss1 = (A[r1, c1] - A[r2, c1]) * (B[r1, c1] - B[r1, c2])
    loss2 = (A[r2, c2] - A[r1, c2]) * (B[r2, c2] - B[r2, c1])
    tol = 0 if exact else FLOAT_RTOL * max(abs(loss1), abs(loss2))
    if loss1 > loss2 + tol:
        return (r1, c1)
    if loss2 > loss1 + tol:
        return (r2, c2)
    return None


# --------------------------------------------------------------------------------------------
# Security levels
# --------------------------------------------------------------------------------------------


def _exact_security(U: np.ndarray) -> tuple[Fraction, np.ndarray]:
    """Maximin value and strategy of the payoff matrix ``U`` (rows: own actions), exactly.

    The float LP proposes ``x`` (primal) and ``mu`` (dual); if the rationalised guarantee
    ``min_s x . U[:, s]`` equals the rationalised bound ``max_a U[a] . mu``, weak duality proves
    both optimal. Otherwise the exact simplex solves the program.
    """
    m, K = U.shape
    lo, hi = U.min(), U.max()
    Un = (U - lo) / (hi - lo)
    res = linprog(
        np.r_[np.zeros(m), -1.0],
        A_ub=np.hstack([-Un.T.astype(float), np.ones((K, 1))]),
        b_ub=np.zeros(K),
        A_eq=np.r_[np.ones(m), 0.0][None, :],
        b_eq=[1.0],
        bounds=[(0, None)] * m + [(None, None)],
        method="highs",
    )
    if res.status == 0:
        duals = _rationalisations(_simplex_point(-res.ineqlin.marginals))
        bounds = {max(U.dot(mu)) for mu in duals}
        for x in _rationalisations(_simplex_point(res.x[:m])):
            guarantee = min(x.dot(U))
            if guarantee in bounds:
                return guarantee, x
    c = [0] * m + [1, -1]
    A_ub = [[-Un[k, s] for k in range(m)] + [1, -1] for s in range(K)]
    _, solution, _ = _exact_lp(c, A_ub, [0] * K, [[1] * m + [0, 0]], [1])
    if solution is None:  # cannot happen: the program is feasible and bounded
        raise RuntimeError("exact security-level LP failed")
    strategy = np.array(solution[:m], dtype=object)
    return min(strategy.dot(U)), strategy


def security_strategy(
    game: Game, player: int | str, *, mixed: bool = True
) -> tuple[Number, tuple[Number, ...]]:
    """The maxmin (security) value of ``player`` and a strategy that guarantees it.

    ``v_i = max_{x in Delta(S_i)} min_{s_-i} sum_a x_a u_i(a, s_-i)``: the payoff player ``i``
    can guarantee whatever the others do (Osborne & Rubinstein 1994, §2.5; von Neumann 1928).
    The inner minimum is attained at a pure opponents' profile, so ``v_i`` is the value of the
    linear program: maximise ``v`` s.t. ``sum_a x_a u_i(a, s_-i) >= v`` for all ``s_-i``, ``x``
    in the simplex. With ``mixed=False``, ``x`` ranges over pure actions only (the first
    maximising action is returned). Exact games: the float LP's primal and dual are rationalised
    and accepted only when their values coincide exactly (weak duality), otherwise solved by the
    exact simplex. Float games: the value is the guarantee of the LP's strategy.
    """
    mixed = _check_flag("mixed", mixed)
    arrays, exact = _numeric_arrays(game, "security_strategy")
    i = game.player_index(player)
    U = _player_matrix(arrays[i], i)
    m = U.shape[0]
    worst = U.min(axis=1)
    if not mixed or m == 1 or U.min() == U.max():
        a = int(np.argmax(worst)) if exact else int(np.argmax(worst.astype(float)))
        return (worst[a] if exact else float(worst[a])), tuple(_unit(m, a, exact).tolist())
    if exact:
        value, strategy = _exact_security(U)
        return value, tuple(strategy.tolist())
    lo, span = float(U.min()), float(U.max() - U.min())
    Un = (U - lo) / span
    K = U.shape[1]
    res = linprog(
        np.r_[np.zeros(m), -1.0],
        A_ub=np.hstack([-Un.T, np.ones((K, 1))]),
        b_ub=np.zeros(K),
        A_eq=np.r_[np.ones(m), 0.0][None, :],
        b_eq=[1.0],
        bounds=[(0, None)] * m + [(None, None)],
        method="highs",
    )
    if res.status != 0:
        value, strategy = _exact_security(np.vectorize(Fraction, otypes=[object])(U))
        return float(value), tuple(float(p) for p in strategy)
    x = _simplex_point(res.x[:m])
    return float(np.min(x.dot(U))), tuple(float(p) for p in x)


def security_levels(game: Game, *, mixed: bool = True) -> tuple[Number, ...]:
    """Maxmin (security) value of every player; see :func:`security_strategy`."""
    _numeric_arrays(game, "security_levels")
    return tuple(security_strategy(game, i, mixed=mixed)[0] for i in range(game.n_players))
