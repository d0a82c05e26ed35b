"""Evolutionarily stable strategies, exactly.

**One population** (a symmetric two-player game with row payoffs ``A``): ``x*`` is an ESS
(Maynard Smith & Price 1973) iff for every ``y != x*``

    (i)  y.A x* <= x*.A x*,   and   (ii) y.A x* = x*.A x*  implies  x*.A y > y.A y;

it is neutrally stable (NSS; Maynard Smith 1982) with ``>=`` in (ii). Condition (i) says that
``x*`` is a symmetric Nash equilibrium; the candidates are therefore the symmetric equilibria,
found as the rest points of the single-population replicator dynamics at which no action
outside the support earns more. For a candidate with support ``S`` and best replies
``T = {a : (A x*)_a = x*.A x*}``, condition (ii) is (Haigh 1975; Bomze 1992, JOTA 75: 313-329)

    z.A z < 0   for every  z != 0  with  sum z = 0,  z_j = 0 off T,  z_j >= 0 on T \\ S.

With ``z_{s_0} = -sum(u) - sum(w)`` (``u`` free on ``S \\ {s_0}``, ``w >= 0`` on ``T \\ S``) the
quadratic form ``G`` of ``-(A + A^T)/2`` in ``(u, w)`` must be positive on that cone: its ``u``
block positive definite (Sylvester's criterion) and the Schur complement of that block
strictly copositive. Strict copositivity is decided exactly by the recursion of Cottle,
Habetler & Lemke (1970) and Hadeler (1983, *Linear Algebra Appl.* 49: 79-89): if every principal
submatrix of order ``n - 1`` of a symmetric ``M`` is strictly copositive, ``M`` is strictly
copositive unless ``det M <= 0`` and ``adj M >= 0`` entrywise. For NSS the cone is mapped onto an
orthant (``u = u+ - u-``) and copositivity is decided by the analogous recursion (``det M < 0``
and ``adj M >= 0``). Every decision is exact for rational payoffs; for parametric games the same
steps give sympy conditions, with one case for every set of tied off-support actions.

**Several populations** (one per player): a strategy profile is evolutionarily stable iff it
is a strict Nash equilibrium (Selten 1980, *J. Theor. Biol.* 84: 93-101), and the strict
equilibria are exactly the asymptotically stable rest points of the multi-population replicator
dynamics (Ritzberger & Weibull 1995, *Econometrica* 63: 1371-1399).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, product
from typing import Any

import sympy

from ..game import Game
from ..symbolic import equilibrium_conditions
from .conditions import conjunction, negative, positive, simplest

__all__ = ["ESS", "ess", "neutrally_stable"]


@dataclass(frozen=True)
class ESS:
    """An evolutionarily (or neutrally) stable strategy.

    ``strategy`` is the exact mixed strategy of the population (one population), or one pure
    strategy per population as probability tuples (several populations); ``support`` its
    support; ``payoff`` the payoff ``x*.A x*`` (one population) or the payoffs of the strict
    equilibrium; ``condition`` the sympy condition under which it is an ESS (``true`` for
    numeric games); ``kind`` is ``"ESS"`` or ``"NSS"``.
    """

    strategy: tuple[Any, ...]
    support: tuple[Any, ...]
    payoff: Any
    condition: sympy.Basic
    kind: str
    actions: tuple[Any, ...]
    single: bool

    def __repr__(self) -> str:
        if self.single:
            body = _mixed_text(self.strategy, self.actions)
        else:
            body = ", ".join(
                names[s.index(1)] for s, names in zip(self.strategy, self.actions, strict=True)
            )
        cond = "" if self.condition is sympy.true else f" if {self.condition}"
        return f"{self.kind}({body}{cond})"


def ess(game: Game, *, single: bool = True) -> list[ESS]:
    """The evolutionarily stable strategies of ``game``.

    ``single=True`` (the default): ``game`` is a symmetric two-player game played within one
    population, and the ESSs are its mixed strategies satisfying the Maynard Smith conditions
    (see the module docstring), exactly. ``single=False``: one population per player, and the
    ESSs are the strict Nash equilibria (Selten 1980). For a parametric game every candidate is
    returned with the condition under which it is an ESS (candidates whose condition is
    ``false`` are dropped).
    """
    return _stable(game, single, neutral=False)


def neutrally_stable(game: Game, *, single: bool = True) -> list[ESS]:
    """The neutrally stable strategies (NSS) of a symmetric two-player game: condition (ii) of
    :func:`ess` with ``>=``. Isolated candidates only: symmetric equilibria forming a
    continuum are not examined. With ``single=False``, the pure Nash equilibria of the game
    (the neutrally stable pure profiles of the multi-population view)."""
    return _stable(game, single, neutral=True)


def _stable(game: Game, single: bool, neutral: bool) -> list[ESS]:
    if not isinstance(game, Game):
        raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
    if not isinstance(single, bool):
        raise TypeError("single must be True or False")
    if not single:
        return _strict_profiles(game, neutral)
    if game.n_players != 2:
        raise ValueError(
            f"evolutionary stability of one population is defined here for symmetric two-player "
            f"games; this game has {game.n_players} players (use single=False for the "
            "multi-population criterion, or study the replicator dynamics)"
        )
    from .replicator import replicator

    system = replicator(game, single=True)  # raises ValueError if the game is not symmetric
    A = _matrix(system)
    kind = "NSS" if neutral else "ESS"
    out = []
    for pt in system.rest_points(timeout=None):
        if pt.continuum:
            continue
        x = pt.state[0]
        support = pt.support[0]
        values = [sympy.expand(sum(A[a, b] * x[b] for b in range(len(x)))) for a in range(len(x))]
        v = values[support[0]]
        off = [j for j in range(len(x)) if j not in support]
        cases = []
        for r in range(len(off) + 1):
            for tied in combinations(off, r):
                case = [sympy.Eq(simplest(values[j] - v), 0) for j in tied]
                case += [negative(values[j] - v) for j in off if j not in tied]
                case = [_decide_eq(c) for c in case]
                if any(c is sympy.false for c in case):
                    continue
                second = _second_order(A, support, tied, neutral)
                cases.append(conjunction(*case, second))
        condition = sympy.And(pt.exists, sympy.Or(*cases))
        condition = _tidy(condition)
        if condition is sympy.false:
            continue
        payoff = simplest(sum(x[a] * values[a] for a in range(len(x))))
        out.append(
            ESS(
                strategy=tuple(x),
                support=tuple(support),
                payoff=payoff,
                condition=condition,
                kind=kind,
                actions=system.populations[0].actions,
                single=True,
            )
        )
    return out


def _matrix(system: Any) -> sympy.Matrix:
    from .state import _sympy_arrays

    (A,) = _sympy_arrays(system.game)[:1]
    return sympy.Matrix(A.shape[0], A.shape[1], lambda i, j: A[i, j])


def _decide_eq(c: sympy.Basic) -> sympy.Basic:
    if isinstance(c, sympy.Eq):
        d = simplest(c.lhs - c.rhs)
        if d.is_zero:
            return sympy.true
        if d.is_nonzero:
            return sympy.false
        return sympy.Eq(d, 0)
    return c


def _second_order(
    A: sympy.Matrix, support: Sequence[int], tied: Sequence[int], neutral: bool
) -> sympy.Basic:
    """Condition (ii) on the cone of the candidate (see the module docstring)."""
    k = A.shape[0]
    M = -(A + A.T) / 2
    s0, rest = support[0], list(support[1:])
    columns = []
    for j in [*rest, *tied]:
        col = [sympy.Integer(0)] * k
        col[j] = sympy.Integer(1)
        col[s0] = sympy.Integer(-1)
        columns.append(col)
    if not columns:
        return sympy.true  # a pure strategy whose only best reply is itself: (ii) is vacuous
    P = sympy.Matrix(k, len(columns), lambda i, c: columns[c][i])
    G = (P.T * M * P).applyfunc(sympy.cancel)
    nu = len(rest)
    if neutral:
        Pn = sympy.Matrix.hstack(P[:, :nu], -P[:, :nu], P[:, nu:])
        Gn = (Pn.T * M * Pn).applyfunc(sympy.cancel)
        return copositive(Gn, strict=False)
    conditions = []
    if nu:
        Guu = G[:nu, :nu]
        for r in range(1, nu + 1):
            conditions.append(positive(Guu[:r, :r].det()))
        if len(columns) > nu:
            Guw, Gww = G[:nu, nu:], G[nu:, nu:]
            inverse = Guu.adjugate() / Guu.det()
            schur = (Gww - Guw.T * inverse * Guw).applyfunc(sympy.cancel)
            conditions.append(copositive(schur, strict=True))
    else:
        conditions.append(copositive(G, strict=True))
    return conjunction(*conditions)


def copositive(M: sympy.Matrix, *, strict: bool) -> sympy.Basic:
    """Whether the symmetric matrix ``M`` is (strictly) copositive: ``w.M w > 0`` (``>= 0``) for
    every ``w >= 0``, ``w != 0`` — exact (a sympy condition for symbolic entries).

    Recursion over principal submatrices (Cottle, Habetler & Lemke 1970; Hadeler 1983): given
    that every principal submatrix of order ``n - 1`` is strictly copositive, ``M`` is strictly
    copositive unless ``det M <= 0`` and ``adj M >= 0``; given that they are copositive, ``M``
    is copositive unless ``det M < 0`` and ``adj M >= 0``. Order 1: ``m > 0`` (``m >= 0``).
    """
    n = M.rows
    memo: dict[tuple[int, ...], sympy.Basic] = {}

    def test(index: tuple[int, ...]) -> sympy.Basic:
        if index in memo:
            return memo[index]
        sub = M.extract(list(index), list(index))
        if len(index) == 1:
            m = sub[0, 0]
            result = positive(m) if strict else sympy.Not(negative(m))
        else:
            smaller = [test(tuple(c)) for c in combinations(index, len(index) - 1)]
            det = simplest(sub.det())
            adj = sub.adjugate().applyfunc(lambda e: simplest(e))
            adj_nonneg = sympy.And(
                *(
                    sympy.Not(negative(adj[i, j]))
                    for i in range(adj.rows)
                    for j in range(i, adj.cols)
                )
            )
            bad_det = sympy.Not(positive(det)) if strict else negative(det)
            result = sympy.And(*smaller, sympy.Not(sympy.And(bad_det, adj_nonneg)))
        result = _tidy(result)
        memo[index] = result
        return result

    return test(tuple(range(n)))


def _tidy(condition: sympy.Basic) -> sympy.Basic:
    if condition in (sympy.true, sympy.false):
        return condition
    if not condition.free_symbols:
        return sympy.true if bool(condition) else sympy.false
    try:
        return sympy.simplify(condition)
    except (TypeError, ValueError, RuntimeError):  # pragma: no cover - sympy cannot simplify it
        return condition


def _strict_profiles(game: Game, neutral: bool) -> list[ESS]:
    out = []
    for profile in product(*(range(k) for k in game.shape)):
        condition = equilibrium_conditions(game, profile, strict=not neutral)
        condition = _tidy(condition)
        if condition is sympy.false:
            continue
        strategy = tuple(
            tuple(sympy.Integer(int(a == b)) for b in range(k))
            for a, k in zip(profile, game.shape, strict=True)
        )
        out.append(
            ESS(
                strategy=strategy,
                support=tuple((a,) for a in profile),
                payoff=tuple(game.payoff(profile)),
                condition=condition,
                kind="NSS" if neutral else "ESS",
                actions=game.actions,
                single=False,
            )
        )
    return out


def _mixed_text(x: Sequence[Any], names: Sequence[str]) -> str:
    support = [a for a, v in enumerate(x) if sympy.sympify(v) != 0]
    if len(support) == 1 and sympy.sympify(x[support[0]]) == 1:
        return names[support[0]]
    return " + ".join(f"{x[a]} {names[a]}" for a in support)
