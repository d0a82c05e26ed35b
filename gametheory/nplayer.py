"""Exact support enumeration for N-player normal-form games.

A mixed profile ``x = (x_1, ..., x_N)`` with supports ``S_i = {a : x_i(a) > 0}`` is a Nash
equilibrium iff, for every player ``i`` (Nash 1951; McKelvey & McLennan 1996, "Computation of
equilibria in finite games", *Handbook of Computational Economics* I, §5)::

    u_i(a, x_-i) = v_i            for every a in S_i      (indifference on the support)
    u_i(b, x_-i) <= v_i           for every b not in S_i  (no profitable deviation)
    sum_{a in S_i} x_i(a) = 1,    x_i(a) > 0 on S_i,

where ``u_i(a, x_-i) = sum_{s_-i} u_i(a, s_-i) prod_{j != i} x_j(s_j)`` is multilinear in the
other players' probabilities. :func:`support_enumeration` visits every support profile
``(S_1, ..., S_N)`` and solves the equalities exactly, as a system of polynomial equations over the
rationals (Datta 2010, "Finding all Nash equilibria of a finite game using polynomial algebra",
*Economic Theory* 42: 55-96):

1. Strictly dominated actions (by pure actions) are removed iteratively; the equilibria of the
   reduced game are exactly those of the original game, with probability 0 on removed actions
   (Osborne & Rubinstein 1994, §4.2).
2. Support profiles are visited by increasing total size. A profile is skipped when some
   ``a in S_i`` is *conditionally weakly dominated* given the others' supports: some action ``b``
   of player ``i`` has ``u_i(b, s_-i) >= u_i(a, s_-i)`` for all ``s_-i in S_-i``, with ``>`` for at
   least one. Every ``s_-i in S_-i`` has positive probability ``prod_j x_j(s_j)``, so ``b`` then
   earns strictly more than ``a`` and ``a`` cannot be in the support (Porter, Nudelman & Shoham
   2008, "Simple search methods for finding a Nash equilibrium", *Games and Economic Behavior* 63:
   642-662). The test is exact.
3. With one probability per player eliminated by ``sum x_i = 1``, the ``sum_i (|S_i| - 1)``
   indifference equations in as many unknowns are solved exactly. Zero-dimensional systems
   (finitely many solutions: every random game's, most profiles of degenerate games) are solved
   in compiled code by :mod:`gametheory.polynomial_systems` (FLINT: a grevlex Groebner basis
   over the integers, the multiplication matrices of the quotient algebra, and a shape form
   ``{x_k - g_k(t), f(t)}`` for a random linear form ``t`` from a Krylov basis; Rouillier 1999).
   The reference implementation in sympy, kept for positive-dimensional systems (continua) and
   selected for every system by :data:`ENGINE` = ``"sympy"``, computes a Groebner basis
   (Buchberger; grevlex, then FGLM to lex; Cox, Little & O'Shea, *Ideals, Varieties, and
   Algorithms*, ch. 2-3) and brings the lex basis to *shape form* (the shape lemma; a random
   linear form ``t = sum c_k x_k`` is used when the last unknown does not separate the
   solutions, after making the ideal radical by Seidenberg's lemma). Either way every real
   root ``t0`` of every irreducible factor ``p`` of ``f`` is one candidate point, with
   coordinates ``g_k(t0)``; both give the same exact numbers (tested on random, tie-heavy and
   float games).
4. The candidate is kept iff every support probability is ``> 0`` and every off-support deviation
   gain ``u_i(b, x_-i) - v_i`` is ``<= 0``. These are signs of numbers ``h(t0)`` with ``h`` in
   ``Q[t]`` reduced modulo ``p``; since ``p`` is irreducible and ``deg h < deg p``, ``h(t0) = 0``
   iff ``h`` is the zero polynomial, and a nonzero sign is read off an exact rational interval
   evaluation of ``h`` on an isolating interval of ``t0``, refined until the interval excludes 0.
   All decisions are therefore exact; no floating tolerance is involved. (The one numeric
   step: results are sorted and merged by a key of the probabilities rounded to
   :data:`KEY_DIGITS` = 40 decimals, computed rigorously; two equilibria would have to agree to
   40 decimals in every probability to be merged.)

Output numbers are sympy ``Rational`` when rational; otherwise each probability and payoff is
written through its own minimal polynomial ``q`` over the rationals: ``a + b*sqrt(d)`` when
``deg q = 2``, else ``CRootOf(q(x), k)`` (the ``k``-th real root of ``q``).

Positive-dimensional solution sets (continua, which occur in degenerate games, e.g. through
payoff ties) are handled as follows. For systems with at most :data:`SATURATION_MAX_UNKNOWNS`
unknowns, components inside ``{some support probability = 0}`` are first removed by saturation
(Rabinowitsch's trick). If a continuum remains and the solution set is an affine subspace,
an exact linear program (maximise ``s`` subject to every support probability ``>= s``, every
deviation gain that is linear on the subspace ``<= 0``, ``s <= 1``; Fraction simplex) decides:
if ``s* <= 0`` the profile carries no equilibrium and is done; otherwise the LP optimum is
recorded as an exact representative equilibrium. Every profile whose continuum
contains, or may contain, equilibria is listed in ``continua`` and makes ``complete`` False.
Representatives are then added: (a) the points where off-support actions become best responses
too, found by solving the system with extra equalities ``u_i(b, x_-i) = v_i`` (for a polytope
these are its vertices with the same support; vertices with more zeros belong to smaller
support profiles); (b) for nonlinear continua, points found by fixing free unknowns at the
rationals in :data:`SAMPLE_VALUES`. All representatives pass the same exact checks. Profiles for
which the vertices are not known to be all listed are also in ``unresolved``. Isolated
equilibria that share a support profile with a continuum are not guaranteed to be found (the
profile is in ``continua``, so ``complete`` is False).

Performance (measured on a shared 2-core machine, int payoffs in -5..5, the FLINT engine,
medians, benchmarks/RESULTS.md): 2x2x2 0.002 s; 2x2x3 0.01 s; 2x2x2x2 0.035 s; 3x3x3 0.09 s
(1.4 s with the sympy engine); Gambit's ``3x3x3.nfg`` 0.5 s (14.9 s). Games with
continua spend most of their time in the sympy treatment of the continua. Out of reach: Gambit's
``5x4x3.nfg`` (the systems with supports of sizes 3, 4, 3 take 17 s each: the integer Groebner
basis has 1400-bit coefficients) and ``2x2x2x2x2.nfg`` (the full-support system of five quartic
equations does not finish); ``isolate=True`` with a ``timeout`` bounds the time and keeps the
equilibria found until then.

Float games are solved on the exact rational values of their floats (as elsewhere in the
toolkit); symbolic games are refused.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from itertools import combinations, product
from typing import Any

import numpy as np
import sympy

from . import polynomial_systems
from .game import Game
from .properties import _exact_lp

__all__ = ["NPlayerResult", "as_float", "support_enumeration"]

Profile = tuple[tuple[sympy.Expr, ...], ...]
Supports = tuple[tuple[int, ...], ...]

#: Digits of the decimal key used to sort the equilibria and to merge duplicates found twice
#: (only possible for representatives of continua; isolated equilibria are found exactly once).
KEY_DIGITS = 40

#: Number of systems with extra equalities tried per continuum to find representatives.
MAX_REPRESENTATIVE_SYSTEMS = 64

#: Saturation (removing solution components on which a support probability vanishes) is tried
#: only for systems with at most this many unknowns: with more it can take minutes (a 3x3x3
#: full-support system took 270 s), and on 250 random games it never changed a verdict.
SATURATION_MAX_UNKNOWNS = 3

#: The solver of the zero-dimensional systems: ``"flint"`` (compiled, see
#: :mod:`gametheory.polynomial_systems`; positive-dimensional systems still go to sympy) or
#: ``"sympy"`` (the reference implementation, kept for cross-checks).
ENGINE = "flint"

_T = sympy.Dummy("t")
_Y = sympy.Dummy("y")
_X = sympy.Symbol("x")  # the variable shown in CRootOf(q(x), k)
_Z = sympy.Dummy("z")


@dataclass(frozen=True)
class NPlayerResult:
    """Result of :func:`support_enumeration`.

    ``equilibria[k][i][a]`` is the probability that player ``i`` plays action ``a`` in the
    ``k``-th equilibrium (an exact sympy number: ``Rational``, a radical, or a polynomial in a
    ``CRootOf``), and ``payoffs[k][i]`` is player ``i``'s expected payoff there.

    ``complete`` is True when the list is the whole equilibrium set: no support profile had a
    positive-dimensional solution set that may contain equilibria, and neither ``timeout`` nor
    ``max_supports`` stopped the search (``timed_out``).

    ``continua`` lists the support profiles (action indices of the original game, per player)
    whose solution sets are positive-dimensional and contain, or may contain, a continuum of
    equilibria; for each, the equilibria list holds the representatives found (see the module
    notes). ``unresolved`` is the part of ``continua`` for which the representatives are not
    known to include every vertex of the continuum (a nonlinear continuum, or the search for
    representatives was cut short); the other continua (affine solution sets with linear
    conditions: polytopes) are reported by their vertices alone — those with the same support
    are listed with it, those on the boundary belong to smaller support profiles — so that
    the list holds the isolated equilibria and the extreme points of the polytopes of
    equilibria, never interior samples that would read as a count.

    ``supports_tried`` counts the support profiles examined, ``supports_solved`` those that
    needed the polynomial solver, and ``surviving_actions`` gives, per player, the actions left
    after iterated elimination of strictly dominated actions. ``approximations`` holds every
    equilibrium as float arrays (see :meth:`as_float`).
    """

    equilibria: tuple[Profile, ...]
    payoffs: tuple[tuple[sympy.Expr, ...], ...]
    complete: bool
    continua: tuple[Supports, ...]
    unresolved: tuple[Supports, ...]
    supports_tried: int
    supports_solved: int
    timed_out: bool
    surviving_actions: Supports
    approximations: tuple[tuple[np.ndarray, ...], ...] = field(
        default=(), compare=False, repr=False
    )

    def __len__(self) -> int:
        return len(self.equilibria)

    def __iter__(self) -> Iterator[Profile]:
        return iter(self.equilibria)

    def as_float(self) -> list[tuple[np.ndarray, ...]]:
        """Every equilibrium as a tuple of float arrays.

        Read from the rigorous approximations to :data:`KEY_DIGITS` = 40 decimals computed
        during the search (the float nearest to a number within ``10**-40`` of the exact
        probability); :func:`as_float` evaluates an exact profile again instead.
        """
        if len(self.approximations) == len(self.equilibria):
            return [tuple(v.copy() for v in eq) for eq in self.approximations]
        return [as_float(eq) for eq in self.equilibria]


def as_float(equilibrium: Sequence[Sequence[Any]]) -> tuple[np.ndarray, ...]:
    """One equilibrium (a tuple of per-player probability tuples) as float arrays.

    Each exact number is evaluated with sympy at 30 significant digits, then rounded to float.
    """
    return tuple(
        np.array([float(sympy.N(sympy.sympify(p), 30)) for p in s], dtype=float)
        for s in equilibrium
    )


# --------------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------------


def _integer_arrays(game: Game) -> tuple[list[np.ndarray], list[int]]:
    """Payoffs as Python ints (object arrays), each player's scaled by a positive integer.

    Scaling a player's payoffs by a positive constant leaves the equilibria unchanged; the
    scales are returned so that payoffs can be reported in the original units.
    """
    if not isinstance(game, Game):
        raise TypeError(f"support_enumeration() needs a gametheory.Game, got {type(game).__name__}")
    if game.kind == "symbolic":
        if game.parameters:
            names = ", ".join(str(p) for p in game.parameters)
            raise ValueError(
                f"support_enumeration needs numeric payoffs, but the game has free parameters "
                f"({names}); bind them with game.subs(...) first"
            )
    game._require_solvable("support_enumeration")
    arrays, scales = [], []
    for a in game.as_fractions():
        scale = math.lcm(*(v.denominator for v in a.flat))
        ints = np.empty(a.shape, dtype=object)
        for idx, v in np.ndenumerate(a):
            ints[idx] = v.numerator * (scale // v.denominator)
        arrays.append(ints)
        scales.append(scale)
    return arrays, scales


def _check_limit(value: Any, name: str, integer: bool) -> Any:
    if value is None:
        return None
    kinds = (int, np.integer) if integer else (int, float, np.integer, np.floating)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise TypeError(f"{name} must be {'an integer' if integer else 'a number'} or None")
    if not value > 0 or (not integer and not math.isfinite(value)):
        raise ValueError(f"{name} must be positive, got {value!r}")
    return value


# --------------------------------------------------------------------------------------------
# Dominance
# --------------------------------------------------------------------------------------------


def _player_matrix(
    u: np.ndarray, i: int, supports: Sequence[Sequence[int]], rows: Sequence[int] | None = None
) -> np.ndarray:
    """Rows: player ``i``'s actions ``rows`` (default all); columns: the others' pure profiles
    restricted to their ``supports``."""
    axes = [s for s in supports]
    axes[i] = range(u.shape[i]) if rows is None else rows
    sub = u[np.ix_(*axes)]
    return np.moveaxis(sub, i, 0).reshape(sub.shape[i], -1)


def _eliminate(arrays: list[np.ndarray]) -> list[list[int]]:
    """Iterated elimination of actions strictly dominated by a pure action."""
    survivors = [list(range(n)) for n in arrays[0].shape]
    changed = True
    while changed:
        changed = False
        for i in range(len(arrays)):
            rows = survivors[i]
            U = _player_matrix(arrays[i], i, survivors, rows)
            gone = {
                r
                for r in range(len(rows))
                if any(all(U[b] > U[r]) for b in range(len(rows)) if b != r)
            }
            if gone:
                survivors[i] = [a for r, a in enumerate(rows) if r not in gone]
                changed = True
    return survivors


def _conditionally_dominated(arrays: list[np.ndarray], supports: Supports) -> bool:
    """True when some support action is weakly dominated against the others' supports."""
    for i, s in enumerate(supports):
        U = _player_matrix(arrays[i], i, supports)
        for a in s:
            row = U[a]
            for b in range(U.shape[0]):
                if b != a and all(U[b] >= row) and any(U[b] > row):
                    return True
    return False


# --------------------------------------------------------------------------------------------
# Support profiles
# --------------------------------------------------------------------------------------------


def _support_profiles(actions: Sequence[Sequence[int]]) -> Iterator[Supports]:
    """All support profiles, by increasing total size, then by size vector, then lexicographic."""
    sizes = sorted(
        product(*[range(1, len(a) + 1) for a in actions]), key=lambda k: (sum(k), max(k), k)
    )
    for k in sizes:
        yield from product(*[combinations(a, m) for a, m in zip(actions, k, strict=True)])


# --------------------------------------------------------------------------------------------
# The polynomial system of one support profile
# --------------------------------------------------------------------------------------------


@dataclass
class _System:
    supports: Supports
    gens: list[sympy.Symbol]
    equations: list[sympy.Expr]
    positive: list[sympy.Expr]  # must be > 0 (support probabilities)
    nonpositive: list[sympy.Expr]  # must be <= 0 (deviation gains off the supports)
    probabilities: list[list[sympy.Expr]]  # per player, per action of the reduced game
    values: list[sympy.Expr]  # v_i


def _indifference_conditions(
    arrays: list[np.ndarray],
    supports: Supports,
    unknowns: Sequence[Any],
    one: Any,
    zero: Any,
    expand: Any = lambda e: e,
) -> tuple[list, list, list, list, list]:
    """The conditions of one support profile in any polynomial arithmetic (sympy expressions or
    FLINT polynomials): ``(probabilities, positive, equations, nonpositive, values)``.

    ``unknowns`` are consumed player by player: player ``i`` with support ``S_i = (a_0, ...)``
    plays ``a_k`` (``k >= 1``) with the next unknown and ``a_0`` with one minus their sum.
    ``values[i] = u_i(a_0, x_-i)``; the equations are ``u_i(a, x_-i) - v_i`` for the other
    ``a in S_i`` (zero ones dropped) and the deviation gains ``u_i(b, x_-i) - v_i`` for ``b`` off
    ``S_i`` must be ``<= 0``.
    """
    n = len(arrays)
    shape = arrays[0].shape
    probs: list[list[Any]] = []
    positive: list[Any] = []
    k = 0
    for i, s in enumerate(supports):
        vec = [zero] * shape[i]
        if len(s) == 1:
            vec[s[0]] = one
        else:
            xs = unknowns[k : k + len(s) - 1]
            k += len(s) - 1
            first = one
            for x in xs:
                first = first - x
            vec[s[0]] = first
            for a, x in zip(s[1:], xs, strict=True):
                vec[a] = x
            positive.extend(vec[a] for a in s)
        probs.append(vec)
    # weights of the others' pure profiles, then the value of each action
    equations, nonpositive, values = [], [], []
    for i, s in enumerate(supports):
        others = [j for j in range(n) if j != i]
        weights = []
        for prof in product(*[supports[j] for j in others]):
            w = one
            for j, a in zip(others, prof, strict=True):
                w = w * probs[j][a]
            weights.append((prof, expand(w)))

        def value(a: int, i: int = i, weights: list = weights) -> Any:
            total = zero
            for prof, w in weights:
                full = list(prof)
                full.insert(i, a)
                coeff = int(arrays[i][tuple(full)])
                if coeff:
                    total = total + coeff * w
            return expand(total)

        v = value(s[0])
        values.append(v)
        equations.extend(value(a) - v for a in s[1:])
        nonpositive.extend(value(b) - v for b in range(shape[i]) if b not in s)
    equations = [e for e in equations if e != zero]
    return probs, positive, equations, nonpositive, values


def _build_system(arrays: list[np.ndarray], supports: Supports) -> _System:
    gens: list[sympy.Symbol] = []
    for i, s in enumerate(supports):
        if len(s) > 1:
            gens.extend(sympy.symbols(f"x{i}_1:{len(s)}", real=True))
    probs, positive, equations, nonpositive, values = _indifference_conditions(
        arrays, supports, gens, sympy.Integer(1), sympy.Integer(0), sympy.expand
    )
    return _System(supports, gens, equations, positive, nonpositive, probs, values)


@dataclass
class _FastSystem:
    """The system of one support profile as FLINT polynomials (same unknowns, in the same order,
    as :class:`_System`): solved in compiled code by :mod:`gametheory.polynomial_systems`."""

    ring: polynomial_systems.Ring
    equations: list[Any]
    positive: list[Any]
    nonpositive: list[Any]
    probabilities: list[list[Any]]
    values: list[Any]


def _build_fast_system(arrays: list[np.ndarray], supports: Supports) -> _FastSystem:
    ring = polynomial_systems.Ring(sum(len(s) - 1 for s in supports))
    probs, positive, equations, nonpositive, values = _indifference_conditions(
        arrays, supports, ring.gens, ring.constant(1), ring.constant(0)
    )
    return _FastSystem(ring, equations, positive, nonpositive, probs, values)


def _fast_feasible(point: polynomial_systems.RealPoint, system: _FastSystem) -> bool:
    if any(point.sign(point.reduce(e)) <= 0 for e in system.positive):
        return False
    return all(point.sign(point.reduce(e)) <= 0 for e in system.nonpositive)


def _fast_equilibrium(
    point: polynomial_systems.RealPoint, system: _FastSystem
) -> tuple[Profile, tuple, tuple]:
    """The equilibrium at ``point``: exact probabilities and payoffs, and the sorting key."""
    reduced = [[point.reduce(p) for p in vec] for vec in system.probabilities]
    strategies = tuple(tuple(_exact_number(point, h) for h in vec) for vec in reduced)
    payoffs = tuple(_exact_number(point, point.reduce(v)) for v in system.values)
    key = tuple(_round(point.approx(h, KEY_DIGITS)) for vec in reduced for h in vec)
    return strategies, payoffs, key


def _sympy_poly(q: Any, var: sympy.Symbol) -> sympy.Expr:
    return sympy.Add(
        *(sympy.Rational(int(c.p), int(c.q)) * var**j for j, c in enumerate(q.coeffs()))
    )


def _exact_number(point: polynomial_systems.RealPoint, h: Any) -> sympy.Expr:
    """``h(t0)`` as a sympy number: Rational, ``a + b*sqrt(d)``, or ``CRootOf(q(x), k)`` for its
    minimal polynomial ``q`` (the same forms as :meth:`_Point.value`)."""
    if h.degree() <= 0 or point.degree == 1:
        v = point.approx(h, 0) if point.degree == 1 else _constant(h)
        return sympy.Rational(v.numerator, v.denominator)
    if point.degree == 2:
        root = _quadratic_roots(point.p)[point.index]
        return sympy.expand(_sympy_poly(h, _T).subs(_T, root))
    q, k = point.minimal_polynomial(h)
    if q.degree() == 1:  # pragma: no cover - deg h < deg p and p irreducible
        c = -q.coeffs()[0]
        return sympy.Rational(int(c.p), int(c.q))
    if q.degree() == 2:
        return _quadratic_roots(q)[k]
    return sympy.CRootOf(_sympy_poly(q, _X), k)


def _quadratic_roots(q: Any) -> list[sympy.Expr]:
    """The two real roots of a quadratic with two real roots, ascending, as radicals."""
    roots = sympy.roots(sympy.Poly(_sympy_poly(q, _T), _T), multiple=True)
    return sorted(roots, key=lambda r: sympy.N(r, 50))


def _constant(h: Any) -> Fraction:
    c = h.coeffs()[0] if not h.is_zero() else 0
    return Fraction(int(c.p), int(c.q)) if c else Fraction(0)


# --------------------------------------------------------------------------------------------
# Exact real algebraic points
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _as_poly(expr: sympy.Expr, gens: tuple[sympy.Symbol, ...]) -> sympy.Poly:
    """``expr`` as a polynomial over QQ in ``gens`` (cached: every candidate point of a support
    profile is checked against the same polynomials)."""
    return sympy.Poly(expr, *gens, domain="QQ")


@dataclass
class _Point:
    """A real solution ``x_k = h_k(t0)``, ``t0`` the ``index``-th real root of irreducible ``p``."""

    p: sympy.Poly
    index: int
    interval: tuple[Fraction, Fraction]
    coords: dict[sympy.Symbol, sympy.Poly]

    def refine(self) -> None:
        a, b = self.interval
        width = (b - a) / 2**64
        lo, hi = self.p.refine_root(sympy.Rational(a), sympy.Rational(b), eps=sympy.Rational(width))
        self.interval = (Fraction(int(lo.p), int(lo.q)), Fraction(int(hi.p), int(hi.q)))

    def reduce(self, expr: sympy.Expr, gens: Sequence[sympy.Symbol]) -> sympy.Poly:
        """``expr`` evaluated at the point, as a polynomial in ``t`` reduced modulo ``p``."""
        if not gens:
            return sympy.Poly(expr, _T, domain="QQ")
        poly = _as_poly(expr, tuple(gens))
        total = sympy.Poly(0, _T, domain="QQ")
        for monom, coeff in poly.terms():
            term = sympy.Poly(coeff, _T, domain="QQ")
            for g, e in zip(gens, monom, strict=True):
                if e:
                    term = (term * self.coords[g] ** e).rem(self.p)
            total += term
        return total.rem(self.p)

    def sign(self, h: sympy.Poly) -> int:
        """Exact sign of ``h(t0)`` for ``h`` reduced modulo ``p``."""
        if h.is_zero:
            return 0
        coeffs = [Fraction(int(c.numerator), int(c.denominator)) for c in h.all_coeffs()]
        if len(coeffs) == 1:
            return 1 if coeffs[0] > 0 else -1
        while True:
            lo, hi = _interval_horner(coeffs, *self.interval)
            if lo > 0:
                return 1
            if hi < 0:
                return -1
            self.refine()

    def value(self, h: sympy.Poly) -> sympy.Expr:
        """``h(t0)`` as an exact sympy number.

        Rational when ``h`` is constant (``h(t0)`` is rational only then, as ``p`` is
        irreducible and ``deg h < deg p``); ``a + b*sqrt(d)`` when ``deg p = 2``; otherwise a root
        of the minimal polynomial ``q`` of ``h(t0)`` (an irreducible factor of the resultant
        ``res_t(p(t), y - h(t))``): a radical if ``deg q = 2``, else ``CRootOf(q, k)``. The factor
        and the index ``k`` are the unique ones with a real root within ``10**-KEY_DIGITS`` of a
        rigorous approximation of ``h(t0)``; if that is not unique, ``h(CRootOf(p, index))`` is
        returned instead.
        """
        if self.p.degree() == 1 or h.degree() <= 0:
            return _rational_value(h, self.root_rational() if self.p.degree() == 1 else Fraction(0))
        if self.p.degree() == 2:
            return sympy.expand(h.as_expr().subs(_T, self.root_expr()))
        approx = self.approx(h)
        slack = Fraction(1, 10**KEY_DIGITS)
        resultant = sympy.Poly(sympy.resultant(self.p.as_expr(), _Y - h.as_expr(), _T), _Y)
        candidates = []
        for q, _ in resultant.factor_list()[1]:
            eps = sympy.Rational(1, 10 ** (KEY_DIGITS + 5))
            roots = sorted(q.intervals(eps=eps), key=lambda iv: iv[0][0])
            for k, ((a, b), _) in enumerate(roots):
                if _to_fraction(a) - slack <= approx <= _to_fraction(b) + slack:
                    candidates.append((q, k, (_to_fraction(a), _to_fraction(b))))
        if len(candidates) != 1:  # pragma: no cover - needs two roots within 1e-40
            return sympy.expand(h.as_expr().subs(_T, sympy.CRootOf(self.p.as_expr(), self.index)))
        q, k, interval = candidates[0]
        q = q.monic() if q.domain.is_Field else q.to_field().monic()
        return _Point(q.replace(_Y, _T), k, interval, {}).root_expr()

    def root_rational(self) -> Fraction:
        c1, c0 = (Fraction(int(c.numerator), int(c.denominator)) for c in self.p.all_coeffs())
        return -c0 / c1

    def root_expr(self) -> sympy.Expr:
        """``t0`` itself: Rational, radical (degree 2) or ``CRootOf``."""
        if self.p.degree() == 1:
            r = self.root_rational()
            return sympy.Rational(r.numerator, r.denominator)
        if self.p.degree() == 2:
            a, b = self.interval
            for r in sympy.roots(self.p, multiple=True):
                if r.is_real and sympy.Rational(a) <= r <= sympy.Rational(b):
                    return r
            raise AssertionError("no radical root in the isolating interval")  # pragma: no cover
        return sympy.CRootOf(self.p.as_expr().subs(_T, _X), self.index)

    def approx(self, h: sympy.Poly, digits: int = KEY_DIGITS) -> Fraction:
        """``h(t0)`` to within ``10**-digits`` (rigorous interval evaluation)."""
        coeffs = [Fraction(int(c.numerator), int(c.denominator)) for c in h.all_coeffs()]
        if self.p.degree() == 1:
            return _horner(coeffs, self.root_rational())
        while True:
            lo, hi = _interval_horner(coeffs, *self.interval)
            if hi - lo < Fraction(1, 10 ** (digits + 2)):
                return (lo + hi) / 2
            self.refine()


def _rational_value(h: sympy.Poly, r: Fraction) -> sympy.Rational:
    coeffs = [Fraction(int(c.numerator), int(c.denominator)) for c in h.all_coeffs()]
    v = _horner(coeffs, r)
    return sympy.Rational(v.numerator, v.denominator)


def _horner(coeffs: Sequence[Fraction], x: Fraction) -> Fraction:
    acc = Fraction(0)
    for c in coeffs:
        acc = acc * x + c
    return acc


def _interval_horner(coeffs: Sequence[Fraction], a: Fraction, b: Fraction) -> tuple[Any, Any]:
    """An enclosure of ``{h(x) : a <= x <= b}`` by interval Horner evaluation (exact rationals)."""
    lo = hi = Fraction(0)
    for c in coeffs:
        products = (lo * a, lo * b, hi * a, hi * b)
        lo, hi = min(products) + c, max(products) + c
    return lo, hi


def _to_fraction(q: Any) -> Fraction:
    return Fraction(int(q.p), int(q.q)) if hasattr(q, "p") else Fraction(q)


def _real_points(f: sympy.Poly, coords: dict[sympy.Symbol, sympy.Poly]) -> list[_Point]:
    """One :class:`_Point` per distinct real root of ``f``."""
    points = []
    for factor, _ in f.factor_list()[1]:
        p = factor.monic() if factor.domain.is_Field else factor.to_field().monic()
        if p.degree() < 1:
            continue
        reduced = {g: c.rem(p) for g, c in coords.items()}
        if p.degree() == 1:
            root = -_to_fraction(p.all_coeffs()[1])
            points.append(_Point(p, 0, (root, root), reduced))
            continue
        for k, ((a, b), _) in enumerate(p.intervals()):
            points.append(_Point(p, k, (_to_fraction(a), _to_fraction(b)), reduced))
    return points


# --------------------------------------------------------------------------------------------
# Groebner bases and the shape lemma
# --------------------------------------------------------------------------------------------


def _groebner(polys: Sequence[sympy.Expr], gens: Sequence[sympy.Symbol]) -> Any:
    return sympy.groebner(list(polys), *gens, order="grevlex", domain="QQ")


def _is_empty(G: Any) -> bool:
    return any(p.is_number and p != 0 for p in G.exprs)


def _shape(G: Any, gens: Sequence[sympy.Symbol], last: sympy.Symbol) -> tuple | None:
    """``(f, {x: g_x})`` when the lex basis of ``G`` is ``{x - g_x(last), f(last)}``."""
    L = G.fglm("lex")
    position = list(L.gens).index(last)
    f = None
    coords: dict[sympy.Symbol, sympy.Poly] = {}
    for P in L.polys:
        terms = P.as_dict()
        used = {k for exps in terms for k, e in enumerate(exps) if e}
        if used <= {position}:
            if f is not None:
                return None
            f = sympy.Poly.from_dict({(e[position],): c for e, c in terms.items()}, _T, domain="QQ")
            continue
        heads = used - {position}
        if len(heads) != 1:
            return None
        (k,) = heads
        lead = [(e, c) for e, c in terms.items() if e[k]]
        unit = tuple(1 if j == k else 0 for j in range(len(L.gens)))
        if len(lead) != 1 or lead[0][0] != unit:
            return None
        c = lead[0][1]
        rest = {(e[position],): -v / c for e, v in terms.items() if not e[k]}
        coords[L.gens[k]] = sympy.Poly.from_dict(rest or {(0,): 0}, _T, domain="QQ")
    if f is None or any(g not in coords for g in gens if g is not last):
        return None
    coords[last] = sympy.Poly(_T, _T, domain="QQ")
    return f, coords


def _eliminant(G: Any, gens: Sequence[sympy.Symbol], x: sympy.Symbol) -> sympy.Expr:
    order = [g for g in gens if g is not x] + [x]
    L = sympy.groebner(G.exprs, *order, order="grevlex", domain="QQ").fglm("lex")
    return next(p for p in L.exprs if p.free_symbols <= {x})


def _solve_zero_dimensional(G: Any, gens: list[sympy.Symbol]) -> list[_Point] | None:
    """Real points of a zero-dimensional ideal, or None if no shape form was found."""
    shaped = _shape(G, gens, gens[-1])
    if shaped is None:
        # make the ideal radical (Seidenberg's lemma), then use a separating linear form
        radical = list(G.exprs)
        for x in gens:
            e = sympy.Poly(_eliminant(G, gens, x), x, domain="QQ")
            radical.append(e.sqf_part().as_expr())
        for attempt in range(1, 6):
            rng = np.random.default_rng(attempt)
            form = sum(
                int(c) * g for c, g in zip(rng.integers(1, 20, len(gens)), gens, strict=True)
            )
            H = sympy.groebner([*radical, _T - form], *gens, _T, order="grevlex", domain="QQ")
            shaped = _shape(H, [*gens, _T], _T)
            if shaped is not None:
                break
        else:
            return None
    f, coords = shaped
    return _real_points(f, coords)


def _solve(system: _System, extra: Sequence[sympy.Expr] = ()) -> tuple[str, Any]:
    """``("points", [...])``, ``("empty", None)``, ``("continuum", G)`` or ``("unresolved", G)``."""
    # the players' unknowns in reverse order: measured 1.2-5x faster Groebner bases on 3x3x3
    gens = system.gens[::-1]
    equations = [*system.equations, *extra]
    if not equations:
        return "continuum", None
    G = _groebner(equations, gens)
    if _is_empty(G):
        return "empty", None
    if not G.is_zero_dimensional:
        if len(gens) > SATURATION_MAX_UNKNOWNS:
            return "continuum", G
        # saturate by the support probabilities: drop components where some of them vanish
        product_ = sympy.Mul(*system.positive)
        S = _groebner([*equations, _Z * product_ - 1], [_Z, *gens])
        if _is_empty(S):
            return "empty", None
        if not S.is_zero_dimensional:
            return "continuum", G
        G, gens = S, [_Z, *gens]
    points = _solve_zero_dimensional(G, gens)
    if points is None:  # pragma: no cover - shape form always exists for a radical ideal
        return "unresolved", G
    return "points", points


def _feasible(point: _Point, system: _System) -> bool:
    gens = system.gens
    if any(point.sign(point.reduce(e, gens)) <= 0 for e in system.positive):
        return False
    return all(point.sign(point.reduce(e, gens)) <= 0 for e in system.nonpositive)


def _equilibrium_of_point(point: _Point, system: _System) -> tuple[Profile, tuple, tuple]:
    gens = system.gens
    strategies = tuple(
        tuple(point.value(point.reduce(p, gens)) for p in vec) for vec in system.probabilities
    )
    payoffs = tuple(point.value(point.reduce(v, gens)) for v in system.values)
    key = tuple(
        _round(point.approx(point.reduce(p, gens))) for vec in system.probabilities for p in vec
    )
    return strategies, payoffs, key


def _round(q: Fraction) -> int:
    return round(q * 10**KEY_DIGITS)


# --------------------------------------------------------------------------------------------
# Continua
# --------------------------------------------------------------------------------------------


def _rational_equilibrium(system: _System, values: dict[sympy.Symbol, Fraction]) -> tuple | None:
    """The profile at rational ``values`` of the unknowns if it satisfies every condition."""
    subs = {g: sympy.Rational(v.numerator, v.denominator) for g, v in values.items()}
    if any(sympy.sympify(e).subs(subs) <= 0 for e in system.positive):
        return None
    if any(sympy.sympify(e).subs(subs) > 0 for e in system.nonpositive):
        return None
    if any(sympy.sympify(e).subs(subs) != 0 for e in system.equations):
        return None
    strategies = tuple(
        tuple(sympy.sympify(p).subs(subs) for p in vec) for vec in system.probabilities
    )
    payoffs = tuple(sympy.sympify(v).subs(subs) for v in system.values)
    key = tuple(_round(_to_fraction(p)) for vec in strategies for p in vec)
    return strategies, payoffs, key


def _linear_continuum(system: _System, G: Any) -> tuple[str, tuple | None]:
    """Decide an affine solution set with an exact LP: ``("empty"|"polytope"|"equilibria"|
    "unknown", eq)``. ``"polytope"``: every condition is linear too, so the equilibria of this
    support form a polytope whose vertices are found by :func:`_representatives` or lie on
    smaller supports; ``eq`` is then an interior point (the LP's), not a vertex."""
    gens = system.gens
    basis = [] if G is None else list(G.exprs)
    if any(sympy.Poly(p, *gens).total_degree() > 1 for p in basis):
        return "unknown", None
    if basis:
        (solution,) = sympy.linsolve(basis, gens)
    else:
        solution = tuple(gens)
    params = sorted(set().union(*(sympy.sympify(s).free_symbols for s in solution)), key=gens.index)
    subs = dict(zip(gens, solution, strict=True))
    m = len(params)
    rows, rhs, all_linear = [], [], True

    def linear(expr: sympy.Expr) -> tuple[list[Fraction], Fraction] | None:
        e = sympy.expand(sympy.sympify(expr).subs(subs))
        if not params:
            return [], _to_fraction(e)
        P = sympy.Poly(e, *params, domain="QQ")
        if P.total_degree() > 1:
            return None
        coeffs = [_to_fraction(P.coeff_monomial(p)) for p in params]
        return coeffs, _to_fraction(P.coeff_monomial(1))

    for e in system.positive:  # e(params) >= s  <=>  -coeffs.params + s <= const
        lin = linear(e)
        if lin is None:
            all_linear = False
            continue
        coeffs, const = lin
        rows.append([-c for c in coeffs] + [Fraction(1)])
        rhs.append(const)
    for e in system.nonpositive:  # e(params) <= 0
        lin = linear(e)
        if lin is None:
            all_linear = False
            continue
        coeffs, const = lin
        rows.append([*coeffs, Fraction(0)])
        rhs.append(-const)
    rows.append([Fraction(0)] * m + [Fraction(1)])  # s <= 1
    rhs.append(Fraction(1))
    status, x, value = _exact_lp([Fraction(0)] * m + [Fraction(1)], rows, rhs)
    if status != "optimal" or value <= 0:
        return "empty", None
    point = dict(zip(params, x[:m], strict=True))
    values = {
        g: _to_fraction(
            sympy.sympify(subs[g]).subs(
                {p: sympy.Rational(v.numerator, v.denominator) for p, v in point.items()}
            )
        )
        for g in gens
    }
    eq = _rational_equilibrium(system, values)
    if eq is not None:
        return ("polytope" if all_linear else "equilibria"), eq
    return ("polytope" if all_linear else "unknown"), None


def _representatives(
    system: _System, deadline: float | None, fast: _FastSystem | None = None
) -> tuple[list[tuple], bool]:
    """Equilibria of a continuum at which off-support actions also become best responses.

    Solves the system with every combination of up to ``len(gens)`` extra equalities
    ``u_i(b, x_-i) = v_i`` (at most :data:`MAX_REPRESENTATIVE_SYSTEMS` systems). Returns the
    feasible points and whether every combination was tried. With ``fast`` (the same system in
    FLINT form) the zero-dimensional systems are solved in compiled code and the others by
    sympy, which gives the same points.
    """
    found = []
    tried = 0
    for r in range(1, min(len(system.gens), len(system.nonpositive)) + 1):
        for combo in combinations(range(len(system.nonpositive)), r):
            if tried >= MAX_REPRESENTATIVE_SYSTEMS or (
                deadline is not None and time.monotonic() > deadline
            ):
                return found, False
            tried += 1
            if fast is not None:
                extra = [fast.nonpositive[k] for k in combo]
                status, points = polynomial_systems.solve([*fast.equations, *extra], fast.ring)
                if status == "points":
                    found += [_fast_equilibrium(p, fast) for p in points if _fast_feasible(p, fast)]
                    continue
                if status == "empty":
                    continue
            status, points = _solve(system, [system.nonpositive[k] for k in combo])
            if status != "points":
                continue
            found += [_equilibrium_of_point(pt, system) for pt in points if _feasible(pt, system)]
    return found, True


#: Rational values at which free unknowns of a nonlinear continuum are fixed to find sample points.
SAMPLE_VALUES = (
    sympy.Rational(1, 2),
    sympy.Rational(1, 3),
    sympy.Rational(2, 3),
    sympy.Rational(1, 5),
    sympy.Rational(4, 5),
)


def _samples(system: _System, deadline: float | None) -> list[tuple]:
    """Equilibria of a continuum found by fixing its free unknowns at :data:`SAMPLE_VALUES`.

    For each value ``c``, unknowns are fixed (``x = c``) one after another, skipping those whose
    fixing leaves no solution, until the system becomes zero-dimensional; its feasible points are
    exact equilibria of the continuum.
    """
    found = []
    for c in SAMPLE_VALUES:
        if deadline is not None and time.monotonic() > deadline:
            break
        fixed: list[sympy.Expr] = []
        for g in system.gens:
            status, points = _solve(system, [*fixed, g - c])
            if status == "empty":
                continue
            fixed.append(g - c)
            if status == "points":
                found += [
                    _equilibrium_of_point(pt, system) for pt in points if _feasible(pt, system)
                ]
                break
            if status == "unresolved":  # pragma: no cover - shape form exists for radical ideals
                break
    return found


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def _pure_check(arrays: list[np.ndarray], supports: Supports) -> bool:
    profile = tuple(s[0] for s in supports)
    for i, u in enumerate(arrays):
        index = list(profile)
        index[i] = slice(None)
        if u[tuple(index)].max() > u[profile]:
            return False
    return True


def _profile_equilibria(
    reduced: list[np.ndarray], supports: Supports, deadline: float | None
) -> tuple[list[tuple], bool | None]:
    """The equilibria with support profile ``supports`` and, when its solution set is
    positive-dimensional and may hold equilibria, whether that continuum is resolved (else None).

    Zero-dimensional systems are solved in compiled code (:mod:`gametheory.polynomial_systems`)
    when :data:`ENGINE` is ``"flint"``; the sympy implementation handles the rest (continua).
    """
    fast = None
    if ENGINE == "flint":
        fast = _build_fast_system(reduced, supports)
        status, points = polynomial_systems.solve(fast.equations, fast.ring)
        if status == "empty":
            return [], None
        if status == "points":
            return [_fast_equilibrium(pt, fast) for pt in points if _fast_feasible(pt, fast)], None
    system = _build_system(reduced, supports)
    status, data = _solve(system)
    if status == "empty":
        return [], None
    if status == "points":
        return [_equilibrium_of_point(pt, system) for pt in data if _feasible(pt, system)], None
    verdict, eq = _linear_continuum(system, data) if status == "continuum" else ("unknown", None)
    if verdict == "empty":
        return [], None
    found, exhaustive = _representatives(system, deadline, fast)
    resolved = verdict in ("polytope", "equilibria") and exhaustive
    # a polytope is reported by its vertices: its interior LP point is left out once every
    # vertex is known to be listed
    if eq is not None and not (verdict == "polytope" and exhaustive):
        found.append(eq)
    if verdict not in ("polytope", "equilibria"):
        found += _samples(system, deadline)
    return found, resolved


def _pure_equilibrium(arrays: list[np.ndarray], supports: Supports) -> tuple:
    """The pure profile ``supports`` (one action each) as an equilibrium record."""
    profile = tuple(s[0] for s in supports)
    one, zero = sympy.Integer(1), sympy.Integer(0)
    strategies = tuple(
        tuple(one if a == b else zero for b in range(n))
        for a, n in zip(profile, arrays[0].shape, strict=True)
    )
    payoffs = tuple(sympy.Integer(int(u[profile])) for u in arrays)
    key = tuple(10**KEY_DIGITS if p else 0 for vec in strategies for p in vec)
    return strategies, payoffs, key


def _search(
    reduced: list[np.ndarray], deadline: float | None, max_supports: int | None
) -> Iterator[tuple]:
    """Run the support enumeration on the reduced game, yielding events as they happen.

    Events: ``("eq", key, strategies, payoffs)``, ``("continuum", supports, resolved)``,
    ``("count", tried, solved)`` after every profile, and last ``("end", stopped)``.
    """
    tried = solved = 0
    for supports in _support_profiles([range(n) for n in reduced[0].shape]):
        if (deadline is not None and time.monotonic() > deadline) or (
            max_supports is not None and tried >= max_supports
        ):
            yield ("end", True)
            return
        tried += 1
        found: list[tuple] = []
        if all(len(s) == 1 for s in supports):
            if _pure_check(reduced, supports):
                found.append(_pure_equilibrium(reduced, supports))
        elif not _conditionally_dominated(reduced, supports):
            solved += 1
            equilibria, continuum = _profile_equilibria(reduced, supports, deadline)
            found += equilibria
            if continuum is not None:
                yield ("continuum", supports, continuum)
        for strategies, payoffs, key in found:
            yield ("eq", key, strategies, payoffs)
        yield ("count", tried, solved)
    yield ("end", False)


def _search_worker(
    reduced: list[np.ndarray], timeout: float, max_supports: int | None, conn: Any
) -> None:
    """Child process: stream the events of :func:`_search` to the parent."""
    try:
        for event in _search(reduced, time.monotonic() + timeout, max_supports):
            conn.send(event)
    except Exception as exc:  # pragma: no cover - reported to the parent
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _isolated_search(
    reduced: list[np.ndarray], timeout: float, max_supports: int | None
) -> Iterator[tuple]:
    """The events of :func:`_search` computed in a child process that is killed at the
    deadline; the events received until then are kept (``("end", True)`` on time-out)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=_search_worker, args=(reduced, timeout, max_supports, sender), daemon=True
    )
    deadline = time.monotonic() + timeout
    process.start()
    sender.close()
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not receiver.poll(left):
                yield ("end", True)
                return
            try:
                event = receiver.recv()
            except EOFError as exc:  # pragma: no cover - the child died
                raise RuntimeError("the support enumeration child process died") from exc
            if event[0] == "error":  # pragma: no cover
                raise RuntimeError(f"support enumeration failed in the child process: {event[1]}")
            yield event
            if event[0] == "end":
                return
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()


def support_enumeration(
    game: Game,
    *,
    timeout: float | None = None,
    max_supports: int | None = None,
    isolate: bool = False,
) -> NPlayerResult:
    """All isolated Nash equilibria of an N-player game, exactly, by support enumeration.

    Every support profile of the game left after iterated elimination of strictly dominated
    actions is examined; the indifference equations of each are solved exactly through a Groebner
    basis and the shape lemma, and candidates are kept only after exact sign tests (see the module
    notes for the mathematics and references). Works for any number of players, two included
    (for nondegenerate two-player games the result is the set of all equilibria).

    Parameters
    ----------
    game:
        A :class:`~gametheory.Game` with rational or float payoffs (floats are taken at their
        exact binary values). Symbolic games raise ValueError.
    timeout:
        Seconds after which the search stops (``complete`` and ``timed_out`` then tell).
        In-process, the clock is checked between support profiles and between the systems solved
        for a continuum, so one long Groebner basis (5 players or more) can overrun it; with
        ``isolate=True`` the limit is hard.
    max_supports:
        Stop after examining this many support profiles (``complete`` is then False).
    isolate:
        Run the search in a child process (``fork`` where available) that streams its results
        and is killed at ``timeout``; the equilibria found until then are returned. Needs a
        ``timeout``.

    Returns
    -------
    NPlayerResult
        Exact equilibria (sympy numbers), sorted by support size and then by probabilities, with
        ``complete``, ``continua``, ``unresolved``, ``supports_tried``.

    Examples
    --------
    >>> import numpy as np, gametheory as gt
    >>> a1, a2, a3 = np.indices((2, 2, 2))  # Jordan's (1993) three-player matching pennies
    >>> g = gt.Game.from_arrays(
    ...     np.where(a1 == a2, 1, -1), np.where(a2 == a3, 1, -1), np.where(a3 != a1, 1, -1)
    ... )
    >>> result = support_enumeration(g)
    >>> result.equilibria
    (((1/2, 1/2), (1/2, 1/2), (1/2, 1/2)),)
    >>> result.complete
    True
    """
    timeout = _check_limit(timeout, "timeout", integer=False)
    max_supports = _check_limit(max_supports, "max_supports", integer=True)
    if not isinstance(isolate, bool):
        raise TypeError(f"isolate must be True or False, got {isolate!r}")
    if isolate and timeout is None:
        raise ValueError("isolate=True needs a timeout (seconds)")
    start = time.monotonic()
    arrays, scales = _integer_arrays(game)
    survivors = _eliminate(arrays)
    grid = np.ix_(*survivors)
    reduced = [a[grid] for a in arrays]
    shape = arrays[0].shape
    if isolate:
        events = _isolated_search(reduced, timeout - (time.monotonic() - start), max_supports)
    else:
        deadline = None if timeout is None else start + timeout
        events = _search(reduced, deadline, max_supports)

    found: dict[tuple, tuple] = {}
    continua: list[Supports] = []
    unresolved: list[Supports] = []
    tried = solved = 0
    stopped = False
    for event in events:
        if event[0] == "eq":
            found.setdefault(event[1], (event[2], event[3], event[1]))
        elif event[0] == "continuum":
            continua.append(event[1])
            if not event[2]:
                unresolved.append(event[1])
        elif event[0] == "count":
            tried, solved = event[1], event[2]
        else:
            stopped = event[1]

    def lift(strategies: Profile) -> Profile:
        out = []
        for i, keep in enumerate(survivors):
            vec = [sympy.Integer(0)] * shape[i]
            for pos, a in enumerate(keep):
                vec[a] = strategies[i][pos]
            out.append(tuple(vec))
        return tuple(out)

    def approximate(key: tuple[int, ...]) -> tuple[np.ndarray, ...]:
        out, k = [], 0
        for i, keep in enumerate(survivors):
            vec = np.zeros(shape[i])
            for a in keep:
                vec[a] = key[k] / 10**KEY_DIGITS  # int / int: correctly rounded
                k += 1
            out.append(vec)
        return tuple(out)

    def original(supports: Supports) -> Supports:
        return tuple(tuple(survivors[i][a] for a in s) for i, s in enumerate(supports))

    items = sorted(
        found.values(),
        key=lambda eq: (sum(sum(1 for p in s if p != 0) for s in eq[0]), eq[2]),
    )
    return NPlayerResult(
        equilibria=tuple(lift(eq[0]) for eq in items),
        payoffs=tuple(tuple(v / scales[i] for i, v in enumerate(eq[1])) for eq in items),
        complete=not stopped and not continua,
        continua=tuple(original(s) for s in continua),
        unresolved=tuple(original(s) for s in unresolved),
        supports_tried=tried,
        supports_solved=solved,
        timed_out=stopped,
        surviving_actions=tuple(tuple(s) for s in survivors),
        approximations=tuple(approximate(eq[2]) for eq in items),
    )
