"""Symbolic analysis of parametric games: equilibrium conditions, closed forms, thresholds.

A parametric game has sympy expressions as payoffs (see :class:`~gametheory.Game`). The functions
here answer questions *for all parameter values at once*:

* :func:`equilibrium_conditions` — the inequalities under which a pure profile is a Nash
  equilibrium (strict, in dominant strategies, or the unique equilibrium of a 2x2 game);
* :func:`mixed_equilibrium` — the equilibrium with given supports in closed form (the
  indifference principle, e.g. Osborne 2004, *An Introduction to Game Theory*, §4.3), with the
  conditions under which it exists;
* :func:`threshold` — a condition solved for one parameter (the smallest subsidy, the largest
  spillover, ...), as an exact expression;
* :func:`comparative_statics` — derivatives, their signs under the symbols' assumptions, and
  elasticities.

Every inequality is simplified under the assumptions declared on the symbols (e.g.
``positive=True``); an inequality that the assumptions decide becomes ``True``/``False``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise, product
from typing import Any

import numpy as np
import sympy

from .game import Game

__all__ = [
    "MixedEquilibrium",
    "Statics",
    "Threshold",
    "comparative_statics",
    "condition_atoms",
    "equilibrium_conditions",
    "mixed_equilibria",
    "mixed_equilibrium",
    "parameters",
    "threshold",
]

CONCEPTS = ("nash", "strict", "dominant", "unique")

#: Most distinct affine inequalities regions() accepts with two or more parameters (the
#: arrangement search solves a few linear programs per region; one parameter has no limit).
MAX_REGION_ATOMS = 40


def parameters(names: str | Sequence[str], **assumptions: Any) -> tuple[sympy.Symbol, ...]:
    """Named sympy symbols for model parameters, always as a tuple.

    ``parameters("t p", positive=True)`` is ``sympy.symbols("t p", positive=True)``; declaring
    signs lets every condition below be simplified (e.g. ``t + 1 > 0`` becomes ``True``).
    """
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    names = list(names)
    if not names or not all(isinstance(n, str) and n.isidentifier() for n in names):
        raise ValueError(f"parameter names must be identifiers, got {names!r}")
    return tuple(sympy.Symbol(n, **assumptions) for n in names)


def _symbolic_arrays(game: Game) -> list[np.ndarray]:
    if not isinstance(game, Game):
        raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
    out = []
    for a in game.payoff_arrays:
        b = np.empty(a.shape, dtype=object)
        for index in np.ndindex(a.shape):
            b[index] = (
                sympy.nsimplify(a[index])
                if isinstance(a[index], float)
                else sympy.sympify(a[index])
            )
        out.append(b)
    return out


def _compare(lhs: Any, rhs: Any, strict: bool) -> sympy.Basic:
    """``lhs > rhs`` (strict) or ``lhs >= rhs``, decided when the assumptions allow."""
    diff = sympy.simplify(sympy.sympify(lhs) - sympy.sympify(rhs))
    if strict:
        if diff.is_positive:
            return sympy.true
        if diff.is_nonpositive:
            return sympy.false
        return sympy.StrictGreaterThan(diff, 0)
    if diff.is_nonnegative:
        return sympy.true
    if diff.is_negative:
        return sympy.false
    return sympy.GreaterThan(diff, 0)


def equilibrium_conditions(
    game: Game, profile: Sequence[int | str], strict: bool = False, concept: str = "nash"
) -> sympy.Basic:
    """The condition (a sympy boolean) under which the pure ``profile`` is an equilibrium.

    ``concept``:

    ``"nash"`` (``"strict"``, or ``strict=True``)
        ``u_i(s) >= u_i(a, s_-i)`` (``>``) for every player ``i`` and action ``a != s_i``.
    ``"dominant"``
        every ``s_i`` is a dominant action: ``u_i(s_i, t_-i) > u_i(a, t_-i)`` with
        ``strict=True`` (strict dominance) for all opponents' profiles ``t_-i`` and all
        ``a != s_i``; with ``strict=False``, ``>=`` (``s_i`` is a best response to every
        profile of the others; unlike weak dominance this does not ask for one ``>``).
    ``"unique"`` (2x2 games)
        ``s`` is the unique Nash equilibrium and it is strict. In a 2x2 game this holds iff
        ``s`` is a strict equilibrium and some player's action in ``s`` is strictly dominant
        (otherwise the other diagonal profile is an equilibrium too).

    Each inequality is written as ``difference > 0`` / ``>= 0`` and simplified under the
    symbols' assumptions.
    """
    if concept not in CONCEPTS:
        raise ValueError(f"unknown concept {concept!r}; choose one of {list(CONCEPTS)}")
    if not isinstance(strict, bool):
        raise TypeError("strict must be True or False")
    if not isinstance(game, Game):
        raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
    prof = game.pure_profile(profile)
    arrays = _symbolic_arrays(game)
    strict = strict or concept == "strict"
    if concept == "unique":
        if game.shape != (2, 2):
            raise ValueError(f"concept='unique' is for 2x2 games; this game is {game.shape}")
        nash = equilibrium_conditions(game, prof, strict=True)
        dominant = [
            _dominance_condition(arrays, i, prof[i], game.shape, strict=True) for i in range(2)
        ]
        return sympy.And(nash, sympy.Or(*dominant))
    if concept == "dominant":
        return sympy.And(
            *(
                _dominance_condition(arrays, i, prof[i], game.shape, strict)
                for i in range(game.n_players)
            )
        )
    terms = []
    for i, u in enumerate(arrays):
        for a in range(game.shape[i]):
            if a == prof[i]:
                continue
            deviation = list(prof)
            deviation[i] = a
            terms.append(_compare(u[prof], u[tuple(deviation)], strict))
    return sympy.And(*terms)


def _dominance_condition(
    arrays: Sequence[np.ndarray], player: int, action: int, shape: tuple[int, ...], strict: bool
) -> sympy.Basic:
    u = arrays[player]
    terms = []
    others = [range(n) if k != player else [action] for k, n in enumerate(shape)]
    for prof in np.ndindex(*[len(o) for o in others]):
        full = tuple(o[k] for o, k in zip(others, prof, strict=True))
        for a in range(shape[player]):
            if a == action:
                continue
            deviation = list(full)
            deviation[player] = a
            terms.append(_compare(u[full], u[tuple(deviation)], strict))
    return sympy.And(*terms)


# --------------------------------------------------------------------------------------------
# Mixed equilibria in closed form
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MixedEquilibrium:
    """An equilibrium with given supports in closed form.

    ``strategies[i]`` are sympy expressions (probabilities), ``payoffs[i]`` the expected
    payoffs, and ``condition`` the sympy boolean under which the profile exists and is an
    equilibrium: supports' probabilities positive and no action outside a support better.
    """

    strategies: tuple[tuple[sympy.Expr, ...], ...]
    payoffs: tuple[sympy.Expr, ...]
    supports: tuple[tuple[int, ...], ...]
    condition: sympy.Basic

    def subs(self, **values: Any) -> tuple[tuple[Any, ...], tuple[Any, ...], bool]:
        """Numeric strategies, payoffs and the truth of ``condition`` at parameter values."""
        by_name = {s.name: s for s in self.condition.free_symbols | _free(self.strategies)}
        unknown = sorted(set(values) - set(by_name))
        if unknown:
            raise ValueError(f"unknown parameters {unknown}; known: {sorted(by_name)}")
        mapping = {by_name[k]: v for k, v in values.items()}
        strategies = tuple(tuple(p.subs(mapping) for p in s) for s in self.strategies)
        payoffs = tuple(u.subs(mapping) for u in self.payoffs)
        holds = self.condition.subs(mapping)
        if holds not in (sympy.true, sympy.false):
            raise ValueError(f"the condition is not decided by {values}: {holds}")
        return strategies, payoffs, bool(holds)


def _free(strategies: Sequence[Sequence[sympy.Expr]]) -> set[sympy.Symbol]:
    out: set[sympy.Symbol] = set()
    for s in strategies:
        for p in s:
            out |= sympy.sympify(p).free_symbols
    return out


def mixed_equilibrium(
    game: Game, supports: Sequence[Sequence[int | str]] | None = None
) -> MixedEquilibrium:
    """The equilibrium with the given supports, by the indifference principle.

    With supports ``S_1, S_2`` the column mix ``y`` (zero off ``S_2``) must make the row player
    indifferent on ``S_1``: ``(A y)_i = v_1`` for ``i`` in ``S_1``, ``sum(y) = 1``; likewise for
    ``x``. The result is valid where every probability on a support is positive and no action
    off a support earns more than the support's value. Default supports: all actions (for a 2x2
    game: ``q = (A11 - A01) / (A00 - A01 - A10 + A11)`` for the column player's first action and
    ``p = (B11 - B10) / (B00 - B10 - B01 + B11)`` for the row player's).

    Games with more than two players: see :func:`mixed_equilibria` (the equations are then
    polynomial and may have several solutions); this function returns the only admissible one.

    Raises ValueError when the indifference equations have no unique solution for these supports
    (e.g. unequal support sizes in a nondegenerate game, or a degenerate game).
    """
    sup = _supports(game, supports)
    if game.n_players != 2:
        found = mixed_equilibria(game, sup)
        if len(found) != 1:
            raise ValueError(
                f"the indifference equations for supports {sup} have {len(found)} admissible "
                "solutions; use mixed_equilibria(game, supports) to get all of them"
            )
        return found[0]
    A, B = _symbolic_arrays(game)
    x = _indifferent_mix(B.T, sup[1], sup[0], game.shape[0])  # row mix: column indifferent
    y = _indifferent_mix(A, sup[0], sup[1], game.shape[1])  # column mix: row indifferent
    xv = sympy.Matrix(x)
    yv = sympy.Matrix(y)
    Am = sympy.Matrix(A.tolist())
    Bm = sympy.Matrix(B.tolist())
    row_values = [sympy.simplify(v) for v in Am * yv]
    col_values = [sympy.simplify(v) for v in Bm.T * xv]
    v1 = row_values[sup[0][0]]
    v2 = col_values[sup[1][0]]
    terms = [_compare(p, 0, True) for i, p in enumerate(x) if i in sup[0] and len(sup[0]) > 1]
    terms += [_compare(p, 0, True) for j, p in enumerate(y) if j in sup[1] and len(sup[1]) > 1]
    terms += [_compare(v1, row_values[i], False) for i in range(game.shape[0]) if i not in sup[0]]
    terms += [_compare(v2, col_values[j], False) for j in range(game.shape[1]) if j not in sup[1]]
    denominators = {sympy.denom(sympy.together(p)) for p in (*x, *y)}
    terms += [sympy.Ne(d, 0) for d in denominators if not d.is_number]
    return MixedEquilibrium(
        strategies=(tuple(x), tuple(y)),
        payoffs=(sympy.simplify(v1), sympy.simplify(v2)),
        supports=sup,
        condition=sympy.And(*terms),
    )


def _supports(
    game: Game, supports: Sequence[Sequence[int | str]] | None
) -> tuple[tuple[int, ...], ...]:
    if not isinstance(game, Game):
        raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
    if supports is None:
        supports = [range(n) for n in game.shape]
    if isinstance(supports, str) or len(supports) != game.n_players:
        raise ValueError(f"give one support per player ({game.n_players} supports)")
    sup = tuple(tuple(sorted({game.action_index(i, a) for a in s})) for i, s in enumerate(supports))
    if any(len(s) == 0 for s in sup):
        raise ValueError("supports must be non-empty")
    return sup


def mixed_equilibria(
    game: Game, supports: Sequence[Sequence[int | str]] | None = None
) -> list[MixedEquilibrium]:
    """All equilibria of an N-player game with the given supports, in closed form.

    Player ``i`` mixes ``x_i`` over its support ``S_i`` (zero elsewhere). The indifference
    principle (Nash 1951; McKelvey & McLennan 1996, "Computation of equilibria in finite
    games", Sec. 5) asks, for every player ``i``::

        sum_{s_-i} u_i(a, s_-i) prod_{j != i} x_j(s_j) = v_i   for all a in S_i,
        sum_{a in S_i} x_i(a) = 1,

    a system of polynomial (multilinear) equations in the probabilities, solved exactly by
    :func:`sympy.solve`. Each isolated solution becomes a :class:`MixedEquilibrium` whose
    ``condition`` asks the support probabilities to be positive, no action off a support to earn
    more than ``v_i``, the denominators to be nonzero and the square roots to be real. Solutions
    whose condition is ``False`` (e.g. complex or negative probabilities of a numeric game) are
    left out. With two players the equations are linear and there is at most one isolated
    solution (:func:`mixed_equilibrium`). A continuum of solutions (the equations do not
    determine every probability) raises ValueError: such supports carry no isolated
    equilibrium.
    """
    sup = _supports(game, supports)
    arrays = _symbolic_arrays(game)
    n = game.n_players
    probs = [
        [sympy.Integer(1)] if len(s) == 1 else list(sympy.symbols(f"_x{i}_0:{len(s)}", real=True))
        for i, s in enumerate(sup)
    ]
    unknowns = [p for ps in probs for p in ps if isinstance(p, sympy.Symbol)]
    full = []
    for i, s in enumerate(sup):
        vec = [sympy.Integer(0)] * game.shape[i]
        for a, p in zip(s, probs[i], strict=True):
            vec[a] = p
        full.append(vec)

    def action_value(i: int, a: int) -> sympy.Expr:
        total = sympy.Integer(0)
        others = [sup[j] if j != i else (a,) for j in range(n)]
        for profile in product(*others):
            weight = sympy.Mul(*(full[j][profile[j]] for j in range(n) if j != i))
            total += arrays[i][profile] * weight
        return sympy.expand(total)

    values = [[action_value(i, a) for a in range(game.shape[i])] for i in range(n)]
    equations = []
    for i, s in enumerate(sup):
        equations += [values[i][a] - values[i][s[0]] for a in s[1:]]
        if len(s) > 1:
            equations.append(sum(probs[i]) - 1)
    solutions = sympy.solve(equations, unknowns, dict=True) if unknowns else [{}]
    if equations and not unknowns and any(sympy.simplify(e) != 0 for e in equations):
        solutions = []
    out = []
    for solution in solutions:
        if any(p not in solution for p in unknowns):
            raise ValueError(
                f"the indifference equations for supports {sup} have a continuum of solutions "
                "(no isolated equilibrium with these supports)"
            )
        strategies = tuple(
            tuple(sympy.simplify(sympy.sympify(p).subs(solution)) for p in vec) for vec in full
        )
        payoffs = tuple(sympy.simplify(values[i][sup[i][0]].subs(solution)) for i in range(n))
        terms = []
        for i, s in enumerate(sup):
            if len(s) > 1:
                terms += [_compare(strategies[i][a], 0, True) for a in s]
            for a in range(game.shape[i]):
                if a not in s:
                    other = sympy.simplify(values[i][a].subs(solution))
                    terms.append(_compare(payoffs[i], other, False))
        exprs = [p for vec in strategies for p in vec]
        for d in {sympy.denom(sympy.together(p)) for p in exprs}:
            if not d.is_number:
                terms.append(sympy.Ne(d, 0))
        for e in exprs:
            for power in e.atoms(sympy.Pow):
                if power.exp.is_Rational and not power.exp.is_integer and power.exp.q % 2 == 0:
                    terms.append(_compare(power.base, 0, False))
        if any(p.is_real is False for p in exprs):
            continue
        condition = sympy.And(*terms)
        if condition is sympy.false:
            continue
        out.append(MixedEquilibrium(strategies, payoffs, sup, condition))
    return out


def _indifferent_mix(
    M: np.ndarray, indifferent: Sequence[int], support: Sequence[int], size: int
) -> list[sympy.Expr]:
    """Probabilities on ``support`` making rows ``indifferent`` of ``M`` equal (sum to one)."""
    probs = sympy.symbols(f"_p0:{len(support)}")
    value = sympy.Symbol("_v")
    equations = [
        sum(M[i, j] * p for j, p in zip(support, probs, strict=True)) - value for i in indifferent
    ]
    equations.append(sum(probs) - 1)
    solutions = sympy.solve(equations, [*probs, value], dict=True)
    if len(solutions) != 1 or any(s not in solutions[0] for s in probs):
        raise ValueError(
            f"the indifference equations for supports {tuple(indifferent)} / {tuple(support)} "
            "have no unique solution"
        )
    out = [sympy.Integer(0)] * size
    for j, p in zip(support, probs, strict=True):
        out[j] = sympy.simplify(solutions[0][p])
    return out


# --------------------------------------------------------------------------------------------
# Thresholds and comparative statics
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Threshold:
    """A condition solved for one parameter: ``lower <(=) symbol <(=) upper``.

    ``lower``/``upper`` are sympy expressions (``-oo``/``oo`` when unbounded, ``Max``/``Min`` of
    several bounds); ``lower_strict``/``upper_strict`` say whether the bound is excluded, and are
    ``None`` when that depends on the parameters (a strict and a weak bound whose order is not
    decided, e.g. ``t > a`` and ``t >= b``). ``lower_bounds``/``upper_bounds`` keep every
    individual bound with its strictness. ``condition`` is the same set as a sympy boolean.
    """

    symbol: sympy.Symbol
    lower: sympy.Expr
    upper: sympy.Expr
    lower_strict: bool | None
    upper_strict: bool | None
    lower_bounds: tuple[tuple[sympy.Expr, bool], ...] = ()
    upper_bounds: tuple[tuple[sympy.Expr, bool], ...] = ()

    @property
    def condition(self) -> sympy.Basic:
        x = self.symbol
        if self.lower_strict is None:
            lo = sympy.And(*((x > b) if st else (x >= b) for b, st in self.lower_bounds))
        elif self.lower == -sympy.oo:
            lo = sympy.true
        else:
            lo = (x > self.lower) if self.lower_strict else (x >= self.lower)
        if self.upper_strict is None:
            hi = sympy.And(*((x < b) if st else (x <= b) for b, st in self.upper_bounds))
        elif self.upper == sympy.oo:
            hi = sympy.true
        else:
            hi = (x < self.upper) if self.upper_strict else (x <= self.upper)
        return sympy.And(lo, hi)


def threshold(condition: Any, symbol: sympy.Symbol) -> Threshold:
    """Solve ``condition`` (a conjunction of inequalities) for ``symbol``.

    Each inequality must be linear in ``symbol``: ``a * symbol + b >= 0`` (or ``>``) with the
    sign of ``a`` decided by the other symbols' assumptions; it gives ``symbol >= -b / a`` for
    ``a > 0`` and ``symbol <= -b / a`` for ``a < 0``. The bounds are combined with ``Max`` and
    ``Min``. An inequality without ``symbol`` cannot be solved for it and raises ValueError, as
    does a condition that is ``False`` or an unknown sign of ``a``.
    """
    if not isinstance(symbol, sympy.Symbol):
        raise TypeError(f"symbol must be a sympy Symbol, got {symbol!r}")
    condition = sympy.sympify(condition)
    if condition is sympy.false:
        raise ValueError("the condition is never satisfied (it is False)")
    if condition is sympy.true:
        return Threshold(symbol, -sympy.oo, sympy.oo, False, False)
    if symbol not in condition.free_symbols:
        raise ValueError(f"{symbol} does not appear in the condition {condition}")
    parts = condition.args if isinstance(condition, sympy.And) else (condition,)
    lowers: list[tuple[sympy.Expr, bool]] = []
    uppers: list[tuple[sympy.Expr, bool]] = []
    for part in parts:
        if not isinstance(part, sympy.core.relational.Relational) or isinstance(
            part, sympy.Eq | sympy.Ne
        ):
            raise ValueError(f"cannot solve {part} for {symbol}: not an inequality")
        strict = isinstance(part, sympy.StrictGreaterThan | sympy.StrictLessThan)
        expr = (
            part.lhs - part.rhs
            if isinstance(part, sympy.GreaterThan | sympy.StrictGreaterThan)
            else part.rhs - part.lhs
        )
        if symbol not in expr.free_symbols:
            raise ValueError(f"the inequality {part} does not involve {symbol}")
        try:
            poly = sympy.Poly(sympy.expand(expr), symbol)
        except sympy.PolynomialError:
            raise ValueError(f"the inequality {part} is not linear in {symbol}") from None
        if poly.degree() != 1:
            raise ValueError(f"the inequality {part} is not linear in {symbol}")
        a, b = poly.all_coeffs()
        bound = sympy.simplify(-b / a)
        if a.is_positive:
            lowers.append((bound, strict))
        elif a.is_negative:
            uppers.append((bound, strict))
        else:
            raise ValueError(
                f"the sign of the coefficient {a} of {symbol} in {part} is unknown; declare "
                "the symbols' signs (e.g. positive=True)"
            )
    lower, lower_strict = _combine(lowers, sympy.Max, -sympy.oo)
    upper, upper_strict = _combine(uppers, sympy.Min, sympy.oo)
    if (
        lower.is_number
        and upper.is_number
        and (lower > upper or (lower == upper and (lower_strict or upper_strict)))
    ):
        raise ValueError(f"no value of {symbol} satisfies the condition ({lower} vs {upper})")
    return Threshold(symbol, lower, upper, lower_strict, upper_strict, tuple(lowers), tuple(uppers))


def _combine(
    bounds: list[tuple[sympy.Expr, bool]], pick: Any, default: sympy.Expr
) -> tuple[sympy.Expr, bool | None]:
    """The binding bound (``Max`` of lower / ``Min`` of upper bounds) and its strictness.

    The strictness is that of the bounds equal to the binding one (strict if any of them is);
    when the bounds mix strict and weak and their order is not decided, it is ``None``.
    """
    if not bounds:
        return default, False
    value = sympy.simplify(pick(*(b for b, _ in bounds)))
    flags = {s for _, s in bounds}
    if len(flags) == 1:
        return value, flags.pop()
    binding = [s for b, s in bounds if sympy.simplify(b - value) == 0]
    if not binding:
        return value, None
    return value, any(binding)


@dataclass(frozen=True)
class Statics:
    """Comparative statics of an expression with respect to one parameter."""

    symbol: sympy.Symbol
    derivative: sympy.Expr
    sign: str  # "positive", "negative", "zero", "nonnegative", "nonpositive" or "ambiguous"
    elasticity: sympy.Expr  # (d expr / d symbol) * symbol / expr


def comparative_statics(expr: Any, wrt: Sequence[sympy.Symbol]) -> dict[sympy.Symbol, Statics]:
    """Derivatives of ``expr`` with respect to each symbol in ``wrt``, their signs under the
    symbols' assumptions, and the elasticities ``(d expr / d x) * x / expr``."""
    expr = sympy.sympify(expr)
    if isinstance(wrt, sympy.Symbol):
        wrt = [wrt]
    out = {}
    for x in wrt:
        if not isinstance(x, sympy.Symbol):
            raise TypeError(f"wrt must contain sympy Symbols, got {x!r}")
        d = sympy.simplify(sympy.diff(expr, x))
        if d.is_zero:
            sign = "zero"
        elif d.is_positive:
            sign = "positive"
        elif d.is_negative:
            sign = "negative"
        elif d.is_nonnegative:
            sign = "nonnegative"
        elif d.is_nonpositive:
            sign = "nonpositive"
        else:
            sign = "ambiguous"
        elasticity = sympy.simplify(d * x / expr) if expr != 0 else sympy.nan
        out[x] = Statics(x, d, sign, elasticity)
    return out


# --------------------------------------------------------------------------------------------
# Regions of parameter space
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    """A full-dimensional piece of parameter space with one equilibrium structure.

    ``condition`` is a conjunction of inequalities in the parameters; ``equilibria`` names the
    equilibria that exist everywhere inside (pure profiles as action labels, ``"mixed"`` for the
    interior mixed equilibrium of a 2x2 game); ``witness`` is a rational point inside the region
    at which the condition was checked exactly.
    """

    condition: sympy.Basic
    equilibria: tuple[str, ...]
    witness: dict[str, sympy.Rational]


class Regions(list):
    """The list of :class:`Region` returned by :func:`regions`, printable as a table or LaTeX."""

    def __init__(
        self,
        items: Sequence[Region],
        parameters: Sequence[sympy.Symbol],
        complete: bool = True,
    ) -> None:
        super().__init__(items)
        self.parameters = tuple(parameters)
        #: False when the regions were found by sampling (some may be missing).
        self.complete = complete

    def to_dataframe(self) -> Any:
        import pandas as pd

        return pd.DataFrame(
            {
                "condition": [str(r.condition) for r in self],
                "equilibria": [", ".join(r.equilibria) or "none" for r in self],
                "witness": [", ".join(f"{k}={v}" for k, v in r.witness.items()) for r in self],
            }
        )

    def to_latex(self) -> str:
        rows = [
            f"${sympy.latex(r.condition)}$ & {', '.join(r.equilibria) or 'none'} \\\\" for r in self
        ]
        return "\n".join(
            [
                "\\begin{tabular}{ll}",
                "condition & equilibria \\\\",
                "\\hline",
                *rows,
                "\\end{tabular}",
            ]
        )

    def __str__(self) -> str:
        return self.to_dataframe().to_string(index=False)


def condition_atoms(condition: sympy.Basic) -> list[sympy.Expr]:
    """The expressions ``e`` of the inequalities ``e > 0`` / ``e >= 0`` inside a condition
    (the curves ``e = 0`` bound the region where the condition holds)."""
    if condition in (sympy.true, sympy.false):
        return []
    if isinstance(condition, sympy.And | sympy.Or):
        return [a for arg in condition.args for a in condition_atoms(arg)]
    if isinstance(condition, sympy.Ne):
        return []
    if isinstance(condition, sympy.core.relational.Relational):
        return [sympy.simplify(condition.lhs - condition.rhs)]
    raise ValueError(f"unexpected condition {condition}")


def regions(
    game: Game,
    over: Sequence[sympy.Symbol] | None = None,
    *,
    box: Mapping[str, tuple[float, float]] | None = None,
    samples: int = 20_000,
    seed: int = 0,
) -> Regions:
    """Partition parameter space into regions of constant equilibrium structure.

    Covers the pure equilibria of any finite game and, for 2x2 games, also the interior mixed
    equilibrium. Every pure profile's Nash condition and the mixed equilibrium's existence
    condition are made of inequalities ``e_k(theta) >= 0``; a region is a sign pattern of the
    distinct ``e_k`` (each strictly positive or strictly negative) that is non-empty, reported
    with a rational witness point at which every sign was verified exactly. Boundaries (some
    ``e_k = 0``, of lower dimension) are not listed. Symbols declared positive / nonnegative /
    negative restrict the search accordingly. Three methods, chosen automatically:

    * **one parameter**, ``e_k`` rational functions of it (affine or not): the real roots of
      their numerators
      and denominators (exact, sympy's real-root isolation) cut the line into open intervals;
      each interval's sign pattern is evaluated exactly at a rational point inside it, and
      intervals with the same pattern form one region. Complete (``Regions.complete``).
    * **affine** ``e_k`` (payoffs affine in the parameters), two or more parameters: a sign
      pattern is a polyhedron; the arrangement of the hyperplanes ``e_k = 0`` is searched depth
      first, extending a prefix of signs only while its polyhedron has an interior point (HiGHS
      linear programs maximising the smallest margin), and each region's maximal-margin point
      is rationalised and verified exactly. Complete; at most :data:`MAX_REGION_ATOMS`
      inequalities.
    * otherwise (several parameters and non-affine ``e_k``): the sign patterns found at
      ``samples`` random points of ``box`` (default: each parameter in ``[-10, 10]``,
      restricted by its sign assumption), each verified exactly at a rational point. A region
      thinner than the sampling misses may be absent: ``Regions.complete`` is False and a
      warning says so.
    """
    from scipy.optimize import linprog

    if not isinstance(game, Game):
        raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
    if isinstance(over, sympy.Symbol | str):
        over = [over]
    by_name = {p.name: p for p in game.parameters}
    params = (
        tuple(by_name.get(p, p) if isinstance(p, str) else p for p in over)
        if over is not None
        else game.parameters
    )
    if not params:
        raise ValueError("the game has no parameters: nothing to partition")
    unknown = [p for p in params if p not in game.parameters]
    if unknown:
        raise ValueError(
            f"unknown parameters {unknown}; the game's parameters are {game.parameters}"
        )
    if set(game.parameters) - set(params):
        raise ValueError("`over` must list every parameter of the game (bind the others with subs)")
    conditions = {}
    for profile in np.ndindex(game.shape):
        name = "(" + ",".join(game.actions[i][a] for i, a in enumerate(profile)) + ")"
        conditions[name] = equilibrium_conditions(game, profile)
    atoms: list[sympy.Expr] = []
    for cond in conditions.values():
        for a in condition_atoms(cond):
            if a.free_symbols and not any(sympy.simplify(a - b) == 0 for b in atoms):
                atoms.append(a)
    if game.shape == (2, 2):
        # interior mixed equilibrium: q = (A11 - A01) / ((A00 - A10) + (A11 - A01)) lies in
        # (0, 1) iff A00 - A10 and A11 - A01 have the same strict sign; likewise for p with
        # B00 - B01 and B11 - B10. These differences are atoms of the pure conditions already,
        # so the mixed equilibrium's presence is constant on every region.
        A, B = _symbolic_arrays(game)
        conditions["mixed"] = sympy.And(
            (A[0, 0] - A[1, 0]) * (A[1, 1] - A[0, 1]) > 0,
            (B[0, 0] - B[0, 1]) * (B[1, 1] - B[1, 0]) > 0,
        )
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
        raise ValueError(f"samples must be a positive integer, got {samples!r}")

    def region(signs: Sequence[int], point: dict[sympy.Symbol, sympy.Rational]) -> Region:
        present = tuple(name for name, cond in conditions.items() if bool(cond.subs(point)))
        condition = sympy.And(
            *(a > 0 if s_ > 0 else a < 0 for s_, a in zip(signs, atoms, strict=True))
        )
        return Region(condition, present, {p.name: v for p, v in point.items()})

    if not atoms:
        point = {p: _inside_domain(p) for p in params}
        return Regions([region((), point)], params)
    if len(params) == 1:
        return Regions([region(sg, pt) for sg, pt in _line_patterns(atoms, params[0])], params)
    coef = _affine_coefficients(atoms, params)
    if coef is not None:
        if len(atoms) > MAX_REGION_ATOMS:
            raise ValueError(
                f"{len(atoms)} distinct inequalities in {len(params)} parameters: too many for "
                f"the arrangement search (at most {MAX_REGION_ATOMS}); fix some parameters with "
                "game.subs first"
            )
        out = [region(sg, pt) for sg, pt in _affine_patterns(atoms, params, coef, linprog)]
        return Regions(out, params)
    found = _sampled_patterns(atoms, params, box, samples, seed)
    import warnings

    warnings.warn(
        "regions: the inequalities are not affine in the parameters, so the regions were found "
        f"by sampling {samples} points (each verified exactly); thin regions may be missing",
        stacklevel=2,
    )
    return Regions([region(sg, pt) for sg, pt in found], params, complete=False)


def _inside_domain(p: sympy.Symbol) -> sympy.Integer:
    if p.is_positive or p.is_nonnegative:
        return sympy.Integer(1)
    if p.is_negative or p.is_nonpositive:
        return sympy.Integer(-1)
    return sympy.Integer(0)


def _in_domain(p: sympy.Symbol, v: Any) -> bool:
    return not (
        (p.is_positive and v <= 0)
        or (p.is_nonnegative and v < 0)
        or (p.is_negative and v >= 0)
        or (p.is_nonpositive and v > 0)
    )


def _signs_at(atoms: Sequence[sympy.Expr], point: Mapping[sympy.Symbol, Any]) -> tuple[int, ...]:
    """Exact signs of the atoms at a rational point (0 when an atom vanishes or is undefined)."""
    out = []
    for a in atoms:
        v = sympy.sympify(a.subs(point))
        if v.is_zero or not v.is_real or v.has(sympy.zoo, sympy.nan):
            out.append(0)
        else:
            out.append(1 if v.is_positive else -1)
    return tuple(out)


def _affine_coefficients(
    atoms: Sequence[sympy.Expr], params: Sequence[sympy.Symbol]
) -> np.ndarray | None:
    """``(k, n + 1)`` float coefficients ``[a_k | b_k]`` of affine atoms, else None."""
    rows = []
    for a in atoms:
        try:
            poly = sympy.Poly(sympy.expand(a), *params)
        except sympy.PolynomialError:
            return None
        if poly.total_degree() > 1 or any(c.free_symbols for c in poly.coeffs()):
            return None
        rows.append(
            [float(poly.coeff_monomial(p)) for p in params] + [float(poly.coeff_monomial(1))]
        )
    return np.array(rows).reshape(len(atoms), len(params) + 1)


def _rational_candidates(x: np.ndarray) -> Iterator[list[sympy.Rational]]:
    """Rational points near ``x``, simplest first (small denominators, then finer roundings)."""

    def limited(limit: int) -> list[sympy.Rational]:
        return [
            sympy.Rational(*Fraction(float(v)).limit_denominator(limit).as_integer_ratio())
            for v in x
        ]

    for limit in (1, 10, 100, 1000):
        yield limited(limit)
    for digits in (6, 9, 12, 15):
        yield [sympy.Rational(str(round(float(v), digits))) for v in x]
    for limit in (10**6, 10**9, 10**12):
        yield limited(limit)
    yield [sympy.Rational(*Fraction(float(v)).as_integer_ratio()) for v in x]


def _affine_patterns(
    atoms: Sequence[sympy.Expr],
    params: Sequence[sympy.Symbol],
    coef: np.ndarray,
    linprog: Any,
) -> list[tuple[tuple[int, ...], dict[sympy.Symbol, sympy.Rational]]]:
    """The non-empty sign patterns of affine atoms, by depth-first search over the arrangement.

    A prefix of signs is extended only while its polyhedron has an interior point (a linear
    program maximising the smallest margin ``t``); a sign that the parent's interior point
    already satisfies with a margin needs no linear program. The number of programs grows with
    the number of regions (at most ``sum_{i <= d} C(k, i)`` for ``k`` atoms in ``d``
    parameters), not with ``2**k``. Each region's witness is the maximal-margin point of its
    full pattern, rationalised and verified exactly.
    """
    d = len(params)
    bounds = []
    for p in params:
        lo = 0.0 if (p.is_positive or p.is_nonnegative) else None
        hi = 0.0 if (p.is_negative or p.is_nonpositive) else None
        bounds.append((lo, hi))
    # strictly signed symbols: +-theta_j >= t keeps the witness away from zero
    strict_rows = []
    for j, p in enumerate(params):
        if p.is_positive or p.is_negative:
            row = np.zeros(d + 1)
            row[j] = -1.0 if p.is_positive else 1.0
            row[-1] = 1.0
            strict_rows.append(row)

    def interior(signs: Sequence[int]) -> np.ndarray | None:
        """Max-margin point of the pattern on the first ``len(signs)`` atoms, or None."""
        k = len(signs)
        sg = np.array(signs, dtype=float)[:, None]
        a_ub = np.hstack([-(sg * coef[:k, :-1]), np.ones((k, 1))]) if k else np.zeros((0, d + 1))
        b_ub = sg[:, 0] * coef[:k, -1] if k else np.zeros(0)
        if strict_rows:
            a_ub = np.vstack([a_ub, *strict_rows])
            b_ub = np.r_[b_ub, np.zeros(len(strict_rows))]
        res = linprog(
            np.r_[np.zeros(d), -1.0],
            A_ub=a_ub if len(b_ub) else None,
            b_ub=b_ub if len(b_ub) else None,
            bounds=[*bounds, (None, 1.0)],
            method="highs",
        )
        if res.status != 0 or -res.fun <= 1e-9:
            return None  # empty or (numerically) without interior
        return np.asarray(res.x[:-1], dtype=float)

    out = []

    def extend(signs: list[int], point: np.ndarray) -> None:
        k = len(signs)
        if k == len(atoms):
            best = interior(signs)
            if best is None:  # pragma: no cover - the parent had an interior point
                return
            for values in _rational_candidates(best):
                witness = dict(zip(params, values, strict=True))
                if all(_in_domain(p, v) for p, v in witness.items()) and _signs_at(
                    atoms, witness
                ) == tuple(signs):
                    out.append((tuple(signs), witness))
                    return
            raise RuntimeError(
                f"regions: HiGHS found an interior point {best} of the sign pattern {signs} "
                "but no rational point near it passed the exact check; please report"
            )
        value = float(coef[k, :-1] @ point + coef[k, -1])
        for sign in (1, -1):
            if sign * value > 1e-9:
                extend([*signs, sign], point)  # the parent's point already lies inside
                continue
            child = interior([*signs, sign])
            if child is not None:
                extend([*signs, sign], child)

    root = interior([])
    if root is not None:
        extend([], root)
    return out


def _line_patterns(
    atoms: Sequence[sympy.Expr], p: sympy.Symbol
) -> list[tuple[tuple[int, ...], dict[sympy.Symbol, sympy.Rational]]]:
    """Exact decomposition of the real line (or half-line) by the atoms' real roots."""
    cuts: set[sympy.Expr] = set()
    for a in atoms:
        num, den = sympy.fraction(sympy.together(a))
        for part in (num, den):
            try:
                poly = sympy.Poly(part, p)
            except sympy.PolynomialError:
                raise ValueError(
                    f"regions needs inequalities that are rational functions of {p}; got {a} >= 0"
                ) from None
            if any(c.free_symbols for c in poly.coeffs()):
                raise ValueError(f"unexpected symbols in {a}")
            if poly.degree() > 0:
                cuts |= set(sympy.real_roots(poly))
    lo = 0 if (p.is_positive or p.is_nonnegative) else None
    hi = 0 if (p.is_negative or p.is_nonpositive) else None
    points = sorted(
        (c for c in cuts if (lo is None or c > lo) and (hi is None or c < hi)),
        key=lambda c: sympy.N(c, 50),
    )
    edges: list[Any] = [lo, *points, hi]
    by_signs: dict[tuple[int, ...], dict[sympy.Symbol, sympy.Rational]] = {}
    for left, right in pairwise(edges):
        w = _rational_between(left, right)
        signs = _signs_at(atoms, {p: w})
        if 0 in signs:
            raise RuntimeError(f"regions: witness {w} lies on a boundary; please report")
        by_signs.setdefault(signs, {p: w})
    return list(by_signs.items())


def _rational_between(left: Any, right: Any) -> sympy.Rational:
    """A simple rational strictly between two real algebraic numbers (None = unbounded)."""
    if left is None and right is None:
        return sympy.Integer(0)
    if left is None:
        return sympy.floor(right) - 1
    if right is None:
        return sympy.floor(left) + 1
    gap = sympy.N(right - left, 30)
    for k in range(0, 200):
        denominator = sympy.Integer(2) ** k
        w = (sympy.floor(sympy.N(left, 60 + k) * denominator) + 1) / denominator
        if bool(w > left) and bool(w < right):
            return sympy.Rational(w)
    raise RuntimeError(f"regions: no rational found between {left} and {right} (gap {gap})")


def _sampled_patterns(
    atoms: Sequence[sympy.Expr],
    params: Sequence[sympy.Symbol],
    box: Mapping[str, tuple[float, float]] | None,
    samples: int,
    seed: int,
) -> list[tuple[tuple[int, ...], dict[sympy.Symbol, sympy.Rational]]]:
    box = dict(box or {})
    unknown = sorted(set(box) - {p.name for p in params})
    if unknown:
        raise ValueError(f"box names unknown parameters {unknown}")
    rng = np.random.default_rng(seed)
    columns = []
    for p in params:
        lo, hi = box.get(p.name, (-10.0, 10.0))
        if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
            raise ValueError(f"box for {p.name} must be (low, high) with low < high, finite")
        if p.is_positive or p.is_nonnegative:
            lo = max(lo, 0.0)
        if p.is_negative or p.is_nonpositive:
            hi = min(hi, 0.0)
        if not lo < hi:
            raise ValueError(f"box for {p.name} lies outside its sign assumption")
        columns.append(rng.uniform(lo, hi, samples))
    grid = np.stack(columns)
    with np.errstate(all="ignore"):
        values = np.array(
            [np.broadcast_to(sympy.lambdify(params, a, "numpy")(*grid), (samples,)) for a in atoms]
        )
    ok = np.all(np.isfinite(values) & (np.abs(values) > 1e-9), axis=0)
    patterns = np.sign(values[:, ok]).astype(int).T
    points = grid[:, ok].T
    out = []
    seen: set[tuple[int, ...]] = set()
    for signs, x in zip(map(tuple, patterns), points, strict=True):
        if signs in seen:
            continue
        for candidate in _rational_candidates(x):
            point = dict(zip(params, candidate, strict=True))
            if all(_in_domain(p, v) for p, v in point.items()) and _signs_at(atoms, point) == signs:
                seen.add(signs)
                out.append((signs, point))
                break
    return sorted(out, key=lambda item: tuple(-s for s in item[0]))
